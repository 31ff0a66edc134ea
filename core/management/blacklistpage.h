// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayList>

namespace d4::management {

/** Which blacklist a paged listing reads. */
enum class BlacklistKind
{
    Ip,
    Uuid
};

/** One page of a blacklist, sorted. */
struct BlacklistPage
{
    BlacklistKind kind = BlacklistKind::Ip;
    int page = 0;
    int pageSize = 0;
    qint64 total = 0;
    QByteArrayList members;
};

} // namespace d4::management
