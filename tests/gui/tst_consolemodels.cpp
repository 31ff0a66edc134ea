// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Every table model of the console under QAbstractItemModelTester, through the updates a live
// refresh makes (rows appearing, changing, disappearing), and the bounded thread-safe log sink.

#include <thread>
#include <vector>

#include <QAbstractItemModelTester>
#include <QTest>

#include "log/logsink.h"
#include "models/queuetablemodel.h"
#include "models/rowtablemodel.h"
#include "models/sensortablemodel.h"

using namespace d4::ui;
using d4::management::QueueSummary;
using d4::management::SensorSummary;

namespace {

SensorSummary sensor(const char *uuid, qint64 packets, bool connected = false)
{
    SensorSummary s;
    s.uuid = uuid;
    s.packetsToday = packets;
    s.connected = connected;
    s.types = {3, 254};
    s.connectedTypes = connected ? QList<int>{3} : QList<int>{};
    s.extendedTypes = {"ja3-jl"};
    return s;
}

QueueSummary queue(const char *uuid, qint64 length)
{
    QueueSummary q;
    q.info.uuid = uuid;
    q.info.type = 3;
    q.info.length = length;
    q.effectiveMaxSize = 100;
    q.nearFull = length >= 90;
    return q;
}

} // namespace

class TestConsoleModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sensorTableModel()
    {
        SensorTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSensors({sensor("bb", 5), sensor("dd", 7, true)});
        QCOMPARE(model.rowCount(), 2);
        // A new sensor in the middle, one gone at the end, one updated.
        model.setSensors({sensor("aa", 1), sensor("bb", 6), sensor("cc", 2)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, SensorTableModel::UuidColumn).data().toString(), QStringLiteral("aa"));
        QCOMPARE(model.index(1, SensorTableModel::PacketsColumn).data().toLongLong(), 6);
        QCOMPARE(model.index(2, SensorTableModel::UuidColumn).data().toString(), QStringLiteral("cc"));
        model.setSensors({sensor("dd", 9, true)});
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex types = model.index(0, SensorTableModel::TypesColumn);
        QCOMPARE(types.data().toString(), QStringLiteral("3● ja3-jl"));
        const QVariantList badges = types.data(SensorTableModel::BadgesRole).toList();
        QCOMPARE(badges.size(), 2);
        QVERIFY(badges[0].toMap().value(QStringLiteral("connected")).toBool());
        QVERIFY(!badges[1].toMap().value(QStringLiteral("connected")).toBool());
        QVERIFY(model.index(0, SensorTableModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Connected")));
        QVERIFY(model.index(0, 0).data(SensorTableModel::ConnectedRole).toBool());
        model.setSensors({});
        QCOMPARE(model.rowCount(), 0);
    }

    void rowTableModel()
    {
        RowTableModel model({QStringLiteral("a"), QStringLiteral("b")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{{QStringLiteral("1"), QStringLiteral("x")}, 1, false}});
        model.setRows({{{QStringLiteral("1"), QStringLiteral("y")}, 1, false},
                       {{QStringLiteral("2"), QStringLiteral("z")}, 2, true}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("y"));
        QCOMPARE(model.keyAt(1).toInt(), 2);
        QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("b"));
    }

    void queueTableModel()
    {
        QueueTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQueues({queue("q1", 1), queue("q2", 95)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, QueueTableModel::WarningColumn).data().toString(),
                 QStringLiteral("near max size"));
        QCOMPARE(model.index(0, QueueTableModel::LastUpdatedColumn).data().toString(),
                 QStringLiteral("Never"));
        model.setQueues({queue("q1", 3), queue("q2", 0)});
        QCOMPARE(model.index(0, QueueTableModel::LengthColumn).data().toLongLong(), 3);
        model.setQueues({queue("q3", 0)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(
            model.index(0, QueueTableModel::UuidColumn).data(QueueTableModel::QueueUuidRole).toByteArray(),
            QByteArray("q3"));
        QCOMPARE(model.index(0, QueueTableModel::MaxSizeColumn).data().toString(),
                 QStringLiteral("100 (default)"));
    }

    void logSinkIsBoundedAndThreadSafe()
    {
        LogSink::install(1000);
        LogSink::instance().take();
        const quint64 droppedBefore = LogSink::instance().dropped();
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([t] {
                for (int i = 0; i < 500; ++i) {
                    qInfo("thread %d message %d", t, i);
                }
            });
        }
        for (std::thread &thread : threads) {
            thread.join();
        }
        const auto entries = LogSink::instance().take();
        QCOMPARE(entries.size(), std::size_t(1000));
        QCOMPARE(LogSink::instance().dropped() - droppedBefore, quint64(1000));
        QVERIFY(entries.back().message.contains(QStringLiteral("message 499")) ||
                entries.back().message.contains(QStringLiteral("message")));
        QVERIFY(LogSink::instance().take().empty());
        LogSink::uninstall();
        qInfo("after uninstall");
        QVERIFY(LogSink::instance().take().empty());
    }
};

QTEST_MAIN(TestConsoleModels)
#include "tst_consolemodels.moc"
