// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

#include "store/redisendpoint.h"

namespace d4::ingest {

/** What the ingest threads need to know; copied into each thread at start. */
struct IngestSettings
{
    bool registrationMode = true; ///< only registered_uuid may stream
    int maxPayloadSize = 1000000;
    int idleTimeoutMs = 30000;
    int defaultStreamMaxSize = 10000;
    int temporaryBlacklistSeconds = 30;
    int accessRecheckIntervalMs = 1000; ///< blacklists and registrations re-read for live sessions
    int statsFlushIntervalMs = 1000;
    qint64 socketReadBufferSize = 1024 * 1024;
    qint64 readBudgetPerPass = 256 * 1024;
    /// At stop, how long connected sensors may go on sending until they close; the connections
    /// still open then are aborted. 0 = abort them all at once (IngestServer::stop).
    int shutdownDrainMs = 10000;
    /// During the drain, a connection that received nothing for this long is closed at once, so
    /// an idle sensor does not hold up the stop.
    int drainIdleCloseMs = 1000;
    store::RedisRoles redis;
};

} // namespace d4::ingest
