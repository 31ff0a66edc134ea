// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "console/consolecontroller.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>

#include "dialogs/settingsdialog.h"
#include "log/logpage.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/trayalertnotifier.h"
#include "management/managementservice.h"
#include "pages/dashboardpage.h"
#include "pages/sensorpage.h"
#include "pages/sensorspage.h"
#include "pages/serverpage.h"
#include "settings/consolesettings.h"
#include "theme/consoleicons.h"
#include "theme/palette.h"

namespace d4::ui {

using management::ActionResult;
using management::ManagementService;

ConsoleController::ConsoleController(MainWindow *window, ManagementService *service, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_service(service)
{
    m_dashboard = new DashboardPage;
    m_sensors = new SensorsPage;
    m_sensor = new SensorPage(service);
    m_server = new ServerPage(service);
    m_log = new LogPage;
    using Icon = ConsoleIcons::Id;
    window->addPage(tr("Dashboard"), ConsoleIcons::icon(Icon::Dashboard), m_dashboard);
    window->addPage(tr("Sensors"), ConsoleIcons::icon(Icon::Sensors), m_sensors);
    window->addPage(tr("Sensor"), ConsoleIcons::icon(Icon::Sensor), m_sensor);
    window->addPage(tr("Server"), ConsoleIcons::icon(Icon::Server), m_server);
    window->addPage(tr("Log"), ConsoleIcons::icon(Icon::Log), m_log);

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

    connect(window->settingsAction(), &QAction::triggered, this, &ConsoleController::editSettings);
    QMenu *view = window->viewMenu();
    m_darkPalette = view->addAction(tr("&Dark palette"));
    m_darkPalette->setObjectName(QStringLiteral("darkPaletteAction"));
    m_darkPalette->setCheckable(true);
    m_darkPalette->setChecked(isDarkPalette());
    connect(m_darkPalette, &QAction::toggled, this, [](bool on) {
        applyPalette(on);
        QSettings().setValue(QStringLiteral("ui/dark"), on);
    });
    QAction *add = view->addAction(tr("&Add sensor…"));
    add->setObjectName(QStringLiteral("addSensorAction"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(add, &QAction::triggered, this, &ConsoleController::addSensor);

    if (TrayAlertNotifier::isAvailable()) {
        m_notifier = std::make_unique<TrayAlertNotifier>(ConsoleIcons::icon(Icon::Application), window);
    }
}

ConsoleController::~ConsoleController() = default;

void ConsoleController::setAlertNotifier(std::unique_ptr<AlertNotifier> notifier)
{
    m_notifier = std::move(notifier);
}

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
            // The console's name for the sensor, else its description (what Add sensor sets).
            const QString label = sensor.name.isEmpty() ? sensor.description : sensor.name;
            if (sensor.uuid == uuid && !label.isEmpty()) {
                name = label + QStringLiteral(" (") + name + QLatin1Char(')');
            }
        }
    }
    m_lastAlert =
        silent ? tr("Sensor %1 is silent or disconnected").arg(name) : tr("Sensor %1 is back").arg(name);
    m_window->statusBar()->showMessage(m_lastAlert, 15000);
    if (m_notifier) {
        m_notifier->notify(tr("D4 sensor monitoring"), m_lastAlert,
                           silent ? AlertNotifier::Severity::Warning : AlertNotifier::Severity::Information);
    }
}

void ConsoleController::editSettings()
{
    QSettings stored;
    SettingsDialog dialog(ConsoleSettings::load(stored), false, m_window);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const ConsoleSettings settings = dialog.settings();
    settings.save(stored);
    applyPalette(settings.darkPalette);
    const QSignalBlocker blocker(m_darkPalette); // the palette is applied and saved already
    m_darkPalette->setChecked(settings.darkPalette);
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
