// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// What docs/security.md promises about the ingest listener, checked against the real d4-server:
// TLS 1.2 or newer only (with the openssl command-line client), secrets never in the log even at
// debug level, and a Redis that refuses us is a clear error.

#include <QProcess>
#include <QTest>

#include "d4serverprocess.h"
#include "protocol/uuid.h"
#include "redisserverfixture.h"
#include "testenvironment.h"
#include "testsensor.h"

using namespace d4::test;

namespace {

/** `openssl s_client` against @p port with @p versionFlag; returns its exit code and output. */
int tlsHandshake(const QString &openssl, quint16 port, const QString &versionFlag, QByteArray &output)
{
    QProcess client;
    client.start(openssl, {QStringLiteral("s_client"), QStringLiteral("-connect"),
                           QStringLiteral("127.0.0.1:%1").arg(port), versionFlag, QStringLiteral("-brief")});
    client.waitForStarted(5000);
    client.closeWriteChannel(); // end of input: s_client closes after the handshake
    client.waitForFinished(15000);
    output = client.readAllStandardOutput() + client.readAllStandardError();
    return client.exitStatus() == QProcess::NormalExit ? client.exitCode() : -1;
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    void tlsOneTwoOrNewerOnly()
    {
        D4_REQUIRE_PROGRAM(openssl, "openssl");
        D4ServerProcess server;
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        QByteArray output;
        QVERIFY2(tlsHandshake(openssl, server.port(), QStringLiteral("-tls1_2"), output) == 0,
                 output.constData());
        QVERIFY2(output.contains("Protocol version: TLSv1.2"), output.constData());
        QVERIFY2(tlsHandshake(openssl, server.port(), QStringLiteral("-tls1_3"), output) == 0,
                 output.constData());
        QVERIFY2(output.contains("Protocol version: TLSv1.3"), output.constData());
        // TLS 1.1 and 1.0 are refused by the server (and also disabled by OpenSSL 3's default
        // security level on the client side; either way no session is established).
        for (const QString &flag : {QStringLiteral("-tls1_1"), QStringLiteral("-tls1")}) {
            QVERIFY(tlsHandshake(openssl, server.port(), flag, output) != 0);
            QVERIFY2(!output.contains("Protocol version: TLSv1"), output.constData());
        }
        QVERIFY(server.stop());
    }

    // HMAC keys and Redis passwords reach neither the log (debug level included) nor the
    // command-line output, whatever the sensors do.
    void secretsNeverLogged()
    {
        const QByteArray password = "redis-password-5f0c1e";
        const QByteArray defaultKey = "default-hmac-key-93ab17";
        const QByteArray sensorKey = "sensor-hmac-key-2c8d44";
        // The fixture's connections (one per database) are made before the password is set.
        QVERIFY(!m_redis.command({"PING"}, D4ServerProcess::kStreamDb).isError());
        QCOMPARE(m_redis.command({"CONFIG", "SET", "requirepass", password}).string, QByteArray("OK"));
        D4ServerProcess server;
        server.setRedisPassword(QString::fromLatin1(password));
        server.setServerOptions(
            QStringLiteral("server_mode = shared-secret\nworkers = yes\ndefault_hmac_key = ") +
            QString::fromLatin1(defaultKey) + QLatin1Char('\n'));
        server.setExtraArguments({QStringLiteral("--verbose")});
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));

        // A sensor with the default key, one with its own key, one with a wrong key.
        const auto own = d4::protocol::generateUuidV4();
        const QByteArray ownHex = QByteArray::fromStdString(d4::protocol::uuidToHex(own));
        QCOMPARE(m_redis.command({"HSET", "metadata_uuid:" + ownHex, "hmac_key", sensorKey}).integer, 1LL);
        TestSensor good(d4::protocol::generateUuidV4(), 8, defaultKey.toStdString());
        TestSensor mine(own, 8, sensorKey.toStdString());
        TestSensor wrong(d4::protocol::generateUuidV4(), 8, "not the key");
        for (TestSensor *sensor : {&good, &mine, &wrong}) {
            QVERIFY(sensor->connectTo(server.port()));
            QVERIFY(sensor->send("1700000000||a||b||IN||example.com.||A||192.0.2.1||300||1\n"));
        }
        QVERIFY(wrong.waitForClose(5000));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_redis.command({"SCARD", "session_uuid:8"}, D4ServerProcess::kStreamDb).integer, 2LL, 5000);
        good.close();
        mine.close();
        QVERIFY(server.stop());
        const QByteArray log = server.output();
        QVERIFY2(log.contains("DEBUG"), "the log was not at debug level");
        for (const QByteArray &secret : {password, defaultKey, sensorKey}) {
            QVERIFY2(!log.contains(secret), secret.constData());
        }
    }

    // A Redis that refuses the password, or is not there: exit status 1 and a message that says so.
    void redisRefusal()
    {
        QCOMPARE(m_redis.command({"CONFIG", "SET", "requirepass", "the-right-one"}).string, QByteArray("OK"));
        D4ServerProcess wrongPassword;
        wrongPassword.setRedisPassword(QStringLiteral("a-wrong-one"));
        QVERIFY(!wrongPassword.start(m_redis));
        QVERIFY2(wrongPassword.errorString().contains(QStringLiteral("WRONGPASS")) ||
                     wrongPassword.errorString().contains(QStringLiteral("invalid password")),
                 qPrintable(wrongPassword.errorString()));
        QVERIFY(!wrongPassword.errorString().contains(QStringLiteral("a-wrong-one")));

        m_redis.stop();
        D4ServerProcess noRedis;
        QVERIFY(!noRedis.start(m_redis));
        QVERIFY2(noRedis.errorString().contains(QStringLiteral("Connection refused")),
                 qPrintable(noRedis.errorString()));
    }

private:
    RedisServerFixture m_redis;
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
