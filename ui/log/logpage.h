// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

namespace d4::ui {

/** The log view: what LogSink collected, filtered by level and category, bounded in lines. */
class LogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPage)

public:
    static constexpr int kMaxLines = 5000;

    explicit LogPage(QWidget *parent = nullptr);
    ~LogPage() override;

    /** Moves pending LogSink entries into the view (also called by a 250 ms timer). */
    void drain();
    QString text() const;

private:
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_level = nullptr;
    QLineEdit *m_category = nullptr;
    QTimer *m_timer = nullptr;
    bool m_followingTail = true; ///< the reader is at the bottom: new lines scroll into view
};

} // namespace d4::ui
