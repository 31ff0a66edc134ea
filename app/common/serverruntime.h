// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <memory>
#include <thread>

#include <QLockFile>
#include <QObject>

#include "config/serverconfig.h"
#include "ingest/certificatestore.h"
#include "store/redisendpoint.h"

namespace d4::store {
class ManagedRedisServer;
}
namespace d4::ingest {
class IngestServer;
}
namespace d4::workers {
class WorkerManager;
}
namespace d4::passivedns {
class PdnsAnalyzer;
class PdnsStatusPublisher;
class RemoteQueueConsumer;
} // namespace d4::passivedns
namespace d4::api {
class LookupService;
}
namespace d4::forward {
class ForwardManager;
}

namespace d4::analyzers::backscatter {
class BackscatterAnalyzer;
class BackscatterReporter;
class BackscatterTap;
class CaptureQueueConsumer;
} // namespace d4::analyzers::backscatter

class QTimer;

namespace d4::app {

/**
 * The server side of the product, composed from a ServerConfig: the managed redis-server (when no
 * external Redis is configured), the start-up writes, the TLS identity, the ingest listener and the
 * stream workers, the passive DNS analyzer (a tap on the type-8 worker) and its COF lookup server.
 * Shared by d4-server and the embedded console. Thread affinity: the main thread.
 */
class ServerRuntime final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerRuntime)

public:
    explicit ServerRuntime(config::ServerConfig config, QObject *parent = nullptr);
    ~ServerRuntime() override;

    /** Starts everything; on failure stops what was started and returns false with @p error. */
    bool start(QString &error);
    void stop();

    const config::ServerConfig &config() const noexcept { return m_config; }
    const store::RedisRoles &redisRoles() const noexcept { return m_roles; }
    const ingest::ServerIdentity &identity() const noexcept { return m_identity; }
    ingest::IngestServer *ingestServer() const noexcept { return m_ingest.get(); }
    store::ManagedRedisServer *managedRedis() const noexcept { return m_managedRedis.get(); }
    workers::WorkerManager *workerManager() const noexcept { return m_workers.get(); }
    quint16 listeningPort() const;
    /** The passive DNS store ([Redis_PDNS], or the managed/METADATA server's db 3); valid after start(). */
    const store::RedisEndpoint &pdnsRedis() const noexcept { return m_pdnsRedis; }
    /** Null when the analyzer is disabled, or has nothing to read (no workers, no remote queue). */
    passivedns::PdnsAnalyzer *pdnsAnalyzer() const noexcept { return m_pdns.get(); }
    /** The consumer of [Passive_DNS_Queue]; null when that section is not enabled. */
    passivedns::RemoteQueueConsumer *pdnsRemoteQueue() const noexcept { return m_pdnsRemote.get(); }
    /** Null when the lookup server is disabled. */
    api::LookupService *lookupService() const noexcept { return m_lookup.get(); }
    /**
     * The backscatter analyzer on the type-1 worker (live sessions) and [Backscatter_Queue], set up
     * by [Backscatter]; null when that section disables it, or when it has nothing to read (workers
     * disabled and no queue). It lives as long as the runtime, also after stop(), so pages may keep it.
     */
    analyzers::backscatter::BackscatterAnalyzer *backscatterAnalyzer() const noexcept
    {
        return m_backscatter.get();
    }

    /** Logs and files the live analyzer's attacks; null when there is no analyzer. */
    analyzers::backscatter::BackscatterReporter *backscatterReporter() const noexcept
    {
        return m_backscatterReporter.get();
    }

    /** The forwarding rules; null when server.conf has none. */
    forward::ForwardManager *forwardManager() const noexcept { return m_forward.get(); }

private:
    bool startWorkers(QString &error);
    bool prepareForwarding(QString &error);
    bool startPassiveDns(QString &error);
    void prepareBackscatter();
    void startBackscatterQueue();
    void stopBackscatter();

    config::ServerConfig m_config;
    store::RedisRoles m_roles;
    ingest::ServerIdentity m_identity;
    std::unique_ptr<QLockFile> m_dataLock; ///< held from start() until the object is gone
    std::unique_ptr<store::ManagedRedisServer> m_managedRedis;
    std::unique_ptr<ingest::IngestServer> m_ingest;
    std::unique_ptr<workers::WorkerManager> m_workers;
    store::RedisEndpoint m_pdnsRedis;
    std::unique_ptr<passivedns::PdnsAnalyzer> m_pdns;
    std::unique_ptr<passivedns::RemoteQueueConsumer> m_pdnsRemote;
    std::unique_ptr<passivedns::PdnsStatusPublisher> m_pdnsStatus;
    std::unique_ptr<api::LookupService> m_lookup;
    std::unique_ptr<analyzers::backscatter::BackscatterAnalyzer> m_backscatter;
    std::unique_ptr<analyzers::backscatter::BackscatterTap> m_backscatterTap;
    std::unique_ptr<analyzers::backscatter::BackscatterReporter> m_backscatterReporter;
    QTimer *m_backscatterTimer = nullptr;
    std::unique_ptr<analyzers::backscatter::CaptureQueueConsumer> m_backscatterQueue;
    std::thread m_backscatterQueueThread;
    std::atomic_bool m_backscatterQueueStop{false};
    std::unique_ptr<forward::ForwardManager> m_forward;
};

} // namespace d4::app
