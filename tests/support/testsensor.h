// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <string_view>

#include <QByteArray>
#include <QSslSocket>

#include "protocol/d4header.h"
#include "protocol/packetencoder.h"

namespace d4::test {

/**
 * A scripted D4 sensor for tests: a blocking TLS connection (certificate not verified) that
 * writes packets built per spec §1, or raw bytes, and can tell whether the server closed it.
 */
class TestSensor final
{
public:
    TestSensor(const protocol::Uuid &uuid, std::uint8_t type, std::string_view key = "private key to change");

    bool connectTo(quint16 port, const QString &host = QStringLiteral("127.0.0.1"));
    /** One signed packet with @p payload (timestamp 1700000000 unless given). */
    QByteArray packet(const QByteArray &payload, std::uint64_t timestamp = 1700000000);
    bool send(const QByteArray &payload) { return writeRaw(packet(payload)); }
    bool writeRaw(const QByteArray &bytes);
    /** True when the server closes the connection within @p timeoutMs. */
    bool waitForClose(int timeoutMs = 3000);
    bool isConnected() const;
    void setType(std::uint8_t type) { m_encoder.setType(type); }
    void close();

    QByteArray uuidHex() const;

private:
    protocol::PacketEncoder m_encoder;
    std::unique_ptr<QSslSocket> m_socket;
};

} // namespace d4::test
