// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/serverbootstrap.h"

#include <QDate>

#include "protocol/d4types.h"
#include "store/keyschema.h"
#include "store/redissyncclient.h"

namespace d4::ingest {

namespace keys = store::keys;

namespace {

/** Deletes every key matching @p pattern (SCAN, so a large database is not blocked). */
bool deleteMatching(store::RedisSyncClient &client, const QByteArray &pattern, QString &error)
{
    QByteArray cursor = "0";
    do {
        const store::RedisValue page = client.command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
        if (page.kind != store::RedisValue::Kind::Array || page.elements.size() != 2) {
            error = QStringLiteral("SCAN failed: %1").arg(QString::fromUtf8(page.string));
            return false;
        }
        cursor = page.elements.at(0).string;
        for (const store::RedisValue &key : page.elements.at(1).elements) {
            client.command({"DEL", key.string});
        }
    } while (cursor != "0");
    return true;
}

} // namespace

bool ServerBootstrap::run(const store::RedisRoles &roles, const QString &defaultHmacKey, QString &error)
{
    store::RedisSyncClient metadata(roles.metadata);
    store::RedisSyncClient stream(roles.stream);
    for (store::RedisSyncClient *client : {&metadata, &stream}) {
        if (!client->ping()) {
            error = QStringLiteral("Error: Redis server %1, ConnectionError: %2")
                        .arg(client->endpoint().describe(), client->errorString());
            return false;
        }
    }
    metadata.command({"SET", keys::hmacDefaultKey(), defaultHmacKey.toUtf8()});
    QByteArrayList addTypes{"SADD", keys::acceptedTypes()};
    for (const protocol::TypeInfo &type : protocol::typeTable()) {
        if (type.acceptedByDefault) {
            addTypes.append(QByteArray::number(type.type));
        }
    }
    metadata.command(addTypes);
    metadata.command({"SADD", keys::acceptedExtendedTypes(), "ja3-jl"});
    metadata.command(
        {"SETNX", keys::firstDate(), QDate::currentDate().toString(QStringLiteral("yyyyMMdd")).toLatin1()});

    // No connection is live at start: drop what an unclean stop left behind, or its sensors would
    // be refused as duplicates for ever.
    QByteArrayList plain{keys::activeConnections(), keys::sessionExtendedTypeMap()};
    for (const protocol::TypeInfo &type : protocol::typeTable()) {
        plain.append(keys::activeConnectionsOfType(type.type));
    }
    for (const QByteArray &key : plain) {
        stream.command({"DEL", key});
    }
    for (const QByteArray &pattern :
         {keys::activeTypesByUuid("*"), keys::activeSessionsByUuid("*"),
          keys::activeSessionsOfTypeByUuid(2, "*"), keys::activeSessionsOfTypeByUuid(254, "*"),
          keys::activeExtendedTypesByUuid("*")}) {
        if (!deleteMatching(stream, pattern, error)) {
            return false;
        }
    }
    return true;
}

} // namespace d4::ingest
