// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "analyzers/passivedns/pdnstuple.h"
#include "store/redisendpoint.h"

class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace d4::passivedns {
class PdnsAnalyzer;
struct PdnsStatus;
class RemoteQueueConsumer;
} // namespace d4::passivedns

namespace d4::ui {

class DnsResultsModel;
class RemoteQueueBox;

/**
 * The DNS page of the console: live charts of the passive DNS analyzer (records/s, new tuples/s,
 * rrtype mix, top names), a search box with a sortable, copyable results table, and exports (COF
 * NDJSON, CSV, MISP passive-dns objects). Look-ups run on a thread-pool thread with their own Redis
 * connection; the GUI thread never waits for Redis. @p analyzer may be null (charts then come from
 * the store's counters, read in the background too, and the top names and remote queue state that
 * the server publishes there); it must outlive the page. With setRemoteQueue(), a box above the
 * charts shows the remote analyzer queue consumer's state.
 */
class DnsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DnsPage(store::RedisEndpoint pdnsStore, passivedns::PdnsAnalyzer *analyzer = nullptr,
                     QWidget *parent = nullptr);
    ~DnsPage() override;

    /**
     * Shows the state of @p consumer (the embedded server's [Passive_DNS_Queue]; not owned, must
     * outlive the page) in a box refreshed with the charts; null hides the box.
     */
    void setRemoteQueue(passivedns::RemoteQueueConsumer *consumer);
    RemoteQueueBox *remoteQueueBox() const noexcept { return m_remoteQueue; }
    DnsResultsModel *resultsModel() const noexcept { return m_model; }
    QLineEdit *searchBox() const noexcept { return m_search; }
    QTableView *resultsView() const noexcept { return m_table; }
    /** Starts a look-up of the search box's text (name, IP, "*.domain", or "=rdata" for rdata). */
    void search();
    /** Samples the counters once, and refreshes the remote queue box (the timer does it every second). */
    void sample();
    /** Copies the selected cells as tab-separated text. */
    void copySelection();
    int recordsRatePoints() const;
    QCustomPlot *ratesPlot() const noexcept { return m_rates; }
    QCustomPlot *typesPlot() const noexcept { return m_types; }
    QCustomPlot *namesPlot() const noexcept { return m_names; }

    enum class ExportFormat
    {
        Ndjson,
        Csv,
        Misp
    };
    /** The current results in @p format (what the export buttons write). */
    QByteArray exportResults(ExportFormat format) const;

Q_SIGNALS:
    /** A look-up finished (for tests and the status bar): @p error is empty on success. */
    void searchFinished(int results, const QString &error);

private:
    struct Sample
    {
        qint64 records = 0;
        qint64 newTuples = 0;
        QList<QPair<int, qint64>> types;
        QList<QPair<QByteArray, qint64>> names;
    };
    void applyPublished(const std::optional<passivedns::PdnsStatus> &status, const QString &problem);
    void applySample(const Sample &sample);
    void applyResults(quint64 generation, const QList<passivedns::PdnsTuple> &tuples, const QString &error);
    void exportTo(ExportFormat format);

    store::RedisEndpoint m_store;
    QPointer<QObject> m_guard;
    passivedns::PdnsAnalyzer *m_analyzer;
    QLineEdit *m_search = nullptr;
    QPushButton *m_searchButton = nullptr;
    QLabel *m_status = nullptr;
    RemoteQueueBox *m_remoteQueue = nullptr;
    QTableView *m_table = nullptr;
    DnsResultsModel *m_model = nullptr;
    QCustomPlot *m_rates = nullptr;
    QCustomPlot *m_types = nullptr;
    QCustomPlot *m_names = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_sampling = false;
    qint64 m_lastRecords = -1;
    qint64 m_lastTuples = -1;
    double m_lastTime = 0;
    quint64 m_generation = 0;
    QString m_publishedProblem; ///< why the store's published status was refused (logged once)
};

} // namespace d4::ui
