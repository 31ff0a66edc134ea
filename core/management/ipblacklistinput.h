// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayList>
#include <QString>

namespace d4::management {

/**
 * What the user typed into "IP or CIDR", checked and expanded. The server checks `blacklist_ip`
 * by exact address, so a CIDR becomes one member per address, as the reference does (spec §9
 * #11); unlike the reference, ranges larger than maxAddresses are refused instead of expanded.
 * Parsing is QHostAddress's; this class only counts and enumerates.
 */
class IpBlacklistInput final
{
public:
    /** A /16 of IPv4, the largest range the reference's UI has ever been seen to take in one go. */
    static constexpr qint64 kDefaultMaxAddresses = 65536;

    static IpBlacklistInput parse(const QString &text, qint64 maxAddresses = kDefaultMaxAddresses);

    bool isValid() const noexcept { return m_valid; }
    /** Why the input was refused (invalid, or too large). */
    const QString &error() const noexcept { return m_error; }
    /** Every address, in ascending order, as the ingest server writes them. */
    const QByteArrayList &addresses() const noexcept { return m_addresses; }
    /** The number of addresses the input covers (also set when it is refused for its size). */
    qint64 addressCount() const noexcept { return m_count; }
    bool isRange() const noexcept { return m_range; }

private:
    bool m_valid = false;
    bool m_range = false;
    qint64 m_count = 0;
    QString m_error;
    QByteArrayList m_addresses;
};

} // namespace d4::management
