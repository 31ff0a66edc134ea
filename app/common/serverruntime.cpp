// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "common/serverruntime.h"

#include <QDateTime>
#include <QDir>
#include <QLockFile>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QTimer>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/backscatterreporter.h"
#include "analyzers/backscatter/backscattertap.h"
#include "analyzers/backscatter/capturequeueconsumer.h"
#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/pdnsstatuspublisher.h"
#include "analyzers/passivedns/remotequeueconsumer.h"
#include "api/lookupservice.h"
#include "forward/forwardmanager.h"
#include "ingest/ingestserver.h"
#include "ingest/ingestsettings.h"
#include "ingest/serverbootstrap.h"
#include "store/managedredisserver.h"
#include "workers/workermanager.h"

Q_LOGGING_CATEGORY(lcRuntime, "d4.server")

namespace d4::app {

namespace {

/** How often the live backscatter attacks are reported (and idle ones ended). */
constexpr int kBackscatterReportMs = 2000;

qint64 wallClockNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000LL;
}

} // namespace

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
    // Two servers on one data directory would run two managed redis-servers on one socket and one
    // append-only file, and rotate each other's files: the second one refuses to start. A lock left
    // by a process that died is taken over (QLockFile checks that its process still runs).
    m_dataLock = std::make_unique<QLockFile>(QDir(dataDirectory).filePath(QStringLiteral("d4-server.lock")));
    m_dataLock->setStaleLockTime(0);
    if (!m_dataLock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        if (m_dataLock->error() == QLockFile::LockFailedError &&
            m_dataLock->getLockInfo(&pid, &host, &application)) {
            error =
                QStringLiteral("the data directory %1 is in use by another D4 server (%2, process %3 on %4); "
                               "stop it, or give this one another data directory")
                    .arg(dataDirectory, application)
                    .arg(pid)
                    .arg(host);
        } else {
            error =
                QStringLiteral("cannot lock the data directory %1 (%2)")
                    .arg(dataDirectory, m_dataLock->error() == QLockFile::PermissionError
                                            ? QStringLiteral("permission denied")
                                            : QStringLiteral("lock error %1").arg(int(m_dataLock->error())));
        }
        m_dataLock.reset();
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
    settings.shutdownDrainMs = m_config.shutdownDrainSeconds * 1000;
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
    if (!startPassiveDns(error)) {
        stop();
        return false;
    }
    if (!prepareForwarding(error)) {
        stop();
        return false;
    }
    prepareBackscatter();
    if (!m_config.workersEnabled) {
        qCInfo(lcRuntime).noquote() << "workers disabled (workers = no)";
    } else if (!startWorkers(error)) {
        stop();
        return false;
    }
    if (m_forward && !m_forward->start(error)) {
        stop();
        return false;
    }
    startBackscatterQueue();
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
    if (m_pdns) {
        m_workers->addTap(m_pdns.get());
    }
    if (m_backscatter) {
        m_backscatterTap = std::make_unique<analyzers::backscatter::BackscatterTap>(m_backscatter.get());
        m_workers->addTap(m_backscatterTap.get());
    }
    if (m_forward) {
        for (workers::WorkerTap *tap : m_forward->taps()) {
            m_workers->addTap(tap);
        }
    }
    if (!m_workers->start(error)) {
        return false;
    }
    qCInfo(lcRuntime).noquote() << "workers:" << workerSettings.threads << "threads, files in"
                                << workerSettings.saveDirectory;
    return true;
}

bool ServerRuntime::prepareForwarding(QString &error)
{
    if (m_config.forwardRules.isEmpty()) {
        return true;
    }
    m_forward = std::make_unique<forward::ForwardManager>(m_config.forwardRules,
                                                          m_config.effectiveDataDirectory(), m_roles);
    if (!m_forward->prepare(error)) {
        m_forward.reset();
        return false;
    }
    if (!m_config.workersEnabled && !m_forward->taps().empty()) {
        qCWarning(lcRuntime).noquote()
            << "workers disabled (workers = no): forward rules reading sensors get no data";
    }
    qCInfo(lcRuntime).noquote() << "forwarding:" << m_forward->ruleCount() << "rules";
    return true;
}

bool ServerRuntime::startPassiveDns(QString &error)
{
    if (m_config.pdnsRedis) {
        m_pdnsRedis = *m_config.pdnsRedis;
    } else {
        m_pdnsRedis = m_roles.metadata;
        m_pdnsRedis.db = config::ServerConfig::pdnsDefaultDb;
    }
    if (m_config.pdnsQueue.enabled && !m_config.pdnsEnabled) {
        qCWarning(lcRuntime).noquote()
            << "[Passive_DNS_Queue] is ignored: the passive DNS analyzer is disabled";
    }
    if (m_config.pdnsEnabled && (m_config.workersEnabled || m_config.pdnsQueue.enabled)) {
        passivedns::AnalyzerSettings settings;
        settings.redis = m_pdnsRedis;
        for (auto it = m_config.pdnsExpiry.cbegin(); it != m_config.pdnsExpiry.cend(); ++it) {
            settings.expiryByType.insert(it.key(), it.value());
        }
        settings.excludes.clear();
        for (const QString &exclude : m_config.pdnsExclude) {
            settings.excludes.append(exclude.toUtf8());
        }
        settings.defaultLayout.timeZone = QTimeZone(m_config.pdnsTimeZone.toLatin1());
        for (auto it = m_config.pdnsSensorLayouts.cbegin(); it != m_config.pdnsSensorLayouts.cend(); ++it) {
            settings.sensorLayouts.insert(it.key(), it.value());
        }
        m_pdns = std::make_unique<passivedns::PdnsAnalyzer>(settings);
        if (!m_pdns->start(error)) {
            m_pdns.reset();
            return false;
        }
        qCInfo(lcRuntime).noquote() << "passive DNS analyzer on type 8, store" << m_pdnsRedis.describe();
        if (m_config.pdnsQueue.enabled) {
            passivedns::RemoteQueueSettings remote;
            remote.redis = m_config.pdnsQueue.redis;
            remote.queueUuid = m_config.pdnsQueue.queueUuid.toUtf8();
            remote.sensorId = m_config.pdnsQueue.sensorId.toUtf8();
            remote.batchSize = m_config.pdnsQueue.batchSize;
            m_pdnsRemote = std::make_unique<passivedns::RemoteQueueConsumer>(remote, *m_pdns);
            m_pdnsRemote->start(); // an unreachable remote is retried, never fatal
        }
        // For consoles attached to the store: what only this process knows of the analyzer.
        m_pdnsStatus =
            std::make_unique<passivedns::PdnsStatusPublisher>(m_pdnsRedis, *m_pdns, m_pdnsRemote.get());
        m_pdnsStatus->start();
    }
    if (m_config.lookupEnabled) {
        api::LookupSettings settings;
        settings.host = m_config.lookupHost;
        settings.port = m_config.lookupPort;
        settings.token = m_config.lookupToken.toUtf8();
        settings.tokenEndpoints.clear();
        for (const QString &endpoint : m_config.lookupTokenEndpoints) {
            settings.tokenEndpoints.append(endpoint.toLatin1());
        }
        settings.origin = m_config.lookupOrigin.toUtf8();
        settings.redis = m_pdnsRedis;
        m_lookup = std::make_unique<api::LookupService>(settings);
        QString problem;
        if (!m_lookup->start(problem)) {
            // Not fatal: ingest must not stop because another program (or a second d4-server) holds
            // the lookup port. The console shows the lookup server as not running.
            qCWarning(lcRuntime).noquote() << problem << "- the COF lookup server is not running";
            m_lookup.reset();
            return true;
        }
        qCInfo(lcRuntime).noquote() << "COF lookup server listening on" << settings.host << "port"
                                    << m_lookup->port();
    }
    return true;
}

void ServerRuntime::prepareBackscatter()
{
    const config::BackscatterConfig &config = m_config.backscatter;
    const bool queue = m_config.backscatterQueue.enabled;
    if (!config.enabled) {
        if (queue) {
            qCWarning(lcRuntime).noquote() << "[Backscatter_Queue] is ignored: the backscatter analyzer is "
                                              "disabled";
        }
        return;
    }
    if (!m_config.workersEnabled && !queue) {
        return; // nothing to read
    }
    if (!m_backscatter) { // kept across stop() and start(): pages may hold it
        m_backscatter = std::make_unique<analyzers::backscatter::BackscatterAnalyzer>(config.settings());
    }
    const analyzers::backscatter::BackscatterSettings settings = m_backscatter->settings();
    const analyzers::backscatter::AttackThresholds &t = settings.thresholds;
    qCInfo(lcRuntime).noquote() << "backscatter analyzer on type 1: attack at" << t.minPackets << "packets,"
                                << t.minDurationNs / 1000000000LL << "s," << t.minWindowPackets
                                << "packets per window; timeout"
                                << settings.inactivityTimeoutNs / 1000000000LL << "s;"
                                << settings.monitoredPrefixes.size() << "monitored prefixes";
    for (const QString &warning : settings.warnings()) {
        qCInfo(lcRuntime).noquote() << "backscatter:" << warning;
    }
    const QString directory =
        config.attacksFile ? QDir(m_config.effectiveDataDirectory()).filePath(QStringLiteral("backscatter"))
                           : QString();
    m_backscatterReporter =
        std::make_unique<analyzers::backscatter::BackscatterReporter>(m_backscatter.get(), directory);
    if (!directory.isEmpty()) {
        qCInfo(lcRuntime).noquote() << "backscatter attacks filed in" << directory;
    }
    if (config.evidenceFiles && settings.evidence.enabled()) {
        const QString evidence =
            QDir(m_config.effectiveDataDirectory()).filePath(QStringLiteral("backscatter/evidence"));
        m_backscatterReporter->setEvidenceDirectory(evidence);
        qCInfo(lcRuntime).noquote() << "backscatter evidence pcaps in" << evidence;
    }
    if (config.retentionDays > 0) {
        // On the reporter's writer thread: now, then hourly.
        m_backscatterReporter->setRetentionDays(config.retentionDays);
        qCInfo(lcRuntime).noquote() << "backscatter files kept" << config.retentionDays << "days";
    }
    m_backscatterTimer = new QTimer(this);
    m_backscatterTimer->setInterval(kBackscatterReportMs);
    connect(m_backscatterTimer, &QTimer::timeout, this, [this] {
        if (m_backscatterReporter) {
            m_backscatterReporter->poll(wallClockNs());
        }
    });
    m_backscatterTimer->start();
}

void ServerRuntime::startBackscatterQueue()
{
    const config::BackscatterQueueConfig &config = m_config.backscatterQueue;
    if (!config.enabled || !m_backscatter) {
        return;
    }
    const store::RedisEndpoint endpoint = config.endpoint(m_roles.analyzer);
    m_backscatterQueue = std::make_unique<analyzers::backscatter::CaptureQueueConsumer>(
        endpoint, config.queueUuid.toUtf8(), m_backscatter.get());
    m_backscatterQueueStop = false;
    // run() blocks on BRPOP (1 s at a time, so stop() waits at most that plus the file being read);
    // an unreachable Redis is retried, never fatal.
    m_backscatterQueueThread = std::thread([this] { m_backscatterQueue->run(m_backscatterQueueStop, 1); });
    qCInfo(lcRuntime).noquote() << "backscatter queue"
                                << QStringLiteral("analyzer:1:%1").arg(config.queueUuid) << "on"
                                << endpoint.describe();
}

void ServerRuntime::stopBackscatter()
{
    if (m_backscatterQueueThread.joinable()) {
        m_backscatterQueueStop = true;
        m_backscatterQueueThread.join();
    }
    m_backscatterQueue.reset();
    if (m_backscatterTimer) {
        delete m_backscatterTimer;
        m_backscatterTimer = nullptr;
    }
    if (m_backscatterReporter) {
        m_backscatterReporter->finish(wallClockNs());
        m_backscatterReporter.reset();
    }
    m_backscatterTap.reset();
}

void ServerRuntime::stop()
{
    // Ingest first: its shutdown drain lets connected sensors finish, and what they send until
    // then is stored in Redis and still handed to the running workers and analyzers.
    if (m_ingest) {
        m_ingest->stop();
        m_ingest.reset();
    }
    if (m_forward) {
        m_forward->stopIntake(); // taps waiting for spool room let the workers stop
    }
    if (m_workers) {
        m_workers->stop();
        m_workers.reset();
    }
    stopBackscatter(); // after the workers: what they handed over is reported
    if (m_lookup) {
        m_lookup->stop();
        m_lookup.reset();
    }
    m_pdnsStatus.reset(); // reads the consumer and the analyzer
    if (m_pdnsRemote) {
        m_pdnsRemote->stop(); // before the analyzer: its last batch is stored and acknowledged
        m_pdnsRemote.reset();
    }
    if (m_pdns) {
        m_pdns->stop();
        m_pdns.reset();
    }
    if (m_forward) {
        m_forward->stop(); // ends the windows in flight cleanly: the partner confirms them
        m_forward.reset();
    }
    if (m_managedRedis) {
        m_managedRedis->stop();
        m_managedRedis.reset();
    }
    m_dataLock.reset(); // last: the managed redis-server has written its files
}

} // namespace d4::app
