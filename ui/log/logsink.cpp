// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "log/logsink.h"

#include <atomic>

namespace d4::ui {

namespace {

std::atomic<QtMessageHandler> g_previous{nullptr};
std::atomic<bool> g_installed{false};

void forward(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogSink::instance().append(
        {QDateTime::currentDateTime(), type,
         context.category ? QString::fromLatin1(context.category) : QStringLiteral("default"), message});
    if (QtMessageHandler previous = g_previous.load()) {
        previous(type, context, message);
    }
}

} // namespace

LogSink &LogSink::instance()
{
    static LogSink sink;
    return sink;
}

void LogSink::install(std::size_t capacity)
{
    {
        LogSink &sink = instance();
        const std::lock_guard lock(sink.m_mutex);
        sink.m_capacity = std::max<std::size_t>(1, capacity);
    }
    if (!g_installed.exchange(true)) {
        g_previous = qInstallMessageHandler(forward);
    }
}

void LogSink::uninstall()
{
    if (g_installed.exchange(false)) {
        qInstallMessageHandler(g_previous.exchange(nullptr));
    }
}

void LogSink::append(LogEntry entry)
{
    const std::lock_guard lock(m_mutex);
    m_entries.push_back(std::move(entry));
    while (m_entries.size() > m_capacity) {
        m_entries.pop_front();
        ++m_dropped;
    }
}

std::deque<LogEntry> LogSink::take()
{
    const std::lock_guard lock(m_mutex);
    std::deque<LogEntry> result;
    result.swap(m_entries);
    return result;
}

quint64 LogSink::dropped() const
{
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

std::size_t LogSink::capacity() const
{
    const std::lock_guard lock(m_mutex);
    return m_capacity;
}

} // namespace d4::ui
