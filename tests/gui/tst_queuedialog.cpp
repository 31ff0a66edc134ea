// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The analyzer-queue dialogs of the Server page against a real redis-server: the create and edit
// dialog (driven from the keyboard, each refusal checked) writes d4-core's queue keys, and the
// sample dialog shows the lines a queue holds, oldest first, cut at the chosen line length, and
// says so when the queue is empty or gone.

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "console/consolecontroller.h"
#include "dialogs/queuedialog.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "modaldialogdriver.h"
#include "models/queuetablemodel.h"
#include "pages/serverpage.h"
#include "redisserverfixture.h"
#include "store/keyschema.h"
#include "testenvironment.h"

using namespace d4;
using d4::test::RedisServerFixture;
using d4::test::whenModal;
using d4::ui::QueueDialog;
namespace keys = d4::store::keys;

namespace {

constexpr int kMetadataDb = 0;
constexpr int kAnalyzerDb = 2;
// The queue UUID of the Go client's sample configuration.
const QByteArray kQueue = "d42967c1-f7ad-464e-bbc7-4464c653d7a6";
const QByteArray kSensor = "1d940331-9fc9-4381-8fc9-3b624db66025";

template <typename T> T *child(QObject *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget) {
        qWarning("no child %s", name);
    }
    return widget;
}

QPushButton *okButton(QDialog *dialog)
{
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("&OK") || button->text() == QStringLiteral("OK")) {
            return button;
        }
    }
    qWarning("no OK button");
    return nullptr;
}

void retype(QWidget *edit, const QString &text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

/** Clicks OK on @p dialog and expects it to stay open with an error containing @p expected. */
bool refuses(QueueDialog *dialog, const QString &expected)
{
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    const QString error = child<QLabel>(dialog, "queueError")->text();
    if (!dialog->isVisible() || !error.contains(expected)) {
        qWarning("expected a refusal with '%s', got '%s'", qPrintable(expected), qPrintable(error));
        return false;
    }
    return true;
}

} // namespace

class TestQueueDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RedisServerFixture m_redis;
    std::unique_ptr<management::ManagementService> m_service;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::ConsoleController> m_controller;
    ui::ServerPage *m_page = nullptr;

    QByteArray list() const { return keys::analyzerList("3", kQueue); }

    /** Selects the queue's row, clicks Sample… and returns the text the dialog settles on. */
    QString sample()
    {
        auto *view = child<QTableView>(m_page, "queueTable");
        view->selectRow(0);
        QTest::mouseClick(child<QPushButton>(m_page, "sampleQueueButton"), Qt::LeftButton);
        auto *dialog = child<QDialog>(m_page, "queueSampleDialog");
        if (!dialog) {
            return QStringLiteral("<no sample dialog>");
        }
        auto *text = child<QPlainTextEdit>(dialog, "sampleText");
        const bool loaded =
            QTest::qWaitFor([text] { return text->toPlainText() != QStringLiteral("Loading…"); }, 5000);
        const QString shown = text->toPlainText();
        dialog->close(); // deletes itself
        const bool closed = QTest::qWaitFor(
            [this] { return !m_page->findChild<QDialog *>(QStringLiteral("queueSampleDialog")); }, 2000);
        if (!loaded || !closed) {
            return QStringLiteral("<sample dialog stuck: %1>").arg(shown);
        }
        return shown;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("d4-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_queuedialog"));
        D4_START_REDIS(m_redis);
        // As in d4-core, a queue can only be made for an accepted type.
        m_redis.command({"SADD", keys::acceptedTypes(), "3"}, kMetadataDb);
        management::ManagementOptions options;
        options.roles = store::RedisRoles{m_redis.endpoint(4), m_redis.endpoint(kMetadataDb),
                                          m_redis.endpoint(kAnalyzerDb)};
        // No periodic refresh: the table changes only after the console's own actions, so that
        // the last test can delete a queue behind its back.
        options.refreshIntervalMs = 3600 * 1000;
        m_service = std::make_unique<management::ManagementService>(options);
        m_window = std::make_unique<ui::MainWindow>();
        m_controller = std::make_unique<ui::ConsoleController>(m_window.get(), m_service.get());
        m_page = m_controller->serverPage();
        m_service->start();
        m_window->show();
        m_window->showPage(m_page);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        if (m_service) {
            m_service->stop();
        }
        m_controller.reset();
        m_window.reset();
        m_service.reset();
    }

    void queueDialogRefusesWhatTheServerCouldNotUse()
    {
        QueueDialog dialog(nullptr);
        dialog.show();
        auto *sensors = child<QPlainTextEdit>(&dialog, "queueSensors");
        QTest::keyClicks(sensors, QStringLiteral("not-a-uuid"));
        QVERIFY(refuses(&dialog, QStringLiteral("Invalid sensor UUID: not-a-uuid")));
        sensors->clear();
        // A version-1 UUID is not a sensor UUID either.
        QTest::keyClicks(sensors, QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
        QVERIFY(refuses(&dialog, QStringLiteral("Invalid sensor UUID")));
        sensors->clear();

        auto *type = child<QSpinBox>(&dialog, "queueType");
        auto *extended = child<QLineEdit>(&dialog, "queueExtendedType");
        QVERIFY(!extended->isVisibleTo(&dialog));
        retype(type, QStringLiteral("2"));
        QVERIFY(extended->isVisibleTo(&dialog)); // types 2 and 254 name their meta type
        QVERIFY(refuses(&dialog, QStringLiteral("meta type name")));
        QTest::keyClicks(extended, QStringLiteral("maltrail"));
        QCOMPARE(dialog.type(), 254); // type 2 queues are type 254 queues
        QCOMPARE(dialog.extendedType(), QByteArray("maltrail"));

        QTest::keyClicks(child<QLineEdit>(&dialog, "queueUuid"), QStringLiteral("queue-one"));
        QVERIFY(refuses(&dialog, QStringLiteral("not a UUID")));
        child<QLineEdit>(&dialog, "queueUuid")->clear();
        QTest::mouseClick(child<QPushButton>(&dialog, "queueRandomUuid"), Qt::LeftButton);
        QVERIFY(!QUuid::fromString(child<QLineEdit>(&dialog, "queueUuid")->text()).isNull());
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void createAndEditAQueueFromTheServerPage()
    {
        whenModal<QueueDialog>(this, [](QueueDialog *dialog) {
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Add analyzer queue"));
            retype(child<QSpinBox>(dialog, "queueType"), QStringLiteral("3"));
            QTest::keyClicks(child<QLineEdit>(dialog, "queueUuid"), QString::fromLatin1(kQueue));
            QTest::keyClicks(child<QLineEdit>(dialog, "queueDescription"),
                             QStringLiteral("log lines for MISP"));
            QTest::keyClicks(child<QPlainTextEdit>(dialog, "queueSensors"), QString::fromLatin1(kSensor));
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(m_page, "createQueueButton"), Qt::LeftButton);
        QVERIFY(!QTest::currentTestFailed());
        // d4-core stores queue UUIDs as typed and sensor UUIDs in the 32-hex form.
        QTRY_COMPARE(m_redis.command({"SMEMBERS", keys::allAnalyzerQueues()}, kMetadataDb).sortedStrings(),
                     QByteArrayList{kQueue});
        QCOMPARE(m_redis.command({"HGET", keys::analyzerQueue(kQueue), "description"}, kMetadataDb).string,
                 QByteArray("log lines for MISP"));
        QCOMPARE(
            m_redis.command({"SMEMBERS", keys::analyzerSensorGroup(kQueue)}, kMetadataDb).sortedStrings(),
            QByteArrayList{QByteArray(kSensor).replace("-", "")});
        QTRY_COMPARE(m_page->queueModel()->rowCount(), 1);

        // Edit: the type and UUID are fixed, the description and group change.
        child<QTableView>(m_page, "queueTable")->selectRow(0);
        whenModal<QueueDialog>(this, [](QueueDialog *dialog) {
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Edit analyzer queue"));
            QVERIFY(!child<QSpinBox>(dialog, "queueType")->isEnabled());
            QVERIFY(child<QLineEdit>(dialog, "queueUuid")->isReadOnly());
            QCOMPARE(child<QLineEdit>(dialog, "queueUuid")->text(), QString::fromLatin1(kQueue));
            retype(child<QLineEdit>(dialog, "queueDescription"), QStringLiteral("every sensor"));
            child<QPlainTextEdit>(dialog, "queueSensors")->clear();
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(m_page, "editQueueButton"), Qt::LeftButton);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_COMPARE(
            m_redis.command({"HGET", keys::analyzerQueue(kQueue), "description"}, kMetadataDb).string,
            QByteArray("every sensor"));
        QTRY_COMPARE(m_redis.command({"EXISTS", keys::analyzerSensorGroup(kQueue)}, kMetadataDb).integer,
                     0LL);
    }

    void sampleShowsTheQueuedLines()
    {
        // Nothing pushed yet: the list does not exist.
        QCOMPARE(m_redis.command({"EXISTS", list()}, kAnalyzerDb).integer, 0LL);
        QCOMPARE(sample(), QStringLiteral("(empty)"));

        // Workers LPUSH, analyzers RPOP: the sample starts with the line consumed next.
        m_redis.command({"LPUSH", list(), "first line", "second line", "third line"}, kAnalyzerDb);
        QCOMPARE(sample(), QStringLiteral("first line\nsecond line\nthird line"));

        // At most 11 entries; lines cut at the chosen length.
        for (int i = 4; i <= 15; ++i) {
            m_redis.command({"LPUSH", list(), "line " + QByteArray::number(i)}, kAnalyzerDb);
        }
        const QStringList eleven = sample().split(QLatin1Char('\n'));
        QCOMPARE(eleven.size(), 11);
        QCOMPARE(eleven.first(), QStringLiteral("first line"));
        QCOMPARE(eleven.last(), QStringLiteral("line 11"));
        retype(child<QSpinBox>(m_page, "sampleLineLength"), QStringLiteral("5"));
        QCOMPARE(sample().split(QLatin1Char('\n')).mid(0, 3),
                 (QStringList{QStringLiteral("first"), QStringLiteral("secon"), QStringLiteral("third")}));
        retype(child<QSpinBox>(m_page, "sampleLineLength"), QStringLiteral("3000"));

        // Flushed: empty again.
        child<QTableView>(m_page, "queueTable")->selectRow(0);
        QTest::mouseClick(child<QPushButton>(m_page, "flushQueueButton"), Qt::LeftButton);
        QTRY_COMPARE(m_redis.command({"LLEN", list()}, kAnalyzerDb).integer, 0LL);
        QCOMPARE(sample(), QStringLiteral("(empty)"));
    }

    void sampleOfAQueueRemovedBehindTheConsoleSaysSo()
    {
        // Another console (or d4-core's UI) deletes the queue; the table has not refreshed yet.
        m_redis.command({"DEL", keys::analyzerQueue(kQueue)}, kMetadataDb);
        m_redis.command({"SREM", keys::allAnalyzerQueues(), kQueue}, kMetadataDb);
        QCOMPARE(m_page->queueModel()->rowCount(), 1);
        const QString shown = sample();
        QVERIFY2(shown.contains(QStringLiteral("queue %1 does not exist").arg(QString::fromLatin1(kQueue))),
                 qPrintable(shown));
    }
};

QTEST_MAIN(TestQueueDialog)
#include "tst_queuedialog.moc"
