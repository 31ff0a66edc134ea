// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/filterdecision.h"

namespace d4::forward {

QByteArray filterReasonName(FilterReason reason)
{
    switch (reason) {
    case FilterReason::None:
        return QByteArrayLiteral("none");
    case FilterReason::Unparsable:
        return QByteArrayLiteral("unparsable");
    case FilterReason::DropSuffix:
        return QByteArrayLiteral("drop_suffix");
    case FilterReason::NotKept:
        return QByteArrayLiteral("not_kept");
    case FilterReason::Rrtype:
        return QByteArrayLiteral("rrtype");
    case FilterReason::Sampled:
        return QByteArrayLiteral("sampled");
    case FilterReason::PcapFilter:
        return QByteArrayLiteral("pcap_filter");
    case FilterReason::LinkType:
        return QByteArrayLiteral("link_type");
    case FilterReason::Count_:
        break;
    }
    return QByteArrayLiteral("unknown");
}

} // namespace d4::forward
