// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <optional>

#include <QByteArray>

namespace d4::store {
class RedisClient;
}

namespace d4::ingest {

/** What Redis says about a sensor's first header, in the reference's order of checks. */
struct AdmissionFacts
{
    bool blacklistedIp = false; ///< only asked by re-checks: the first check runs at connect
    bool blacklistedIpByUuid = false;
    bool blacklistedUuid = false;
    bool registered = true;
    bool temporarilyBlacklisted = false;
    bool incorrectTypeFlagged = false;
    bool typeAccepted = false;
    bool activeOfType = false;
    std::optional<QByteArray> sensorKey; ///< metadata_uuid:<uuid> hmac_key, when set
    QByteArray defaultKey;
    std::optional<qint64> streamLimit; ///< stream_max_size_by_uuid, when set
};

/** Who is asking: a sensor's identity and connection. */
struct AdmissionSubject
{
    QByteArray uuid; ///< 32 hex
    int type = 0;
    QByteArray session;
    QByteArray ip;
};

/**
 * Sends every lookup a first header needs as one pipelined batch (METADATA and STREAM) and calls
 * @p done once all replies are in. With @p recheck, only what can revoke a live session is asked
 * (blacklists incl. the IP, registration, lock-out, worker flag). The callback may run after the
 * asking session is gone: guard it.
 */
void queryAdmissionFacts(store::RedisClient &metadata, store::RedisClient &stream,
                         const AdmissionSubject &subject, bool registrationMode, bool recheck,
                         std::function<void(const AdmissionFacts &)> done);

} // namespace d4::ingest
