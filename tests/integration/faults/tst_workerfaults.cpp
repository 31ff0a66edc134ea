// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Error paths of the worker helpers against a real redis-server and real files: recovering the
// files a killed run left open (LeftoverFiles::recover) and saving refusal counts
// (RejectedLineCounter::flush) while Redis refuses or is gone. One test per failure.

#include <atomic>
#include <csignal>
#include <memory>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include "store/redissyncclient.h"
#include "workers/analyzerqueues.h"
#include "workers/leftoverfiles.h"
#include "workers/rejectedlinecounter.h"
#include "workers/workertestbase.h"

#include <sys/resource.h>

using namespace d4::test;
using d4::workers::AnalyzerQueues;
using d4::workers::LeftoverFiles;
using d4::workers::RejectedLineCounter;

namespace {

const QString kUuid = QStringLiteral("4b1e2c3d00004000800000000000abcd");

/** A worker file of @p type as a killed run leaves it, holding @p content. */
QString writeLeftover(const QTemporaryDir &save, int type, const QString &suffix, const QByteArray &content)
{
    const QString path = save.filePath(kUuid + QStringLiteral("/%1/2026/11/24/").arg(type) + kUuid +
                                       QStringLiteral("-2026-11-24-235500") + suffix);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return {};
    }
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

/** Lowers this process's file size limit (SIGXFSZ ignored, so writes fail with EFBIG) for a scope. */
class FileSizeLimit final
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_savedHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit lowered = m_saved;
        lowered.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_savedHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool ok() const { return m_ok; }

private:
    struct rlimit m_saved
    {
    };
    void (*m_savedHandler)(int) = SIG_DFL;
    bool m_ok = false;
};

} // namespace

class TestWorkerFaults : public WorkerTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // A leftover file that cannot be read any more (here: removed between find() and recover()):
    // counted as failed with a warning naming it, and the other files are still recovered.
    void recoverUnreadableLeftover()
    {
        QTemporaryDir save;
        const QString pcap = writeLeftover(save, 1, QStringLiteral(".cap"), "not read");
        const QString lines = writeLeftover(save, 8, QStringLiteral(".passivedns.txt"), "a\nb\n");
        QVERIFY(!pcap.isEmpty() && !lines.isEmpty());
        const QList<LeftoverFiles::File> files = LeftoverFiles::find(save.path());
        QCOMPARE(files.size(), qsizetype(2));
        QVERIFY(QFile::remove(pcap));
        AnalyzerQueues queues(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                              m_redis.endpoint(D4ServerProcess::kAnalyzerDb), 10000, 0);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot compress the file a previous run left "
                                                               "open: cannot read .*\\.cap")));
        int failed = -1;
        QCOMPARE(LeftoverFiles::recover(files, queues, failed), 1);
        QCOMPARE(failed, 1);
        QVERIFY(!QFileInfo::exists(pcap + QStringLiteral(".gz")));
        QCOMPARE(gunzip(lines + QStringLiteral(".gz")), QByteArray("a\nb\n"));
        QVERIFY(!QFileInfo::exists(lines));
    }

    // The .gz cannot be written (the file size limit stands in for a full disk): the leftover is
    // kept as it was, no partial .gz is left, and a later recover() with room succeeds.
    void recoverUnwritableDestination()
    {
        QTemporaryDir save;
        const QByteArray content = randomBytes(256 * 1024); // does not compress below the limit
        const QString path = writeLeftover(save, 3, QStringLiteral(".syslog.txt"), content);
        QVERIFY(!path.isEmpty());
        const QList<LeftoverFiles::File> files = LeftoverFiles::find(save.path());
        QCOMPARE(files.size(), qsizetype(1));
        AnalyzerQueues queues(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                              m_redis.endpoint(D4ServerProcess::kAnalyzerDb), 10000, 0);
        {
            FileSizeLimit limit(64 * 1024);
            QVERIFY(limit.ok());
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                                   "cannot compress the file a previous run "
                                                   "left open: cannot write .*\\.syslog\\.txt\\.gz")));
            int failed = -1;
            QCOMPARE(LeftoverFiles::recover(files, queues, failed), 0);
            QCOMPARE(failed, 1);
        }
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".gz")));
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), content);
        kept.close();
        int failed = -1;
        QCOMPARE(LeftoverFiles::recover(LeftoverFiles::find(save.path()), queues, failed), 1);
        QCOMPARE(failed, 0);
        QCOMPARE(gunzip(path + QStringLiteral(".gz")), content);
    }

    // A pcap leftover whose .gz path cannot be queued (Redis gone): counted as failed, the .gz is
    // complete on disk, and its marker keeps the path, so the next start queues it, once.
    void recoverWithoutRedis()
    {
        QTemporaryDir save;
        const QString pcap = writeLeftover(save, 1, QStringLiteral(".cap"), "pcap bytes");
        QVERIFY(!pcap.isEmpty());
        const QByteArray queue = addQueue(1);
        QCOMPARE(m_redis.command({"SAVE"}).string, QByteArray("OK")); // the restart below loads it
        AnalyzerQueues queues(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                              m_redis.endpoint(D4ServerProcess::kAnalyzerDb), 10000, 0);
        m_redis.stop();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot queue .*\\.cap\\.gz :")));
        int failed = -1;
        QCOMPARE(LeftoverFiles::recover(LeftoverFiles::find(save.path()), queues, failed), 0);
        QCOMPARE(failed, 1);
        const QString gz = pcap + QStringLiteral(".gz");
        QCOMPARE(gunzip(gz), QByteArray("pcap bytes"));
        QCOMPARE(readFile(pcap + LeftoverFiles::queuePendingSuffix()), QFile::encodeName(gz));

        QVERIFY2(m_redis.restart(), qPrintable(m_redis.errorString()));
        const QList<LeftoverFiles::File> files = LeftoverFiles::find(save.path());
        QCOMPARE(files.size(), qsizetype(1));
        QVERIFY(files.front().compressed);
        QCOMPARE(files.front().path, gz);
        QCOMPARE(LeftoverFiles::recover(files, queues, failed), 1);
        QCOMPARE(failed, 0);
        QCOMPARE(analyzer({"LRANGE", "analyzer:1:" + queue, "0", "-1"}).elements.size(), qsizetype(1));
        QCOMPARE(analyzer({"RPOP", "analyzer:1:" + queue}).string, QFile::encodeName(gz));
        QVERIFY(!QFileInfo::exists(pcap + LeftoverFiles::queuePendingSuffix()));
        QVERIFY(LeftoverFiles::find(save.path()).isEmpty());
    }

    // With a stop flag (as the workers' recovery thread runs it), a failed push is retried until
    // Redis is back: the path is queued once and the marker removed.
    void recoveryWaitsForRedis()
    {
        QTemporaryDir save;
        const QString pcap = writeLeftover(save, 1, QStringLiteral(".cap"), "waits for redis");
        QVERIFY(!pcap.isEmpty());
        const QByteArray queue = addQueue(1);
        QCOMPARE(m_redis.command({"SAVE"}).string, QByteArray("OK"));
        AnalyzerQueues queues(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                              m_redis.endpoint(D4ServerProcess::kAnalyzerDb), 10000, 0);
        m_redis.stop();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot queue .* \\(retrying\\)")));
        std::atomic<bool> stop{false};
        int recovered = -1;
        int failed = -1;
        const QList<LeftoverFiles::File> files = LeftoverFiles::find(save.path());
        std::unique_ptr<QThread> recovery(
            QThread::create([&] { recovered = LeftoverFiles::recover(files, queues, failed, &stop, 100); }));
        recovery->start();
        QTest::qWait(600);
        QVERIFY(recovery->isRunning()); // still retrying
        QVERIFY2(m_redis.restart(), qPrintable(m_redis.errorString()));
        QVERIFY(recovery->wait(10000));
        QCOMPARE(recovered, 1);
        QCOMPARE(failed, 0);
        QCOMPARE(analyzer({"LRANGE", "analyzer:1:" + queue, "0", "-1"}).elements.size(), qsizetype(1));
        QCOMPARE(analyzer({"RPOP", "analyzer:1:" + queue}).string,
                 QFile::encodeName(pcap + QStringLiteral(".gz")));
        QVERIFY(!QFileInfo::exists(pcap + LeftoverFiles::queuePendingSuffix()));
    }

    // Stopping ends the retries promptly; the marker stays for the next start.
    void recoveryStopsWhileRedisIsDown()
    {
        QTemporaryDir save;
        const QString pcap = writeLeftover(save, 1, QStringLiteral(".cap"), "stopped");
        QVERIFY(!pcap.isEmpty());
        AnalyzerQueues queues(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                              m_redis.endpoint(D4ServerProcess::kAnalyzerDb), 10000, 0);
        m_redis.stop();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot queue .* \\(retrying\\)")));
        std::atomic<bool> stop{false};
        int recovered = -1;
        int failed = -1;
        const QList<LeftoverFiles::File> files = LeftoverFiles::find(save.path());
        std::unique_ptr<QThread> recovery(
            QThread::create([&] { recovered = LeftoverFiles::recover(files, queues, failed, &stop, 1000); }));
        recovery->start();
        QTest::qWait(300);
        QElapsedTimer stopping;
        stopping.start();
        stop = true;
        QVERIFY(recovery->wait(5000));
        QVERIFY2(stopping.elapsed() < 1000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(recovered, 0);
        QCOMPARE(failed, 1);
        QCOMPARE(readFile(pcap + LeftoverFiles::queuePendingSuffix()),
                 QFile::encodeName(pcap + QStringLiteral(".gz")));
    }

    // A marker whose compressed file is gone names nothing to queue: it is removed with a warning.
    void staleMarkerRemoved()
    {
        QTemporaryDir save;
        const QString pcap = writeLeftover(save, 1, QStringLiteral(".cap"), "x");
        QVERIFY(!pcap.isEmpty() && QFile::remove(pcap));
        const QString marker = pcap + LeftoverFiles::queuePendingSuffix();
        QFile file(marker);
        QVERIFY(file.open(QIODevice::WriteOnly) &&
                file.write(QFile::encodeName(pcap + QStringLiteral(".gz"))) > 0);
        file.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "removing .*queue-pending : it names no compressed")));
        QVERIFY(LeftoverFiles::find(save.path()).isEmpty());
        QVERIFY(!QFileInfo::exists(marker));
    }

    // Redis refuses the HINCRBY (the key holds another type): flush() fails with Redis's error and
    // keeps the count, which the next successful flush() saves without losing or repeating any.
    void rejectedCountWhenRedisRefuses()
    {
        const QByteArray uuid = kUuid.toLatin1();
        const QByteArray key = "d4console:worker_rejected_lines:" + uuid;
        d4::store::RedisSyncClient metadata(m_redis.endpoint(D4ServerProcess::kMetadataDb), 2000);
        RejectedLineCounter counter("6");
        counter.setSensorUuid(uuid);
        for (int i = 0; i < 3; ++i) {
            counter.refuse(QStringLiteral("not JSON"));
        }
        meta({"SET", key, "not a hash"});
        QString error;
        QVERIFY(!counter.flush(metadata, error));
        QVERIFY2(error.contains(QStringLiteral("WRONGTYPE")), qPrintable(error));
        meta({"DEL", key});
        counter.refuse(QStringLiteral("not JSON"));
        error.clear();
        QVERIFY2(counter.flush(metadata, error), qPrintable(error));
        QCOMPARE(meta({"HGET", key, "6"}).string, QByteArray("4"));
        QVERIFY(counter.flush(metadata, error));
        QCOMPARE(meta({"HGET", key, "6"}).string, QByteArray("4"));
        QCOMPARE(counter.total(), 4LL);
    }

    // Redis does not answer (stopped with SIGSTOP, then continued): flush() fails after the client
    // timeout, keeps the count, and saves it once Redis is back (the client reconnects); then Redis
    // stopped for good.
    void rejectedCountWhenRedisStops()
    {
        const QByteArray uuid = kUuid.toLatin1();
        const QByteArray key = "d4console:worker_rejected_lines:" + uuid;
        d4::store::RedisSyncClient metadata(m_redis.endpoint(D4ServerProcess::kMetadataDb), 300);
        RejectedLineCounter counter("ja3-jl");
        counter.setSensorUuid(uuid);
        counter.refuse(QStringLiteral("not a JSON object"));
        QString error;
        QVERIFY2(counter.flush(metadata, error), qPrintable(error));
        counter.refuse(QStringLiteral("not a JSON object"));
        counter.refuse(QStringLiteral("not a JSON object"));
        m_redis.pause();
        QVERIFY(!counter.flush(metadata, error));
        QVERIFY(!error.isEmpty());
        m_redis.resume();
        error.clear();
        QTRY_VERIFY_WITH_TIMEOUT(counter.flush(metadata, error), 3000);
        // Never too low. The HINCRBY that timed out sat in the stopped Redis's socket and may be
        // applied when it continues, so the count can also be too high by that flush (2): a
        // timed-out command cannot be known not to have run.
        const QByteArray saved = meta({"HGET", key, "ja3-jl"}).string;
        QVERIFY2(saved == "3" || saved == "5", saved.constData());

        // Redis gone for good: still an error, never a crash or a silent success.
        counter.refuse(QStringLiteral("not a JSON object"));
        m_redis.stop();
        error.clear();
        QVERIFY(!counter.flush(metadata, error));
        QVERIFY2(error.contains(QStringLiteral("Redis")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestWorkerFaults)
#include "tst_workerfaults.moc"
