// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/endpoint.h"

#include <algorithm>

namespace d4::sensor {

std::optional<Endpoint> Endpoint::parse(QStringView text)
{
    text = text.trimmed();
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        return std::nullopt;
    }
    QStringView host = text.first(colon);
    const QStringView portText = text.sliced(colon + 1);
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        host = host.sliced(1, host.size() - 2);
        if (!host.contains(u':')) {
            return std::nullopt;
        }
    } else if (host.contains(u':') || host.contains(u'[') || host.contains(u']')) {
        return std::nullopt;
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    // toUInt accepts a leading '+' and surrounding spaces; an address file should not need them.
    const bool digitsOnly = !portText.isEmpty() && std::all_of(portText.begin(), portText.end(), [](QChar c) {
        return c >= u'0' && c <= u'9';
    });
    if (host.isEmpty() || !ok || !digitsOnly || port == 0 || port > 65535) {
        return std::nullopt;
    }
    return Endpoint{host.toString(), static_cast<quint16>(port)};
}

QString Endpoint::toString() const
{
    if (host.contains(u':')) {
        return u'[' + host + QStringLiteral("]:") + QString::number(port);
    }
    return host + u':' + QString::number(port);
}

} // namespace d4::sensor
