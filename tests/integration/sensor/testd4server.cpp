// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "testd4server.h"

#include <algorithm>

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

#include "testcertificate.h"

namespace d4::test {

TestD4Server::TestD4Server(const TestCertificate &certificate, const QByteArray &key)
    : m_key(key)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificate.certificatePem, QSsl::Pem));
    configuration.setPrivateKey(QSslKey(certificate.privateKeyPem, QSsl::Ec, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_server.setSslConfiguration(configuration);
    // Qt versions differ in which of the two signals follows a finished handshake; take either.
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &TestD4Server::acceptPending);
    connect(&m_server, &QTcpServer::newConnection, this, &TestD4Server::acceptPending);
}

TestD4Server::~TestD4Server()
{
    for (QSslSocket *socket : std::as_const(m_sockets)) {
        socket->abort();
    }
}

bool TestD4Server::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port)) {
        return false;
    }
    m_port = m_server.serverPort();
    return true;
}

void TestD4Server::acceptPending()
{
    while (m_server.hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection());
        if (!socket) {
            continue;
        }
        const std::size_t index = m_collectors.size();
        m_collectors.push_back(std::make_unique<PacketCollector>(m_key));
        m_received.push_back(0);
        m_connectionSockets.emplace_back(socket);
        PacketCollector *collector = m_collectors.back().get();
        m_sockets.append(socket);
        const qsizetype limit = index == 0 ? m_readLimit : 0;
        if (limit > 0) {
            socket->setReadBufferSize(64 * 1024); // Qt stops reading the kernel buffer too
        }
        const auto readAll = [this, socket, collector, index, limit] {
            const QByteArray bytes =
                limit > 0 ? socket->read(qMax<qsizetype>(0, limit - m_received[index])) : socket->readAll();
            m_received[index] += bytes.size();
            collector->append(bytes);
        };
        connect(socket, &QIODevice::readyRead, this, readAll);
        // The sensor ends with close_notify and a FIN, then waits for us to close: do so.
        connect(socket, &QAbstractSocket::readChannelFinished, this,
                [socket] { socket->disconnectFromHost(); });
        connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
            m_sockets.removeAll(socket);
            socket->deleteLater();
        });
        readAll();
    }
}

void TestD4Server::stop()
{
    m_server.close();
    for (QSslSocket *socket : std::as_const(m_sockets)) {
        socket->disconnectFromHost();
    }
}

void TestD4Server::abortConnection(int index)
{
    if (QSslSocket *socket = m_connectionSockets.at(static_cast<std::size_t>(index))) {
        socket->abort();
    }
}

int TestD4Server::openConnections() const
{
    return static_cast<int>(m_sockets.size());
}

QByteArray TestD4Server::payload(int type) const
{
    QByteArray out;
    for (const auto &collector : m_collectors) {
        out += collector->payload(type);
    }
    return out;
}

qsizetype TestD4Server::payloadBytes() const
{
    qsizetype total = 0;
    for (const auto &collector : m_collectors) {
        total += collector->payloadBytes();
    }
    return total;
}

bool TestD4Server::allClean() const
{
    return std::all_of(m_collectors.cbegin(), m_collectors.cend(),
                       [](const auto &c) { return c->isClean(); });
}

bool TestD4Server::allHmacsValid() const
{
    return std::all_of(m_collectors.cbegin(), m_collectors.cend(),
                       [](const auto &c) { return c->allHmacsValid(); });
}

} // namespace d4::test
