// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>

#include "analyzers/passivedns/pdnstuple.h"

namespace d4::api {

/**
 * Passive DNS Common Output Format (draft-dulaunoy-dnsop-passive-dns-cof-13), both directions.
 * Writing: one compact JSON object + LF per tuple; integers for times and count; rrtype mnemonic
 * or, without one, a number; rdata a string (or a one-element array); `origin` when configured;
 * `sensor_id` when one sensor saw the tuple, and `sensors` (our additional field) with each
 * sensor's count and times.
 */
class CofFormat final
{
public:
    struct WriteOptions
    {
        QByteArray origin;
        bool rdataArray = false;
    };
    static QByteArray line(const passivedns::PdnsTuple &tuple, const WriteOptions &options);

    /**
     * Reads one COF line leniently (spec §2.5): rdata as string or array (one tuple per element),
     * numbers or numeric strings for times and count, rrtype as mnemonic or number, unknown fields
     * ignored. Returns nullopt when a mandatory field is missing or malformed.
     */
    static std::optional<QList<passivedns::PdnsTuple>> parse(const QByteArray &line);
};

} // namespace d4::api
