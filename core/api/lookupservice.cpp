// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "api/lookupservice.h"

#include "api/lookupserver.h"

namespace d4::api {

LookupService::LookupService(LookupSettings settings)
    : m_settings(std::move(settings))
{
    m_thread.setObjectName(QStringLiteral("d4-lookup"));
}

LookupService::~LookupService()
{
    stop();
}

bool LookupService::start(QString &error)
{
    if (m_server) {
        return true;
    }
    m_thread.start();
    m_server = new LookupServer(m_settings);
    m_server->moveToThread(&m_thread);
    bool ok = false;
    QString problem;
    quint16 port = 0;
    QMetaObject::invokeMethod(
        m_server,
        [this, &ok, &problem, &port] {
            ok = m_server->listen(problem);
            port = m_server->port();
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        error = problem;
        stop();
        return false;
    }
    m_port = port;
    return true;
}

void LookupService::stop()
{
    if (m_server) {
        LookupServer *server = m_server;
        m_server = nullptr;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
    m_port = 0;
}

} // namespace d4::api
