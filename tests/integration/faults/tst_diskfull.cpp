// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The save directory runs out of space while sensors stream (docs/workers.md, "Disk full").
// "Disk full" is simulated without root or mounts: d4-server runs with a small RLIMIT_FSIZE and
// SIGXFSZ ignored, so a write() that would make a file larger than the limit fails with EFBIG
// exactly as one on a full disk fails with ENOSPC. Each new file has room again, so rotation plays
// the part of space coming back.

#include <csignal>

#include <zlib.h>

#include <QFile>
#include <QRegularExpression>

#include "workers/workertestbase.h"

#include <sys/resource.h>

using namespace d4::test;

namespace {

constexpr rlim_t kFileSizeLimit = 64 * 1024;

QByteArray pdnsLine(int index)
{
    return "1700000000.123456||192.0.2." + QByteArray::number(index % 250) + "||198.51.100.53||IN||host" +
           QByteArray::number(index) + ".example.com.||A||203.0.113." + QByteArray::number(index % 200) +
           "||300||1";
}

/** Runs in the forked child before exec: only async-signal-safe calls. */
void limitFileSize()
{
    struct rlimit limit
    {
        kFileSizeLimit, kFileSizeLimit
    };
    setrlimit(RLIMIT_FSIZE, &limit);
    // Ignored dispositions survive exec: write() then fails with EFBIG instead of killing.
    signal(SIGXFSZ, SIG_IGN);
}

/** The whole content of a gzip file; @p ok is false unless zlib read it to its end without error. */
QByteArray strictGunzip(const QString &path, bool &ok)
{
    ok = false;
    gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!file) {
        return {};
    }
    QByteArray out;
    QByteArray buffer(65536, Qt::Uninitialized);
    int read = 0;
    while ((read = gzread(file, buffer.data(), unsigned(buffer.size()))) > 0) {
        out.append(buffer.constData(), read);
    }
    int errorNumber = Z_OK;
    gzerror(file, &errorNumber);
    ok = read == 0 && errorNumber == Z_OK && gzclose(file) == Z_OK;
    return out;
}

QByteArray pcapHeader()
{
    QByteArray header;
    const auto put32 = [&header](quint32 value) { header.append(reinterpret_cast<const char *>(&value), 4); };
    const auto put16 = [&header](quint16 value) { header.append(reinterpret_cast<const char *>(&value), 2); };
    put32(0xa1b2c3d4); // written in host order (little endian here), which PcapFramer accepts
    put16(2);
    put16(4);
    put32(0);
    put32(0);
    put32(65535);
    put32(1);
    return header;
}

/** Record @p index: a 16-byte record header and 200 compressible bytes that name the index. */
QByteArray pcapRecord(int index)
{
    QByteArray payload = QByteArray::number(index).rightJustified(8, '0').repeated(25);
    QByteArray record;
    const auto put32 = [&record](quint32 value) { record.append(reinterpret_cast<const char *>(&value), 4); };
    put32(1700000000 + quint32(index));
    put32(0);
    put32(quint32(payload.size()));
    put32(quint32(payload.size()));
    return record + payload;
}

/** dnscap text record @p index (about 200 bytes): a `[` line and an indented answer line. */
QByteArray dnscapRecord(int index)
{
    const QByteArray number = QByteArray::number(index).rightJustified(8, '0');
    return "[" + number + "] 2026-11-24 23:55:00.000000 [#0 eth0 0] [192.0.2.1].53 [198.51.100.7].40000 " +
           "dns QUERY,NOERROR," + number + ",qr|rd|ra\n  1 example.org.,IN,A 1 example.org.,IN,A,300," +
           "192.0.2." + QByteArray::number(index % 250) + " " + number.repeated(4) + "\n";
}

qsizetype countOf(const QByteArray &haystack, const QByteArray &needle)
{
    return haystack.count(needle);
}

} // namespace

class TestDiskFull : public WorkerTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // Type 8 with no room left: every line still reaches the queue, one warning names the file,
    // the finished files hold whole lines only and gunzip cleanly, and once a file has room again
    // (the next rotation here; space freed on a real disk) writing resumes.
    void lineTypeKeepsQueueingAndResumes()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions(2));
        server.setChildProcessModifier(&limitFileSize);
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray queue = addQueue(8);
        const QByteArray list = "analyzer:8:" + queue;
        TestSensor sensor(newUuid(), 8);
        QVERIFY(sensor.connectTo(server.port()));

        // About 360 KB in less than a second: the first file is full after some 540 lines.
        constexpr int kLines = 3000;
        QByteArrayList expected;
        for (int packet = 0; packet < kLines / 100; ++packet) {
            QByteArray payload;
            for (int i = 0; i < 100; ++i) {
                expected.append(pdnsLine(packet * 100 + i));
                payload += expected.constLast() + '\n';
            }
            if (!sensor.send(payload)) {
                QTest::qWait(1000);
                QFAIL(qPrintable(QString::number(packet) + QString::fromUtf8(server.output().right(3000))));
            }
            QTest::qWait(10);
        }
        QCOMPARE(popAll(list, kLines), expected);
        QTRY_VERIFY_WITH_TIMEOUT(server.output().contains("still queued"), 5000);
        const QByteArray log = server.output();
        const QRegularExpression warning(
            QStringLiteral("cannot write [^ ]+\\.passivedns\\.txt: File too large .*line\\(s\\) not stored"));
        QVERIFY2(warning.match(QString::fromUtf8(log)).hasMatch(), log.right(2000).constData());
        // Rate-limited: one warning for all the failed batches (the limit is one per 10 s).
        QCOMPARE(countOf(log, "not stored since the last warning"), qsizetype(1));

        // Past the rotation interval the next batch opens a new file, which has room.
        QTest::qWait(2200);
        QByteArrayList resumed;
        QByteArray payload;
        for (int i = 0; i < 50; ++i) {
            resumed.append("resumed " + QByteArray::number(i));
            payload += resumed.constLast() + '\n';
        }
        QVERIFY(sensor.send(payload));
        QCOMPARE(popAll(list, resumed.size()), resumed);
        QTRY_VERIFY_WITH_TIMEOUT(server.output().contains("again; type 8"), 5000);
        const QByteArray session = onlySession(8);
        sensor.close();
        QVERIFY(waitSessionCleaned(8, session));

        QTRY_VERIFY_WITH_TIMEOUT(
            filesUnder(server.dataDirectory(), QStringLiteral("*.passivedns.txt")).isEmpty(), 5000);
        const QStringList files = filesUnder(server.dataDirectory(), QStringLiteral("*.passivedns.txt*.gz"));
        QVERIFY2(files.size() >= 2, qPrintable(files.join(u' ')));
        // Files are named by their opening second, so sorting them follows the stream.
        QByteArrayList stored;
        for (const QString &file : files) {
            bool ok = false;
            const QByteArray content = strictGunzip(file, ok);
            QVERIFY2(ok, qPrintable(file));
            QVERIFY(qsizetype(content.size()) <= qsizetype(kFileSizeLimit));
            QVERIFY2(content.isEmpty() || content.endsWith('\n'), qPrintable(file));
            stored += content.isEmpty() ? QByteArrayList{} : content.chopped(1).split('\n');
        }
        // Whole lines, in order, none twice: a subsequence of what was sent, with a gap where the
        // disk was full, ending with every line sent after space came back.
        const QByteArrayList sent = expected + resumed;
        qsizetype at = 0;
        for (const QByteArray &line : std::as_const(stored)) {
            while (at < sent.size() && sent[at] != line) {
                ++at;
            }
            QVERIFY2(at < sent.size(), line.constData());
            ++at;
        }
        QVERIFY(stored.size() < expected.size());
        QVERIFY(stored.size() > 400);
        QCOMPARE(stored.mid(stored.size() - resumed.size()), resumed);
        QVERIFY(server.stop());
    }

    // Type 1 with no room left: pcap records are not dropped but held back in the stream (the
    // batch is retried) until a file has room; every file is a whole, valid capture and together
    // they hold every record once, in order; every file's path is queued.
    void pcapHoldsBackAndResumes()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions(300));
        server.setChildProcessModifier(&limitFileSize);
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray queue = addQueue(1);
        const QByteArray list = "analyzer:1:" + queue;
        TestSensor sensor(newUuid(), 1);
        QVERIFY(sensor.connectTo(server.port()));
        constexpr int kRecords = 1500; // 216 bytes each: about five files' worth
        QByteArray all = pcapHeader();
        for (int i = 0; i < kRecords; ++i) {
            all += pcapRecord(i);
        }
        // Small packets at some 200 KB/s, so what piles up during a retry (one discovery interval)
        // fits in a new file: the size limit caps each file, unlike a real disk.
        for (qsizetype offset = 0; offset < all.size(); offset += 2000) {
            QVERIFY(sensor.send(all.mid(offset, 2000)));
            QTest::qWait(10);
        }
        const QByteArray session = onlySession(1);
        sensor.close();
        QVERIFY2(waitSessionCleaned(1, session, 20000), server.output().right(3000).constData());
        const QByteArray log = server.output();
        QVERIFY2(log.contains("File too large"), log.right(2000).constData());

        const QStringList files = filesUnder(server.dataDirectory(), QStringLiteral("*.cap*"));
        QVERIFY2(files.size() >= 4, qPrintable(files.join(u' ')));
        QByteArray records;
        for (const QString &file : files) {
            QVERIFY2(file.endsWith(QStringLiteral(".gz")), qPrintable(file));
            bool ok = false;
            const QByteArray content = strictGunzip(file, ok);
            QVERIFY2(ok, qPrintable(file));
            QVERIFY(qsizetype(content.size()) <= qsizetype(kFileSizeLimit));
            QVERIFY2(content.startsWith(pcapHeader()), qPrintable(file));
            QCOMPARE((content.size() - 24) % 216, qsizetype(0));
            records += content.mid(24);
        }
        // The .1.gz, .2.gz… of one second sort after their .gz; order the files by their content.
        QCOMPARE(records.size(), all.size() - 24);
        QByteArrayList chunks;
        for (qsizetype offset = 0; offset < records.size(); offset += 216) {
            chunks.append(records.mid(offset, 216));
        }
        std::sort(chunks.begin(), chunks.end(),
                  [](const QByteArray &a, const QByteArray &b) { return a.mid(16, 8) < b.mid(16, 8); });
        QCOMPARE(chunks.join(), all.mid(24));
        QByteArrayList queued = popAll(list, files.size());
        std::sort(queued.begin(), queued.end());
        QStringList queuedPaths;
        for (const QByteArray &path : std::as_const(queued)) {
            queuedPaths.append(QString::fromUtf8(path));
        }
        queuedPaths.sort();
        QCOMPARE(queuedPaths, files);
        QVERIFY(server.stop());
    }

    // Type 4 (dnscap, appended as it arrives) with no room left: a batch that cannot be written
    // whole leaves the file as it was, and its retry writes it once, so the files hold every
    // record exactly once, in order, however often the batches failed.
    void dnscapHoldsBackWithoutRepeats()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions(300));
        server.setChildProcessModifier(&limitFileSize);
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        TestSensor sensor(newUuid(), 4);
        QVERIFY(sensor.connectTo(server.port()));
        constexpr int kRecords = 800; // about 165 KB: some three files' worth
        QByteArray all;
        for (int i = 0; i < kRecords; ++i) {
            all += dnscapRecord(i);
        }
        // Bursts of 30 packets (15 KB), so batches hold many entries and the one that meets the
        // limit has some that fit before it; 700 ms apart, so what piles up while a batch is
        // retried (until a new file opens, the next second) fits in one file. The size limit caps
        // each file, unlike a real disk, so a batch larger than the limit could never be written.
        constexpr qsizetype kPacket = 500;
        for (qsizetype offset = 0; offset < all.size(); offset += 30 * kPacket) {
            for (qsizetype at = offset; at < qMin(all.size(), offset + 30 * kPacket); at += kPacket) {
                QVERIFY(sensor.send(all.mid(at, kPacket)));
            }
            QTest::qWait(700);
        }
        const QByteArray session = onlySession(4);
        sensor.close();
        QVERIFY2(waitSessionCleaned(4, session, 20000), server.output().right(3000).constData());
        const QByteArray log = server.output();
        QVERIFY2(log.contains("File too large"), log.right(2000).constData());

        // Files are named by their opening second, so sorting them follows the stream.
        const QStringList files = filesUnder(server.dataDirectory(), QStringLiteral("*.dnscap.txt"));
        QVERIFY2(files.size() >= 3, qPrintable(files.join(u' ')));
        QByteArray stored;
        for (const QString &path : files) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY(qsizetype(content.size()) <= qsizetype(kFileSizeLimit));
            stored += content;
        }
        QCOMPARE(stored.size(), all.size());
        QVERIFY(stored == all);
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
