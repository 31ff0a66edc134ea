// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "api/lookupserver.h"

#include <algorithm>

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QStringBuilder>
#include <QTcpSocket>

#include "analyzers/passivedns/lineparser.h"
#include "analyzers/passivedns/pdnsreader.h"
#include "analyzers/passivedns/rrtypes.h"
#include "api/cofformat.h"
#include "d4/version.h"

Q_LOGGING_CATEGORY(lcLookup, "d4.lookup")

namespace d4::api {

using passivedns::LineParser;
using passivedns::PdnsTuple;
using passivedns::RrTypes;

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

/** The canonical text of an IP literal, or empty when @p value is not one. */
QByteArray canonicalAddress(const QByteArray &value)
{
    if (value.isEmpty() || value.contains('*') || value.contains('/')) {
        return {};
    }
    const QHostAddress address(QString::fromLatin1(value));
    if (address.isNull() || !address.scopeId().isEmpty()) {
        return {};
    }
    return address.toString().toLatin1();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return difference == 0;
}

bool insideFences(const PdnsTuple &tuple, const LookupRequest &request)
{
    // DNSDB semantics: each fence is strict; "seen after X" = time_last_after, "seen before Y" =
    // time_first_before (overlap); time_first_after + time_last_before = entirely inside (strict).
    if (request.timeFirstBefore && !(tuple.first < *request.timeFirstBefore)) {
        return false;
    }
    if (request.timeFirstAfter && !(tuple.first > *request.timeFirstAfter)) {
        return false;
    }
    if (request.timeLastBefore && !(tuple.last < *request.timeLastBefore)) {
        return false;
    }
    if (request.timeLastAfter && !(tuple.last > *request.timeLastAfter)) {
        return false;
    }
    return true;
}

} // namespace

QByteArray HttpResponse::serialise(bool keepAlive, bool headOnly) const
{
    QByteArray out = "HTTP/1.1 " % QByteArray::number(status) % ' ' % reasonPhrase(status) % "\r\n";
    for (const auto &[name, value] : headers) {
        out += name % ": " % value % "\r\n";
    }
    out += "Content-Length: " % QByteArray::number(body.size()) % "\r\n";
    out += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n\r\n")
                     : QByteArrayLiteral("Connection: close\r\n\r\n");
    if (!headOnly) {
        out += body;
    }
    return out;
}

LookupServer::LookupServer(LookupSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_server(this) // a child, so that moveToThread() takes the listener (and its sockets) along
    , m_reader(std::make_unique<passivedns::PdnsReader>(m_settings.redis))
{
    connect(&m_server, &QTcpServer::newConnection, this, &LookupServer::onNewConnection);
}

LookupServer::~LookupServer()
{
    // The sockets are children of m_server and die with it, after m_parsers: detach their lambdas first.
    const QList<QTcpSocket *> sockets = m_parsers.keys();
    m_parsers.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
    }
    m_server.close();
}

bool LookupServer::listen(QString &error)
{
    const QHostAddress address(m_settings.host);
    if (address.isNull()) {
        error = QStringLiteral("lookup server: '%1' is not an IP address").arg(m_settings.host);
        return false;
    }
    if (!m_server.listen(address, static_cast<quint16>(m_settings.port))) {
        error = QStringLiteral("lookup server: cannot listen on %1 port %2: %3")
                    .arg(m_settings.host)
                    .arg(m_settings.port)
                    .arg(m_server.errorString());
        return false;
    }
    qCInfo(lcLookup).noquote() << "COF lookup server on" << m_settings.host << "port" << m_server.serverPort()
                               << (m_settings.token.isEmpty() ? "without token" : "with token");
    return true;
}

void LookupServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_parsers.insert(socket, HttpRequestParser());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_parsers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LookupServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_parsers.find(socket);
    if (it == m_parsers.end()) {
        return;
    }
    it->feed(socket->readAll());
    while (true) {
        HttpRequest request;
        const HttpRequestParser::State state = it->next(request);
        if (state == HttpRequestParser::State::NeedMore) {
            return;
        }
        if (state == HttpRequestParser::State::Error) {
            socket->write(error(it->errorStatus(), it->errorReason()).serialise(false, false));
            socket->disconnectFromHost();
            m_parsers.erase(it);
            return;
        }
        const HttpResponse response = handle(request);
        socket->write(response.serialise(request.keepAlive, request.method == "HEAD"));
        if (!request.keepAlive) {
            socket->disconnectFromHost();
            m_parsers.erase(it);
            return;
        }
    }
}

HttpResponse LookupServer::error(int status, const QByteArray &reason)
{
    HttpResponse response;
    response.status = status;
    response.addHeader("Content-Type", "application/json");
    response.body = QJsonDocument(QJsonObject{{QLatin1String("error"), QString::fromUtf8(reason)}})
                        .toJson(QJsonDocument::Compact) +
                    '\n';
    if (status == 401) {
        response.addHeader("WWW-Authenticate", "Bearer");
    }
    return response;
}

bool LookupServer::authorised(const HttpRequest &request, const QByteArray &endpoint) const
{
    if (m_settings.token.isEmpty() || !m_settings.tokenEndpoints.contains(endpoint)) {
        return true;
    }
    QByteArray given = request.header("x-api-key");
    const QByteArray authorization = request.header("authorization");
    if (authorization.startsWith("Bearer ") || authorization.startsWith("bearer ")) {
        given = authorization.mid(7).trimmed();
    }
    return constantTimeEquals(given, m_settings.token);
}

HttpResponse LookupServer::handle(const HttpRequest &request)
{
    const QByteArray path = request.target.left(
        request.target.indexOf('?') < 0 ? request.target.size() : request.target.indexOf('?'));
    const QByteArray endpoint = path.startsWith("/query/")    ? QByteArrayLiteral("query")
                                : path.startsWith("/fquery/") ? QByteArrayLiteral("fquery")
                                : path.startsWith("/info")    ? QByteArrayLiteral("info")
                                                              : QByteArray();
    if (!endpoint.isEmpty() && !authorised(request, endpoint)) {
        return error(401, "a valid token is required (Authorization: Bearer <token> or X-Api-Key)");
    }
    const LookupDecodeResult decoded = decodeLookup(request, QDateTime::currentSecsSinceEpoch());
    if (!decoded.request) {
        return error(decoded.status, decoded.reason);
    }
    if (decoded.request->endpoint == LookupRequest::Endpoint::Info) {
        return info();
    }
    return lookup(*decoded.request);
}

HttpResponse LookupServer::info()
{
    const auto stats = m_reader->stats();
    if (!stats) {
        return error(503, "the passive DNS store is not reachable");
    }
    QJsonArray sensors;
    for (const auto &[sensor, count] : stats->sensors) {
        sensors.append(QJsonObject{{QLatin1String("sensor_id"), QString::fromLatin1(sensor)},
                                   {QLatin1String("count"), count}});
    }
    QJsonObject object{
        {QLatin1String("version"), QStringLiteral(D4_VERSION_STRING)},
        {QLatin1String("software"), QStringLiteral("d4-console")},
        {QLatin1String("stats"), stats->processed},
        {QLatin1String("rejected"), stats->rejected},
        {QLatin1String("excluded"), stats->excluded},
        {QLatin1String("errors"), stats->errors},
        {QLatin1String("tuples"), stats->tuples},
        {QLatin1String("sensors"), sensors},
    };
    HttpResponse response;
    response.addHeader("Content-Type", "application/json");
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    return response;
}

HttpResponse LookupServer::lookup(const LookupRequest &request)
{
    std::optional<QList<PdnsTuple>> found;
    const QByteArray address = canonicalAddress(request.value);
    bool namesTruncated = false;
    if (!address.isEmpty()) {
        QList<int> types;
        for (const int type : {RrTypes::A, RrTypes::AAAA}) {
            if (request.types.isEmpty() || request.types.contains(type)) {
                types.append(type);
            }
        }
        found = types.isEmpty() ? QList<PdnsTuple>() : m_reader->byRdata({address}, types);
        if (found && request.compatD4) {
            // analyzer-d4-passivedns: every record of the names that pointed at the address.
            QByteArrayList names;
            for (const PdnsTuple &tuple : std::as_const(*found)) {
                if (!names.contains(tuple.rrname)) {
                    names.append(tuple.rrname);
                }
            }
            found = m_reader->byNames(names, request.types);
        }
    } else if (request.endpoint == LookupRequest::Endpoint::FQuery) {
        QByteArrayList forms{request.value};
        const QByteArray asName = LineParser::normaliseName(request.value);
        if (asName != request.value) {
            forms.append(asName);
        }
        found = m_reader->byRdata(forms, request.types);
    } else if (request.value.startsWith("*.")) {
        const QByteArray domain = LineParser::normaliseName(request.value.mid(2));
        if (domain.isEmpty() || domain.contains('*')) {
            return error(400, "a wildcard must be '*.' followed by a domain");
        }
        const auto names = m_reader->namesUnder(domain, m_settings.maxWildcardNames + 1);
        if (names) {
            QByteArrayList list = *names;
            if (list.size() > m_settings.maxWildcardNames) {
                namesTruncated = true;
                list.resize(m_settings.maxWildcardNames);
            }
            found = m_reader->byNames(list, request.types);
        }
    } else {
        if (request.value.contains('*')) {
            return error(400, "only a left-hand wildcard ('*.domain') is supported");
        }
        found = m_reader->byName(LineParser::normaliseName(request.value), request.types);
    }
    if (!found) {
        return error(503, "the passive DNS store is not reachable");
    }
    QList<PdnsTuple> matching;
    matching.reserve(found->size());
    for (PdnsTuple &tuple : *found) {
        if (insideFences(tuple, request)) {
            matching.append(std::move(tuple));
        }
    }
    std::sort(matching.begin(), matching.end());
    qsizetype start = 0;
    if (!request.cursor.isEmpty()) {
        const auto position = decodeCursor(request.cursor);
        if (!position) {
            return error(400, "malformed cursor");
        }
        PdnsTuple after;
        after.rrtype = position->rrtype;
        after.rrname = position->rrname;
        after.rdata = position->rdata;
        start = std::upper_bound(matching.cbegin(), matching.cend(), after) - matching.cbegin();
    }
    const qsizetype limit = request.limit > 0 ? request.limit : m_settings.defaultLimit;
    const qsizetype end = std::min(matching.size(), start + limit);
    HttpResponse response;
    response.addHeader("Content-Type", "application/x-ndjson");
    response.addHeader("X-Total-Count", QByteArray::number(matching.size()));
    CofFormat::WriteOptions options;
    options.origin = m_settings.origin;
    options.rdataArray = request.rdataArray;
    for (qsizetype i = start; i < end; ++i) {
        response.body += CofFormat::line(matching[i], options);
    }
    const bool more = end < matching.size();
    response.addHeader("X-Pagination-Required", more ? "true" : "false");
    if (more) {
        const PdnsTuple &last = matching[end - 1];
        const QByteArray cursor = encodeCursor(last.rrtype, last.rrname, last.rdata);
        response.addHeader("X-Next-Cursor", cursor);
        response.addHeader("x-dribble-cursor", cursor);
    }
    if (more || namesTruncated) {
        const QByteArray report =
            QJsonDocument(QJsonObject{{QLatin1String("truncated"), true},
                                      {QLatin1String("returned"), qint64(end - start)},
                                      {QLatin1String("total"), qint64(matching.size())},
                                      {QLatin1String("wildcard_names_truncated"), namesTruncated}})
                .toJson(QJsonDocument::Compact);
        response.addHeader("X-Truncated", "true");
        response.addHeader("x-dribble-errors", report);
    }
    return response;
}

} // namespace d4::api
