// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

#include "config/serverconfig.h"
#include "forward/forwardruledialog.h"

using namespace d4;

namespace {

const QByteArray kBase = "# the console's server\n[D4_Server]\nserver_port = 4443\n";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void type(ui::ForwardRuleDialog &dialog, const char *key, const QString &text)
{
    QLineEdit *edit = dialog.field(QLatin1String(key));
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestForwardRuleDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newEditAndInvalid()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(kBase);
        }
        {
            ui::ForwardRuleDialog dialog(path, QString());
            type(dialog, "name", QStringLiteral("cert"));
            type(dialog, "sensors", QStringLiteral("*"));
            type(dialog, "partner", QStringLiteral("cert.example:4443"));
            type(dialog, "partner_uuid", QStringLiteral("8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f"));
            type(dialog, "partner_key", QStringLiteral("typed secret"));
            type(dialog, "partner_insecure", QStringLiteral("yes"));
            QVERIFY2(dialog.save(), qPrintable(dialog.errorLabel()->text()));
        }
        QByteArray text = readFile(path);
        QVERIFY(text.startsWith(kBase));
        QVERIFY(text.contains("[Forward:cert]\nsensors = *\npartner = cert.example:4443\n"));
        QVERIFY(text.contains("partner_key = typed secret\n"));
        config::ConfigError error;
        auto loaded = config::ServerConfigLoader::load(path, error);
        QVERIFY2(loaded, qPrintable(error.toString()));
        QCOMPARE(loaded->forwardRules.size(), 1);

        // Edit: the fields show the file's values; an invalid entry is refused with the loader's text.
        {
            ui::ForwardRuleDialog dialog(path, QStringLiteral("cert"));
            QCOMPARE(dialog.field(QStringLiteral("partner"))->text(), QStringLiteral("cert.example:4443"));
            QVERIFY(dialog.field(QStringLiteral("name"))->isReadOnly());
            type(dialog, "sample", QStringLiteral("2"));
            QVERIFY(!dialog.save());
            QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("sample")),
                     qPrintable(dialog.errorLabel()->text()));
            QVERIFY(!dialog.errorLabel()->isHidden());
            QCOMPARE(readFile(path), text);
            type(dialog, "sample", QStringLiteral("0.5"));
            QVERIFY2(dialog.save(), qPrintable(dialog.errorLabel()->text()));
        }
        loaded = config::ServerConfigLoader::load(path, error);
        QVERIFY2(loaded, qPrintable(error.toString()));
        QCOMPARE(loaded->forwardRules.first().lines.sampleRate, 0.5);

        // A second rule with the same name is refused.
        ui::ForwardRuleDialog duplicate(path, QString());
        type(duplicate, "name", QStringLiteral("cert"));
        text = readFile(path);
        QVERIFY(!duplicate.save());
        QCOMPARE(readFile(path), text);
    }
};

QTEST_MAIN(TestForwardRuleDialog)
#include "tst_forwardruledialog.moc"
