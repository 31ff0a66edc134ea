// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "common/serverruntime.h"

#include <QDir>
#include <QLoggingCategory>

#include "ingest/ingestserver.h"
#include "ingest/ingestsettings.h"
#include "ingest/serverbootstrap.h"
#include "store/managedredisserver.h"
#include "workers/workermanager.h"

Q_LOGGING_CATEGORY(lcRuntime, "d4.server")

namespace d4::app {

ServerRuntime::ServerRuntime(config::ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

ServerRuntime::~ServerRuntime()
{
    stop();
}

quint16 ServerRuntime::listeningPort() const
{
    return m_ingest ? m_ingest->serverPort() : 0;
}

bool ServerRuntime::start(QString &error)
{
    const QString dataDirectory = m_config.effectiveDataDirectory();
    if (!QDir().mkpath(dataDirectory)) {
        error = QStringLiteral("cannot create the data directory %1").arg(dataDirectory);
        return false;
    }
    if (m_config.externalRedis) {
        m_roles = *m_config.externalRedis;
    } else {
        m_managedRedis = std::make_unique<store::ManagedRedisServer>(
            m_config.managedRedisExecutable, dataDirectory, m_config.managedRedisPort);
        if (!m_managedRedis->start()) {
            error = QStringLiteral("managed redis-server: %1").arg(m_managedRedis->errorString());
            m_managedRedis.reset();
            return false;
        }
        m_roles = m_managedRedis->roles();
        qCInfo(lcRuntime).noquote() << "managed redis-server on" << m_managedRedis->socketPath();
    }
    if (!ingest::ServerBootstrap::run(m_roles, m_config.defaultHmacKey, error)) {
        stop();
        return false;
    }
    const auto identity =
        ingest::CertificateStore::loadOrCreate(m_config.tlsCertificate, m_config.tlsPrivateKey,
                                               QDir(dataDirectory).filePath(QStringLiteral("tls")), error);
    if (!identity) {
        stop();
        return false;
    }
    m_identity = *identity;
    qCInfo(lcRuntime).noquote() << (m_identity.generated ? "generated TLS certificate" : "TLS certificate")
                                << m_identity.certificatePath << "SHA-256 fingerprint"
                                << m_identity.fingerprint();

    ingest::IngestSettings settings;
    settings.registrationMode = m_config.serverMode == config::ServerMode::Registration;
    settings.maxPayloadSize = m_config.maxPayloadSize;
    settings.idleTimeoutMs = m_config.idleTimeoutSeconds * 1000;
    settings.defaultStreamMaxSize = m_config.defaultStreamMaxSize;
    settings.redis = m_roles;
    m_ingest = std::make_unique<ingest::IngestServer>(settings, m_identity, m_config.ingestThreads);
    // "::" means every address, IPv4 included (as the reference's Twisted listener); Qt binds a
    // literal "::" to IPv6 only, QHostAddress::Any to both.
    QHostAddress address(m_config.listenAddress);
    if (address == QHostAddress(QHostAddress::AnyIPv6)) {
        address = QHostAddress(QHostAddress::Any);
    }
    if (!m_ingest->start(address, static_cast<quint16>(m_config.serverPort), error)) {
        stop();
        return false;
    }
    if (!m_config.workersEnabled) {
        qCInfo(lcRuntime).noquote() << "workers disabled (workers = no)";
    } else if (!startWorkers(error)) {
        stop();
        return false;
    }
    qCInfo(lcRuntime).noquote() << "Server mode:" << config::ServerConfig::modeName(m_config.serverMode);
    qCInfo(lcRuntime).noquote() << "Launching Server ... listening on" << m_config.listenAddress << "port"
                                << m_ingest->serverPort() << "with" << m_ingest->threadCount()
                                << "ingest threads";
    return true;
}

bool ServerRuntime::startWorkers(QString &error)
{
    workers::WorkerSettings workerSettings;
    workerSettings.redis = m_roles;
    workerSettings.saveDirectory = m_config.effectiveSaveDirectory();
    workerSettings.defaultQueueMaxSize = m_config.analyzerQueuesMaxSize;
    workerSettings.rotationIntervalSeconds = m_config.rotationIntervalSeconds;
    workerSettings.threads = m_config.workerThreads;
    m_workers = std::make_unique<workers::WorkerManager>(workerSettings);
    if (!m_workers->start(error)) {
        return false;
    }
    qCInfo(lcRuntime).noquote() << "workers:" << workerSettings.threads << "threads, files in"
                                << workerSettings.saveDirectory;
    return true;
}

void ServerRuntime::stop()
{
    if (m_workers) {
        m_workers->stop();
        m_workers.reset();
    }
    if (m_ingest) {
        m_ingest->stop();
        m_ingest.reset();
    }
    if (m_managedRedis) {
        m_managedRedis->stop();
        m_managedRedis.reset();
    }
}

} // namespace d4::app
