// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "store/redisendpoint.h"

namespace d4::store {

QString RedisEndpoint::describe() const
{
    if (!unixSocket.isEmpty()) {
        return QStringLiteral("unix:%1/%2").arg(unixSocket).arg(db);
    }
    return QStringLiteral("%1:%2/%3").arg(host).arg(port).arg(db);
}

bool RedisEndpoint::sameDatabase(const RedisEndpoint &other) const
{
    if (db != other.db || unixSocket != other.unixSocket) {
        return false;
    }
    return !unixSocket.isEmpty() || (host == other.host && port == other.port);
}

} // namespace d4::store
