// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// [Backscatter] retention_days: only the reporter's files (attack files, evidence pcaps) older than
// the cutoff go; newer ones and any other file stay; the reporter applies it at once and periodically.

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/backscatterreporter.h"
#include "analyzers/backscatter/backscatterretention.h"

using namespace d4::analyzers::backscatter;

namespace {

/** Creates @p path (and its directory) last modified @p days days ago. */
bool touch(const QString &path, int days)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    // Flushed first: a write at close() would set the time again.
    return file.open(QIODevice::WriteOnly) && file.write("x\n") == 2 && file.flush() &&
           file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-days),
                            QFileDevice::FileModificationTime);
}

} // namespace

class TestBackscatterRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("attacks");
        QTest::addColumn<bool>("evidence");
        QTest::newRow("attacks file") << "attacks-2026-12-02.ndjson" << true << false;
        QTest::newRow("attacks backup") << "attacks-2026-12-02.ndjson.bak" << false << false;
        QTest::newRow("attacks other date") << "attacks-latest.ndjson" << false << false;
        QTest::newRow("pcap") << "198.51.100.10-tcp-20231114T221320.000000000Z.pcap" << false << true;
        QTest::newRow("pcapng") << "198.51.100.10-udp-20231114T221320.123456789Z.pcapng" << false << true;
        QTest::newRow("numbered") << "192.0.2.30-icmp-20231114T221320.000000000Z-2.pcap" << false << true;
        QTest::newRow("other protocol") << "192.0.2.30-47-20231114T221320Z.pcap" << false << true;
        QTest::newRow("capture of the operator") << "capture.pcap" << false << false;
        QTest::newRow("partial") << "198.51.100.10-tcp-20231114T221320.000000000Z.pcap.XyZ123" << false
                                 << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, attacks);
        QFETCH(bool, evidence);
        QCOMPARE(BackscatterRetention::isAttacksFile(name), attacks);
        QCOMPARE(BackscatterRetention::isEvidenceFile(name), evidence);
    }

    // Old files of the reporter go; new ones, foreign ones (old too) and subdirectories stay.
    void removesOnlyOldReporterFiles()
    {
        QTemporaryDir dir;
        const QString evidence = dir.filePath(QStringLiteral("evidence"));
        const QString oldAttacks = dir.filePath(QStringLiteral("attacks-2026-10-01.ndjson"));
        const QString newAttacks = dir.filePath(QStringLiteral("attacks-2026-12-01.ndjson"));
        const QString oldPcap =
            evidence + QStringLiteral("/198.51.100.10-tcp-20261001T000000.000000000Z.pcap");
        const QString oldNumbered =
            evidence + QStringLiteral("/198.51.100.10-tcp-20261001T000000.000000000Z-2.pcapng");
        const QString newPcap = evidence + QStringLiteral("/192.0.2.30-udp-20261201T000000.000000000Z.pcap");
        const QStringList foreign = {
            dir.filePath(QStringLiteral("notes.txt")),
            dir.filePath(QStringLiteral("attacks-2026-10-01.ndjson.bak")),
            evidence + QStringLiteral("/capture.pcap"),
            // An attacks file name in the evidence directory is not one of its.
            evidence + QStringLiteral("/attacks-2026-10-01.ndjson"),
            dir.filePath(QStringLiteral("old/198.51.100.10-tcp-20261001T000000Z.pcap"))};
        QVERIFY(touch(oldAttacks, 40));
        QVERIFY(touch(newAttacks, 1));
        QVERIFY(touch(oldPcap, 31));
        QVERIFY(touch(oldNumbered, 365));
        QVERIFY(touch(newPcap, 29));
        for (const QString &path : foreign) {
            QVERIFY(touch(path, 400));
        }
        const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-30);
        QCOMPARE(BackscatterRetention::removeOlderThan(dir.path(), evidence, cutoff), 3);
        QVERIFY(!QFile::exists(oldAttacks));
        QVERIFY(!QFile::exists(oldPcap));
        QVERIFY(!QFile::exists(oldNumbered));
        QVERIFY(QFile::exists(newAttacks));
        QVERIFY(QFile::exists(newPcap));
        for (const QString &path : foreign) {
            QVERIFY2(QFile::exists(path), qPrintable(path));
        }
        // Nothing left to remove; an empty directory argument is skipped.
        QCOMPARE(BackscatterRetention::removeOlderThan(dir.path(), QString(), cutoff), 0);
        QCOMPARE(BackscatterRetention::removeOlderThan(QString(), QString(), cutoff), 0);
    }

    // The reporter removes expired files on its writer thread at once, then every interval.
    void reporterAppliesAtOnceAndPeriodically()
    {
        QTemporaryDir dir;
        const QString evidence = dir.filePath(QStringLiteral("evidence"));
        const QString oldAttacks = dir.filePath(QStringLiteral("attacks-2026-10-01.ndjson"));
        const QString oldPcap =
            evidence + QStringLiteral("/198.51.100.10-tcp-20261001T000000.000000000Z.pcap");
        const QString foreign = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(touch(oldAttacks, 40));
        QVERIFY(touch(oldPcap, 40));
        QVERIFY(touch(foreign, 40));
        BackscatterAnalyzer analyzer;
        BackscatterReporter reporter(&analyzer, dir.path());
        reporter.setEvidenceDirectory(evidence);
        QTest::ignoreMessage(QtInfoMsg, "removed 2 backscatter files older than 30 days");
        reporter.setRetentionDays(30, std::chrono::milliseconds(200));
        QTRY_VERIFY_WITH_TIMEOUT(reporter.writer().retentionPasses() >= 1, 5000);
        QVERIFY(!QFile::exists(oldAttacks));
        QVERIFY(!QFile::exists(oldPcap));
        QVERIFY(QFile::exists(foreign));
        QCOMPARE(reporter.writer().filesExpired(), 2ULL);
        // A file that expired since: removed by a later pass.
        const QString later = dir.filePath(QStringLiteral("attacks-2026-10-02.ndjson"));
        QTest::ignoreMessage(QtInfoMsg, "removed 1 backscatter files older than 30 days");
        QVERIFY(touch(later, 31));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(later), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(reporter.writer().filesExpired(), 3ULL, 5000);
        QVERIFY(reporter.writer().retentionPasses() >= 2);
        QVERIFY(QFile::exists(foreign));
    }

    // 0 days: no pass at all, old files stay.
    void zeroKeepsForever()
    {
        QTemporaryDir dir;
        const QString oldAttacks = dir.filePath(QStringLiteral("attacks-2020-01-01.ndjson"));
        QVERIFY(touch(oldAttacks, 2000));
        BackscatterAnalyzer analyzer;
        BackscatterReporter reporter(&analyzer, dir.path());
        reporter.setRetentionDays(0, std::chrono::milliseconds(10));
        QTest::qWait(200);
        QCOMPARE(reporter.writer().retentionPasses(), 0ULL);
        QVERIFY(QFile::exists(oldAttacks));
    }
};

QTEST_GUILESS_MAIN(TestBackscatterRetention)
#include "tst_backscatterretention.moc"
