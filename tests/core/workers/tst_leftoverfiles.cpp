// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Which files a killed run left uncompressed: only worker files, laid out as the workers write them.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "workers/leftoverfiles.h"

using d4::workers::LeftoverFiles;

class TestLeftoverFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsOnlyWorkerFiles()
    {
        QTemporaryDir save;
        const QString uuid = QStringLiteral("4b1e2c3d-0000-4000-8000-00000000abcd");
        const QString other = QStringLiteral("9d1e2c3d-0000-4000-8000-00000000abcd");
        const QString name = uuid + QStringLiteral("-2026-11-24-235500");
        const QStringList expected{
            uuid + QStringLiteral("/1/2026/11/24/") + name + QStringLiteral(".cap"),
            uuid + QStringLiteral("/254/2026/11/24/my-ext/") + name + QStringLiteral(".txt"),
            uuid + QStringLiteral("/3/2026/11/24/") + name + QStringLiteral(".syslog.txt"),
            uuid + QStringLiteral("/4/2026/11/24/") + name + QStringLiteral(".dnscap.txt"),
            uuid + QStringLiteral("/6/2026/11/24/") + name + QStringLiteral(".ndjson"),
            uuid + QStringLiteral("/8/2026/11/24/") + name + QStringLiteral(".passivedns.txt"),
        };
        const QStringList ignored{
            uuid + QStringLiteral("/1/2026/11/24/") + name + QStringLiteral(".cap.gz"),        // done
            uuid + QStringLiteral("/8/2026/11/24/") + name + QStringLiteral(".syslog.txt"),    // wrong type
            uuid + QStringLiteral("/254/2026/11/24/my-ext/") + name + QStringLiteral(".json"), // meta header
            uuid + QStringLiteral("/8/2026/11/") + name + QStringLiteral(".passivedns.txt"),   // no day
            other + QStringLiteral("/8/2026/11/24/") + name + QStringLiteral(".passivedns.txt"), // other uuid
            uuid + QStringLiteral("/8/2026/11/24/notes.txt"),
            QStringLiteral("redis/") + name + QStringLiteral(".txt"),
        };
        for (const QString &relative : expected + ignored) {
            const QString path = save.filePath(relative);
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QStringList found;
        for (const LeftoverFiles::File &file : LeftoverFiles::find(save.path())) {
            found.append(QDir(save.path()).relativeFilePath(file.path));
            QCOMPARE(file.sensorUuid, uuid.toLatin1());
        }
        QCOMPARE(found, expected);
        QVERIFY(LeftoverFiles::find(save.filePath(QStringLiteral("missing"))).isEmpty());
    }

    // A compression cut short by a crash leaves a hidden .partial next to its original: find()
    // removes it and lists the original, which recover() compresses again.
    void removesPartialCompressions()
    {
        QTemporaryDir save;
        const QString uuid = QStringLiteral("4b1e2c3d-0000-4000-8000-00000000abcd");
        const QString day = save.filePath(uuid + QStringLiteral("/8/2026/11/24/"));
        const QString name = uuid + QStringLiteral("-2026-11-24-235500.passivedns.txt");
        QVERIFY(QDir().mkpath(day));
        for (const QString &file :
             QStringList{name, QStringLiteral(".") + name + QStringLiteral(".gz.partial")}) {
            QFile created(day + file);
            QVERIFY(created.open(QIODevice::WriteOnly));
        }
        const QList<LeftoverFiles::File> found = LeftoverFiles::find(save.path());
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].path, day + name);
        QCOMPARE(QDir(day).entryList(QDir::Files | QDir::Hidden), QStringList{name});
    }
};

QTEST_GUILESS_MAIN(TestLeftoverFiles)
#include "tst_leftoverfiles.moc"
