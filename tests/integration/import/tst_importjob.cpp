// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// ImportJob end to end on real captures: merge order, cancellation, progress, truncated files,
// refusals, the PDNS store (a real redis-server) and the replay into type-1 analyzer queues.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/passivedns/pdnsreader.h"
#include "capturefiles.h"
#include "import/dnssink.h"
#include "import/importjob.h"
#include "redisserverfixture.h"
#include "store/keyschema.h"
#include "testenvironment.h"
#include "workers/gzipcompressor.h"

using namespace d4;
using d4::import::ImportJob;
using d4::import::ImportOptions;
using d4::import::ImportProgress;
using d4::import::ImportResult;

namespace {

/** Records the time of every packet the job hands to the analyses. */
class TimeSink final : public capture::PacketSink
{
public:
    void onPacket(const capture::CapturePacket &packet, const capture::DecodedPacket &) override
    {
        times.append(packet.timestampNs);
    }
    QList<qint64> times;
};

ImportResult runJob(const QStringList &paths, ImportOptions options = {})
{
    ImportJob job(paths, std::move(options));
    job.run();
    return job.result();
}

} // namespace

class TestImportJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_big;
    quint64 m_bigPackets = 0;

    QString bigCapture()
    {
        if (m_big.isEmpty()) {
            m_big = m_dir.filePath(QStringLiteral("big.pcap"));
            const QList<test::TestPacket> packets =
                test::readTestCapture(QStringLiteral("pdns/pdns-synthetic.pcap"));
            m_bigPackets = test::writeRepeatedPcap(m_big, packets, 150ULL * 1024 * 1024, 1000000000LL);
        }
        return m_big;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void mergesFilesInCaptureTimeOrder()
    {
        // Two files whose packets interleave in time, given in the "wrong" order.
        quint32 linkType = 0;
        const QList<test::TestPacket> packets =
            test::readTestCapture(QStringLiteral("pcap/backscatter-synthetic.pcap"), &linkType);
        QVERIFY(packets.size() > 20);
        QList<test::TestPacket> odd;
        QList<test::TestPacket> even;
        for (qsizetype i = 0; i < packets.size(); ++i) {
            (i % 2 ? odd : even).append(packets[i]);
        }
        const QString a = m_dir.filePath(QStringLiteral("odd.pcap"));
        const QString b = m_dir.filePath(QStringLiteral("even.pcap"));
        QVERIFY(test::writePcap(a, odd, linkType));
        QVERIFY(test::writePcap(b, even, linkType));
        TimeSink sink;
        ImportOptions options;
        options.extraSinks = {&sink};
        const ImportResult result = runJob({a, b}, options);
        QCOMPARE(result.files.size(), 2);
        QCOMPARE(result.packets, quint64(packets.size()));
        QCOMPARE(sink.times.size(), packets.size());
        for (qsizetype i = 0; i < packets.size(); ++i) {
            QCOMPARE(sink.times[i], packets[i].timestampNs);
        }
        QCOMPARE(result.outOfOrder, 0u);
        QCOMPARE(result.firstNs, packets.constFirst().timestampNs);
        // Same backscatter result as the single original file.
        const ImportResult single =
            runJob({test::testDataPath(QStringLiteral("pcap/backscatter-synthetic.pcap"))});
        QCOMPARE(result.attacks, single.attacks);
        QCOMPARE(result.backscatterPackets, single.backscatterPackets);
        QVERIFY(single.backscatterPackets > 0);
    }

    void foldersAreExpandedAndNonCapturesRefused()
    {
        const QString dir = m_dir.filePath(QStringLiteral("folder"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/sub")));
        QVERIFY(QFile::copy(test::testDataPath(QStringLiteral("pdns/dns_udp.pcap")),
                            dir + QStringLiteral("/sub/a.bin")));
        QFile text(dir + QStringLiteral("/notes.pcap")); // a capture by name only
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a capture\n");
        text.close();
        QFile gz(dir + QStringLiteral("/text.gz")); // gzip, but no capture inside
        QVERIFY(gz.open(QIODevice::WriteOnly));
        gz.write(workers::GzipCompressor::gzip(QByteArray(5000, 'x')));
        gz.close();
        QFile empty(dir + QStringLiteral("/empty.cap"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();

        ImportJob job({dir}, {});
        QSignalSpy refused(&job, &ImportJob::fileRefused);
        job.run();
        const ImportResult &result = job.result();
        QCOMPARE(result.files.size(), 1);
        QCOMPARE(result.files[0].path, dir + QStringLiteral("/sub/a.bin"));
        QCOMPARE(result.refused.size(), 3);
        QCOMPARE(refused.size(), 3);
        QStringList messages;
        for (const auto &entry : result.refused) {
            messages << entry.second;
        }
        const QString all = messages.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("notes.pcap is not a capture file")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("text.gz is not a readable capture")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("empty.cap is empty")), qPrintable(all));
        QCOMPARE(result.dnsTuples, 4u);
    }

    void truncatedFileIsAWarning()
    {
        QFile source(test::testDataPath(QStringLiteral("pdns/dns_udp.pcap")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut.pcap"));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() - 10));
        out.close();
        ImportJob job({cut}, {});
        QSignalSpy warnings(&job, &ImportJob::warning);
        job.run();
        QCOMPARE(job.result().files.size(), 1);
        QVERIFY(job.result().refused.isEmpty());
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0][0].toString().startsWith(QStringLiteral("cut.pcap: ")));
        QVERIFY(job.result().files[0].truncatedBytes > 0);
        QCOMPARE(job.result().packets, 1u); // the query; the cut response is lost
    }

    void progressAndCancellation()
    {
        const QString big = bigCapture();
        QVERIFY(m_bigPackets > 100000);
        ImportJob job({big}, {});
        QList<ImportProgress> reports;
        QElapsedTimer sinceCancel;
        connect(&job, &ImportJob::progress, this, [&](const ImportProgress &progress) {
            reports.append(progress);
            if (progress.packets > 0 && progress.elapsedMs >= 1000 && !job.isCancelRequested()) {
                sinceCancel.start();
                job.cancel();
            }
        });
        QSignalSpy finished(&job, &ImportJob::finished);
        QElapsedTimer clock;
        clock.start();
        job.start();
        QVERIFY(finished.wait(120000));
        const ImportResult &result = job.result();
        if (!result.cancelled) {
            QSKIP("the machine read the whole capture within a second; nothing to cancel");
        }
        // Stopped within a second of the request (the event loop delivered it late at most by that).
        QVERIFY2(sinceCancel.elapsed() < 1000, qPrintable(QString::number(sinceCancel.elapsed())));
        QVERIFY(result.packets > 0 && result.packets < m_bigPackets);
        QVERIFY(result.dnsTuples > 10); // partial results kept
        QCOMPARE(job.dnsTuples().size(), qsizetype(result.dnsTuples));
        QCOMPARE(result.files.size(), 1);
        QVERIFY(result.files[0].cancelled);
        // At least 4 reports a second, with consistent figures.
        QVERIFY(reports.size() >= 2);
        const qint64 span = reports.constLast().elapsedMs - reports.constFirst().elapsedMs;
        QVERIFY2(reports.size() - 1 >= span / 250,
                 qPrintable(QStringLiteral("%1 in %2 ms").arg(reports.size()).arg(span)));
        for (qsizetype i = 1; i < reports.size(); ++i) {
            QVERIFY(reports[i].packets >= reports[i - 1].packets);
            QVERIFY(reports[i].bytesRead >= reports[i - 1].bytesRead);
        }
        QVERIFY(reports.constLast().percent() > 0.0 && reports.constLast().percent() < 100.0);
        QVERIFY(reports.constLast().packetsPerSecond() > 0.0);
        QCOMPARE(reports.constFirst().bytesTotal, quint64(QFileInfo(big).size()));
    }

    void dnsGoesToThePdnsStore()
    {
        test::RedisServerFixture redis;
        D4_START_REDIS(redis);
        ImportOptions options;
        options.name = QStringLiteral("case-42");
        options.pdnsStore = redis.endpoint(0);
        const ImportResult result =
            runJob({test::testDataPath(QStringLiteral("pdns/pdns-synthetic.pcap"))}, options);
        QVERIFY(result.warnings.isEmpty());
        QVERIFY(result.pdnsRecordsWritten >= qint64(result.dnsTuples));
        passivedns::PdnsReader reader(redis.endpoint(0));
        const auto tuples = reader.byName("www.example.com", {1});
        QVERIFY(tuples.has_value());
        QCOMPARE(tuples->size(), 1);
        const passivedns::PdnsTuple &tuple = tuples->constFirst();
        QCOMPARE(tuple.rdata, QByteArray("192.0.2.10"));
        QCOMPARE(tuple.count, 2);
        QCOMPARE(tuple.first, 1700000000);
        QCOMPARE(tuple.sensors.size(), 1);
        QCOMPARE(tuple.sensors[0].sensorId, QByteArray("case-42"));
        QCOMPARE(tuple.sensors[0].count, 2);
    }

    void storeFailureIsAWarning()
    {
        ImportOptions options;
        store::RedisEndpoint nowhere;
        nowhere.host = QStringLiteral("127.0.0.1");
        nowhere.port = 1;
        options.pdnsStore = nowhere;
        const ImportResult result =
            runJob({test::testDataPath(QStringLiteral("pdns/dns_udp.pcap"))}, options);
        QCOMPARE(result.files.size(), 1);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings[0].startsWith(QStringLiteral("Passive DNS store: ")));
        QCOMPARE(result.dnsTuples, 4u);
    }

    void replayQueuesAType1File()
    {
        test::RedisServerFixture redis;
        D4_START_REDIS(redis);
        const QByteArray sensor = "0123456789abcdef0123456789abcdef";
        const QByteArray queue = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        redis.command({"SADD", store::keys::analyzerQueuesOfType(1), queue}, 3);
        ImportOptions options;
        options.replaySensorUuid = sensor;
        options.replayDirectory = m_dir.filePath(QStringLiteral("replay"));
        options.metadataStore = redis.endpoint(3);
        options.analyzerStore = redis.endpoint(2);
        const QString input = test::testDataPath(QStringLiteral("pcap/backscatter-synthetic.pcap"));
        const ImportResult result = runJob({input}, options);
        QCOMPARE(result.replayPaths.size(), 1);
        const QString replayed = result.replayPaths.constFirst();
        QVERIFY2(replayed.endsWith(QStringLiteral(".cap.gz")),
                 qPrintable(result.warnings.join(QLatin1Char('\n'))));
        QVERIFY(replayed.contains(QString::fromLatin1(sensor) + QStringLiteral("/1/")));
        QVERIFY(result.warnings.isEmpty());
        const test::RedisReply queued = redis.command({"RPOP", store::keys::analyzerList("1", queue)}, 2);
        QCOMPARE(queued.string, QFile::encodeName(replayed));
        // The replayed file holds the same packets.
        const ImportResult again = runJob({replayed});
        QCOMPARE(again.packets, result.packets);
        QCOMPARE(again.backscatterPackets, result.backscatterPackets);
    }

    void replayWritesOneFilePerLinkType()
    {
        // Linux cooked (113) and Ethernet (1) merged: a pcap file can hold only one of them.
        test::RedisServerFixture redis;
        D4_START_REDIS(redis);
        const QByteArray sensor = "fedcba9876543210fedcba9876543210";
        const QByteArray queue = "bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        redis.command({"SADD", store::keys::analyzerQueuesOfType(1), queue}, 3);
        ImportOptions options;
        options.replaySensorUuid = sensor;
        options.replayDirectory = m_dir.filePath(QStringLiteral("replay-linktypes"));
        options.metadataStore = redis.endpoint(3);
        options.analyzerStore = redis.endpoint(2);
        const QString sll = test::testDataPath(QStringLiteral("pcap/tcp-handshake-nano.pcap"));
        const QString ethernet = test::testDataPath(QStringLiteral("pdns/dns_udp.pcap"));
        const ImportResult result = runJob({ethernet, sll}, options);
        QCOMPARE(result.files.size(), 2);
        quint64 sllPackets = 0;
        quint64 ethernetPackets = 0;
        for (const capture::CaptureSummary &file : result.files) {
            (file.path == sll ? sllPackets : ethernetPackets) = file.packets;
        }
        QCOMPARE(sllPackets, 3u);
        QVERIFY(ethernetPackets > 0);

        QCOMPARE(result.replayPaths.size(), 2);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings[0].contains(QStringLiteral("one file per link type")),
                 qPrintable(result.warnings[0]));
        QVERIFY(!result.replayPaths[0].contains(QStringLiteral("-linktype-")));

        // Both are queued, in order, and each holds exactly the packets of its link type.
        QSet<quint32> seen;
        quint64 total = 0;
        for (const QString &path : result.replayPaths) {
            const test::RedisReply queued = redis.command({"RPOP", store::keys::analyzerList("1", queue)}, 2);
            QCOMPARE(queued.string, QFile::encodeName(path));
            const ImportResult again = runJob({path});
            QCOMPARE(again.files.size(), 1);
            const QList<quint32> linkTypes = again.files[0].linkTypes();
            QCOMPARE(linkTypes.size(), 1);
            seen.insert(linkTypes[0]);
            if (path != result.replayPaths.constFirst()) {
                QVERIFY(path.endsWith(QStringLiteral("-linktype-%1.cap.gz").arg(linkTypes[0])));
            }
            QCOMPARE(again.files[0].packets, linkTypes[0] == 113 ? sllPackets : ethernetPackets);
            total += again.packets;
        }
        QCOMPARE(seen, (QSet<quint32>{1, 113}));
        QCOMPARE(total, result.packets);
        QCOMPARE(redis.command({"LLEN", store::keys::analyzerList("1", queue)}, 2).integer, 0);
    }

    void fragmentedDnsIsReassembledAndDropsAreWarned()
    {
        const ImportResult result =
            runJob({test::testDataPath(QStringLiteral("fragments/dns-fragments.pcap"))});
        QCOMPARE(result.dnsReassembled, 4u);
        QCOMPARE(result.fragmentsDropped, 3u);
        QCOMPARE(result.dnsTuples, 40u + 60u + 40u + 40u);
        QCOMPARE(result.warnings.size(), 1);
        QCOMPARE(result.warnings[0],
                 QStringLiteral("IP fragments: 5 datagrams reassembled, 3 not (1 overlap, 2 unfinished)"));
    }
};

QTEST_GUILESS_MAIN(TestImportJob)
#include "tst_importjob.moc"
