// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The file-name rules of the extended-type handlers: no field of a sensor's data may name a file
// outside the handler's directory.

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "workers/filewatcherhandler.h"
#include "workers/ja3jlhandler.h"
#include "workers/linefilehandler.h"

using d4::workers::FileWatcherHandler;
using d4::workers::Ja3JlHandler;
using d4::workers::LineFileHandler;

class TestLineFileHandler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timestampNames_data()
    {
        QTest::addColumn<QString>("timestamp");
        QTest::addColumn<QString>("name");
        const QString real = QStringLiteral("2019-04-02T11:32:42.379283431+02:00");
        QTest::newRow("ja3-jl timestamp") << real << real;
        QTest::newRow("epoch") << QStringLiteral("1554198762") << QStringLiteral("1554198762");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("parent") << QStringLiteral("..") << QString();
        QTest::newRow("traversal") << QStringLiteral("../../etc/passwd") << QString();
        QTest::newRow("absolute") << QStringLiteral("/tmp/x") << QString();
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QString();
        QTest::newRow("hidden") << QStringLiteral(".hidden") << QString();
        QTest::newRow("space") << QStringLiteral("a b") << QString();
        QTest::newRow("nul") << QStringLiteral("a") + QChar(0) << QString();
        QTest::newRow("too long") << QString(129, QLatin1Char('1')) << QString();
        QTest::newRow("non-ascii") << QStringLiteral("d\u00e9j\u00e0") << QString();
    }

    void timestampNames()
    {
        QFETCH(QString, timestamp);
        QFETCH(QString, name);
        QCOMPARE(Ja3JlHandler::safeFileName(timestamp), name);
    }

    void extensions_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("safe");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("plain") << QStringLiteral("txt") << QStringLiteral("txt");
        QTest::newRow("double") << QStringLiteral("tar.gz") << QStringLiteral("tar.gz");
        QTest::newRow("traversal") << QStringLiteral("/../../x") << QStringLiteral("_.._.._x");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("a_b");
        QTest::newRow("long") << QString(100, QLatin1Char('e')) << QString(64, QLatin1Char('e'));
    }

    void extensions()
    {
        QFETCH(QString, extension);
        QFETCH(QString, safe);
        QCOMPARE(FileWatcherHandler::sanitizedExtension(extension), safe);
    }

    void writeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a/b/file.json"));
        QString error;
        QVERIFY2(LineFileHandler::writeFile(path, "first", false, error), qPrintable(error));
        QVERIFY(LineFileHandler::writeFile(path, "second", true, error)); // kept: content-addressed
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("first"));
        file.close();
        QVERIFY(LineFileHandler::writeFile(path, "third", false, error)); // replaced
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("third"));
        QCOMPARE(LineFileHandler::sha256Hex("abc"),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_APPLESS_MAIN(TestLineFileHandler)
#include "tst_linefilehandler.moc"
