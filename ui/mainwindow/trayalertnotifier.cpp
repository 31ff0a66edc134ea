// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "mainwindow/trayalertnotifier.h"

#include <QCoreApplication>
#include <QIcon>
#include <QSystemTrayIcon>
#include <QWidget>

namespace d4::ui {

namespace {
constexpr int kMessageMs = 10000;
}

TrayAlertNotifier::TrayAlertNotifier(const QIcon &icon, QWidget *window)
    : m_tray(std::make_unique<QSystemTrayIcon>(icon))
{
    m_tray->setToolTip(QCoreApplication::translate("d4::ui::TrayAlertNotifier", "D4 Console"));
    QObject::connect(m_tray.get(), &QSystemTrayIcon::activated, window, [window] {
        window->showNormal();
        window->raise();
        window->activateWindow();
    });
    m_tray->show();
}

TrayAlertNotifier::~TrayAlertNotifier() = default;

bool TrayAlertNotifier::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayAlertNotifier::notify(const QString &title, const QString &message, Severity severity)
{
    if (!QSystemTrayIcon::supportsMessages()) {
        return;
    }
    m_tray->showMessage(
        title, message,
        severity == Severity::Warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, kMessageMs);
}

} // namespace d4::ui
