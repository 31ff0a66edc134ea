// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Two d4-server processes, each with its own redis-server, on loopback: sensors stream to the
// first ("local"), a forwarding rule sends a filtered, mixed stream to the second ("partner"),
// and the partner's analyzer queue is checked item by item.

#include <algorithm>
#include <memory>

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QThread>
#include <QtEndian>

#include "workers/queuemanager.h"
#include "workers/workertestbase.h"

using namespace d4;
using namespace d4::test;

namespace {

const QByteArray kPartnerKey = "private key to change";
const QByteArray kPartnerUuid = "8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f";

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/** A passivedns line (default layout) for @p query, with a client IP that must not leave. */
QByteArray pdnsLine(int index, const QByteArray &query, const QByteArray &client)
{
    return QByteArray::number(1700000000 + index) + ".000001||" + client + "||192.0.2.53||IN||" + query +
           "||A||198.51.100." + QByteArray::number(index % 250) + "||300||1";
}

/** The same line as the rule sends it: client field emptied, layout kept. */
QByteArray withoutClient(const QByteArray &line)
{
    QByteArrayList fields = line.split('|');
    // "a||b||c" splits into a, "", b, "", c: the client is the third element.
    fields[2].clear();
    return fields.join('|');
}

QByteArray ethernetUdp(quint32 source, quint32 destination, int payloadSize)
{
    QByteArray frame(14 + 20 + 8 + payloadSize, '\0');
    auto *p = reinterpret_cast<uchar *>(frame.data());
    p[12] = 0x08; // IPv4
    uchar *ip = p + 14;
    ip[0] = 0x45;
    qToBigEndian<quint16>(quint16(20 + 8 + payloadSize), ip + 2);
    ip[8] = 64;
    ip[9] = 17;
    qToBigEndian(source, ip + 12);
    qToBigEndian(destination, ip + 16);
    uchar *udp = ip + 20;
    qToBigEndian<quint16>(5000, udp);
    qToBigEndian<quint16>(6000, udp + 2);
    qToBigEndian<quint16>(quint16(8 + payloadSize), udp + 4);
    return frame;
}

QByteArray pcapGlobalHeader()
{
    QByteArray header(24, '\0');
    auto *p = reinterpret_cast<uchar *>(header.data());
    qToLittleEndian<quint32>(0xa1b2c3d4, p);
    qToLittleEndian<quint16>(2, p + 4);
    qToLittleEndian<quint16>(4, p + 6);
    qToLittleEndian<quint32>(65535, p + 16);
    qToLittleEndian<quint32>(1, p + 20);
    return header;
}

QByteArray pcapRecord(quint32 seconds, const QByteArray &frame)
{
    QByteArray record(16, '\0');
    auto *p = reinterpret_cast<uchar *>(record.data());
    qToLittleEndian(seconds, p);
    qToLittleEndian<quint32>(quint32(frame.size()), p + 8);
    qToLittleEndian<quint32>(quint32(frame.size()), p + 12);
    return record + frame;
}

} // namespace

class TestForwarding : public WorkerTestBase
{
    Q_OBJECT

private:
    /** [Forward:share] sending to the partner; @p extra adds filter keys. */
    QString ruleSection(int type, const QString &sources, const QString &extra) const
    {
        return QStringLiteral(
                   "[Forward:share]\ntype = %1\n%2\npartner = 127.0.0.1:%3\npartner_uuid = %4\n"
                   "partner_key = %5\npartner_pin = %6\nack_interval_ms = 300\nretry_max = 1\n%7\n")
            .arg(type)
            .arg(sources)
            .arg(m_partnerPort)
            .arg(QString::fromLatin1(kPartnerUuid), QString::fromLatin1(kPartnerKey),
                 m_partnerProcess->fingerprint(), extra);
    }

    bool startPartner()
    {
        m_partnerProcess->setServerOptions(QStringLiteral("shutdown_drain_seconds = 10\n") + serverOptions());
        m_partnerProcess->setExtraArguments({QStringLiteral("--port"), QString::number(m_partnerPort)});
        return m_partnerProcess->start(m_redis);
    }

    RedisReply local(const QByteArrayList &command, int db = D4ServerProcess::kMetadataDb)
    {
        return m_localRedis.command(command, db);
    }

    /** The local server's accounting field for rule "share", waiting until it reaches @p atLeast. */
    qint64 localStat(const QByteArray &field, qint64 atLeast = 0, int timeoutMs = 15000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        qint64 value = 0;
        do {
            value = local({"HGET", "d4console:forward:stats:share", field}).string.toLongLong();
            if (value >= atLeast) {
                break;
            }
            QThread::msleep(50);
        } while (!deadline.hasExpired());
        return value;
    }

    /** Every sensor UUID the partner has metadata for. */
    QByteArrayList partnerSensors()
    {
        QByteArrayList sensors;
        for (const RedisReply &key : meta({"KEYS", "metadata_uuid:*"}).elements) {
            sensors.append(key.string.mid(qsizetype(sizeof("metadata_uuid:")) - 1).replace('-', ""));
        }
        return sensors;
    }

    RedisServerFixture m_localRedis;
    // Fresh processes for every test (a process object cannot be started twice at once).
    std::unique_ptr<D4ServerProcess> m_partnerProcess;
    std::unique_ptr<D4ServerProcess> m_localProcess;
    quint16 m_partnerPort = 0;

private Q_SLOTS:
    void init()
    {
        D4_START_REDIS(m_redis);
        D4_START_REDIS(m_localRedis);
        m_partnerProcess = std::make_unique<D4ServerProcess>();
        m_localProcess = std::make_unique<D4ServerProcess>();
        m_partnerPort = freePort();
        QVERIFY2(startPartner(), qPrintable(m_partnerProcess->errorString()));
    }

    void cleanup()
    {
        QVERIFY2(m_localProcess->stop(), m_localProcess->output().right(2000).constData());
        QVERIFY2(m_partnerProcess->stop(), m_partnerProcess->output().right(2000).constData());
        m_localRedis.stop();
        m_redis.stop();
    }

    void linesFilteredAndMixed()
    {
        const QByteArray queue = addQueue(8);
        const protocol::Uuid first = newUuid();
        const protocol::Uuid second = newUuid();
        m_localProcess->setServerOptions(
            serverOptions() +
            ruleSection(8,
                        QStringLiteral("sensors = %1, %2")
                            .arg(QString::fromStdString(protocol::uuidToDashed(first)),
                                 QString::fromStdString(protocol::uuidToDashed(second))),
                        QStringLiteral("drop_zones = corp.internal\nclient_fields = drop")));
        QVERIFY2(m_localProcess->start(m_localRedis), qPrintable(m_localProcess->errorString()));

        QByteArrayList expected;
        int dropped = 0;
        TestSensor one(first, 8);
        TestSensor two(second, 8);
        QVERIFY(one.connectTo(m_localProcess->port()));
        QVERIFY(two.connectTo(m_localProcess->port()));
        for (int batch = 0; batch < 10; ++batch) {
            for (TestSensor *sensor : {&one, &two}) {
                QByteArray payload;
                for (int i = 0; i < 50; ++i) {
                    const int index = batch * 100 + (sensor == &one ? 0 : 50) + i;
                    const bool internal = index % 7 == 0;
                    const QByteArray query =
                        internal ? QByteArray("host" + QByteArray::number(index) + ".corp.internal")
                                 : QByteArray("www" + QByteArray::number(index) + ".example.org");
                    const QByteArray line =
                        pdnsLine(index, query, "10.1.2." + QByteArray::number(index % 200));
                    payload += line + '\n';
                    if (internal) {
                        ++dropped;
                    } else {
                        expected.append(withoutClient(line));
                    }
                }
                QVERIFY(sensor->send(payload));
            }
        }
        one.close();
        two.close();

        QByteArrayList received = popAll("analyzer:8:" + queue, expected.size(), 30000);
        if (received.size() != expected.size()) {
            qWarning().noquote() << "local:" << m_localProcess->output().right(3000);
            qWarning().noquote() << "partner:" << m_partnerProcess->output().right(2000);
            for (int db : {0, 2, 4}) {
                QByteArrayList names;
                for (const RedisReply &key : local({"KEYS", "*"}, db).elements) {
                    names.append(key.string);
                }
                qWarning().noquote() << "local db" << db << names.join(' ').left(3000);
            }
        }
        QCOMPARE(received.size(), expected.size());
        std::sort(received.begin(), received.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(received, expected);
        for (const QByteArray &line : std::as_const(received)) {
            QVERIFY2(!line.contains("10.1.2."), line.constData());
            QVERIFY2(!line.contains("corp.internal"), line.constData());
        }
        // Mixed: the partner knows one sensor, the rule's UUID, and none of ours.
        QCOMPARE(partnerSensors(), QByteArrayList{QByteArray(kPartnerUuid).replace('-', "")});

        QCOMPARE(localStat("read", 1000), 1000);
        QCOMPARE(localStat("filtered:drop_suffix", dropped), dropped);
        QCOMPARE(localStat("acknowledged", expected.size()), expected.size());
        QThread::msleep(500);
        QCOMPARE(analyzer({"LLEN", "analyzer:8:" + queue}).integer, 0);
    }

    void partnerRestartMidStream()
    {
        const QByteArray queue = addQueue(8);
        const protocol::Uuid sensorUuid = newUuid();
        m_localProcess->setServerOptions(serverOptions() +
                                         ruleSection(8, QStringLiteral("sensors = *"), QString()));
        QVERIFY2(m_localProcess->start(m_localRedis), qPrintable(m_localProcess->errorString()));

        TestSensor sensor(sensorUuid, 8);
        QVERIFY(sensor.connectTo(m_localProcess->port()));
        QByteArrayList expected;
        for (int batch = 0; batch < 40; ++batch) {
            QByteArray payload;
            for (int i = 0; i < 250; ++i) {
                const int index = batch * 250 + i;
                const QByteArray line =
                    pdnsLine(index, "name" + QByteArray::number(index) + ".example.net", "10.0.0.1");
                payload += line + '\n';
                expected.append(line);
            }
            QVERIFY(sensor.send(payload));
            if (batch == 12) {
                QVERIFY(m_partnerProcess->stop()); // SIGTERM: the partner drains the window in flight
            }
            if (batch == 20) {
                QVERIFY2(startPartner(), qPrintable(m_partnerProcess->errorString()));
            }
            QThread::msleep(100);
        }
        sensor.close();

        QByteArrayList received = popAll("analyzer:8:" + queue, expected.size(), 60000);
        QThread::msleep(1500); // anything sent twice would arrive now
        received += popAll("analyzer:8:" + queue, 1, 500);
        if (received.size() != expected.size()) {
            const QSet<QByteArray> got(received.cbegin(), received.cend());
            QByteArrayList missing;
            for (const QByteArray &line : std::as_const(expected)) {
                if (!got.contains(line)) {
                    missing.append(line.left(18));
                }
            }
            qWarning().noquote() << "missing" << missing.size() << "from" << missing.value(0) << "to"
                                 << missing.value(missing.size() - 1);
            qWarning().noquote() << "local:" << m_localProcess->output().right(3000);
            qWarning().noquote() << "partner:" << m_partnerProcess->output().right(3000);
        }
        QCOMPARE(received.size(), expected.size());
        QCOMPARE(QSet<QByteArray>(received.cbegin(), received.cend()).size(), expected.size());
        std::sort(received.begin(), received.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(received, expected);
        QVERIFY(localStat("connections", 2) >= 2);
    }

    // A queue source: the rule registers its missing queue, consumes it (keep zones, pseudonymised
    // clients, a dropped rrtype) and first sends what a previous run left in its in-flight list.
    void queueSourceAndInFlightRecovery()
    {
        const QByteArray queue = "0f0e0d0c-0b0a-4908-8706-050403020100";
        const QByteArray inflight = "d4console:forward:inflight:share:" + queue;
        const QByteArray leftover1 = pdnsLine(1, "left1.example.org", "10.9.9.9");
        const QByteArray leftover2 = pdnsLine(2, "left2.example.org", "10.9.9.9");
        // LPUSH order, as the rule's batch script leaves it: the oldest item is the last one.
        local({"LPUSH", inflight, leftover1, leftover2}, D4ServerProcess::kAnalyzerDb);
        const QByteArray partnerQueue = addQueue(8);
        m_localProcess->setServerOptions(
            serverOptions() +
            ruleSection(8, QStringLiteral("queues = ") + QString::fromLatin1(queue),
                        QStringLiteral("keep_zones = example.org\nclient_fields = pseudonymise\n"
                                       "pseudonym_key = test-pseudonym-key-0123\ndrop_rrtypes = AAAA")));
        QVERIFY2(m_localProcess->start(m_localRedis), qPrintable(m_localProcess->errorString()));
        QCOMPARE(local({"HGET", "analyzer:" + queue, "type"}).string, QByteArray("8"));

        TestSensor sensor(newUuid(), 8);
        QVERIFY(sensor.connectTo(m_localProcess->port()));
        QByteArray payload;
        for (int i = 0; i < 30; ++i) {
            payload += pdnsLine(100 + i, "www" + QByteArray::number(i) + ".example.org", "10.1.1.1") + '\n';
            payload += pdnsLine(200 + i, "www" + QByteArray::number(i) + ".other.net", "10.1.1.1") + '\n';
            payload +=
                QByteArray(pdnsLine(300 + i, "v6-" + QByteArray::number(i) + ".example.org", "10.1.1.1"))
                    .replace("||A||", "||AAAA||") +
                '\n';
        }
        QVERIFY(sensor.send(payload));
        sensor.close();

        const QByteArrayList received = popAll("analyzer:8:" + partnerQueue, 32, 30000);
        QCOMPARE(received.size(), 32);
        // The in-flight items go first, oldest first.
        QVERIFY2(received[0].contains("left1.example.org"), received[0].constData());
        QVERIFY2(received[1].contains("left2.example.org"), received[1].constData());
        QByteArray pseudonym;
        for (const QByteArray &line : received) {
            const QByteArrayList fields = line.split('|');
            QVERIFY2(fields.size() == 17 && fields[8].endsWith(".example.org") && fields[10] == "A",
                     line.constData());
            const QByteArray client = fields[2];
            QVERIFY2(client.startsWith("fd") && client.contains(':'), line.constData());
            QVERIFY(!line.contains("10.1.1.1") && !line.contains("10.9.9.9"));
            if (line.contains("www")) {
                QVERIFY(pseudonym.isEmpty() || pseudonym == client); // one client, one pseudonym
                pseudonym = client;
            }
        }
        QCOMPARE(localStat("filtered:not_kept", 30), 30);
        QCOMPARE(localStat("filtered:rrtype", 30), 30);
        QCOMPARE(local({"EXISTS", inflight}, D4ServerProcess::kAnalyzerDb).integer, 0);
        QCOMPARE(local({"LLEN", "analyzer:8:" + queue}, D4ServerProcess::kAnalyzerDb).integer, 0);
    }

    // Type 254: every connection to the partner starts with the meta header of the extended type.
    void extendedTypeForwarded()
    {
        const QByteArray extended = "d4-test-ext";
        meta({"SADD", "server:accepted_extended_type", extended});
        local({"SADD", "server:accepted_extended_type", extended});
        workers::QueueManager partnerQueues(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                                            m_redis.endpoint(D4ServerProcess::kAnalyzerDb));
        QString error;
        const std::optional<QByteArray> partnerQueue = partnerQueues.create(254, extended, {}, {}, {}, error);
        QVERIFY2(partnerQueue, qPrintable(error));
        m_localProcess->setServerOptions(
            serverOptions() +
            ruleSection(254, QStringLiteral("sensors = *"), QStringLiteral("extended_type = d4-test-ext")));
        QVERIFY2(m_localProcess->start(m_localRedis), qPrintable(m_localProcess->errorString()));

        TestSensor sensor(newUuid(), 2);
        QVERIFY(sensor.connectTo(m_localProcess->port()));
        QVERIFY(sensor.send("{\"type\":\"d4-test-ext\"}"));
        sensor.setType(254);
        QByteArrayList expected;
        QByteArray payload;
        for (int i = 0; i < 50; ++i) {
            expected.append("event " + QByteArray::number(i) + " of the extended type");
            payload += expected.last() + '\n';
        }
        QVERIFY(sensor.send(payload.left(700)));
        QVERIFY(sensor.send(payload.mid(700)));
        sensor.close();

        const QByteArrayList received =
            popAll("analyzer:" + extended + ':' + *partnerQueue, expected.size(), 30000);
        QCOMPARE(received, expected);
        QCOMPARE(partnerSensors(), QByteArrayList{QByteArray(kPartnerUuid).replace('-', "")});
    }

    // A partner whose certificate does not match the pin gets nothing: the rule reports why and
    // keeps what it read in its spool.
    void wrongPinRefused()
    {
        const QByteArray partnerQueue = addQueue(8);
        QString rule = ruleSection(8, QStringLiteral("sensors = *"), QString());
        const QString wrongPin = QStringLiteral("00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:"
                                                "00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff");
        rule.replace(m_partnerProcess->fingerprint(), wrongPin);
        m_localProcess->setServerOptions(serverOptions() + rule);
        QVERIFY2(m_localProcess->start(m_localRedis), qPrintable(m_localProcess->errorString()));

        TestSensor sensor(newUuid(), 8);
        QVERIFY(sensor.connectTo(m_localProcess->port()));
        QVERIFY(sensor.send(pdnsLine(1, "www.example.org", "10.0.0.1") + '\n'));
        sensor.close();

        QCOMPARE(localStat("spooled", 1), 1);
        QTRY_VERIFY_WITH_TIMEOUT(local({"HGET", "d4console:forward:stats:share", "last_error"})
                                     .string.contains("does not match the pinned"),
                                 10000);
        QCOMPARE(localStat("acknowledged"), 0);
        QCOMPARE(localStat("spool_records", 1), 1);
        QCOMPARE(analyzer({"LLEN", "analyzer:8:" + partnerQueue}).integer, 0);
    }

    void pcapHostFilter()
    {
        const QByteArray queue = addQueue(1);
        const protocol::Uuid sensorUuid = newUuid();
        m_localProcess->setServerOptions(
            serverOptions() + ruleSection(1, QStringLiteral("sensors = *"),
                                          QStringLiteral("pcap_filter = host 192.0.2.1\nsnap_length = 60")));
        QVERIFY2(m_localProcess->start(m_localRedis), qPrintable(m_localProcess->errorString()));

        const quint32 watched = 0xc0000201;   // 192.0.2.1
        const quint32 other = 0xc6336407;     // 198.51.100.7
        const quint32 elsewhere = 0xcb007109; // 203.0.113.9
        QByteArray stream = pcapGlobalHeader();
        int matching = 0;
        for (int i = 0; i < 40; ++i) {
            const bool hit = i % 4 == 0 || i % 4 == 1;
            const quint32 source = i % 4 == 0 ? watched : other;
            const quint32 destination = i % 4 == 1 ? watched : elsewhere;
            stream += pcapRecord(1700000000 + quint32(i), ethernetUdp(source, destination, 100 + i));
            matching += hit ? 1 : 0;
        }
        TestSensor sensor(sensorUuid, 1);
        QVERIFY(sensor.connectTo(m_localProcess->port()));
        for (qsizetype offset = 0; offset < stream.size(); offset += 700) {
            QVERIFY(sensor.send(stream.mid(offset, 700))); // records cut across packets
        }
        sensor.close();
        QCOMPARE(localStat("acknowledged", matching), matching);

        // The partner's type-1 worker writes the forwarded stream to files and queues their paths.
        int packets = 0;
        const QDeadlineTimer deadline(30000);
        while (packets < matching && !deadline.hasExpired()) {
            const QByteArrayList paths = popAll("analyzer:1:" + queue, 1, 1000);
            for (const QByteArray &path : paths) {
                const QByteArray file = path.endsWith(".gz") ? gunzip(QString::fromUtf8(path)) : QByteArray();
                QVERIFY2(file.size() >= 24, path.constData());
                QCOMPARE(qFromLittleEndian<quint32>(file.constData()), 0xa1b2c3d4u);
                QCOMPARE(qFromLittleEndian<quint32>(file.constData() + 20), 1u);
                for (qsizetype at = 24; at + 16 <= file.size();) {
                    const quint32 captured = qFromLittleEndian<quint32>(file.constData() + at + 8);
                    const quint32 original = qFromLittleEndian<quint32>(file.constData() + at + 12);
                    QVERIFY(captured <= 60);
                    QVERIFY(original > 140);
                    const auto *ip = reinterpret_cast<const uchar *>(file.constData() + at + 16 + 14);
                    const quint32 source = qFromBigEndian<quint32>(ip + 12);
                    const quint32 destination = qFromBigEndian<quint32>(ip + 16);
                    QVERIFY(source == watched || destination == watched);
                    at += 16 + captured;
                    ++packets;
                }
            }
        }
        QCOMPARE(packets, matching);
        QCOMPARE(localStat("filtered:pcap_filter", 40 - matching), 40 - matching);
    }
};

QTEST_GUILESS_MAIN(TestForwarding)
#include "tst_forwarding.moc"
