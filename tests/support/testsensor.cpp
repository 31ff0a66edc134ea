// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "testsensor.h"

#include <vector>

#include <QDeadlineTimer>

#include "protocol/uuid.h"

namespace d4::test {

TestSensor::TestSensor(const protocol::Uuid &uuid, std::uint8_t type, std::string_view key)
    : m_encoder(uuid, type, key)
{
}

QByteArray TestSensor::uuidHex() const
{
    return QByteArray::fromStdString(protocol::uuidToHex(m_encoder.uuid()));
}

bool TestSensor::connectTo(quint16 port, const QString &host)
{
    m_socket = std::make_unique<QSslSocket>();
    m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket->connectToHostEncrypted(host, port);
    return m_socket->waitForEncrypted(5000);
}

QByteArray TestSensor::packet(const QByteArray &payload, std::uint64_t timestamp)
{
    std::vector<std::uint8_t> bytes;
    m_encoder.appendPacket(bytes,
                           std::span(reinterpret_cast<const std::uint8_t *>(payload.constData()),
                                     static_cast<std::size_t>(payload.size())),
                           timestamp);
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

bool TestSensor::writeRaw(const QByteArray &bytes)
{
    if (!isConnected()) {
        return false;
    }
    m_socket->write(bytes);
    const QDeadlineTimer deadline(5000);
    while (m_socket->encryptedBytesToWrite() > 0 || m_socket->bytesToWrite() > 0) {
        if (deadline.hasExpired() || !m_socket->waitForBytesWritten(100)) {
            if (m_socket->state() != QAbstractSocket::ConnectedState) {
                return false;
            }
        }
        if (deadline.hasExpired()) {
            return false;
        }
    }
    return true;
}

bool TestSensor::waitForClose(int timeoutMs)
{
    if (!m_socket || m_socket->state() == QAbstractSocket::UnconnectedState) {
        return true;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_socket->waitForDisconnected(50) || m_socket->state() == QAbstractSocket::UnconnectedState) {
            return true;
        }
        m_socket->waitForReadyRead(50);
        m_socket->readAll();
    }
    return m_socket->state() == QAbstractSocket::UnconnectedState;
}

bool TestSensor::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void TestSensor::close()
{
    if (m_socket) {
        m_socket->disconnectFromHost();
        if (m_socket->state() != QAbstractSocket::UnconnectedState) {
            m_socket->waitForDisconnected(2000);
        }
    }
}

} // namespace d4::test
