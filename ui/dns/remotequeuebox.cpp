// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "dns/remotequeuebox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "analyzers/passivedns/pdnsstatus.h"
#include "analyzers/passivedns/remotequeueconsumer.h"
#include "theme/palette.h"

namespace d4::ui {

using passivedns::RejectReason;
using passivedns::RemoteQueueCounters;

RemoteQueueBox::RemoteQueueBox(QWidget *parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("remoteQueueBox"));
    setTitle(tr("Remote analyzer queue"));
    setToolTip(tr("Passive DNS lines taken from another D4 server's analyzer queue "
                  "([Passive_DNS_Queue] in server.conf)."));
    auto *where = new QHBoxLayout;
    m_queue = addField(where, tr("Queue:"), QStringLiteral("remoteQueueName"));
    m_queue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state = addField(where, tr("State:"), QStringLiteral("remoteQueueState"));
    m_state->setWordWrap(true);
    where->setStretchFactor(m_state, 1);
    auto *figures = new QHBoxLayout;
    m_consumed = addField(figures, tr("Lines consumed:"), QStringLiteral("remoteQueueConsumed"));
    m_rate = addField(figures, tr("Rate:"), QStringLiteral("remoteQueueRate"));
    m_batches = addField(figures, tr("Batches:"), QStringLiteral("remoteQueueBatches"));
    m_inFlight = addField(figures, tr("In flight:"), QStringLiteral("remoteQueueInFlight"));
    m_rejected = addField(figures, tr("Rejected:"), QStringLiteral("remoteQueueRejected"));
    figures->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    layout->addLayout(where);
    layout->addLayout(figures);
    m_clock.start();
    setVisible(false);
}

QLabel *RemoteQueueBox::addField(QHBoxLayout *row, const QString &caption, const QString &objectName)
{
    auto *captionLabel = new QLabel(caption, this);
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    captionLabel->setBuddy(value);
    if (row->count() > 0) {
        row->addSpacing(16);
    }
    row->addWidget(captionLabel);
    row->addWidget(value);
    return value;
}

void RemoteQueueBox::setConsumer(passivedns::RemoteQueueConsumer *consumer)
{
    m_consumer = consumer;
    m_publishedQueue.clear();
    m_history.clear();
    m_linesPerSecond = -1;
    setVisible(consumer != nullptr);
    if (consumer) {
        showQueue(QString::fromLatin1(consumer->queueKey()), consumer->settings().redis.describe(),
                  QString::fromLatin1(consumer->inflightKey()));
        refresh();
    }
}

void RemoteQueueBox::setPublished(const std::optional<passivedns::PublishedRemoteQueue> &queue)
{
    if (m_consumer) {
        return;
    }
    if (!queue) {
        m_publishedQueue.clear();
        setVisible(false);
        return;
    }
    const QString key = QString::fromUtf8(queue->queueKey);
    if (key != m_publishedQueue) { // another queue (or the first): its own rate history
        m_publishedQueue = key;
        m_history.clear();
        m_linesPerSecond = -1;
    }
    showQueue(key, queue->endpoint, QString::fromUtf8(queue->inflightKey));
    showCounters(queue->counters);
    setVisible(true);
}

void RemoteQueueBox::showQueue(const QString &queueKey, const QString &endpoint, const QString &inflightKey)
{
    m_queue->setText(tr("%1 on %2").arg(queueKey, endpoint));
    m_inFlight->setToolTip(tr("Lines taken from the remote queue and not yet stored; until they are, "
                              "they stay in %1 on the remote Redis.")
                               .arg(inflightKey));
}

namespace {

QString reasonText(RejectReason reason)
{
    switch (reason) {
    case RejectReason::Empty:
        return RemoteQueueBox::tr("empty line");
    case RejectReason::TooFewFields:
        return RemoteQueueBox::tr("too few fields");
    case RejectReason::TooManyFields:
        return RemoteQueueBox::tr("too many fields");
    case RejectReason::BadTimestamp:
        return RemoteQueueBox::tr("bad timestamp");
    case RejectReason::EmptyName:
        return RemoteQueueBox::tr("empty name");
    case RejectReason::BadType:
        return RemoteQueueBox::tr("bad type");
    case RejectReason::BadNumber:
        return RemoteQueueBox::tr("bad number");
    case RejectReason::BadJson:
        return RemoteQueueBox::tr("bad JSON");
    case RejectReason::Count_:
        break;
    }
    return QString();
}

QString stateOf(const RemoteQueueCounters &counters)
{
    if (!counters.running) {
        return RemoteQueueBox::tr("Stopped");
    }
    if (counters.connected) {
        return counters.reconnects > 0
                   ? RemoteQueueBox::tr("Connected (%n reconnection(s))", nullptr, int(counters.reconnects))
                   : RemoteQueueBox::tr("Connected");
    }
    if (counters.connectFailures == 0) {
        return RemoteQueueBox::tr("Connecting…");
    }
    return RemoteQueueBox::tr("Retrying (%n failure(s)): %1", nullptr, int(counters.connectFailures))
        .arg(counters.lastError);
}

QString rejectedOf(const RemoteQueueCounters &counters)
{
    const QLocale locale;
    QString text = locale.toString(counters.rejected);
    QStringList reasons;
    for (size_t i = 0; i < counters.rejectedBy.size(); ++i) {
        if (counters.rejectedBy[i] > 0) {
            reasons.append(RemoteQueueBox::tr("%1: %2").arg(reasonText(RejectReason(i)),
                                                            locale.toString(counters.rejectedBy[i])));
        }
    }
    if (!reasons.isEmpty()) {
        text = RemoteQueueBox::tr("%1 (%2)").arg(text, reasons.join(QStringLiteral(", ")));
    }
    if (counters.excluded > 0) {
        text = RemoteQueueBox::tr("%1; %2 excluded").arg(text, locale.toString(counters.excluded));
    }
    return text;
}

} // namespace

void RemoteQueueBox::refresh()
{
    if (m_consumer) {
        showCounters(m_consumer->counters());
    }
}

void RemoteQueueBox::showCounters(const RemoteQueueCounters &counters)
{
    const QLocale locale;

    m_state->setText(stateOf(counters));
    const bool failing = counters.running && !counters.connected && counters.connectFailures > 0;
    m_state->setStyleSheet(failing ? errorTextStyle() : QString());
    m_state->setToolTip(
        counters.lastError.isEmpty()
            ? QString()
            : tr("Last error at %1: %2")
                  .arg(locale.toString(counters.lastErrorTime.toLocalTime(), QLocale::ShortFormat),
                       counters.lastError));

    m_consumed->setText(locale.toString(counters.lines));
    m_consumed->setToolTip(
        tr("Lines stored from the remote queue since start. Of these, %1 were recovered "
           "from the in-flight list after a reconnection; %2 more were found there "
           "already stored and were not stored again.")
            .arg(locale.toString(counters.recovered), locale.toString(counters.alreadyStored)));
    m_batches->setText(locale.toString(counters.batches));
    m_inFlight->setText(locale.toString(counters.inFlight));
    m_rejected->setText(rejectedOf(counters));
    m_rejected->setToolTip(tr("Lines the analyzer could not parse, by reason (they are not stored), and "
                              "lines skipped by the exclude list."));

    const double now = double(m_clock.elapsed()) / 1000.0;
    m_history.append({now, counters.lines});
    // Keep the newest sample that is at least the window old, so the span covers the whole window.
    while (m_history.size() > 2 && now - m_history.at(1).first >= kRateWindowSeconds) {
        m_history.removeFirst();
    }
    const double span = now - m_history.constFirst().first;
    m_linesPerSecond = span > 0 ? double(counters.lines - m_history.constFirst().second) / span : -1;
    m_rate->setText(
        m_linesPerSecond < 0
            ? QString(QChar(0x2014)) // not known yet
            : tr("%1 lines/s").arg(locale.toString(m_linesPerSecond, 'f', m_linesPerSecond < 10 ? 1 : 0)));
}

QString RemoteQueueBox::queueText() const
{
    return m_queue->text();
}

QString RemoteQueueBox::stateText() const
{
    return m_state->text();
}

QString RemoteQueueBox::consumedText() const
{
    return m_consumed->text();
}

QString RemoteQueueBox::rateText() const
{
    return m_rate->text();
}

QString RemoteQueueBox::batchesText() const
{
    return m_batches->text();
}

QString RemoteQueueBox::inFlightText() const
{
    return m_inFlight->text();
}

QString RemoteQueueBox::rejectedText() const
{
    return m_rejected->text();
}

} // namespace d4::ui
