// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QString>
#include <QStringView>

namespace d4::sensor {

/** A server address as the D4 clients write it in their destination file. */
struct Endpoint
{
    QString host; ///< DNS name or IP literal, IPv6 without brackets
    quint16 port = 0;

    /**
     * Parses "host:port" or "[ipv6]:port" with a port in 1..65535. A bare IPv6 address (more
     * than one colon, no brackets) is rejected because its port cannot be told apart.
     */
    static std::optional<Endpoint> parse(QStringView text);

    /** "host:port", with brackets around an IPv6 host. */
    QString toString() const;

    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};

} // namespace d4::sensor
