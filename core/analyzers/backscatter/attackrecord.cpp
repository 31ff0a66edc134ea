// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/attackrecord.h"

namespace d4::analyzers::backscatter {

double AttackRecord::observedPps() const
{
    const double seconds = static_cast<double>(durationNs()) / 1e9;
    return seconds < 1.0 ? static_cast<double>(packets) : static_cast<double>(packets) / seconds;
}

double AttackRecord::maxPpm(qint64 windowNs) const
{
    if (windowNs <= 0) {
        return 0.0;
    }
    return static_cast<double>(maxWindowPackets) * 60e9 / static_cast<double>(windowNs);
}

} // namespace d4::analyzers::backscatter
