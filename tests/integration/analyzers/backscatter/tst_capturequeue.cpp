// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Checklist item 22: the analyzer queue of .cap.gz paths, as d4-core's compressor fills it, against
// a real Redis: FIFO order, blocking wait when empty, missing files logged and skipped.

#include <atomic>
#include <memory>

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/capturequeueconsumer.h"
#include "redisserverfixture.h"
#include "testenvironment.h"
#include "workers/gzipcompressor.h"

using namespace d4::test;

namespace {
constexpr int kAnalyzerDb = 2; ///< the ANALYZER database, as D4 servers number it
}
using namespace d4::analyzers::backscatter;

class TestCaptureQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    void fifoBlockingAndMissing()
    {
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

    // Redis gone: retried every second, the warning repeated at most every interval with the count
    // of attempts, the recovery logged once Redis is back, then files are read again.
    void unreachableRedisWarnsRateLimited()
    {
        BackscatterAnalyzer analyzer;
        const QByteArray queue = "4b1e2c3d-0000-4000-8000-00000000cafe";
        CaptureQueueConsumer consumer(m_redis.endpoint(kAnalyzerDb), queue, &analyzer);
        QCOMPARE(m_redis.command({"SAVE"}).string, QByteArray("OK"));
        m_redis.stop();
        QStringList warnings;
        QStringList infos;
        static QStringList *warningSink = nullptr;
        static QStringList *infoSink = nullptr;
        warningSink = &warnings;
        infoSink = &infos;
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
                (type == QtWarningMsg ? warningSink : infoSink)->append(message);
            });
        std::atomic_bool stop{false};
        constexpr int kIntervalMs = 2500;
        QElapsedTimer down;
        down.start();
        std::unique_ptr<QThread> thread(QThread::create([&] { consumer.run(stop, 1, kIntervalMs); }));
        thread->start();
        QTest::qWait(4500); // about 5 attempts, one a second
        QVERIFY2(m_redis.restart(), qPrintable(m_redis.errorString()));
        const qint64 downMs = down.elapsed() + 1000; // the attempt after the restart may still fail
        QTest::qWait(2500);
        stop = true;
        QVERIFY(thread->wait(10000));
        qInstallMessageHandler(previous);
        const QString log =
            warnings.join(QLatin1Char('\n')) + QLatin1Char('\n') + infos.join(QLatin1Char('\n'));
        QVERIFY2(!warnings.isEmpty() &&
                     warnings[0].contains(QStringLiteral("(1 failed attempt(s), retrying)")),
                 qPrintable(log));
        QVERIFY2(warnings.size() <= 1 + downMs / kIntervalMs, qPrintable(log));
        for (qsizetype i = 1; i < warnings.size(); ++i) {
            QVERIFY2(!warnings[i].contains(QStringLiteral("(1 failed")), qPrintable(log));
        }
        const QStringList recovered = infos.filter(QStringLiteral("reading again after"));
        QCOMPARE(recovered.size(), 1);
        const QRegularExpressionMatch attempts =
            QRegularExpression(QStringLiteral("after (\\d+) failed")).match(recovered[0]);
        QVERIFY2(attempts.hasMatch(), qPrintable(log));
        // More attempts than warnings: the rate limit held some back.
        QVERIFY2(attempts.captured(1).toInt() > warnings.size(), qPrintable(log));
    }

private:
    RedisServerFixture m_redis;
};

QTEST_GUILESS_MAIN(TestCaptureQueue)
#include "tst_capturequeue.moc"
