// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "packetcollector.h"

#include <algorithm>
#include <span>
#include <string_view>

namespace d4::test {

PacketCollector::PacketCollector(const QByteArray &key)
    : m_hmac(std::string_view(key.constData(), static_cast<std::size_t>(key.size())))
{
}

void PacketCollector::append(const QByteArray &bytes)
{
    m_decoder.append(
        {reinterpret_cast<const std::uint8_t *>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
    while (auto frame = m_decoder.next()) {
        ReceivedPacket packet;
        packet.header = frame->header;
        packet.payload = QByteArray(reinterpret_cast<const char *>(frame->payload.data()),
                                    static_cast<qsizetype>(frame->payload.size()));
        packet.hmacValid = m_hmac.verifyPacket(frame->rawHeader, frame->payload);
        m_payloadBytes += packet.payload.size();
        m_packets.append(std::move(packet));
    }
}

bool PacketCollector::isClean() const
{
    return m_decoder.error() == protocol::FrameError::None && m_decoder.bufferedBytes() == 0;
}

bool PacketCollector::allHmacsValid() const
{
    return std::all_of(m_packets.cbegin(), m_packets.cend(),
                       [](const ReceivedPacket &p) { return p.hmacValid; });
}

QByteArray PacketCollector::payload(int type) const
{
    QByteArray out;
    out.reserve(m_payloadBytes);
    for (const ReceivedPacket &packet : m_packets) {
        if (type < 0 || packet.header.type == type) {
            out += packet.payload;
        }
    }
    return out;
}

QList<quint32> PacketCollector::sizes() const
{
    QList<quint32> out;
    for (const ReceivedPacket &packet : m_packets) {
        out.append(packet.header.size);
    }
    return out;
}

} // namespace d4::test
