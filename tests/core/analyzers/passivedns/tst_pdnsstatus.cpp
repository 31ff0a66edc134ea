// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// PdnsStatus, the analyzer state a server publishes in its PDNS store for attached consoles: the
// JSON round trip, and every way fromJson() refuses what another process wrote.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "analyzers/passivedns/pdnsstatus.h"

using namespace d4::passivedns;

namespace {

PdnsStatus sampleStatus()
{
    PdnsStatus status;
    status.published = QDateTime::fromSecsSinceEpoch(1764730000, Qt::UTC);
    status.topNames = {{"www.example.com.", 120}, {"mail.example.com.", 7}};
    PublishedRemoteQueue queue;
    queue.queueKey = "analyzer:8:d42967c1-f7ad-464e-bbc7-4464c653d7a6";
    queue.inflightKey = "pdns:inflight:d42967c1-f7ad-464e-bbc7-4464c653d7a6";
    queue.endpoint = QStringLiteral("203.0.113.7:6380/2");
    queue.counters.lines = 1003;
    queue.counters.recovered = 100;
    queue.counters.alreadyStored = 4;
    queue.counters.batches = 11;
    queue.counters.connectFailures = 2;
    queue.counters.reconnects = 1;
    queue.counters.inFlight = 50;
    queue.counters.rejected = 3;
    queue.counters.rejectedBy[size_t(RejectReason::Empty)] = 1;
    queue.counters.rejectedBy[size_t(RejectReason::BadType)] = 2;
    queue.counters.excluded = 5;
    queue.counters.running = true;
    queue.counters.connected = false;
    queue.counters.lastError = QStringLiteral("cannot connect: Connection refused");
    queue.counters.lastErrorTime = QDateTime::fromSecsSinceEpoch(1764729990, Qt::UTC);
    status.remoteQueue = queue;
    return status;
}

QJsonObject sampleObject()
{
    return QJsonDocument::fromJson(sampleStatus().toJson()).object();
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/** sampleObject() with remote_queue.<field> set to @p value (or removed when undefined). */
QByteArray withQueueField(const QString &field, const QJsonValue &value)
{
    QJsonObject object = sampleObject();
    QJsonObject queue = object.value(QLatin1String("remote_queue")).toObject();
    if (value.isUndefined()) {
        queue.remove(field);
    } else {
        queue.insert(field, value);
    }
    object.insert(QLatin1String("remote_queue"), queue);
    return toJson(object);
}

} // namespace

class TestPdnsStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const PdnsStatus original = sampleStatus();
        QString error;
        const auto read = PdnsStatus::fromJson(original.toJson(), &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->published, original.published);
        QCOMPARE(read->topNames, original.topNames);
        QVERIFY(read->remoteQueue);
        const PublishedRemoteQueue &queue = *read->remoteQueue;
        QCOMPARE(queue.queueKey, original.remoteQueue->queueKey);
        QCOMPARE(queue.inflightKey, original.remoteQueue->inflightKey);
        QCOMPARE(queue.endpoint, original.remoteQueue->endpoint);
        const RemoteQueueCounters &want = original.remoteQueue->counters;
        QCOMPARE(queue.counters.lines, want.lines);
        QCOMPARE(queue.counters.recovered, want.recovered);
        QCOMPARE(queue.counters.alreadyStored, want.alreadyStored);
        QCOMPARE(queue.counters.batches, want.batches);
        QCOMPARE(queue.counters.connectFailures, want.connectFailures);
        QCOMPARE(queue.counters.reconnects, want.reconnects);
        QCOMPARE(queue.counters.inFlight, want.inFlight);
        QCOMPARE(queue.counters.rejected, want.rejected);
        QVERIFY(queue.counters.rejectedBy == want.rejectedBy);
        QCOMPARE(queue.counters.excluded, want.excluded);
        QCOMPARE(queue.counters.running, true);
        QCOMPARE(queue.counters.connected, false);
        QCOMPARE(queue.counters.lastError, want.lastError);
        QCOMPARE(queue.counters.lastErrorTime, want.lastErrorTime);
    }

    void withoutRemoteQueue()
    {
        PdnsStatus status = sampleStatus();
        status.remoteQueue.reset();
        status.topNames.clear();
        const auto read = PdnsStatus::fromJson(status.toJson());
        QVERIFY(read);
        QVERIFY(read->topNames.isEmpty());
        QVERIFY(!read->remoteQueue);
        // A consumer that never failed has no error time: null in JSON, invalid once read.
        status = sampleStatus();
        status.remoteQueue->counters.lastError.clear();
        status.remoteQueue->counters.lastErrorTime = QDateTime();
        const auto noError = PdnsStatus::fromJson(status.toJson());
        QVERIFY(noError && noError->remoteQueue);
        QVERIFY(!noError->remoteQueue->counters.lastErrorTime.isValid());
    }

    void writerBoundsWhatItPublishes()
    {
        PdnsStatus status = sampleStatus();
        status.topNames = {{QByteArray(2000, 'a'), 1000}}; // longer than any name: left out
        for (int i = 0; i < 150; ++i) {
            status.topNames.append({"n" + QByteArray::number(i) + ".example.", 150 - i});
        }
        const auto read = PdnsStatus::fromJson(status.toJson());
        QVERIFY(read);
        QCOMPARE(read->topNames.size(), 100);
        QCOMPARE(read->topNames.first(), qMakePair(QByteArray("n0.example."), qint64(150)));
    }

    void unknownReasonIgnored()
    {
        QJsonObject reasons = sampleObject()
                                  .value(QLatin1String("remote_queue"))
                                  .toObject()
                                  .value(QLatin1String("rejected_by"))
                                  .toObject();
        reasons.insert(QLatin1String("a_reason_of_a_later_version"), 9);
        const auto read = PdnsStatus::fromJson(withQueueField(QStringLiteral("rejected_by"), reasons));
        QVERIFY(read && read->remoteQueue);
        QCOMPARE(read->remoteQueue->counters.rejectedBy[size_t(RejectReason::BadType)], 2);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QJsonObject object = sampleObject();
        QTest::newRow("not JSON") << QByteArray("{\"version\":") << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("not a JSON object");
        object.insert(QLatin1String("version"), 2);
        QTest::newRow("version") << toJson(object) << QStringLiteral("version is not 1");
        object = sampleObject();
        object.insert(QLatin1String("published"), -5);
        QTest::newRow("published negative") << toJson(object) << QStringLiteral("published is not a time");
        object.insert(QLatin1String("published"), QStringLiteral("today"));
        QTest::newRow("published text") << toJson(object) << QStringLiteral("published is not a time");
        object = sampleObject();
        object.insert(QLatin1String("top_names"), QJsonObject());
        QTest::newRow("names not array") << toJson(object) << QStringLiteral("top_names is not an array");
        QJsonArray many;
        for (int i = 0; i < 101; ++i) {
            many.append(QJsonArray{QStringLiteral("n"), 1});
        }
        object.insert(QLatin1String("top_names"), many);
        QTest::newRow("too many names") << toJson(object) << QStringLiteral("at most 100 entries");
        const QJsonValue badEntries[] = {QJsonArray{QStringLiteral("n")},
                                         QJsonArray{1, 1},
                                         QJsonArray{QStringLiteral("n"), -1},
                                         QJsonArray{QStringLiteral("n"), 1.5},
                                         QJsonArray{QString(1025, QLatin1Char('a')), 1},
                                         QStringLiteral("n")};
        int i = 0;
        for (const QJsonValue &entry : badEntries) {
            object.insert(QLatin1String("top_names"), QJsonArray{entry});
            QTest::addRow("bad name entry %d", i++)
                << toJson(object) << QStringLiteral("a top_names entry is not [name, count]");
        }
        object = sampleObject();
        object.insert(QLatin1String("remote_queue"), 7);
        QTest::newRow("queue not object")
            << toJson(object) << QStringLiteral("remote_queue is not an object");
        QTest::newRow("queue key") << withQueueField(QStringLiteral("queue"), 1)
                                   << QStringLiteral("remote_queue.queue is not a string");
        QTest::newRow("inflight key") << withQueueField(QStringLiteral("inflight"), QJsonValue::Undefined)
                                      << QStringLiteral("remote_queue.inflight is not a string");
        QTest::newRow("endpoint") << withQueueField(QStringLiteral("endpoint"),
                                                    QString(5000, QLatin1Char('x')))
                                  << QStringLiteral("remote_queue.endpoint is not a string");
        for (const char *counter : {"lines", "recovered", "already_stored", "batches", "connect_failures",
                                    "reconnects", "in_flight", "rejected", "excluded"}) {
            QTest::addRow("counter %s", counter)
                << withQueueField(QLatin1String(counter), -1)
                << QStringLiteral("remote_queue.%1 is not a non-negative integer")
                       .arg(QLatin1String(counter));
        }
        QTest::newRow("reasons") << withQueueField(QStringLiteral("rejected_by"), QJsonArray())
                                 << QStringLiteral("remote_queue.rejected_by is not an object");
        QTest::newRow("reason count")
            << withQueueField(QStringLiteral("rejected_by"), QJsonObject{{QStringLiteral("bad_type"), true}})
            << QStringLiteral("remote_queue.rejected_by.bad_type is not");
        QTest::newRow("running") << withQueueField(QStringLiteral("running"), 1)
                                 << QStringLiteral("remote_queue.running or .connected is not a boolean");
        QTest::newRow("connected") << withQueueField(QStringLiteral("connected"), QJsonValue::Undefined)
                                   << QStringLiteral("remote_queue.running or .connected is not a boolean");
        QTest::newRow("last error") << withQueueField(QStringLiteral("last_error"), QJsonValue::Null)
                                    << QStringLiteral("remote_queue.last_error is not a string");
        QTest::newRow("last error time")
            << withQueueField(QStringLiteral("last_error_time"), QStringLiteral("x"))
            << QStringLiteral("remote_queue.last_error_time is neither null");
    }
    void refused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!PdnsStatus::fromJson(json, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPdnsStatus)
#include "tst_pdnsstatus.moc"
