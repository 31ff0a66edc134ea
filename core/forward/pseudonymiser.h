// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <mutex>

#include <QByteArray>
#include <QByteArrayView>

namespace d4::protocol {
class HmacSha256;
}

namespace d4::forward {

/**
 * Keyed pseudonyms for the client fields of forwarded passive DNS lines. The pseudonym of a value
 * is HMAC-SHA256(key, value bytes) rendered as a plausible value of the same kind, so the
 * partner's tools still parse it and can still correlate the lines of one client, while nobody
 * without the key can recover or test for a given client:
 *
 * - an IP address (of either family) becomes an IPv6 address in fd00::/8 (RFC 4193 unique local,
 *   L bit set): 0xfd followed by the first 15 bytes of the HMAC, printed as inet_ntop does;
 * - a MAC address becomes a locally administered unicast MAC: the first 6 bytes of the HMAC with
 *   the first octet's two low bits set to 1 0 (binary xxxxxx10), printed as lower-case xx:xx:..
 *
 * The same key and value always give the same pseudonym; another key gives another one.
 * Thread-safe (const; the one OpenSSL MAC context is used under a mutex).
 */
class Pseudonymiser final
{
public:
    explicit Pseudonymiser(QByteArrayView key);
    ~Pseudonymiser();
    Pseudonymiser(const Pseudonymiser &) = delete;
    Pseudonymiser &operator=(const Pseudonymiser &) = delete;

    /** Appends the pseudonym of the IP address @p value to @p out. */
    void appendAddress(QByteArrayView value, QByteArray &out) const;
    /** Appends the pseudonym of the MAC address @p value to @p out. */
    void appendMac(QByteArrayView value, QByteArray &out) const;

    QByteArray address(QByteArrayView value) const;
    QByteArray mac(QByteArrayView value) const;

private:
    std::unique_ptr<protocol::HmacSha256> m_hmac;
    mutable std::mutex m_mutex;
};

} // namespace d4::forward
