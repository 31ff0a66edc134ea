// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <vector>

#include <QObject>
#include <QPointer>
#include <QSslServer>

#include "packetcollector.h"

class QSslSocket;

namespace d4::test {

struct TestCertificate;

/**
 * A minimal D4 server for tests: TLS on 127.0.0.1, one PacketCollector per accepted connection
 * (in order), so tests can check what arrived on which connection. Runs in the test thread's
 * event loop: wait with QTRY_* or QSignalSpy, not with blocking calls.
 */
class TestD4Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestD4Server)

public:
    TestD4Server(const TestCertificate &certificate, const QByteArray &key);
    ~TestD4Server() override;

    /** Listens on 127.0.0.1:@p port (0: any free port). */
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }

    /** Stops listening and closes every connection cleanly (TLS close_notify, then FIN). */
    void stop();

    /**
     * The first connection stops reading once it has received @p bytes (0: no limit), so the
     * sender's writes block with its socket buffers full, as with a stalled server.
     */
    void setFirstConnectionReadLimit(qsizetype bytes) { m_readLimit = bytes; }
    /** Raw bytes read from connection @p index. */
    qsizetype receivedBytes(int index) const { return m_received.at(static_cast<std::size_t>(index)); }
    /** Resets connection @p index (unread data makes it a TCP RST), as a server that drops a client. */
    void abortConnection(int index);

    int connectionCount() const { return static_cast<int>(m_collectors.size()); }
    int openConnections() const;
    const PacketCollector &connection(int index) const
    {
        return *m_collectors.at(static_cast<std::size_t>(index));
    }

    /** Payload of every connection, in connection order. */
    QByteArray payload(int type = -1) const;
    qsizetype payloadBytes() const;
    bool allClean() const;
    bool allHmacsValid() const;

private:
    void acceptPending();

    QSslServer m_server;
    QByteArray m_key;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<PacketCollector>> m_collectors;
    std::vector<qsizetype> m_received;
    std::vector<QPointer<QSslSocket>> m_connectionSockets;
    QList<QSslSocket *> m_sockets;
    qsizetype m_readLimit = 0;
};

} // namespace d4::test
