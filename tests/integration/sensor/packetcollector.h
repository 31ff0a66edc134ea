// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QList>

#include "protocol/d4header.h"
#include "protocol/framedecoder.h"
#include "protocol/hmacsha256.h"

namespace d4::test {

/** One decoded packet and whether its HMAC verified with the collector's key. */
struct ReceivedPacket
{
    protocol::Header header;
    QByteArray payload;
    bool hmacValid = false;
};

/**
 * Decodes a D4 byte stream (a d4-sensor's stdout or one TLS connection) with the project's
 * FrameDecoder and checks every HMAC with the expected key.
 */
class PacketCollector final
{
public:
    explicit PacketCollector(const QByteArray &key);

    void append(const QByteArray &bytes);

    const QList<ReceivedPacket> &packets() const { return m_packets; }
    /** True when the stream decoded without error and ends on a packet boundary. */
    bool isClean() const;
    bool allHmacsValid() const;
    /** Payloads concatenated, of one type only when @p type >= 0. */
    QByteArray payload(int type = -1) const;
    QList<quint32> sizes() const;
    qsizetype payloadBytes() const { return m_payloadBytes; }

private:
    protocol::FrameDecoder m_decoder;
    protocol::HmacSha256 m_hmac;
    QList<ReceivedPacket> m_packets;
    qsizetype m_payloadBytes = 0;
};

} // namespace d4::test
