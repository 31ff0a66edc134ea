// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/sharedtlscontext.h"

#include <QSslSocket>
#include <QtNetwork/private/qsslsocket_p.h>

namespace d4::ingest {

SharedTlsContext::SharedTlsContext() = default;
SharedTlsContext::~SharedTlsContext() = default;

void SharedTlsContext::startServerEncryption(QSslSocket &socket)
{
    if (m_context) {
        QSslSocketPrivate::checkSettingSslContext(&socket, m_context);
    }
    socket.startServerEncryption();
    if (!m_context) {
        m_context = QSslSocketPrivate::sslContext(&socket);
    }
}

bool SharedTlsContext::isUsedBy(QSslSocket &socket) const
{
    return m_context && QSslSocketPrivate::sslContext(&socket) == m_context;
}

} // namespace d4::ingest
