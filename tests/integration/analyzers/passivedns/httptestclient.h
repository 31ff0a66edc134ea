// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QPair>

namespace d4::test {

/** A response read by HttpTestClient. */
struct HttpTestResponse
{
    int status = 0; ///< 0 when the request failed
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const; ///< case-insensitive
    QByteArrayList lines() const;                    ///< body split on LF, without the empty tail
};

/**
 * A blocking HTTP/1.1 client on a raw QTcpSocket, for testing the lookup server exactly as bytes on
 * the wire (no redirects, no caching, no client-side normalisation of the path).
 */
class HttpTestClient final
{
public:
    explicit HttpTestClient(quint16 port)
        : m_port(port)
    {
    }
    HttpTestResponse get(const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /** Sends @p raw bytes as they are and reads one response. */
    HttpTestResponse raw(const QByteArray &raw);

private:
    quint16 m_port;
};

} // namespace d4::test
