// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <mutex>
#include <set>
#include <utility>

#include <QByteArray>

namespace d4::ingest {

/**
 * The in-process side of the one-connection-per-(UUID, type) rule. Redis' active_connection:<type>
 * is checked too, but two connections admitted at the same moment on two ingest threads could
 * both see it empty; claiming here is atomic. Thread-safe.
 */
class ActiveConnectionRegistry final
{
public:
    /** True when nobody holds (@p uuid, @p type); the caller then holds it until release(). */
    bool tryClaim(const QByteArray &uuid, int type);
    void release(const QByteArray &uuid, int type);

private:
    std::mutex m_mutex;
    std::set<std::pair<QByteArray, int>> m_claimed;
};

} // namespace d4::ingest
