// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QObject>

#include "dialogs/addsensordialog.h"
#include "mainwindow/alertnotifier.h"

class QAction;

namespace d4::management {
class ManagementService;
}

namespace d4::ui {

class DashboardPage;
class LogPage;
class MainWindow;
class SensorPage;
class SensorsPage;
class ServerPage;

/**
 * Wires the management pages into a MainWindow: Dashboard (Ctrl+1), Sensors (Ctrl+2), Sensor
 * (Ctrl+3), Server (Ctrl+4), Log (Ctrl+5); snapshots from the ManagementService to the pages,
 * click-through to the sensor page, action results to the status bar, silence alerts to the status
 * bar and an AlertNotifier (the system tray when there is one), File › Settings, the "Add sensor"
 * dialog and the palette switch. Pages of other domains are added afterwards with
 * MainWindow::addPage().
 */
class ConsoleController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleController)

public:
    ConsoleController(MainWindow *window, management::ManagementService *service, QObject *parent = nullptr);
    ~ConsoleController() override;

    void openSensor(const QByteArray &uuid);
    /** Where sensors connect (embedded mode), for the Add sensor dialog. */
    void setServerContact(const ServerContact &contact) { m_contact = contact; }
    void addSensor();
    /** File › Settings: edits the stored ConsoleSettings, applies the palette at once. */
    void editSettings();

    DashboardPage *dashboardPage() const { return m_dashboard; }
    SensorsPage *sensorsPage() const { return m_sensors; }
    SensorPage *sensorPage() const { return m_sensor; }
    ServerPage *serverPage() const { return m_server; }
    LogPage *logPage() const { return m_log; }
    /** Where silence alerts go besides the status bar; null when the desktop has no tray. */
    AlertNotifier *alertNotifier() const { return m_notifier.get(); }
    void setAlertNotifier(std::unique_ptr<AlertNotifier> notifier);
    /** The last notification raised for a silent sensor. */
    QString lastAlert() const { return m_lastAlert; }

private:
    void onSilenceChanged(const QByteArray &uuid, bool silent);

    MainWindow *m_window;
    management::ManagementService *m_service;
    DashboardPage *m_dashboard = nullptr;
    SensorsPage *m_sensors = nullptr;
    SensorPage *m_sensor = nullptr;
    ServerPage *m_server = nullptr;
    LogPage *m_log = nullptr;
    QAction *m_darkPalette = nullptr;
    std::unique_ptr<AlertNotifier> m_notifier;
    ServerContact m_contact;
    QString m_lastAlert;
};

} // namespace d4::ui
