// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/sensorsummary.h"

namespace d4::management {

QString SensorSummary::statusText() const
{
    if (blacklisted) {
        return QStringLiteral("Blacklisted UUID");
    }
    if (ipBlacklisted) {
        return QStringLiteral("All IP using this UUID are Blacklisted");
    }
    if (!error.isEmpty()) {
        return error;
    }
    return QStringLiteral("OK");
}

} // namespace d4::management
