// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>
#include <QMetaType>

namespace d4::workers {

/**
 * An accepted type that no worker consumes (spec §9 #9): its streams only grow until the ingest
 * disconnects the sensors at the stream limit.
 */
struct UnconsumedType
{
    int type = 0;
    qint64 sessions = 0; ///< members of `session_uuid:<type>`
    qint64 entries = 0;  ///< entries waiting in their streams

    friend bool operator==(const UnconsumedType &, const UnconsumedType &) = default;
};

} // namespace d4::workers

Q_DECLARE_METATYPE(d4::workers::UnconsumedType)
