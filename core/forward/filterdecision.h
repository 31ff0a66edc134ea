// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>

namespace d4::forward {

/** Why a filter left an item out. Every reason has its own counter (ForwardCounters). */
enum class FilterReason
{
    None,       ///< kept
    Unparsable, ///< not a line of the configured layout / not a pcap record
    DropSuffix, ///< a name is in a drop zone
    NotKept,    ///< the query name is in no keep zone
    Rrtype,     ///< rrtype in the drop list
    Sampled,    ///< left out by sampling
    PcapFilter, ///< the packet does not match the pcap-filter expression
    LinkType,   ///< the packet's link type differs from the outgoing stream's
    Count_
};

/** Stable names used as Redis hash fields (`filtered:<name>`) and in the console. */
QByteArray filterReasonName(FilterReason reason);

/** What a filter does with one item: keep it (as output) or leave it out (reason). */
struct FilterDecision
{
    FilterReason reason = FilterReason::None;
    QByteArray output; ///< the item to send when kept (possibly rewritten)

    bool kept() const { return reason == FilterReason::None; }
};

} // namespace d4::forward
