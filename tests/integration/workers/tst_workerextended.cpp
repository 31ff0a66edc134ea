// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The path-producing extended types (ja3-jl, filewatcher, filewatcherjson), type 4 (dnscap) and
// the warning about accepted types without a worker, through the real d4-server (spec §4.3, §4.5,
// §9 #9).

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QFileInfo>

#include "workers/queuemanager.h"
#include "workertestbase.h"

using namespace d4::test;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString hashHex(const QByteArray &bytes, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, algorithm).toHex());
}

/** The save directory of a test d4-server: `data` under its D4_HOME-like directory. */
QString saveDirectory(const D4ServerProcess &server)
{
    return QDir(server.dataDirectory()).absoluteFilePath(QStringLiteral("data"));
}

QString todayPath()
{
    return QDate::currentDate().toString(QStringLiteral("yyyy/MM/dd"));
}

} // namespace

class TestWorkerExtended : public WorkerTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // ja3-jl (accepted by default): JSON files named by Timestamp, certificates by the SHA-1 of
    // their DER, the JSON paths queued; invalid JSON and a bad certificate are counted and skipped,
    // and an unsafe Timestamp cannot leave the directory.
    void ja3jl()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray queue = createQueue("ja3-jl");
        const QByteArray der1("\x30\x82\x01\x0a certificate one", 20);
        const QByteArray der2("certificate two");
        const QByteArray first = "{\"Timestamp\":\"2019-04-02T11:32:42.379283431+02:00\",\"JA3\":\"771,"
                                 "49195\",\"Certificates\":[{\"Raw\":\"" +
                                 der1.toBase64() + "\"},{\"Raw\":\"" + der2.toBase64() + "\"}]}";
        const QByteArray evil =
            "{\"Timestamp\":\"../../../escaped\",\"Certificates\":[{\"Raw\":\"@@not base64@@\"}]}";
        const QByteArray noTimestamp = "{\"JA3\":\"769\",\"Certificates\":null}";

        const auto uuid = newUuid();
        TestSensor sensor(uuid, 2);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("{\"type\":\"ja3-jl\",\"encoding\":\"utf-8\"}"));
        sensor.setType(254);
        // The first line is cut over two packets; one line is not JSON.
        QVERIFY(sensor.send(first.left(40)));
        QVERIFY(sensor.send(first.mid(40) + "\n{not json at all\n" + evil + '\n'));
        QVERIFY(sensor.send(noTimestamp + "\n\n"));

        const QByteArrayList paths = popAll("analyzer:ja3-jl:" + queue, 3);
        const QString jsons =
            QDir(saveDirectory(server)).absoluteFilePath(QStringLiteral("datas/ja3-jl/jsons"));
        const QString certs =
            QDir(saveDirectory(server)).absoluteFilePath(QStringLiteral("datas/ja3-jl/certs"));
        QCOMPARE(paths,
                 (QByteArrayList{
                     QFile::encodeName(jsons + QStringLiteral("/2019-04-02T11:32:42.379283431+02:00.json")),
                     QFile::encodeName(jsons + QLatin1Char('/') + hashHex(evil, QCryptographicHash::Sha256) +
                                       QStringLiteral(".json")),
                     QFile::encodeName(jsons + QLatin1Char('/') +
                                       hashHex(noTimestamp, QCryptographicHash::Sha256) +
                                       QStringLiteral(".json"))}));
        QCOMPARE(readFile(QString::fromUtf8(paths[0])), first);
        QCOMPARE(readFile(QString::fromUtf8(paths[1])), evil);
        QCOMPARE(readFile(QString::fromUtf8(paths[2])), noTimestamp);
        QCOMPARE(readFile(certs + QLatin1Char('/') + hashHex(der1, QCryptographicHash::Sha1) +
                          QStringLiteral(".crt")),
                 der1);
        QCOMPARE(readFile(certs + QLatin1Char('/') + hashHex(der2, QCryptographicHash::Sha1) +
                          QStringLiteral(".crt")),
                 der2);
        QCOMPARE(filesUnder(certs, QStringLiteral("*")).size(), 2);
        QCOMPARE(filesUnder(jsons, QStringLiteral("*")).size(), 3);
        QVERIFY(!QFileInfo::exists(QDir(saveDirectory(server)).filePath(QStringLiteral("escaped.json"))));
        QVERIFY(filesUnder(server.dataDirectory(), QStringLiteral("escaped*")).isEmpty());
        // The line that is not JSON and the bad certificate.
        QTRY_COMPARE_WITH_TIMEOUT(
            meta({"HGET", "d4console:worker_rejected_lines:" + hex(uuid), "ja3-jl"}).string, QByteArray("2"),
            3000);
        QTRY_VERIFY_WITH_TIMEOUT(
            server.output().contains(QByteArray("ja3-jl data of " + hex(uuid) + " : 1 item(s) refused")),
            3000);

        const QByteArray session = onlySession(2);
        sensor.close();
        QVERIFY(waitSessionCleaned(2, session));
        QCOMPARE(analyzer({"LLEN", "analyzer:ja3-jl:" + queue}).integer, 0LL);
        QVERIFY(server.stop());
    }

    // filewatcher with compress and an extension: each base64 line becomes
    // <uuid>/254/YYYY/MM/DD/filewatcher/files/<sha256>.<ext>.gz; bad base64 is counted and skipped.
    void filewatcherSegregated()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_extended_type", "filewatcher"});
        const QByteArray queue = createQueue("filewatcher");
        QByteArray big;
        for (int i = 0; i < 20000; ++i) {
            big += QByteArray::number(i) + ",";
        }
        const QByteArrayList contents{"first watched file\n", big, QByteArray("\x00\x01\x02 binary", 10)};

        const auto uuid = newUuid();
        TestSensor sensor(uuid, 2);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("{\"type\":\"filewatcher\",\"compress\":true,\"extension\":\"log\"}"));
        sensor.setType(254);
        QVERIFY(sensor.send(contents[0].toBase64() + "\n%%% not base64 %%%\n"));
        const QByteArray bigLine = contents[1].toBase64() + '\n';
        for (qsizetype offset = 0; offset < bigLine.size(); offset += 4000) {
            QVERIFY(sensor.send(bigLine.mid(offset, 4000)));
        }
        QVERIFY(sensor.send(contents[2].toBase64() + '\n'));

        const QByteArrayList paths = popAll("analyzer:filewatcher:" + queue, 3);
        QCOMPARE(paths.size(), 3);
        const QString directory =
            QDir(saveDirectory(server))
                .absoluteFilePath(QString::fromLatin1(hex(uuid)) + QStringLiteral("/254/") + todayPath() +
                                  QStringLiteral("/filewatcher/files"));
        for (qsizetype i = 0; i < contents.size(); ++i) {
            const QString expected = directory + QLatin1Char('/') +
                                     hashHex(contents[i], QCryptographicHash::Sha256) +
                                     QStringLiteral(".log.gz");
            QCOMPARE(QString::fromUtf8(paths[i]), expected);
            QCOMPARE(gunzip(expected), contents[i]);
        }
        QCOMPARE(filesUnder(directory, QStringLiteral("*")).size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(
            meta({"HGET", "d4console:worker_rejected_lines:" + hex(uuid), "filewatcher"}).string,
            QByteArray("1"), 3000);
        const QByteArray session = onlySession(2);
        sensor.close();
        QVERIFY(waitSessionCleaned(2, session));
        QVERIFY(server.stop());
    }

    // filewatcher with segregate false and no extension: <save>/datas/filewatcher/files/<sha256>.
    // (the reference's trailing dot), not compressed.
    void filewatcherShared()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_extended_type", "filewatcher"});
        const QByteArray queue = createQueue("filewatcher");
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 2);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("{\"type\":\"filewatcher\",\"segregate\":false,\"compress\":\"yes\"}"));
        sensor.setType(254);
        QVERIFY(sensor.send(QByteArray("shared content").toBase64() + '\n'));
        const QByteArrayList paths = popAll("analyzer:filewatcher:" + queue, 1);
        const QString expected =
            QDir(saveDirectory(server))
                .absoluteFilePath(QStringLiteral("datas/filewatcher/files/") +
                                  hashHex("shared content", QCryptographicHash::Sha256) + QLatin1Char('.'));
        QCOMPARE(paths, QByteArrayList{QFile::encodeName(expected)});
        QCOMPARE(readFile(QString::fromUtf8(paths[0])), QByteArray("shared content"));
        QVERIFY(server.stop());
    }

    // filewatcherjson: every line saved raw as <uuid>/254/YYYY/MM/DD/filewatcherjson/files/<sha256>.json.
    void filewatcherjson()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_extended_type", "filewatcherjson"});
        const QByteArray queue = createQueue("filewatcherjson");
        const QByteArrayList lines{"{\"file\":\"a\",\"size\":1}", "{\"file\":\"b\"}",
                                   "not json is kept as it is"};
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 2);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("{\"type\":\"filewatcherjson\"}"));
        sensor.setType(254);
        QVERIFY(sensor.send(lines[0] + '\n' + lines[1].left(5)));
        QVERIFY(sensor.send(lines[1].mid(5) + "\n\n" + lines[2] + '\n'));
        const QByteArrayList paths = popAll("analyzer:filewatcherjson:" + queue, 3);
        QCOMPARE(paths.size(), 3);
        const QString directory =
            QDir(saveDirectory(server))
                .absoluteFilePath(QString::fromLatin1(hex(uuid)) + QStringLiteral("/254/") + todayPath() +
                                  QStringLiteral("/filewatcherjson/files"));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString expected = directory + QLatin1Char('/') +
                                     hashHex(lines[i], QCryptographicHash::Sha256) + QStringLiteral(".json");
            QCOMPARE(QString::fromUtf8(paths[i]), expected);
            QCOMPARE(readFile(expected), lines[i]);
        }
        const QByteArray session = onlySession(2);
        sensor.close();
        QVERIFY(waitSessionCleaned(2, session));
        QVERIFY(server.stop());
    }

    // Type 4 with rotation_interval = 1: files rotate at the first "\n[" once due, including when
    // the "\n" ends one packet and the "[" starts the next; nothing is compressed or queued.
    void dnscap()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions(1));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray queue = addQueue(4);
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 4);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("[56] 2024-01-01 10:00:00.1 [#0 eth0 0] \\\n"));
        QVERIFY(sensor.send("  dns QUERY,NOERROR,1 example.com.\n"));
        QTest::qWait(1600);
        // Due now: the file continues up to the next record start, in the middle of this packet.
        QVERIFY(sensor.send("  continued\n[57] second record\n"));
        QTest::qWait(1600);
        // Due again: "\n" ended the previous packet, so this one starts a record and a new file.
        QVERIFY(sensor.send("[58] third record\nno record start here\n"));
        const QByteArray session = onlySession(4);
        QVERIFY(!session.isEmpty());
        sensor.close();
        QVERIFY(waitSessionCleaned(4, session));
        const QString directory =
            QDir(saveDirectory(server))
                .filePath(QString::fromLatin1(hex(uuid)) + QStringLiteral("/4/") + todayPath());
        const QStringList files = filesUnder(directory, QStringLiteral("*"));
        QCOMPARE(files.size(), 3);
        for (const QString &file : files) {
            QVERIFY2(
                QFileInfo(file).fileName().startsWith(QString::fromLatin1(hex(uuid)) + QLatin1Char('-')) &&
                    file.endsWith(QStringLiteral(".dnscap.txt")),
                qPrintable(file));
        }
        QCOMPARE(readFile(files[0]), QByteArray("[56] 2024-01-01 10:00:00.1 [#0 eth0 0] \\\n"
                                                "  dns QUERY,NOERROR,1 example.com.\n  continued\n"));
        QCOMPARE(readFile(files[1]), QByteArray("[57] second record\n"));
        QCOMPARE(readFile(files[2]), QByteArray("[58] third record\nno record start here\n"));
        QCOMPARE(analyzer({"EXISTS", "analyzer:4:" + queue}).integer, 0LL);
        QVERIFY(server.stop());
    }

    // Spec §9 #9: an accepted type without a worker (7, YAF) is reported with its unconsumed sessions.
    void unconsumedTypeWarning()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_type", "7"});
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 7);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("flow one\n"));
        QVERIFY(sensor.send("flow two\n"));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "session_uuid:7"}).integer, 1LL, 3000);
        // Within one poll interval (5 s), whether the first poll saw type 7 without sessions or not.
        QTRY_VERIFY2_WITH_TIMEOUT(
            server.output().contains("WARNING - d4.workers: type 7 (yaf) is accepted but "
                                     "no worker consumes it: 1 unconsumed session(s)"),
            server.output().constData(), 12000);
        sensor.close();
        QVERIFY(server.stop());
    }

    // Type 6 (NDJSON), which the reference never consumes: valid JSON lines, cut across packets,
    // reach the file and analyzer:6:<q>; lines that are not JSON are counted and left out.
    void ndjsonLines()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_type", "6"});
        const QByteArray queue = addQueue(6);
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 6);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("{\"a\":1}\n{\"b\": [1, 2"));
        QVERIFY(sensor.send("]}\r\nnot json at all\n\n42\n{\"open\": \n"));
        QVERIFY(sensor.send("\"str\"\n[true, null]\n"));
        const QByteArrayList expected{"{\"a\":1}", "{\"b\": [1, 2]}\r", "42", "\"str\"", "[true, null]"};
        QCOMPARE(popAll("analyzer:6:" + queue, expected.size()), expected);
        QTRY_COMPARE_WITH_TIMEOUT(meta({"HGET", "d4console:worker_rejected_lines:" + hex(uuid), "6"}).string,
                                  QByteArray("2"), 3000);
        QCOMPARE(streams({"SCARD", "session_uuid:6"}).integer, 1LL);
        const QByteArray session = onlySession(6);
        sensor.close();
        QVERIFY(waitSessionCleaned(6, session));
        const QStringList files = waitForFiles(server.dataDirectory(), QStringLiteral("*.ndjson.gz"), 1);
        QCOMPARE(files.size(), 1);
        QVERIFY(files[0].contains(QStringLiteral("/6/")));
        QCOMPARE(gunzip(files[0]), QByteArray("{\"a\":1}\n{\"b\": [1, 2]}\r\n\n42\n\"str\"\n[true, null]\n"));
        QTRY_VERIFY_WITH_TIMEOUT(server.output().contains("item(s) refused, the last one: invalid JSON"),
                                 3000);
        QVERIFY(server.stop());
    }

private:
    QByteArray createQueue(const QByteArray &extendedType)
    {
        d4::workers::QueueManager manager(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                                          m_redis.endpoint(D4ServerProcess::kAnalyzerDb));
        QString error;
        const auto queue = manager.create(254, extendedType, {}, {}, {}, error);
        return queue ? *queue : QByteArray();
    }
};

QTEST_GUILESS_MAIN(TestWorkerExtended)
#include "tst_workerextended.moc"
