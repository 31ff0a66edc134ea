// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QTest>

#include "d4serverprocess.h"
#include "protocol/uuid.h"
#include "redisserverfixture.h"
#include "testenvironment.h"
#include "testsensor.h"

namespace d4::test {

/** Shorthands for ingest tests: a Redis fixture, the role databases and random sensor UUIDs. */
class IngestTestBase : public QObject
{
    Q_OBJECT

protected:
    RedisReply meta(const QByteArrayList &command)
    {
        return m_redis.command(command, D4ServerProcess::kMetadataDb);
    }
    RedisReply streams(const QByteArrayList &command)
    {
        return m_redis.command(command, D4ServerProcess::kStreamDb);
    }

    static protocol::Uuid newUuid() { return protocol::generateUuidV4(); }
    static QByteArray hex(const protocol::Uuid &uuid)
    {
        return QByteArray::fromStdString(protocol::uuidToHex(uuid));
    }

    /** The one session of @p type for @p uuid that has data, waiting up to 3 s for it. */
    QByteArray sessionOf(int type, const QByteArray &uuidHex);

    RedisServerFixture m_redis;
};

} // namespace d4::test
