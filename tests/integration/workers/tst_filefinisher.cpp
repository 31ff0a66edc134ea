// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// FileFinisher against a real redis-server and real files: closed worker files are gzipped off the
// worker threads, in order, pcap paths queued; a session reopening a name waits for its release;
// Redis down at stop leaves the marker for the next start; a growing backlog is logged, rate-limited.

#include <atomic>
#include <memory>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include "workers/analyzerqueues.h"
#include "workers/filefinisher.h"
#include "workers/leftoverfiles.h"
#include "workers/workertestbase.h"

using namespace d4::test;
using d4::workers::FileFinisher;
using d4::workers::LeftoverFiles;
using d4::workers::WorkerSettings;

namespace {

const QByteArray kUuid = "4b1e2c3d00004000800000000000abcd";

QString writeWorkerFile(const QTemporaryDir &save, int type, const QString &time, const QString &suffix,
                        const QByteArray &content)
{
    const QString uuid = QString::fromLatin1(kUuid);
    const QString path = save.filePath(uuid + QStringLiteral("/%1/2026/11/24/").arg(type) + uuid +
                                       QLatin1Char('-') + time + suffix);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return {};
    }
    return path;
}

/** About @p megabytes MiB of text lines: long enough to compress that a waiter really waits. */
QByteArray lines(int megabytes)
{
    QByteArray text;
    text.reserve(qsizetype(megabytes) << 20);
    for (int i = 0; text.size() < (qsizetype(megabytes) << 20); ++i) {
        text += "2026-11-24 23:55:00 query " + QByteArray::number(i * 2654435761u) + ".example.org A\n";
    }
    return text;
}

} // namespace

class TestFileFinisher : public WorkerTestBase
{
    Q_OBJECT

private:
    WorkerSettings settings() const
    {
        WorkerSettings settings;
        settings.redis.stream = m_redis.endpoint(D4ServerProcess::kStreamDb);
        settings.redis.metadata = m_redis.endpoint(D4ServerProcess::kMetadataDb);
        settings.redis.analyzer = m_redis.endpoint(D4ServerProcess::kAnalyzerDb);
        settings.queueCacheMs = 0;
        return settings;
    }

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // Lines are only compressed; a pcap's .gz path goes to its type-1 queues; files are finished
    // in the order they were submitted, and nothing hidden is left behind.
    void finishesInOrder()
    {
        QTemporaryDir save;
        const QByteArray queue = addQueue(1);
        const QString first = writeWorkerFile(save, 1, QStringLiteral("2026-11-24-235500"),
                                              QStringLiteral(".cap"), "first pcap");
        const QString text = writeWorkerFile(save, 8, QStringLiteral("2026-11-24-235500"),
                                             QStringLiteral(".passivedns.txt"), "a\nb\n");
        const QString second = writeWorkerFile(save, 1, QStringLiteral("2026-11-24-236000"),
                                               QStringLiteral(".cap"), "second pcap");
        FileFinisher finisher(settings());
        finisher.start();
        finisher.submit({first, kUuid, 1});
        finisher.submit({text, kUuid, 8});
        finisher.submit({second, kUuid, 1});
        QTRY_COMPARE_WITH_TIMEOUT(finisher.finished(), 3, 10000);
        QCOMPARE(finisher.failed(), 0);
        QCOMPARE(finisher.backlog(), 0);
        QCOMPARE(gunzip(first + QStringLiteral(".gz")), QByteArray("first pcap"));
        QCOMPARE(gunzip(second + QStringLiteral(".gz")), QByteArray("second pcap"));
        QCOMPARE(gunzip(text + QStringLiteral(".gz")), QByteArray("a\nb\n"));
        // Analyzers RPOP: the oldest path comes out first.
        QCOMPARE(analyzer({"RPOP", "analyzer:1:" + queue}).string,
                 QFile::encodeName(first + QStringLiteral(".gz")));
        QCOMPARE(analyzer({"RPOP", "analyzer:1:" + queue}).string,
                 QFile::encodeName(second + QStringLiteral(".gz")));
        QCOMPARE(analyzer({"LLEN", "analyzer:1:" + queue}).integer, 0LL);
        QVERIFY(LeftoverFiles::find(save.path()).isEmpty());
        QVERIFY(filesUnder(save.path(), QStringLiteral("*.partial")).isEmpty());
        QDirIterator hidden(save.path(), {QStringLiteral(".*")}, QDir::Files | QDir::Hidden,
                            QDirIterator::Subdirectories);
        QVERIFY(!hidden.hasNext());
        finisher.stop();
    }

    // A session that opens the name of a file still being compressed waits until it is released:
    // the original is gone then, so nothing is appended to a file that is about to be removed.
    void reopeningWaitsForRelease()
    {
        QTemporaryDir save;
        const QByteArray content = lines(48);
        const QString big = writeWorkerFile(save, 8, QStringLiteral("2026-11-24-235500"),
                                            QStringLiteral(".passivedns.txt"), content);
        QVERIFY(!big.isEmpty());
        FileFinisher finisher(settings());
        finisher.start();
        finisher.submit({big, kUuid, 8});
        QCOMPARE(finisher.backlog(), 1);
        finisher.waitUntilReleased(big);
        QVERIFY(!QFileInfo::exists(big));
        QCOMPARE(finisher.finished(), 1);
        QCOMPARE(gunzip(big + QStringLiteral(".gz")), content);
        // A path the finisher never saw is released at once.
        finisher.waitUntilReleased(save.filePath(QStringLiteral("other.txt")));
        finisher.stop();
    }

    // stop() finishes every file submitted before it.
    void stopFinishesWhatWasSubmitted()
    {
        QTemporaryDir save;
        FileFinisher finisher(settings());
        finisher.start();
        QStringList paths;
        for (int i = 0; i < 5; ++i) {
            paths.append(writeWorkerFile(save, 3, QStringLiteral("2026-11-24-23550%1").arg(i),
                                         QStringLiteral(".syslog.txt"), lines(4)));
            finisher.submit({paths.last(), kUuid, 3});
        }
        finisher.stop();
        QCOMPARE(finisher.finished(), 5);
        for (const QString &path : std::as_const(paths)) {
            QVERIFY2(QFileInfo::exists(path + QStringLiteral(".gz")) && !QFileInfo::exists(path),
                     qPrintable(path));
        }
    }

    // Redis down: the push is retried until stop(), which ends the retries promptly; the .gz is
    // complete and its marker holds the path, so the next start's recovery queues it once.
    void redisDownAtStopKeepsTheMarker()
    {
        QTemporaryDir save;
        const QByteArray queue = addQueue(1);
        QCOMPARE(m_redis.command({"SAVE"}).string, QByteArray("OK")); // the restart below loads it
        const QString pcap = writeWorkerFile(save, 1, QStringLiteral("2026-11-24-235500"),
                                             QStringLiteral(".cap"), "kept for later");
        FileFinisher finisher(settings(), 100);
        finisher.start();
        m_redis.stop();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot queue .* \\(retrying\\)")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot queue .*the next start queues it")));
        finisher.submit({pcap, kUuid, 1});
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(pcap + QStringLiteral(".gz")), 5000);
        QTest::qWait(300);
        QCOMPARE(finisher.backlog(), 1); // still retrying
        QElapsedTimer stopping;
        stopping.start();
        finisher.stop();
        QVERIFY2(stopping.elapsed() < 2000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(finisher.failed(), 1);
        const QString gz = pcap + QStringLiteral(".gz");
        QFile marker(pcap + LeftoverFiles::queuePendingSuffix());
        QVERIFY(marker.open(QIODevice::ReadOnly));
        QCOMPARE(marker.readAll(), QFile::encodeName(gz));

        QVERIFY2(m_redis.restart(), qPrintable(m_redis.errorString()));
        d4::workers::AnalyzerQueues queues(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                                           m_redis.endpoint(D4ServerProcess::kAnalyzerDb), 10000, 0);
        int failed = -1;
        QCOMPARE(LeftoverFiles::recover(LeftoverFiles::find(save.path()), queues, failed), 1);
        QCOMPARE(analyzer({"RPOP", "analyzer:1:" + queue}).string, QFile::encodeName(gz));
        QCOMPARE(analyzer({"LLEN", "analyzer:1:" + queue}).integer, 0LL);
    }

    // A file that cannot be read any more: counted as failed with a warning, the next one finished.
    void unreadableFileIsCounted()
    {
        QTemporaryDir save;
        const QString gone = save.filePath(QStringLiteral("gone.passivedns.txt"));
        const QString kept = writeWorkerFile(save, 8, QStringLiteral("2026-11-24-235500"),
                                             QStringLiteral(".passivedns.txt"), "kept\n");
        FileFinisher finisher(settings());
        finisher.start();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "cannot compress a rotated file: cannot read .*gone")));
        finisher.submit({gone, kUuid, 8});
        finisher.submit({kept, kUuid, 8});
        QTRY_COMPARE_WITH_TIMEOUT(finisher.finished() + finisher.failed(), 2, 5000);
        QCOMPARE(finisher.failed(), 1);
        QCOMPARE(gunzip(kept + QStringLiteral(".gz")), QByteArray("kept\n"));
        finisher.stop();
    }

    // Above the threshold the backlog is logged with its count, once per interval however much it
    // grows meanwhile; with no interval each growth past the last count logged is logged again.
    void backlogIsLogged()
    {
        QTemporaryDir save;
        auto submitText = [&save](FileFinisher &finisher, int i) {
            const QString path =
                writeWorkerFile(save, 8, QStringLiteral("2026-11-24-2355%1").arg(i, 2, 10, QLatin1Char('0')),
                                QStringLiteral(".passivedns.txt"), "line\n");
            QVERIFY(!path.isEmpty());
            finisher.submit({path, kUuid, 8});
        };
        FileFinisher finisher(settings(), 1000, 4, 60000);
        // Not started yet: every file submitted waits.
        for (int i = 0; i < 4; ++i) {
            submitText(finisher, i);
        }
        QCOMPARE(finisher.backlog(), 4);
        QCOMPARE(finisher.backlogWarnings(), 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "^5 closed files waiting to be compressed: compression is "
                                               "slower than rotation")));
        submitText(finisher, 4);
        QCOMPARE(finisher.backlogWarnings(), 1);
        for (int i = 5; i < 20; ++i) {
            submitText(finisher, i);
        }
        QCOMPARE(finisher.backlog(), 20);
        QCOMPARE(finisher.backlogWarnings(), 1); // within the minute
        finisher.start();
        finisher.stop();
        QCOMPARE(finisher.finished(), 20);
        QCOMPARE(finisher.backlog(), 0);

        FileFinisher eager(settings(), 1000, 2, 0);
        submitText(eager, 30);
        submitText(eager, 31);
        QCOMPARE(eager.backlogWarnings(), 0);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^3 closed files waiting to be compressed")));
        submitText(eager, 32);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^4 closed files waiting to be compressed")));
        submitText(eager, 33);
        QCOMPARE(eager.backlogWarnings(), 2);
        eager.start();
        eager.stop();
        QCOMPARE(eager.finished(), 4);
    }
};

QTEST_GUILESS_MAIN(TestFileFinisher)
#include "tst_filefinisher.moc"
