// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "console/consolecontroller.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>

#include "log/logpage.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "pages/dashboardpage.h"
#include "pages/sensorpage.h"
#include "pages/sensorspage.h"
#include "pages/serverpage.h"
#include "theme/palette.h"

namespace d4::ui {

using management::ActionResult;
using management::ManagementService;

ConsoleController::ConsoleController(MainWindow *window, ManagementService *service, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_service(service)
{
    QStyle *style = window->style();
    m_dashboard = new DashboardPage;
    m_sensors = new SensorsPage;
    m_sensor = new SensorPage(service);
    m_server = new ServerPage(service);
    m_log = new LogPage;
    window->addPage(tr("Dashboard"), style->standardIcon(QStyle::SP_ComputerIcon), m_dashboard);
    window->addPage(tr("Sensors"), style->standardIcon(QStyle::SP_FileDialogDetailedView), m_sensors);
    window->addPage(tr("Sensor"), style->standardIcon(QStyle::SP_FileDialogInfoView), m_sensor);
    window->addPage(tr("Server"), style->standardIcon(QStyle::SP_DriveNetIcon), m_server);
    window->addPage(tr("Log"), style->standardIcon(QStyle::SP_FileDialogContentsView), m_log);

    connect(service, &ManagementService::overviewUpdated, this,
            [this](const std::shared_ptr<const management::Overview> &overview) {
                m_dashboard->showOverview(overview);
                m_sensors->showOverview(overview);
                m_server->showOverview(overview);
            });
    connect(service, &ManagementService::sensorUpdated, m_sensor, &SensorPage::showDetail);
    connect(service, &ManagementService::actionFinished, this,
            [this](const QString &what, const ActionResult &result) {
                m_window->statusBar()->showMessage(result.ok ? tr("%1: %2").arg(what, result.message)
                                                             : tr("%1 failed: %2").arg(what, result.message),
                                                   8000);
            });
    const QString where = service->options().roles.metadata.describe();
    connect(service, &ManagementService::reachabilityChanged, this,
            [this, where](bool ok, const QString &error) {
                m_window->setConnectionStatus(
                    ok ? tr("Redis %1").arg(where) : tr("Redis %1 unreachable: %2").arg(where, error), ok);
            });
    connect(service, &ManagementService::silenceChanged, this, &ConsoleController::onSilenceChanged);
    connect(m_dashboard, &DashboardPage::openSensor, this, &ConsoleController::openSensor);
    connect(m_sensors, &SensorsPage::openSensor, this, &ConsoleController::openSensor);
    connect(m_server, &ServerPage::openSensor, this, &ConsoleController::openSensor);

    QMenu *view = window->viewMenu();
    QAction *dark = view->addAction(tr("&Dark palette"));
    dark->setObjectName(QStringLiteral("darkPaletteAction"));
    dark->setCheckable(true);
    dark->setChecked(isDarkPalette());
    connect(dark, &QAction::toggled, this, [](bool on) {
        applyPalette(on);
        QSettings().setValue(QStringLiteral("ui/dark"), on);
    });
    QAction *add = view->addAction(tr("&Add sensor…"));
    add->setObjectName(QStringLiteral("addSensorAction"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(add, &QAction::triggered, this, &ConsoleController::addSensor);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style->standardIcon(QStyle::SP_DriveNetIcon), this);
        m_tray->setToolTip(tr("D4 Console"));
        connect(m_tray, &QSystemTrayIcon::activated, window, [window] {
            window->showNormal();
            window->raise();
            window->activateWindow();
        });
        m_tray->show();
    }
}

ConsoleController::~ConsoleController() = default;

void ConsoleController::openSensor(const QByteArray &uuid)
{
    if (uuid.isEmpty()) {
        return;
    }
    m_sensor->setSensor(uuid);
    m_window->showPage(m_sensor);
}

void ConsoleController::onSilenceChanged(const QByteArray &uuid, bool silent)
{
    QString name = QString::fromLatin1(uuid);
    if (const auto overview = m_service->latestOverview()) {
        for (const management::SensorSummary &sensor : overview->sensors) {
            if (sensor.uuid == uuid && !sensor.name.isEmpty()) {
                name = sensor.name + QStringLiteral(" (") + name + QLatin1Char(')');
            }
        }
    }
    m_lastAlert =
        silent ? tr("Sensor %1 is silent or disconnected").arg(name) : tr("Sensor %1 is back").arg(name);
    m_window->statusBar()->showMessage(m_lastAlert, 15000);
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(tr("D4 sensor monitoring"), m_lastAlert,
                            silent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
    }
}

void ConsoleController::addSensor()
{
    AddSensorDialog dialog(m_contact, m_window);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QByteArray uuid = dialog.uuid();
    const QByteArray key = dialog.key();
    const QString description = dialog.description();
    m_service->perform(tr("Add sensor"), [uuid, key, description](management::ManagementActions &store) {
        return store.registerSensor(uuid, key, description);
    });
}

} // namespace d4::ui
