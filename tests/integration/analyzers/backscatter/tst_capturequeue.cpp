// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Checklist item 22: the analyzer queue of .cap.gz paths, as d4-core's compressor fills it, against
// a real Redis: FIFO order, blocking wait when empty, missing files logged and skipped.

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/capturequeueconsumer.h"
#include "redisserverfixture.h"
#include "testenvironment.h"
#include "workers/gzipcompressor.h"

using namespace d4::test;
using namespace d4::analyzers::backscatter;

class TestCaptureQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    void fifoBlockingAndMissing()
    {
        constexpr int kAnalyzerDb = 2;
        QTemporaryDir dir;
        const auto writeGz = [&](const char *source, const char *name) {
            QFile in(testDataPath(QStringLiteral("pcap/") + QLatin1String(source)));
            if (!in.open(QIODevice::ReadOnly)) {
                return QString();
            }
            const QString path = dir.filePath(QLatin1String(name));
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly)) {
                return QString();
            }
            out.write(d4::workers::GzipCompressor::gzip(in.readAll()));
            return path;
        };
        const QString first = writeGz("backscatter-synthetic.pcap", "sensor-2023-11-14-221320.cap.gz");
        const QString second = writeGz("icmp-destunreach-udp.pcap", "sensor-2023-11-14-221820.cap.gz");
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const QString missing = dir.filePath(QStringLiteral("gone.cap.gz"));
        const QByteArray queue = "1b4a29c6-5c5e-4b35-9f6e-1a6c2f3d4e5f";
        const QByteArray list = "analyzer:1:" + queue;
        // LPUSH in arrival order, as the compressor does: the oldest is at the right end.
        for (const QString &path : {first, missing, second}) {
            m_redis.command({"LPUSH", list, path.toUtf8()}, kAnalyzerDb);
        }

        BackscatterAnalyzer analyzer;
        CaptureQueueConsumer consumer(m_redis.endpoint(kAnalyzerDb), queue, &analyzer);
        QString error;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot read .*gone\\.cap\\.gz")));
        QVERIFY(consumer.processOne(1, error));
        QVERIFY(consumer.processOne(1, error));
        QVERIFY(consumer.processOne(1, error));
        QCOMPARE(consumer.history(), (QStringList{first, missing, second}));
        QCOMPARE(consumer.processedFiles(), 2ULL);
        QCOMPARE(consumer.skippedFiles(), 1ULL);
        QCOMPARE(consumer.packets(), 437ULL);
        QCOMPARE(analyzer.snapshot().attacks.size(), 2);

        // Empty list: the pop blocks for the given time, then reports nothing (no exit, no error).
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!consumer.processOne(1, error));
        QVERIFY(error.isEmpty());
        QVERIFY(timer.elapsed() >= 900);
        QCOMPARE(m_redis.command({"LLEN", list}, kAnalyzerDb).integer, 0LL);
    }

private:
    RedisServerFixture m_redis;
};

QTEST_GUILESS_MAIN(TestCaptureQueue)
#include "tst_capturequeue.moc"
