// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::ui {

/**
 * Where the console raises an alert outside its window, such as a monitored sensor that went
 * silent. The desktop implementation is TrayAlertNotifier (QSystemTrayIcon::showMessage); tests
 * and platforms without a system tray provide their own.
 */
class AlertNotifier
{
public:
    enum class Severity
    {
        Information,
        Warning
    };

    AlertNotifier() = default;
    virtual ~AlertNotifier() = default;
    AlertNotifier(const AlertNotifier &) = delete;
    AlertNotifier &operator=(const AlertNotifier &) = delete;

    virtual void notify(const QString &title, const QString &message, Severity severity) = 0;
};

} // namespace d4::ui
