// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/ipblacklistinput.h"

#include <limits>

#include <QHostAddress>

namespace d4::management {

IpBlacklistInput IpBlacklistInput::parse(const QString &text, qint64 maxAddresses)
{
    IpBlacklistInput result;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        result.m_error = QStringLiteral("empty input");
        return result;
    }
    if (!trimmed.contains(QLatin1Char('/'))) {
        const QHostAddress address(trimmed);
        if (address.isNull()) {
            result.m_error = QStringLiteral("'%1' is not an IP address or CIDR range").arg(trimmed);
            return result;
        }
        result.m_valid = true;
        result.m_count = 1;
        result.m_addresses.append(address.toString().toLatin1());
        return result;
    }
    const std::pair<QHostAddress, int> subnet = QHostAddress::parseSubnet(trimmed);
    if (subnet.first.isNull() || subnet.second < 0) {
        result.m_error = QStringLiteral("'%1' is not an IP address or CIDR range").arg(trimmed);
        return result;
    }
    result.m_range = true;
    const bool v4 = subnet.first.protocol() == QHostAddress::IPv4Protocol;
    const int hostBits = (v4 ? 32 : 128) - subnet.second;
    if (hostBits >= 62) {
        result.m_count = std::numeric_limits<qint64>::max();
    } else {
        result.m_count = qint64(1) << hostBits;
    }
    if (result.m_count > maxAddresses) {
        result.m_error = QStringLiteral("%1 covers %2 addresses; at most %3 can be blacklisted at once")
                             .arg(trimmed, hostBits >= 62 ? QStringLiteral("2^%1").arg(hostBits)
                                                          : QString::number(result.m_count))
                             .arg(maxAddresses);
        return result;
    }
    result.m_addresses.reserve(result.m_count);
    if (v4) {
        const quint32 base = subnet.first.toIPv4Address();
        for (qint64 i = 0; i < result.m_count; ++i) {
            result.m_addresses.append(QHostAddress(base + static_cast<quint32>(i)).toString().toLatin1());
        }
    } else {
        Q_IPV6ADDR address = subnet.first.toIPv6Address();
        for (qint64 i = 0; i < result.m_count; ++i) {
            result.m_addresses.append(QHostAddress(address).toString().toLatin1());
            for (int byte = 15; byte >= 0; --byte) { // increment the 128-bit address
                if (++address[byte] != 0) {
                    break;
                }
            }
        }
    }
    result.m_valid = true;
    return result;
}

} // namespace d4::management
