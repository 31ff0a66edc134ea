// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The forwarding spool on real files: order, restart, bound, corruption and write failures.

#include <atomic>
#include <chrono>
#include <thread>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "forward/forwardspool.h"

#if defined(Q_OS_UNIX)
#include <csignal>

#include <sys/resource.h>
#include <unistd.h>
#endif

using d4::forward::ForwardSpool;
using d4::forward::SpoolCursor;
using namespace std::chrono_literals;

namespace {

constexpr qsizetype kFrame = 8; // length + CRC before each record

QByteArray record(int i, qsizetype size = 0)
{
    QByteArray bytes = "record-" + QByteArray::number(i);
    if (size > bytes.size()) {
        bytes.append(size - bytes.size(), char('a' + i % 26));
    }
    return bytes;
}

QByteArrayList records(int from, int to, qsizetype size = 0)
{
    QByteArrayList list;
    for (int i = from; i < to; ++i) {
        list.append(record(i, size));
    }
    return list;
}

QByteArrayList readAll(ForwardSpool &spool, SpoolCursor &cursor)
{
    QByteArrayList all;
    for (;;) {
        const QByteArrayList batch = spool.read(cursor, 7, 1 << 20, 0ms);
        if (batch.isEmpty()) {
            return all;
        }
        all += batch;
    }
}

QStringList segmentFiles(const QString &directory)
{
    return QDir(directory).entryList({QStringLiteral("*.seg")}, QDir::Files, QDir::Name);
}

std::unique_ptr<ForwardSpool> openSpool(const QString &directory, quint64 maxBytes = 1 << 20,
                                        quint64 segmentBytes = ForwardSpool::kDefaultSegmentBytes)
{
    QString error;
    auto spool = ForwardSpool::open(directory, maxBytes, error, segmentBytes);
    if (!spool) {
        qWarning() << "open failed:" << error;
    }
    return spool;
}

/** Overwrites bytes of a file in place. */
bool patchFile(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.seek(offset) && file.write(bytes) == bytes.size();
}

} // namespace

class TestForwardSpool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsOwnerOnlyDirectory()
    {
        QTemporaryDir parent;
        const QString directory = parent.filePath(QStringLiteral("a/spool"));
        auto spool = openSpool(directory);
        QVERIFY(spool);
        QCOMPARE(spool->directory(), directory);
        QCOMPARE(QFile::permissions(directory) &
                     (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                      QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther),
                 QFileDevice::Permissions());
    }

    void keepsOrderAcrossSegments()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), 1 << 20, 200);
        QVERIFY(spool);
        const QByteArrayList expected = records(0, 50, 20);
        for (int i = 0; i < 50; i += 5) {
            QVERIFY(spool->append(expected.mid(i, 5), 0ms));
        }
        QCOMPARE(spool->pendingRecords(), 50u);
        QCOMPARE(spool->pendingBytes(), 50u * 20u);
        const QStringList files = segmentFiles(dir.path());
        QVERIFY2(files.size() > 3, qPrintable(files.join(u' ')));
        static const QRegularExpression name(QStringLiteral("^[0-9]{16}\\.seg$"));
        for (const QString &file : files) {
            QVERIFY2(name.match(file).hasMatch(), qPrintable(file));
        }
        SpoolCursor cursor;
        QCOMPARE(readAll(*spool, cursor), expected);
        // Reading does not acknowledge.
        QCOMPARE(spool->pendingRecords(), 50u);
    }

    void readRespectsLimits()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path());
        QVERIFY(spool);
        QVERIFY(spool->append(records(0, 10, 100), 0ms));
        SpoolCursor cursor;
        QCOMPARE(spool->read(cursor, 3, 1 << 20, 0ms), records(0, 3, 100));
        QCOMPARE(spool->read(cursor, 100, 250, 0ms), records(3, 5, 100));
        // At least one record, however small maxBytes is.
        QCOMPARE(spool->read(cursor, 100, 1, 0ms), records(5, 6, 100));
        QCOMPARE(spool->read(cursor, 100, 1 << 20, 0ms), records(6, 10, 100));
        QVERIFY(spool->read(cursor, 100, 1 << 20, 0ms).isEmpty());
    }

    void restartResumesAtAcknowledgedCursor()
    {
        QTemporaryDir dir;
        SpoolCursor acknowledged;
        {
            auto spool = openSpool(dir.path(), 1 << 20, 100);
            QVERIFY(spool);
            QVERIFY(spool->append(records(0, 20, 10), 0ms));
            SpoolCursor cursor;
            QCOMPARE(spool->read(cursor, 8, 1 << 20, 0ms).size(), 8);
            QVERIFY(spool->acknowledge(cursor));
            acknowledged = cursor;
            QCOMPARE(spool->acknowledged(), acknowledged);
            QCOMPARE(spool->pendingRecords(), 12u);
            // Read but never acknowledged: read again after the restart.
            QCOMPARE(spool->read(cursor, 5, 1 << 20, 0ms).size(), 5);
        }
        auto spool = openSpool(dir.path(), 1 << 20, 100);
        QVERIFY(spool);
        QCOMPARE(spool->acknowledged(), acknowledged);
        QCOMPARE(spool->pendingRecords(), 12u);
        QCOMPARE(spool->pendingBytes(), 120u);
        QCOMPARE(spool->corruptRecords(), 0u);
        SpoolCursor cursor = spool->acknowledged();
        QCOMPARE(readAll(*spool, cursor), records(8, 20, 10));
        // Appends go on after the restart, in order.
        QVERIFY(spool->append(records(20, 22, 10), 0ms));
        QCOMPARE(readAll(*spool, cursor), records(20, 22, 10));
    }

    void readsEverythingWithoutAcknowledgedFile()
    {
        QTemporaryDir dir;
        {
            auto spool = openSpool(dir.path(), 1 << 20, 64);
            QVERIFY(spool);
            QVERIFY(spool->append(records(0, 10), 0ms));
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("acknowledged"))));
        auto spool = openSpool(dir.path(), 1 << 20, 64);
        QVERIFY(spool);
        QCOMPARE(spool->pendingRecords(), 10u);
        SpoolCursor cursor;
        QCOMPARE(readAll(*spool, cursor), records(0, 10));
    }

    void acknowledgeDeletesSegments()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), 1 << 20, 64);
        QVERIFY(spool);
        for (int i = 0; i < 30; i += 3) {
            QVERIFY(spool->append(records(i, i + 3, 20), 0ms));
        }
        const QStringList before = segmentFiles(dir.path());
        QVERIFY(before.size() >= 5);
        SpoolCursor cursor;
        QCOMPARE(spool->read(cursor, 10, 1 << 20, 0ms).size(), 10);
        QVERIFY(spool->acknowledge(cursor));
        const QStringList middle = segmentFiles(dir.path());
        QVERIFY(!middle.contains(before.first()));
        QCOMPARE(middle.last(), before.last());
        QCOMPARE(spool->pendingRecords(), 20u);
        QCOMPARE(spool->pendingBytes(), 20u * 20u);

        QCOMPARE(readAll(*spool, cursor).size(), 20);
        QVERIFY(spool->acknowledge(cursor));
        QCOMPARE(segmentFiles(dir.path()), QStringList{before.last()});
        QCOMPARE(spool->pendingRecords(), 0u);
        QCOMPARE(spool->pendingBytes(), 0u);
        // Acknowledging an older cursor changes nothing.
        QVERIFY(spool->acknowledge(SpoolCursor{}));
        QCOMPARE(spool->acknowledged(), cursor);
    }

    void refusesAcknowledgeBeyondEnd()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path());
        QVERIFY(spool);
        QVERIFY(spool->append(records(0, 2), 0ms));
        QVERIFY(!spool->acknowledge(SpoolCursor{1, 1000}));
        QVERIFY(spool->errorString().contains(QLatin1String("does not reach")));
        QVERIFY(!spool->acknowledge(SpoolCursor{7, 0}));
        QCOMPARE(spool->pendingRecords(), 2u);
    }

    void appendWaitsForRoom()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), 100, 64);
        QVERIFY(spool);
        QVERIFY(spool->append(records(0, 10, 10), 0ms));
        QCOMPARE(spool->pendingBytes(), 100u);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!spool->append(records(10, 11, 10), 50ms));
        QVERIFY(timer.elapsed() >= 40);
        QVERIFY2(spool->errorString().contains(QLatin1String("full")), qPrintable(spool->errorString()));
        QCOMPARE(spool->pendingRecords(), 10u);

        std::atomic<bool> done = false;
        std::atomic<bool> appended = false;
        std::thread appender([&] {
            appended = spool->append(records(10, 12, 10), 20s);
            done = true;
        });
        QTest::qWait(200);
        QVERIFY(!done);
        SpoolCursor cursor;
        QCOMPARE(spool->read(cursor, 1, 1 << 20, 0ms).size(), 1);
        QVERIFY(spool->acknowledge(cursor));
        QTest::qWait(100);
        QVERIFY(!done); // 90 + 20 bytes still do not fit
        QCOMPARE(spool->read(cursor, 1, 1 << 20, 0ms).size(), 1);
        QVERIFY(spool->acknowledge(cursor));
        QTRY_VERIFY(done);
        appender.join();
        QVERIFY(appended);
        QCOMPARE(spool->pendingBytes(), 100u);
        QCOMPARE(readAll(*spool, cursor), records(2, 12, 10));
    }

    void acceptsOversizedBatchWhenEmpty()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), 100);
        QVERIFY(spool);
        QVERIFY(spool->append({QByteArray(500, 'x')}, 0ms));
        QCOMPARE(spool->pendingBytes(), 500u);
        QVERIFY(!spool->append({QByteArray(1, 'y')}, 0ms));
        SpoolCursor cursor;
        QCOMPARE(spool->read(cursor, 10, 10, 0ms), QByteArrayList{QByteArray(500, 'x')});
    }

    void interruptWakesWaiters()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), 10);
        QVERIFY(spool);
        std::atomic<bool> readDone = false;
        qsizetype readCount = -1;
        std::thread reader([&] {
            SpoolCursor cursor;
            readCount = spool->read(cursor, 10, 1000, 30s).size();
            readDone = true;
        });
        QVERIFY(spool->append({QByteArray(10, 'a')}, 0ms));
        QTRY_VERIFY(readDone); // an append wakes the reader
        reader.join();
        QCOMPARE(readCount, 1);

        std::atomic<bool> appendDone = false;
        std::atomic<bool> appended = true;
        std::thread appender([&] {
            appended = spool->append({QByteArray(5, 'b')}, 30s);
            appendDone = true;
        });
        std::atomic<bool> waitDone = false;
        std::thread waiter([&] {
            SpoolCursor cursor{1, 18}; // after the one record
            readCount = spool->read(cursor, 10, 1000, 30s).size();
            waitDone = true;
        });
        QTest::qWait(150);
        QVERIFY(!appendDone);
        QVERIFY(!waitDone);
        QElapsedTimer timer;
        timer.start();
        spool->interrupt();
        QTRY_VERIFY(appendDone && waitDone);
        appender.join();
        waiter.join();
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(!appended);
        QCOMPARE(readCount, 0);
        QVERIFY(spool->errorString().contains(QLatin1String("interrupted")));
        // Later waits return at once too.
        timer.restart();
        SpoolCursor cursor{1, 18};
        QVERIFY(spool->read(cursor, 10, 1000, 10s).isEmpty());
        QVERIFY(!spool->append({QByteArray(5, 'c')}, 10s));
        QVERIFY(timer.elapsed() < 5000);
    }

    void cutsTornTail_data()
    {
        QTest::addColumn<int>("cut");
        QTest::newRow("inside the bytes") << 30;
        QTest::newRow("inside the header") << 104;
    }

    void cutsTornTail()
    {
        QFETCH(int, cut);
        QTemporaryDir dir;
        {
            auto spool = openSpool(dir.path());
            QVERIFY(spool);
            QVERIFY(spool->append(records(0, 3, 100), 0ms));
        }
        const QString segment = dir.filePath(segmentFiles(dir.path()).constFirst());
        QCOMPARE(QFileInfo(segment).size(), 3 * (100 + kFrame));
        QVERIFY(QFile::resize(segment, 3 * (100 + kFrame) - cut));

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^cutting a torn record off the end of .*"
                                                               "0000000000000001.seg at offset 216")));
        auto spool = openSpool(dir.path());
        QVERIFY(spool);
        QCOMPARE(spool->corruptRecords(), 1u);
        QCOMPARE(spool->pendingRecords(), 2u);
        QCOMPARE(QFileInfo(segment).size(), 2 * (100 + kFrame));
        SpoolCursor cursor;
        QCOMPARE(readAll(*spool, cursor), records(0, 2, 100));
        QVERIFY(spool->append(records(3, 4, 100), 0ms));
        QCOMPARE(readAll(*spool, cursor), records(3, 4, 100));
        spool.reset();
        spool = openSpool(dir.path());
        QVERIFY(spool);
        QCOMPARE(spool->corruptRecords(), 0u);
        QCOMPARE(spool->pendingRecords(), 3u);
    }

    void skipsCorruptRecordInMiddleSegment_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QByteArray>("bytes");
        // Segment 2 holds records 3, 4, 5; damage record 4.
        QTest::newRow("bad CRC") << qint64(100 + kFrame + kFrame + 5) << QByteArray("X");
        QTest::newRow("impossible length") << qint64(100 + kFrame) << QByteArray("\xff\xff\xff\x7f", 4);
        QTest::newRow("length past the end") << qint64(100 + kFrame) << QByteArray("\x00\x10\x00\x00", 4);
    }

    void skipsCorruptRecordInMiddleSegment()
    {
        QFETCH(qint64, offset);
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        {
            auto spool = openSpool(dir.path(), 1 << 20, 300);
            QVERIFY(spool);
            for (int i = 0; i < 9; ++i) {
                QVERIFY(spool->append({record(i, 100)}, 0ms));
            }
        }
        const QStringList files = segmentFiles(dir.path());
        QCOMPARE(files.size(), 3);
        QVERIFY(patchFile(dir.filePath(files[1]), offset, bytes));

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^skipping the rest of .*"
                                                               "0000000000000002.seg after offset 108")));
        auto spool = openSpool(dir.path(), 1 << 20, 300);
        QVERIFY(spool);
        QCOMPARE(spool->corruptRecords(), 1u);
        QCOMPARE(spool->pendingRecords(), 7u);
        SpoolCursor cursor;
        const QByteArrayList expected = records(0, 4, 100) + records(6, 9, 100);
        QCOMPARE(readAll(*spool, cursor), expected);
        QCOMPARE(spool->corruptRecords(), 1u);
        QVERIFY(spool->acknowledge(cursor));
        QCOMPARE(spool->pendingRecords(), 0u);
        QCOMPARE(spool->pendingBytes(), 0u);
    }

    void skipsCorruptionFoundWhileReading()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), 1 << 20, 300);
        QVERIFY(spool);
        for (int i = 0; i < 9; ++i) {
            QVERIFY(spool->append({record(i, 100)}, 0ms));
        }
        const QStringList files = segmentFiles(dir.path());
        QCOMPARE(files.size(), 3);
        QVERIFY(patchFile(dir.filePath(files[1]), 100 + kFrame + kFrame + 5, "X"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^skipping the rest of .*"
                                                               "0000000000000002.seg after offset 108 "
                                                               "\\(bad CRC")));
        SpoolCursor cursor;
        QCOMPARE(readAll(*spool, cursor), records(0, 4, 100) + records(6, 9, 100));
        QCOMPARE(spool->corruptRecords(), 1u);
        QCOMPARE(spool->pendingRecords(), 9u);
        QVERIFY(spool->acknowledge(cursor));
        QCOMPARE(spool->pendingRecords(), 0u);
        QCOMPARE(spool->pendingBytes(), 0u);
    }

    void skipsCorruptionInLastSegmentWhileReading()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path());
        QVERIFY(spool);
        QVERIFY(spool->append(records(0, 3, 100), 0ms));
        const QString segment = dir.filePath(segmentFiles(dir.path()).constFirst());
        QVERIFY(patchFile(segment, kFrame + 2, "X"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^skipping the rest of .*"
                                                               "0000000000000001.seg after offset 0 ")));
        SpoolCursor cursor;
        QVERIFY(spool->read(cursor, 10, 1 << 20, 0ms).isEmpty());
        QCOMPARE(spool->corruptRecords(), 1u);
        // Appends go on in a new segment, which the reader reaches.
        QVERIFY(spool->append(records(3, 5, 100), 0ms));
        QCOMPARE(segmentFiles(dir.path()).size(), 2);
        QCOMPARE(readAll(*spool, cursor), records(3, 5, 100));
        QVERIFY(spool->acknowledge(cursor));
        QCOMPARE(spool->pendingRecords(), 0u);
        QCOMPARE(segmentFiles(dir.path()).size(), 1);
    }

    void refusesRecordTooLarge()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), quint64(64) << 20);
        QVERIFY(spool);
        QVERIFY(!spool->append({record(0), QByteArray(ForwardSpool::kMaxRecord + 1, 'x')}, 0ms));
        QVERIFY2(spool->errorString().contains(QString::number(ForwardSpool::kMaxRecord)),
                 qPrintable(spool->errorString()));
        QCOMPARE(spool->pendingRecords(), 0u);
        SpoolCursor cursor;
        QVERIFY(spool->read(cursor, 10, 1 << 20, 0ms).isEmpty());
        // The largest record and an empty one are fine.
        const QByteArrayList fine{QByteArray(ForwardSpool::kMaxRecord, 'y'), QByteArray()};
        QVERIFY(spool->append(fine, 0ms));
        QCOMPARE(readAll(*spool, cursor), fine);
    }

    void refusesPathThatIsAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        QVERIFY(!ForwardSpool::open(path, 1000, error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    void refusesUnwritableDirectory()
    {
        QTemporaryDir dir;
        QString path = dir.path();
#if defined(Q_OS_LINUX)
        // root writes anywhere file modes allow nothing; /proc/self is a directory nobody writes to.
        if (::geteuid() == 0) {
            path = QStringLiteral("/proc/self");
        }
#endif
        if (path == dir.path()) {
            QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        QString error;
        QVERIFY(!ForwardSpool::open(path, 1000, error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void refusesDamagedAcknowledgedFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("words") << QByteArray("garbage\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no newline") << QByteArray("1 2");
        QTest::newRow("one number") << QByteArray("12\n");
        QTest::newRow("negative") << QByteArray("-1 0\n");
        QTest::newRow("three numbers") << QByteArray("1 2 3\n");
        QTest::newRow("too large") << QByteArray("1 99999999999999999999\n");
    }

    void refusesDamagedAcknowledgedFile()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("acknowledged"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
        file.close();
        QString error;
        QVERIFY(!ForwardSpool::open(dir.path(), 1000, error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    void concurrentAppendersKeepBatchesWhole()
    {
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), 64 * 1024, 4096);
        QVERIFY(spool);
        constexpr int kThreads = 4;
        constexpr int kBatches = 100;
        constexpr int kPerBatch = 10;
        std::atomic<int> failures = 0;
        std::vector<std::thread> appenders;
        for (int t = 0; t < kThreads; ++t) {
            appenders.emplace_back([&, t] {
                for (int b = 0; b < kBatches; ++b) {
                    QByteArrayList batch;
                    for (int r = 0; r < kPerBatch; ++r) {
                        batch.append(QByteArray::number(t) + ' ' + QByteArray::number(b) + ' ' +
                                     QByteArray::number(r) + QByteArray(t * 10, '.'));
                    }
                    if (!spool->append(batch, 20s)) {
                        ++failures;
                    }
                }
            });
        }
        // Read (and acknowledge, so the small bound keeps appenders waiting) while they append.
        QByteArrayList all;
        SpoolCursor cursor;
        QElapsedTimer timer;
        timer.start();
        while (all.size() < kThreads * kBatches * kPerBatch && timer.elapsed() < 60000) {
            all += spool->read(cursor, 64, 4096, 1s);
            QVERIFY(spool->acknowledge(cursor));
        }
        for (std::thread &appender : appenders) {
            appender.join();
        }
        QCOMPARE(failures.load(), 0);
        QCOMPARE(all.size(), kThreads * kBatches * kPerBatch);
        int nextBatch[kThreads] = {};
        for (qsizetype i = 0; i < all.size(); i += kPerBatch) {
            const int t = all[i].split(' ')[0].toInt();
            QVERIFY(t >= 0 && t < kThreads);
            for (int r = 0; r < kPerBatch; ++r) {
                const QByteArray expected = QByteArray::number(t) + ' ' + QByteArray::number(nextBatch[t]) +
                                            ' ' + QByteArray::number(r) + QByteArray(t * 10, '.');
                QCOMPARE(all[i + r], expected);
            }
            ++nextBatch[t];
        }
        QCOMPARE(spool->pendingRecords(), 0u);
    }

    void writeFailureLeavesNothingVisible()
    {
#if defined(Q_OS_UNIX)
        // A full disk without a full disk: RLIMIT_FSIZE makes write() fail with EFBIG past a size.
        QTemporaryDir dir;
        auto spool = openSpool(dir.path(), quint64(16) << 20);
        QVERIFY(spool);
        const QByteArrayList first = records(0, 5, 1000);
        QVERIFY(spool->append(first, 0ms));
        const QString segment = dir.filePath(segmentFiles(dir.path()).constFirst());

        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved;
        limited.rlim_cur = 64 * 1024;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        QByteArrayList written = first;
        bool failed = false;
        for (int i = 5; i < 200 && !failed; i += 10) {
            const QByteArrayList batch = records(i, i + 10, 1000);
            if (spool->append(batch, 0ms)) {
                written += batch;
            } else {
                failed = true;
            }
        }
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(failed);
        QVERIFY2(spool->errorString().contains(segment), qPrintable(spool->errorString()));
        QCOMPARE(spool->pendingRecords(), quint64(written.size()));
        QCOMPARE(QFileInfo(segment).size(), written.size() * (1000 + kFrame));
        SpoolCursor cursor;
        QCOMPARE(readAll(*spool, cursor), written);
        QVERIFY(spool->append(records(500, 501), 0ms));
        QCOMPARE(readAll(*spool, cursor), records(500, 501));

        spool.reset();
        spool = openSpool(dir.path(), quint64(16) << 20);
        QVERIFY(spool);
        QCOMPARE(spool->corruptRecords(), 0u);
        QCOMPARE(spool->pendingRecords(), quint64(written.size() + 1));
#else
        QSKIP("RLIMIT_FSIZE is POSIX only");
#endif
    }
};

QTEST_GUILESS_MAIN(TestForwardSpool)
#include "tst_forwardspool.moc"
