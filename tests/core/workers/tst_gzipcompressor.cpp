// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <zlib.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "workers/gzipcompressor.h"
#include "workers/rotatingfile.h"

using d4::workers::GzipCompressor;
using d4::workers::RotatingFile;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray gunzip(const QString &path)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!file) {
        return {};
    }
    QByteArray out;
    char buffer[4096];
    int read = 0;
    while ((read = gzread(file, buffer, sizeof buffer)) > 0) {
        out.append(buffer, read);
    }
    gzclose(file);
    return out;
}

} // namespace

class TestGzipCompressor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // .gz, then .1.gz, .2.gz… when the name is taken (spec §4.2).
    void naming()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x-2024-01-02-030405.cap"));
        QString error;
        QByteArrayList contents{"first", "second", "third"};
        const QStringList expected{path + QStringLiteral(".gz"), path + QStringLiteral(".1.gz"),
                                   path + QStringLiteral(".2.gz")};
        for (int i = 0; i < 3; ++i) {
            QVERIFY(writeFile(path, contents[i]));
            QCOMPARE(GzipCompressor::targetName(path), expected[i]);
            QCOMPARE(GzipCompressor::compress(path, error), expected[i]);
            QVERIFY(!QFile::exists(path));
            QCOMPARE(gunzip(expected[i]), contents[i]);
        }
    }

    // In-memory gzip (filewatcher's compress option): a gzip member that zlib reads back.
    void gzipData()
    {
        QTemporaryDir dir;
        QByteArray data;
        for (int i = 0; i < 10000; ++i) {
            data += QByteArray::number(i * 7919) + ' ';
        }
        for (const QByteArray &input : {data, QByteArray(), QByteArray("x")}) {
            const QByteArray compressed = GzipCompressor::gzip(input);
            QVERIFY(compressed.startsWith("\x1f\x8b"));
            const QString path = dir.filePath(QStringLiteral("data.gz"));
            QVERIFY(writeFile(path, compressed));
            QCOMPARE(gunzip(path), input);
        }
    }

    // The .gz is written under a hidden name and renamed whole: a directory listing never shows a
    // half-written .gz, and nothing hidden is left after the compression.
    void writesUnderHiddenNameThenRenames()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x-2024-01-02-030405.passivedns.txt"));
        QByteArray content;
        for (int i = 0; i < 200000; ++i) {
            content += "line " + QByteArray::number(i) + '\n';
        }
        QVERIFY(writeFile(path, content));
        const QString target = path + QStringLiteral(".gz");
        QCOMPARE(GzipCompressor::partialName(target),
                 dir.filePath(QStringLiteral(".x-2024-01-02-030405.passivedns.txt.gz.partial")));
        QString error;
        QCOMPARE(GzipCompressor::compress(path, error), target);
        QCOMPARE(gunzip(target), content);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QFileInfo(target).fileName()});
    }

    // The hidden name cannot be created (a directory sits there): an error, the original is kept
    // and no .gz appears.
    void partialNotCreatable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x-2024-01-02-030405.cap"));
        QVERIFY(writeFile(path, "data"));
        QVERIFY(QDir().mkpath(GzipCompressor::partialName(path + QStringLiteral(".gz"))));
        QString error;
        QVERIFY(GzipCompressor::compress(path, error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral(".partial")), qPrintable(error));
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".gz")));
    }

    void missingInput()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(GzipCompressor::compress(dir.filePath(QStringLiteral("absent")), error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    // Rotation is due after the interval and on a day change, never for a closed file.
    void rotationDue()
    {
        QTemporaryDir dir;
        const QByteArray uuid(32, 'a');
        RotatingFile file(
            [&](const QDateTime &now) {
                return dir.filePath(QStringLiteral("%1/%2.txt")
                                        .arg(RotatingFile::datePath(now), RotatingFile::baseName(uuid, now)));
            },
            300);
        const QDateTime start(QDate(2024, 3, 9), QTime(23, 50, 0));
        QVERIFY(!file.rotationDue(start));
        bool created = false;
        QString error;
        QVERIFY(file.ensureOpen(start, created, error));
        QVERIFY(created);
        QCOMPARE(file.currentPath(), dir.filePath(QStringLiteral("2024/03/09/") + QString::fromLatin1(uuid) +
                                                  QStringLiteral("-2024-03-09-235000.txt")));
        QVERIFY(!file.rotationDue(start.addSecs(299)));
        QVERIFY(file.rotationDue(start.addSecs(300)));
        QVERIFY(file.rotationDue(QDateTime(QDate(2024, 3, 10), QTime(0, 0, 1))));
        QVERIFY(file.write("x", error));
        const QString closed = file.close();
        QVERIFY(closed.endsWith(QStringLiteral("-2024-03-09-235000.txt")));
        QVERIFY(!file.rotationDue(start.addSecs(1000)));
        // Re-opening an existing, non-empty file appends and is not "created".
        QVERIFY(file.ensureOpen(start, created, error));
        QVERIFY(!created);
    }
};

QTEST_APPLESS_MAIN(TestGzipCompressor)
#include "tst_gzipcompressor.moc"
