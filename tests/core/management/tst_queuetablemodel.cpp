// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The queue table's consumption column: a counted figure, or an estimate that says so in its text
// and its tool tip; the length's tool tip carries the net change the table used to show.

#include <QAbstractItemModelTester>
#include <QTest>

#include "models/queuetablemodel.h"

using d4::management::QueueSummary;
using d4::ui::QueueTableModel;

namespace {

QueueSummary queue(const QByteArray &uuid, double consumed, bool estimated)
{
    QueueSummary q;
    q.info.uuid = uuid;
    q.info.type = 3;
    q.info.length = 40;
    q.effectiveMaxSize = 100;
    q.consumedPerSecond = consumed;
    q.consumptionEstimated = estimated;
    q.droppedTotal = 7;
    return q;
}

} // namespace

class TestQueueTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void consumedColumn()
    {
        QueueTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QueueSummary counted = queue("q1", 149.96, false);
        counted.fillRate = 150;
        QueueSummary estimated = queue("q2", 12.5, true);
        estimated.drainRate = 12.5;
        model.setQueues({counted, estimated});
        QCOMPARE(model.headerData(QueueTableModel::ConsumedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Consumed"));
        QCOMPARE(model.index(0, QueueTableModel::ConsumedColumn).data().toString(),
                 QStringLiteral("150.0/s"));
        QCOMPARE(model.index(1, QueueTableModel::ConsumedColumn).data().toString(),
                 QStringLiteral("≈ 12.5/s"));

        const QString countedTip =
            model.index(0, QueueTableModel::ConsumedColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(!countedTip.contains(QStringLiteral("Estimate")), qPrintable(countedTip));
        QVERIFY2(countedTip.contains(QStringLiteral("7 dropped")), qPrintable(countedTip));
        const QString estimateTip =
            model.index(1, QueueTableModel::ConsumedColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(estimateTip.startsWith(QStringLiteral("Estimate")), qPrintable(estimateTip));

        QCOMPARE(model.index(0, QueueTableModel::LengthColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Net change: +150.0/s"));
        QCOMPARE(model.index(1, QueueTableModel::LengthColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Net change: −12.5/s"));
        QVERIFY(!model.index(0, QueueTableModel::UuidColumn).data(Qt::ToolTipRole).isValid());
    }
};

QTEST_MAIN(TestQueueTableModel)
#include "tst_queuetablemodel.moc"
