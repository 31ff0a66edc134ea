// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/activeconnectionregistry.h"

namespace d4::ingest {

bool ActiveConnectionRegistry::tryClaim(const QByteArray &uuid, int type)
{
    const std::lock_guard lock(m_mutex);
    return m_claimed.emplace(uuid, type).second;
}

void ActiveConnectionRegistry::release(const QByteArray &uuid, int type)
{
    const std::lock_guard lock(m_mutex);
    m_claimed.erase({uuid, type});
}

} // namespace d4::ingest
