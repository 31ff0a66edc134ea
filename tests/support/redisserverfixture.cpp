// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "redisserverfixture.h"

#include <csignal>

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QTcpServer>
#include <QThread>

#include "testenvironment.h"

namespace d4::test {

namespace {

int pickFreePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    return probe.serverPort();
}

} // namespace

RedisServerFixture::RedisServerFixture() = default;

RedisServerFixture::~RedisServerFixture()
{
    stop();
}

QString RedisServerFixture::unixSocketPath() const
{
    return m_dir.filePath(QStringLiteral("redis.sock"));
}

bool RedisServerFixture::start()
{
    // A port picked by the kernel can be taken again before redis binds it: retry a few times.
    for (int attempt = 0; attempt < 5; ++attempt) {
        switch (launch(pickFreePort())) {
        case Launch::Ready:
            return true;
        case Launch::Failed:
            return false;
        case Launch::NoAnswer:
            break;
        }
    }
    m_error =
        QStringLiteral("redis-server did not answer PING: ") + QString::fromLocal8Bit(m_process.readAll());
    return false;
}

bool RedisServerFixture::restart()
{
    stop();
    // The port was just released by the same process; give the kernel a moment if it is slow to.
    for (int attempt = 0; attempt < 5; ++attempt) {
        switch (launch(m_port)) {
        case Launch::Ready:
            return true;
        case Launch::Failed:
            return false;
        case Launch::NoAnswer:
            QThread::msleep(200);
            break;
        }
    }
    m_error = QStringLiteral("redis-server did not start again on port %1").arg(m_port);
    return false;
}

RedisServerFixture::Launch RedisServerFixture::launch(int port)
{
    // D4_TEST_REDIS_SERVER runs the tests against another server of the Redis protocol (a path or a
    // program name, e.g. valkey-server); docs/passive-dns.md "Other Redis servers".
    const QString wanted = qEnvironmentVariable("D4_TEST_REDIS_SERVER", QStringLiteral("redis-server"));
    const QString program = wanted.contains(QLatin1Char('/')) ? wanted : findProgram(wanted);
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        m_error = QStringLiteral("%1 is not installed; run scripts/install-deps.sh").arg(wanted);
        return Launch::Failed;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return Launch::Failed;
    }
    m_port = port;
    m_process.setProgram(program);
    m_process.setArguments({QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                            QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), m_dir.path(),
                            QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                            QStringLiteral("no"), QStringLiteral("--unixsocket"), unixSocketPath(),
                            QStringLiteral("--unixsocketperm"), QStringLiteral("700"),
                            QStringLiteral("--daemonize"), QStringLiteral("no"), QStringLiteral("--loglevel"),
                            QStringLiteral("warning")});
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("redis-server did not start: ") + m_process.errorString();
        return Launch::Failed;
    }
    if (waitUntilReady()) {
        return Launch::Ready;
    }
    m_process.kill();
    m_process.waitForFinished(2000);
    return Launch::NoAnswer;
}

bool RedisServerFixture::waitUntilReady()
{
    const QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            return false;
        }
        m_clients.clear();
        const RedisReply pong = command({"PING"});
        if (pong.kind == RedisReply::Kind::Status && pong.string == "PONG") {
            return true;
        }
        QThread::msleep(20);
    }
    return false;
}

void RedisServerFixture::stop()
{
    m_clients.clear();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

void RedisServerFixture::kill()
{
    m_clients.clear();
    m_process.kill();
    m_process.waitForFinished(2000);
}

void RedisServerFixture::pause()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGSTOP);
}

void RedisServerFixture::resume()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT);
}

bool RedisServerFixture::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

d4::store::RedisEndpoint RedisServerFixture::endpoint(int db) const
{
    d4::store::RedisEndpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = m_port;
    endpoint.db = db;
    return endpoint;
}

RedisReply RedisServerFixture::command(const QByteArrayList &arguments, int db)
{
    auto &client = m_clients[db];
    if (!client) {
        client = std::make_unique<d4::store::RedisSyncClient>(endpoint(db));
    }
    return client->command(arguments);
}

} // namespace d4::test
