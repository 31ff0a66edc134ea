// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/backoff.h"

#include <algorithm>

namespace d4::sensor {

Backoff::Backoff(std::chrono::milliseconds maximum, std::chrono::milliseconds initial) noexcept
    : m_maximum(std::max(maximum, std::chrono::milliseconds(0)))
    , m_initial(std::max(initial, std::chrono::milliseconds(1)))
{
}

std::chrono::milliseconds Backoff::next() noexcept
{
    if (!m_started) {
        m_started = true;
        return std::chrono::milliseconds(0);
    }
    m_current = m_current.count() == 0 ? m_initial : m_current * 2;
    m_current = std::min(m_current, m_maximum);
    return m_current;
}

void Backoff::reset() noexcept
{
    m_started = false;
    m_current = std::chrono::milliseconds(0);
}

} // namespace d4::sensor
