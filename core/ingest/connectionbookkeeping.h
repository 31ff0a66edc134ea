// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>

namespace d4::store {
class RedisClient;
}

namespace d4::ingest {

/**
 * The live-connection keys of the reference server (spec §2.5 step 3–4 and §2.7): which sensors
 * are connected, with which types and sessions. Commands are queued on the given clients; the
 * object holds no state of its own. @p uuid is 32 hex, @p session the dashed session UUID.
 */
class ConnectionBookkeeping final
{
public:
    ConnectionBookkeeping(store::RedisClient &stream, store::RedisClient &metadata);

    /** A session of @p type was admitted. */
    void opened(const QByteArray &uuid, const QByteArray &session, int type);
    /** The session went from type 2 to 254 (the only allowed change). */
    void switchedToExtended(const QByteArray &uuid, const QByteArray &session);
    /** The admitted session of @p type closed. */
    void closed(const QByteArray &uuid, const QByteArray &session, int type);

private:
    /** Removes @p session's claim on @p type; for 2/254 only once the sensor has no such session left. */
    void leaveType(const QByteArray &uuid, const QByteArray &session, int type);

    store::RedisClient &m_stream;
    store::RedisClient &m_metadata;
};

} // namespace d4::ingest
