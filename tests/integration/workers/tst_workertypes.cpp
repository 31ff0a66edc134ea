// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Type 1 (pcap) and types 2/254 through the real d4-server (checklist 26, 27, 31–34).

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "workers/pcapframer.h"
#include "workers/queuemanager.h"
#include "workertestbase.h"

using namespace d4::test;
using d4::workers::PcapFramer;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWorkerTypes : public WorkerTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // Checklist 26: a real capture, split over D4 packets at odd places and over two rotated
    // files; the .gz paths reach analyzer:1:<q> and the files hold exactly the original packets.
    void pcapSession()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions(1));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray queue = addQueue(1);
        const QByteArray capture = readFile(testDataPath(QStringLiteral("pcap/edns-opts.pcap")));
        QCOMPARE(capture.size(), 6049);
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 1);
        QVERIFY(sensor.connectTo(server.port()));
        const qsizetype half = capture.size() / 2;
        for (qsizetype offset = 0; offset < half; offset += 333) {
            QVERIFY(sensor.send(capture.mid(offset, qMin<qsizetype>(333, half - offset))));
        }
        QTest::qWait(1500);
        for (qsizetype offset = half; offset < capture.size(); offset += 333) {
            QVERIFY(sensor.send(capture.mid(offset, 333)));
        }
        const QByteArray session = onlySession(1);
        QVERIFY(!session.isEmpty());
        sensor.close();
        QVERIFY(waitSessionCleaned(1, session));
        const QByteArrayList paths = popAll("analyzer:1:" + queue, 2);
        QCOMPARE(paths.size(), 2);
        QByteArray records;
        for (const QByteArray &path : paths) {
            const QString file = QString::fromUtf8(path);
            QVERIFY2(QFileInfo(file).isAbsolute() && file.endsWith(QStringLiteral(".cap.gz")),
                     path.constData());
            QVERIFY(
                file.contains(QStringLiteral("/") + QString::fromLatin1(hex(uuid)) + QStringLiteral("/1/")));
            const QByteArray content = gunzip(file);
            QCOMPARE(content.left(24), capture.left(24)); // the global header starts every file
            records += content.mid(24);
        }
        QCOMPARE(records, capture.mid(24));
        QCOMPARE(PcapFramer::decode(records, false).size(), 42);
        QVERIFY(filesUnder(server.dataDirectory(), QStringLiteral("*.cap")).isEmpty());
        QVERIFY(server.stop());
    }

    // Checklist 27: non-pcap data is refused and the sensor is disconnected on its next packet.
    void pcapRejected()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 1);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("this is not a libpcap stream at all"));
        QTRY_COMPARE_WITH_TIMEOUT(meta({"HGET", "metadata_uuid:" + hex(uuid), "Error"}).string,
                                  QByteArray("Error: Type=1, Incorrect file format"), 5000);
        QCOMPARE(streams({"SCARD", "session_uuid:1"}).integer, 0LL);
        // The worker flagged the session in Error:IncorrectType; the ingest drops the sensor (and
        // removes the flag).
        sensor.send("more");
        QVERIFY(sensor.waitForClose(5000));
        QVERIFY(filesUnder(server.dataDirectory(), QStringLiteral("*.cap*")).isEmpty());
        QVERIFY(server.stop());
    }

    // Checklist 31, 33, 34: a maltrail meta header split over two packets with newlines; lines of
    // type 254 reach analyzer:maltrail:<q>; the queue is made for "type 2" and stored as 254.
    void maltrail()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_extended_type", "maltrail"});
        d4::workers::QueueManager manager(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                                          m_redis.endpoint(D4ServerProcess::kAnalyzerDb));
        QString error;
        const auto queue = manager.create(2, "maltrail", QStringLiteral("trails"), {}, {}, error);
        QVERIFY2(queue, qPrintable(error));
        QCOMPARE(meta({"HGET", "analyzer:" + *queue, "type"}).string, QByteArray("254"));
        QCOMPARE(meta({"HGET", "analyzer:" + *queue, "metatype"}).string, QByteArray("maltrail"));
        QCOMPARE(meta({"SISMEMBER", "analyzer:254:maltrail", *queue}).integer, 1LL);
        QCOMPARE(meta({"SISMEMBER", "all_analyzer_queues", *queue}).integer, 1LL);
        QCOMPARE(meta({"SISMEMBER", "all:analyzer:by:extended_type:maltrail", *queue}).integer, 1LL);

        const auto uuid = newUuid();
        TestSensor sensor(uuid, 2);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("{\"type\":\n\"mal"));
        QVERIFY(sensor.send("trail\",\n\"encoding\":\"utf-8\"}\n"));
        sensor.setType(254);
        QVERIFY(sensor.send("trail one\ntrail "));
        QVERIFY(sensor.send("two\n"));
        QCOMPARE(popAll("analyzer:maltrail:" + *queue, 2), (QByteArrayList{"trail one", "trail two"}));
        QCOMPARE(streams({"SISMEMBER", "active_connection_extended_type:" + hex(uuid), "maltrail"}).integer,
                 1LL);
        const QStringList headers = filesUnder(server.dataDirectory(), QStringLiteral("*.json"));
        QCOMPARE(headers.size(), 1);
        QVERIFY(headers[0].contains(QStringLiteral("/254/")) &&
                headers[0].contains(QStringLiteral("/maltrail/")));
        QCOMPARE(QJsonDocument::fromJson(readFile(headers[0]))
                     .object()
                     .value(QStringLiteral("encoding"))
                     .toString(),
                 QStringLiteral("utf-8"));
        QVERIFY(meta({"HGET", "metadata_extended_type_by_uuid:" + hex(uuid) + ":maltrail", "first_seen"})
                    .integer >= 0);
        QVERIFY(!meta({"HGET", "metadata_extended_type_by_uuid:" + hex(uuid) + ":maltrail", "last_seen"})
                     .string.isEmpty());
        const QByteArray session = onlySession(2);
        sensor.close();
        QVERIFY(waitSessionCleaned(2, session));
        QCOMPARE(streams({"EXISTS", "stream:254:" + session}).integer, 0LL);
        QCOMPARE(streams({"SISMEMBER", "active_connection_extended_type:" + hex(uuid), "maltrail"}).integer,
                 0LL);
        QCOMPARE(meta({"SISMEMBER", "all_extended_types_by_uuid:" + hex(uuid), "maltrail"}).integer, 1LL);
        // maltrail writes no data files.
        QVERIFY(filesUnder(server.dataDirectory(), QStringLiteral("*.txt*")).isEmpty());
        QVERIFY(server.stop());
    }

    // Checklist 33: the default handler saves .txt files next to the header, gzipped, and queues lines.
    void defaultHandler()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_extended_type", "my-ext"});
        d4::workers::QueueManager manager(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                                          m_redis.endpoint(D4ServerProcess::kAnalyzerDb));
        QString error;
        const auto queue = manager.create(254, "my-ext", {}, {}, {}, error);
        QVERIFY2(queue, qPrintable(error));
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 2);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("{\"type\":\"my-ext\"}"));
        sensor.setType(254);
        QVERIFY(sensor.send("x1\nx2\n\nx3\n"));
        QCOMPARE(popAll("analyzer:my-ext:" + *queue, 3), (QByteArrayList{"x1", "x2", "x3"}));
        const QByteArray session = onlySession(2);
        sensor.close();
        QVERIFY(waitSessionCleaned(2, session));
        const QStringList files = waitForFiles(server.dataDirectory(), QStringLiteral("*.txt.gz"), 1);
        QCOMPARE(files.size(), 1);
        QVERIFY(files[0].contains(QStringLiteral("/254/")) && files[0].contains(QStringLiteral("/my-ext/")));
        QCOMPARE(gunzip(files[0]), QByteArray("x1\nx2\n\nx3\n"));
        // Flushing an extended-type queue empties analyzer:<ext>:<q> (d4-core#44 fixed).
        analyzer({"LPUSH", "analyzer:my-ext:" + *queue, "left over"});
        QVERIFY(manager.flush(*queue, error));
        QCOMPARE(analyzer({"EXISTS", "analyzer:my-ext:" + *queue}).integer, 0LL);
        QVERIFY(server.stop());
    }

    // Checklist 32: the two rejections of a meta header.
    void metaHeaderRejected_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("unsupported") << QByteArray("{\"type\":\"not-accepted\"}")
                                     << QByteArray("Error: Type=2, Unsupported extended_type: not-accepted");
        QTest::newRow("no type") << QByteArray("{\"encoding\":\"utf-8\"}")
                                 << QByteArray("Error: Type=2, Incorrect JSON object");
    }

    void metaHeaderRejected()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, error);
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 2);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send(header));
        QTRY_COMPARE_WITH_TIMEOUT(meta({"HGET", "metadata_uuid:" + hex(uuid), "Error"}).string, error, 5000);
        QCOMPARE(streams({"SCARD", "session_uuid:2"}).integer, 0LL);
        sensor.send("more");
        QVERIFY(sensor.waitForClose(5000));
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestWorkerTypes)
#include "tst_workertypes.moc"
