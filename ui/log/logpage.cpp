// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "log/logpage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

#include "log/logsink.h"

namespace d4::ui {

namespace {

int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 0;
}

const char *levelName(QtMsgType type)
{
    static const char *const names[] = {"debug", "info", "warning", "critical", "fatal"};
    return names[severity(type)];
}

} // namespace

LogPage::LogPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("LogPage"));
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->addItems(
        {tr("Debug and above"), tr("Info and above"), tr("Warnings and above"), tr("Critical")});
    m_level->setCurrentIndex(1);
    m_category = new QLineEdit(this);
    m_category->setObjectName(QStringLiteral("logCategory"));
    m_category->setPlaceholderText(tr("category filter, e.g. d4.ingest"));
    auto *clear = new QPushButton(tr("C&lear"), this);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(kMaxLines);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_text->setFont(mono);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Level:"), this));
    bar->addWidget(m_level);
    bar->addWidget(m_category, 1);
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_text, 1);
    connect(clear, &QPushButton::clicked, m_text, &QPlainTextEdit::clear);
    // The view follows the tail while the reader is at the bottom, and stays put once they scroll up.
    QScrollBar *vertical = m_text->verticalScrollBar();
    connect(vertical, &QScrollBar::valueChanged, this,
            [this, vertical](int value) { m_followingTail = value == vertical->maximum(); });
    connect(vertical, &QScrollBar::rangeChanged, this, [this, vertical](int, int maximum) {
        if (m_followingTail) {
            vertical->setValue(maximum);
        }
    });
    m_timer = new QTimer(this);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &LogPage::drain);
    m_timer->start();
}

LogPage::~LogPage() = default;

void LogPage::drain()
{
    const std::deque<LogEntry> entries = LogSink::instance().take();
    if (entries.empty()) {
        return;
    }
    const int minimum = m_level->currentIndex();
    const QString category = m_category->text().trimmed();
    QStringList lines;
    for (const LogEntry &entry : entries) {
        if (severity(entry.type) < minimum || (!category.isEmpty() && !entry.category.contains(category))) {
            continue;
        }
        lines.append(QStringLiteral("%1 %2 %3: %4")
                         .arg(entry.time.toString(QStringLiteral("HH:mm:ss.zzz")),
                              QLatin1String(levelName(entry.type)), entry.category, entry.message));
    }
    if (lines.isEmpty()) {
        return;
    }
    // Appending to a long last line would scroll the view to the ends of the lines (the text cursor
    // sits at the end of the document, and the view keeps it visible, also when a hidden page is
    // shown later): keep the side position, and park the cursor at the start of the last line.
    QScrollBar *horizontal = m_text->horizontalScrollBar();
    const int horizontalPosition = horizontal->value();
    m_text->appendPlainText(lines.join(QLatin1Char('\n')));
    if (m_followingTail) {
        QTextCursor cursor = m_text->textCursor();
        cursor.movePosition(QTextCursor::End);
        cursor.movePosition(QTextCursor::StartOfBlock);
        m_text->setTextCursor(cursor);
    }
    horizontal->setValue(horizontalPosition);
}

QString LogPage::text() const
{
    return m_text->toPlainText();
}

} // namespace d4::ui
