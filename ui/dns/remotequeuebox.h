// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QElapsedTimer>
#include <QGroupBox>
#include <QList>
#include <QPair>

class QHBoxLayout;
class QLabel;

#include <optional>

namespace d4::passivedns {
class RemoteQueueConsumer;
struct PublishedRemoteQueue;
struct RemoteQueueCounters;
} // namespace d4::passivedns

namespace d4::ui {

/**
 * The DNS page's status of the remote analyzer queue consumer ([Passive_DNS_Queue]): the queue and
 * the remote Redis, connected / retrying with the last error, lines consumed, their rate, batches,
 * lines in flight and lines rejected by reason. refresh() reads RemoteQueueConsumer::counters(), a
 * snapshot under short locks that never waits on Redis, so the GUI thread does not block. A console
 * attached to another server's store shows, with setPublished(), the state that server published
 * instead. Hidden while there is neither.
 */
class RemoteQueueBox final : public QGroupBox
{
    Q_OBJECT

public:
    /** The rate is the lines consumed over about this many seconds of refreshes. */
    static constexpr double kRateWindowSeconds = 10.0;

    explicit RemoteQueueBox(QWidget *parent = nullptr);

    /** Shows @p consumer (not owned; must outlive the box), or hides the box when null. */
    void setConsumer(passivedns::RemoteQueueConsumer *consumer);
    passivedns::RemoteQueueConsumer *consumer() const noexcept { return m_consumer; }
    /** Reads the consumer's counters and updates the labels (the page's timer calls it every second). */
    void refresh();
    /**
     * Shows the consumer state a server published in its store (PdnsStatus, read by the DNS page of
     * an attached console), or hides the box on nullopt. Ignored while a consumer is set.
     */
    void setPublished(const std::optional<passivedns::PublishedRemoteQueue> &queue);

    /** Lines consumed per second over the rate window; negative until two refreshes are apart. */
    double linesPerSecond() const noexcept { return m_linesPerSecond; }
    QString queueText() const;
    QString stateText() const;
    QString consumedText() const;
    QString rateText() const;
    QString batchesText() const;
    QString inFlightText() const;
    QString rejectedText() const;

private:
    void showQueue(const QString &queueKey, const QString &endpoint, const QString &inflightKey);
    void showCounters(const passivedns::RemoteQueueCounters &counters);
    QLabel *addField(QHBoxLayout *row, const QString &caption, const QString &objectName);

    passivedns::RemoteQueueConsumer *m_consumer = nullptr;
    QString m_publishedQueue; ///< the queue key shown from a published state ("" when none)
    QLabel *m_queue = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_consumed = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_batches = nullptr;
    QLabel *m_inFlight = nullptr;
    QLabel *m_rejected = nullptr;
    QElapsedTimer m_clock;
    QList<QPair<double, qint64>> m_history; ///< (seconds, lines consumed), oldest first
    double m_linesPerSecond = -1;
};

} // namespace d4::ui
