// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QHash>
#include <QObject>
#include <QTcpServer>

#include "api/httprequest.h"
#include "api/lookuprequest.h"
#include "api/lookupsettings.h"

class QTcpSocket;

namespace d4::passivedns {
class PdnsReader;
}

namespace d4::api {

/** An HTTP response of the lookup server. */
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(qMakePair(name, value));
    }
    QByteArray serialise(bool keepAlive, bool headOnly) const;
};

/**
 * The COF lookup server (docs/passive-dns.md "Lookup API"): HTTP/1.1 with keep-alive on a QTcpServer,
 * answering from the PDNS Redis through PdnsReader. It lives on one thread (LookupService gives it
 * its own) and answers requests one after the other; each answer is a few pipelined Redis round
 * trips. Malformed requests get 400 with the reason in the body, a Redis outage 503; never 500.
 */
class LookupServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LookupServer)

public:
    explicit LookupServer(LookupSettings settings, QObject *parent = nullptr);
    ~LookupServer() override;

    bool listen(QString &error);
    quint16 port() const { return m_server.serverPort(); }

    /** Answers one request (also used directly by tests and the benchmark). */
    HttpResponse handle(const HttpRequest &request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    bool authorised(const HttpRequest &request, const QByteArray &endpoint) const;
    HttpResponse lookup(const LookupRequest &request);
    HttpResponse info();
    static HttpResponse error(int status, const QByteArray &reason);

    LookupSettings m_settings;
    QTcpServer m_server;
    std::unique_ptr<passivedns::PdnsReader> m_reader;
    QHash<QTcpSocket *, HttpRequestParser> m_parsers;
};

} // namespace d4::api
