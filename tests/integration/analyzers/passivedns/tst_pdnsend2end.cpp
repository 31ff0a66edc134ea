// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The whole path (spec passive-dns.md §8): real TLS sensors (type 8) -> the real d4-server with
// workers -> the type-8 worker -> its passive DNS tap -> Redis -> the COF lookup server over HTTP,
// fed with passivedns 1.2.1's own output from testdata/pdns/. Also the restart (item 18) and the
// compatibility with analyzer-d4-passivedns' recorded answers.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

#include "d4serverprocess.h"
#include "httptestclient.h"
#include "protocol/uuid.h"
#include "redisserverfixture.h"
#include "testenvironment.h"
#include "testsensor.h"

using namespace d4::test;

namespace {

QByteArray fixtureBytes(const QString &name)
{
    QFile file(testDataPath(QStringLiteral("pdns/") + name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/** "rrtype rrname rdata count" of each NDJSON line, sorted. */
QStringList summary(const QByteArray &body)
{
    QStringList out;
    for (const QByteArray &line : body.split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        out.append(o.value(QLatin1String("rrtype")).toVariant().toString() + QLatin1Char(' ') +
                   o.value(QLatin1String("rrname")).toString() + QLatin1Char(' ') +
                   o.value(QLatin1String("rdata")).toString() + QLatin1Char(' ') +
                   QString::number(o.value(QLatin1String("count")).toInteger()));
    }
    out.sort();
    return out;
}

/** The body analyzer-d4-passivedns gave for "GET <target>" in its recorded responses. */
QByteArray recordedD4Answer(const QByteArray &target)
{
    const QByteArray text = fixtureBytes(QStringLiteral("analyzer-d4-passivedns-cof-responses.txt"));
    const qsizetype start = text.indexOf(QByteArray("== GET " + target + "  ("));
    if (start < 0) {
        return "missing";
    }
    const qsizetype bodyStart = text.indexOf('\n', start) + 1;
    const qsizetype end = text.indexOf("\n== ", bodyStart);
    return text.mid(bodyStart, end < 0 ? -1 : end - bodyStart);
}

QByteArray serverOptions(quint16 lookupPort, const QByteArray &extra = {})
{
    return "server_mode = shared-secret\nworkers = yes\ndefault_stream_max_size = "
           "1000000\n\n[Lookup_Server]\nport = " +
           QByteArray::number(lookupPort) + "\norigin = urn:d4:test\n\n" + extra;
}

} // namespace

class TestPdnsEnd2End : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;

    static bool sendFile(TestSensor &sensor, const QByteArray &text)
    {
        // Cut at arbitrary places: the worker rebuilds lines across packets.
        for (qsizetype offset = 0, step = 1; offset < text.size();
             offset += step, step = step * 5 % 997 + 1) {
            if (!sensor.send(text.mid(offset, step))) {
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    void sensorToLookup()
    {
        const quint16 lookupPort = freePort();
        D4ServerProcess server;
        server.setServerOptions(QString::fromLatin1(serverOptions(
            lookupPort,
            "[Redis_PDNS]\nhost = 127.0.0.1\nport = " + QByteArray::number(m_redis.port()) + "\ndb = 3\n")));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuidA = d4::protocol::generateUuidV4();
        const auto uuidB = d4::protocol::generateUuidV4();
        TestSensor sensorA(uuidA, 8);
        TestSensor sensorB(uuidB, 8);
        QVERIFY(sensorA.connectTo(server.port()));
        QVERIFY(sensorB.connectTo(server.port()));
        QVERIFY(sendFile(sensorA, fixtureBytes(QStringLiteral("passivedns-synth-alltypes.log")) +
                                      fixtureBytes(QStringLiteral("passivedns-synth-alltypes-nxd.log"))));
        QVERIFY(sendFile(sensorB, fixtureBytes(QStringLiteral("passivedns-tcpdump-dns_udp.log")) +
                                      fixtureBytes(QStringLiteral("passivedns-tcpdump-dns_tcp.log")) +
                                      fixtureBytes(QStringLiteral("passivedns-tcpdump-dns-uri-nxd.log")) +
                                      "garbage that is not passivedns\n"));
        HttpTestClient http(lookupPort);
        // Wait for the last line of each sensor to be queryable.
        QTRY_VERIFY_WITH_TIMEOUT(http.get("/query/xn--bcher-kva.example").body.contains("192.0.2.100"),
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(http.get("/query/www.tcpdump.org").body.count('\n'), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(QJsonDocument::fromJson(http.get("/info").body)
                                      .object()
                                      .value(QLatin1String("rejected"))
                                      .toInteger(),
                                  1, 20000);

        const HttpTestResponse www = http.get("/query/www.example.com");
        QCOMPARE(www.status, 200);
        QCOMPARE(www.header("content-type"), QByteArray("application/x-ndjson"));
        QCOMPARE(summary(www.body), summary(recordedD4Answer("/query/www.example.com")));
        QCOMPARE(summary(http.get("/query/alias.example.net").body),
                 summary(recordedD4Answer("/query/alias.example.net")));
        QCOMPARE(summary(http.get("/query/192.0.2.10?compat=d4").body),
                 summary(recordedD4Answer("/query/192.0.2.10")));
        QCOMPARE(summary(http.get("/query/2001:db8::10?compat=d4").body),
                 summary(recordedD4Answer("/query/2001:db8::10")));
        // Sensor attribution from the D4 session.
        const QJsonObject record = QJsonDocument::fromJson(www.body.split('\n').first()).object();
        QCOMPARE(record.value(QLatin1String("sensor_id")).toString(),
                 QString::fromStdString(d4::protocol::uuidToHex(uuidA)));
        QCOMPARE(record.value(QLatin1String("origin")).toString(), QStringLiteral("urn:d4:test"));
        const QJsonObject tcpdump =
            QJsonDocument::fromJson(http.get("/query/www.tcpdump.org").body.split('\n').first()).object();
        QCOMPARE(tcpdump.value(QLatin1String("sensor_id")).toString(),
                 QString::fromStdString(d4::protocol::uuidToHex(uuidB)));
        QCOMPARE(tcpdump.value(QLatin1String("count")).toInteger(), 2); // UDP and TCP capture
        // Where D4 stored "nxdomain" as rdata, nothing is returned; the error is kept apart.
        QCOMPARE(http.get("/query/does-not-exist.example.com").body, QByteArray());
        QCOMPARE(m_redis.command({"HEXISTS", "pdns:err:does-not-exist.example.com", "NXDOMAIN"}, 3).integer,
                 1);
        // /info: processed (29 + 4 records, 3 error records), rejected, excluded, two sensors.
        const QJsonObject info = QJsonDocument::fromJson(http.get("/info").body).object();
        QCOMPARE(info.value(QLatin1String("stats")).toInteger(), 29 + 4 + 3);
        QCOMPARE(info.value(QLatin1String("excluded")).toInteger(), 1);
        QCOMPARE(info.value(QLatin1String("errors")).toInteger(), 3);
        QCOMPARE(info.value(QLatin1String("sensors")).toArray().size(), 2);
        QVERIFY(server.stop());
    }

    // Item 18: a restart of d4-server with its managed redis-server keeps tuples, counters and indexes.
    void persistsAcrossRestart()
    {
        const quint16 lookupPort = freePort();
        D4ServerProcess server;
        server.setServerOptions(QString::fromLatin1(serverOptions(lookupPort)));
        QVERIFY2(server.startManaged(), qPrintable(server.errorString()));
        TestSensor sensor(d4::protocol::generateUuidV4(), 8);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sendFile(sensor, fixtureBytes(QStringLiteral("passivedns-synth-alltypes.log"))));
        HttpTestClient http(lookupPort);
        QTRY_VERIFY_WITH_TIMEOUT(http.get("/query/xn--bcher-kva.example").body.contains("192.0.2.100"),
                                 20000);
        const QByteArray before = http.get("/query/example.com").body;
        const QByteArray wildcard = http.get("/query/*.example.com").body;
        const QJsonObject infoBefore = QJsonDocument::fromJson(http.get("/info").body).object();
        QVERIFY(!before.isEmpty());
        sensor.close();
        QVERIFY(server.stop());
        QVERIFY2(server.startManaged(), qPrintable(server.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(http.get("/info").status, 200, 10000);
        QCOMPARE(summary(http.get("/query/example.com").body), summary(before));
        QCOMPARE(summary(http.get("/query/*.example.com").body), summary(wildcard));
        QCOMPARE(QJsonDocument::fromJson(http.get("/info").body).object(), infoBefore);
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestPdnsEnd2End)
#include "tst_pdnsend2end.moc"
