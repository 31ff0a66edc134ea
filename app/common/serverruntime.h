// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

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

namespace d4::app {

/**
 * The server side of the product, composed from a ServerConfig: the managed redis-server (when no
 * external Redis is configured), the start-up writes, the TLS identity, the ingest listener and the
 * stream workers.
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

private:
    bool startWorkers(QString &error);

    config::ServerConfig m_config;
    store::RedisRoles m_roles;
    ingest::ServerIdentity m_identity;
    std::unique_ptr<store::ManagedRedisServer> m_managedRedis;
    std::unique_ptr<ingest::IngestServer> m_ingest;
    std::unique_ptr<workers::WorkerManager> m_workers;
};

} // namespace d4::app
