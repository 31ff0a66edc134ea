// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayList>
#include <QString>

#include "store/redisendpoint.h"

namespace d4::api {

/** The COF lookup server's settings (server.conf [Lookup_Server], docs/passive-dns.md). */
struct LookupSettings
{
    QString host = QStringLiteral("127.0.0.1"); ///< loopback by default
    int port = 8400;                            ///< analyzer-d4-passivedns' port; 0 = any free port
    QByteArray token;                           ///< empty = no authentication
    QByteArrayList tokenEndpoints{"query", "fquery", "info"}; ///< which endpoints need the token
    QByteArray origin;                                        ///< COF `origin` (URI); empty = not emitted
    store::RedisEndpoint redis;                               ///< the PDNS role
    qsizetype defaultLimit = 1000;                            ///< results per response without `limit`
    qsizetype maxWildcardNames = 10000;                       ///< names expanded for one "*.domain" query
};

} // namespace d4::api
