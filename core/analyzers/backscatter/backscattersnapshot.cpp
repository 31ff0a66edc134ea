// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscattersnapshot.h"

namespace d4::analyzers::backscatter {

quint64 BackscatterCounters::backscatter() const
{
    quint64 total = 0;
    for (int i = 0; i < kBackscatterClassCount; ++i) {
        if (isBackscatter(static_cast<BackscatterClass>(i))) {
            total += classes[static_cast<size_t>(i)];
        }
    }
    return total;
}

double BackscatterSnapshot::estimatedPps(const AttackRecord &attack) const
{
    const double scale = settings.rateScale();
    return scale <= 0.0 ? -1.0 : attack.observedPps() * scale;
}

bool passesThresholds(const AttackRecord &record, const AttackThresholds &thresholds)
{
    return record.packets >= thresholds.minPackets && record.durationNs() >= thresholds.minDurationNs &&
           record.maxWindowPackets >= thresholds.minWindowPackets;
}

} // namespace d4::analyzers::backscatter
