// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include "forward/forwardstatus.h"
#include "store/redisendpoint.h"

class QCustomPlot;
class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;

namespace d4::forward {
class ForwardStatusReader;
}

namespace d4::ui {

class ForwardPreviewPanel;
class ForwardRulesModel;

/**
 * The Sharing page: the forwarding rules defined in server.conf, as the server publishes them in
 * Redis (METADATA), with their live state and counters refreshed every second, Pause/Resume for
 * the selected rule, its throughput and filter breakdown, and a dry-run preview of its filters.
 * Redis is only read and written on the page's own thread (a ForwardStatusReader driven by queued
 * calls); the GUI thread never waits for it. With the server.conf of the embedded server
 * (setConfigFile), New rule / Edit / Remove change its [Forward:<name>] sections (ForwardRuleDialog);
 * the server reads them when it starts.
 */
class ForwardPage final : public QWidget
{
    Q_OBJECT

public:
    /** @p analyzer: where the analyzer queues live (for the preview's queue samples). */
    ForwardPage(store::RedisEndpoint metadata, store::RedisEndpoint analyzer, QWidget *parent = nullptr);
    ~ForwardPage() override;

    ForwardRulesModel *rulesModel() const noexcept { return m_model; }
    QTableView *rulesView() const noexcept { return m_table; }
    QPushButton *pauseButton() const noexcept { return m_pause; }
    ForwardPreviewPanel *previewPanel() const noexcept { return m_preview; }
    QTabWidget *tabs() const noexcept { return m_tabs; }
    QLabel *statusLabel() const noexcept { return m_status; }
    QCustomPlot *throughputPlot() const noexcept { return m_chart; }

    /**
     * The server.conf the rules are edited in; empty (the default) disables editing, with a
     * tooltip that says a server.conf is needed.
     */
    void setConfigFile(const QString &path);
    QPushButton *newButton() const noexcept { return m_new; }
    QPushButton *editButton() const noexcept { return m_edit; }
    QPushButton *removeButton() const noexcept { return m_remove; }
    QLabel *applyLabel() const noexcept { return m_apply; }
    /** Removes rule @p name from the server.conf, without asking; false and the error shown on failure. */
    bool removeRule(const QString &name);

    /** Reads the rules once (the timer does it every second); refreshed() follows. */
    void refresh();
    /** Pauses the selected rule when it runs, resumes it when paused; pauseFinished() follows. */
    void togglePause();
    /** Selects the rule named @p name; false when there is none. */
    bool selectRule(const QString &name);
    /** The selected rule's name, or empty. */
    QString selectedRule() const;

Q_SIGNALS:
    /** A refresh finished; @p error is empty when Redis answered. */
    void refreshed(const QString &error);
    void pauseFinished(const QString &rule, bool paused, const QString &error);

private:
    void applyRules(const QList<forward::ForwardRuleStatus> &rules, const QString &error);
    void selectionChanged();
    void updateDetails();
    void editRule(const QString &name);
    void confirmRemove();
    void updateEditButtons();
    void requestSample(const QByteArray &queueUuid);
    /** Runs @p job on the page's thread with the reader. */
    template <typename Job> void post(Job &&job);

    QThread m_thread;
    QObject *m_threadContext = nullptr; ///< lives on m_thread: the target of queued calls
    std::shared_ptr<forward::ForwardStatusReader> m_reader;
    ForwardRulesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_apply = nullptr;
    QString m_configFile;
    QLabel *m_status = nullptr;
    QLabel *m_breakdown = nullptr;
    QTabWidget *m_tabs = nullptr;
    QCustomPlot *m_chart = nullptr;
    ForwardPreviewPanel *m_preview = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_refreshing = false;
    bool m_readFailed = false; ///< the status line shows a read error or that there is no rule
    QString m_chartRule;       ///< whose samples the chart shows
    qint64 m_lastSent = -1;
    qint64 m_lastBytes = -1;
    double m_lastTime = 0;
};

} // namespace d4::ui
