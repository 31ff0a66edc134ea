// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <deque>
#include <mutex>

#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace d4::ui {

/** One log message as the log view shows it. */
struct LogEntry
{
    QDateTime time;
    QtMsgType type = QtDebugMsg;
    QString category;
    QString message;
};

/**
 * Collects every qDebug/qInfo/qWarning of the process (the core's logging categories included)
 * for the log view. install() chains a qInstallMessageHandler that also forwards to the previous
 * handler, so stderr logging keeps working. Thread-safe: messages arrive from the ingest, worker
 * and management threads; the GUI drains them with take() on a timer. Bounded: beyond capacity
 * the oldest entries are dropped and counted.
 */
class LogSink final
{
public:
    static LogSink &instance();
    /** Installs the message handler once; later calls only change the capacity. */
    static void install(std::size_t capacity = 5000);
    /** Restores the previous handler (tests). */
    static void uninstall();

    void append(LogEntry entry);
    /** Removes and returns every pending entry, oldest first. */
    std::deque<LogEntry> take();
    /** Entries dropped because the GUI did not drain fast enough. */
    quint64 dropped() const;
    std::size_t capacity() const;

private:
    LogSink() = default;

    mutable std::mutex m_mutex;
    std::deque<LogEntry> m_entries;
    std::size_t m_capacity = 5000;
    quint64 m_dropped = 0;
};

} // namespace d4::ui
