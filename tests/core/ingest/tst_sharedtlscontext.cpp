// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// SharedTlsContext over real TLS on loopback: the first server socket's context is kept, the next
// ones use it (the Qt private API behaves as the ingest threads rely on), and every handshake
// still succeeds with the server's TLS 1.2+ configuration.

#include <memory>
#include <vector>

#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "ingest/certificatestore.h"
#include "ingest/sharedtlscontext.h"

using d4::ingest::CertificateStore;
using d4::ingest::SharedTlsContext;

namespace {

/** Keeps accepted descriptors, as IngestServer hands them to its ingest threads. */
class DescriptorServer final : public QTcpServer
{
public:
    QList<qintptr> accepted;

protected:
    void incomingConnection(qintptr descriptor) override { accepted.append(descriptor); }
};

} // namespace

class TestSharedTlsContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionsShareTheFirstContext()
    {
        QTemporaryDir dir;
        QString error;
        const auto identity = CertificateStore::loadOrCreate(QString(), QString(), dir.path(), error);
        QVERIFY2(identity, qPrintable(error));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(identity->certificate);
        tls.setPrivateKey(identity->privateKey);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.setCaCertificates({});
        tls.setSslOption(QSsl::SslOptionDisableSessionSharing, true);
        tls.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);

        DescriptorServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        SharedTlsContext shared;
        std::vector<std::unique_ptr<QSslSocket>> servers;
        std::vector<std::unique_ptr<QSslSocket>> clients;
        constexpr int kConnections = 4;
        for (int i = 0; i < kConnections; ++i) {
            auto client = std::make_unique<QSslSocket>();
            client->setPeerVerifyMode(QSslSocket::VerifyNone);
            client->connectToHostEncrypted(QStringLiteral("127.0.0.1"), listener.serverPort());
            QTRY_COMPARE_WITH_TIMEOUT(listener.accepted.size(), 1, 5000);
            auto server = std::make_unique<QSslSocket>();
            QVERIFY(server->setSocketDescriptor(listener.accepted.takeFirst()));
            server->setSslConfiguration(tls);
            shared.startServerEncryption(*server);
            QVERIFY(shared.isUsedBy(*server)); // the first one's context is kept; the next ones use it
            QSignalSpy encrypted(client.get(), &QSslSocket::encrypted);
            QVERIFY2(encrypted.wait(5000) || client->isEncrypted(), qPrintable(client->errorString()));
            QTRY_VERIFY_WITH_TIMEOUT(server->isEncrypted(), 5000);
            QVERIFY(client->sessionProtocol() >= QSsl::TlsV1_2);
            // The connection carries data both ways.
            client->write("ping");
            QByteArray received;
            QTRY_COMPARE_WITH_TIMEOUT(received += server->readAll(), QByteArray("ping"), 5000);
            servers.push_back(std::move(server));
            clients.push_back(std::move(client));
        }
        // A socket that was given nothing does not use it.
        QSslSocket other;
        QVERIFY(!shared.isUsedBy(other));
    }
};

QTEST_GUILESS_MAIN(TestSharedTlsContext)
#include "tst_sharedtlscontext.moc"
