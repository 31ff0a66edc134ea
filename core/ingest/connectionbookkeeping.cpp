// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/connectionbookkeeping.h"

#include <hiredis/hiredis.h>

#include "protocol/d4types.h"
#include "store/keyschema.h"
#include "store/redisclient.h"
#include "store/redisvalue.h"

namespace d4::ingest {

namespace keys = store::keys;

namespace {

bool isSessionCounted(int type)
{
    // Several connections of one sensor may carry types 2 and 254 at once; they are tracked per session.
    return type == protocol::kTypeMetaHeader || type == protocol::kTypeExtended;
}

} // namespace

ConnectionBookkeeping::ConnectionBookkeeping(store::RedisClient &stream, store::RedisClient &metadata)
    : m_stream(stream)
    , m_metadata(metadata)
{
}

void ConnectionBookkeeping::opened(const QByteArray &uuid, const QByteArray &session, int type)
{
    const QByteArray typeText = QByteArray::number(type);
    if (isSessionCounted(type)) {
        m_stream.send({"SADD", keys::activeSessionsOfTypeByUuid(type, uuid), session});
    }
    m_stream.send({"SADD", keys::activeConnectionsOfType(type), uuid});
    m_stream.send({"SADD", keys::activeTypesByUuid(uuid), typeText});
    m_stream.send({"SADD", keys::activeConnections(), uuid});
    m_stream.send({"SADD", keys::activeSessionsByUuid(uuid), session});
    m_metadata.send({"SADD", keys::allTypesByUuid(uuid), typeText});
}

void ConnectionBookkeeping::switchedToExtended(const QByteArray &uuid, const QByteArray &session)
{
    leaveType(uuid, session, protocol::kTypeMetaHeader);
    opened(uuid, session, protocol::kTypeExtended);
}

void ConnectionBookkeeping::leaveType(const QByteArray &uuid, const QByteArray &session, int type)
{
    store::RedisClient *stream = &m_stream;
    auto release = [stream, uuid, type] {
        stream->send({"SREM", keys::activeConnectionsOfType(type), uuid});
        stream->send({"SREM", keys::activeTypesByUuid(uuid), QByteArray::number(type)});
    };
    if (!isSessionCounted(type)) {
        release();
        return;
    }
    m_stream.send({"SREM", keys::activeSessionsOfTypeByUuid(type, uuid), session});
    m_stream.send({"EXISTS", keys::activeSessionsOfTypeByUuid(type, uuid)},
                  [release](const redisReply &reply) {
                      if (!store::isTrueReply(reply)) {
                          release();
                      }
                  });
}

void ConnectionBookkeeping::closed(const QByteArray &uuid, const QByteArray &session, int type)
{
    store::RedisClient *stream = &m_stream;
    leaveType(uuid, session, type);
    if (isSessionCounted(type)) {
        stream->send({"HGET", keys::sessionExtendedTypeMap(), session},
                     [stream, uuid, session](const redisReply &r) {
                         if (r.type == REDIS_REPLY_STRING) {
                             stream->send({"HDEL", keys::sessionExtendedTypeMap(), session});
                             stream->send({"SREM", keys::activeExtendedTypesByUuid(uuid),
                                           QByteArray(r.str, static_cast<qsizetype>(r.len))});
                         }
                     });
    }
    stream->send({"SREM", keys::activeSessionsByUuid(uuid), session});
    stream->send({"EXISTS", keys::activeTypesByUuid(uuid)}, [stream, uuid](const redisReply &r) {
        if (!store::isTrueReply(r)) {
            stream->send({"SREM", keys::activeConnections(), uuid});
        }
    });
}

} // namespace d4::ingest
