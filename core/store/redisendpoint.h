// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::store {

/** Where one Redis role lives: a unix socket, or host and port; plus the database number. */
struct RedisEndpoint
{
    QString host = QStringLiteral("localhost");
    int port = 6379;
    QString unixSocket; ///< when set, host and port are ignored
    int db = 0;
    QString password; ///< AUTH before SELECT when not empty; never logged

    /** "host:port/db" or "unix:path/db", without the password, for logs and the UI. */
    QString describe() const;
    /** True when both endpoints reach the same server and database. */
    bool sameDatabase(const RedisEndpoint &other) const;
};

/** The Redis roles of d4-core (spec §3.1). SERV and CACHE belong to the web UI and are not used. */
struct RedisRoles
{
    RedisEndpoint stream;   ///< live streams and connection state
    RedisEndpoint metadata; ///< settings, sensor metadata, statistics, queue definitions
    RedisEndpoint analyzer; ///< analyzer queues that external analyzers consume
};

} // namespace d4::store
