// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

#include "store/redisendpoint.h"

namespace d4::ingest {

/**
 * What the reference server does at start (spec §2.8), plus clean-up of live-connection state a
 * crashed process may have left in a persistent STREAM database. Blocking; run before listening.
 */
class ServerBootstrap final
{
public:
    /**
     * PINGs the roles, writes server:hmac_default_key, re-adds the default accepted types and
     * extended types, sets first_date if absent, and clears stale active-connection keys.
     * Returns false with @p error on the first failure.
     */
    static bool run(const store::RedisRoles &roles, const QString &defaultHmacKey, QString &error);
};

} // namespace d4::ingest
