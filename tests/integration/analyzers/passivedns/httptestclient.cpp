// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "httptestclient.h"

#include <QElapsedTimer>
#include <QTcpSocket>

namespace d4::test {

QByteArray HttpTestResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QByteArrayList HttpTestResponse::lines() const
{
    QByteArrayList result = body.split('\n');
    if (!result.isEmpty() && result.last().isEmpty()) {
        result.removeLast();
    }
    return result;
}

HttpTestResponse HttpTestClient::get(const QByteArray &target,
                                     const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers) {
        request += name + ": " + value + "\r\n";
    }
    return raw(request + "\r\n");
}

HttpTestResponse HttpTestClient::raw(const QByteArray &raw)
{
    HttpTestResponse response;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    if (!socket.waitForConnected(3000)) {
        return response;
    }
    socket.write(raw);
    socket.waitForBytesWritten(3000);
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    qsizetype headEnd = -1;
    qsizetype length = -1;
    while (timer.elapsed() < 10000) {
        if (headEnd < 0) {
            headEnd = data.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                const QList<QByteArray> lines = data.left(headEnd).split('\n');
                const QList<QByteArray> status = lines.first().trimmed().split(' ');
                response.status = status.size() >= 2 ? status[1].toInt() : 0;
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        response.headers.append({lines[i].left(colon), lines[i].mid(colon + 1).trimmed()});
                    }
                }
                length = response.header("content-length").toLongLong();
            }
        }
        if (headEnd >= 0 && data.size() >= headEnd + 4 + length) {
            response.body = data.mid(headEnd + 4, length);
            return response;
        }
        if (!socket.waitForReadyRead(200) && socket.state() != QAbstractSocket::ConnectedState) {
            data += socket.readAll();
            if (headEnd < 0 && data.indexOf("\r\n\r\n") < 0) {
                break;
            }
            continue;
        }
        data += socket.readAll();
    }
    if (headEnd < 0) {
        response.status = 0;
    }
    return response;
}

} // namespace d4::test
