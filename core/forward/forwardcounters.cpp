// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardcounters.h"

namespace d4::forward {

quint64 ForwardCounters::filteredTotal() const noexcept
{
    quint64 total = 0;
    for (std::size_t i = 1; i < filtered.size(); ++i) {
        total += filtered[i].load(std::memory_order_relaxed);
    }
    return total;
}

void ForwardCounters::setLastError(const QString &error)
{
    const std::lock_guard lock(m_mutex);
    m_lastError = error;
}

QString ForwardCounters::lastError() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastError;
}

} // namespace d4::forward
