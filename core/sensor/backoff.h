// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>

namespace d4::sensor {

/**
 * Exponential back-off for reconnecting: the first attempt goes at once, then the delays are
 * initial, 2 x initial, 4 x initial... capped at maximum. reset() starts over.
 */
class Backoff final
{
public:
    explicit Backoff(std::chrono::milliseconds maximum,
                     std::chrono::milliseconds initial = std::chrono::seconds(1)) noexcept;

    /** The delay to wait before the next attempt. */
    std::chrono::milliseconds next() noexcept;
    void reset() noexcept;

private:
    std::chrono::milliseconds m_maximum;
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_current{0};
    bool m_started = false;
};

} // namespace d4::sensor
