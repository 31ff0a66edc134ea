// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

namespace d4::test {

/**
 * Drives the next modal dialog of type T from a timer while the code under test sits in its
 * exec(): @p drive runs once the dialog is the active modal widget. When a check in @p drive
 * fails, the dialog is rejected so that exec() returns and the test can report the failure.
 */
template <typename T> void whenModal(QObject *context, std::function<void(T *)> drive, int timeoutMs = 10000)
{
    auto *timer = new QTimer(context);
    timer->setInterval(20);
    QElapsedTimer waited;
    waited.start();
    QObject::connect(timer, &QTimer::timeout, context, [timer, drive, waited, timeoutMs] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (waited.hasExpired(timeoutMs)) {
                timer->deleteLater();
                timer->stop();
                qWarning("no modal %s appeared", T::staticMetaObject.className());
            }
            return;
        }
        timer->stop();
        timer->deleteLater();
        drive(dialog);
        if (QTest::currentTestFailed() && dialog->isVisible()) {
            dialog->reject();
        }
    });
    timer->start();
}

} // namespace d4::test
