// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include "mainwindow/alertnotifier.h"

class QIcon;
class QSystemTrayIcon;
class QWidget;

namespace d4::ui {

/**
 * Alerts as desktop notifications of a system-tray icon. The icon is shown as long as the
 * notifier lives; activating it brings the console's window to the front.
 */
class TrayAlertNotifier final : public AlertNotifier
{
public:
    TrayAlertNotifier(const QIcon &icon, QWidget *window);
    ~TrayAlertNotifier() override;

    /** True when the desktop has a system tray (never on the offscreen platform). */
    static bool isAvailable();
    QSystemTrayIcon *trayIcon() const { return m_tray.get(); }

    void notify(const QString &title, const QString &message, Severity severity) override;

private:
    std::unique_ptr<QSystemTrayIcon> m_tray;
};

} // namespace d4::ui
