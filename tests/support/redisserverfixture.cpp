// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "redisserverfixture.h"

#include <algorithm>
#include <vector>

#include <hiredis/hiredis.h>

#include <QDeadlineTimer>
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

RedisReply convert(const redisReply *reply)
{
    RedisReply out;
    if (!reply) {
        out.kind = RedisReply::Kind::Error;
        out.string = "no reply";
        return out;
    }
    switch (reply->type) {
    case REDIS_REPLY_STATUS:
        out.kind = RedisReply::Kind::Status;
        out.string = QByteArray(reply->str, static_cast<qsizetype>(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        out.kind = RedisReply::Kind::Error;
        out.string = QByteArray(reply->str, static_cast<qsizetype>(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        out.kind = RedisReply::Kind::Integer;
        out.integer = reply->integer;
        break;
    case REDIS_REPLY_STRING:
        out.kind = RedisReply::Kind::String;
        out.string = QByteArray(reply->str, static_cast<qsizetype>(reply->len));
        break;
    case REDIS_REPLY_ARRAY:
        out.kind = RedisReply::Kind::Array;
        for (size_t i = 0; i < reply->elements; ++i) {
            out.elements.append(convert(reply->element[i]));
        }
        break;
    default:
        out.kind = RedisReply::Kind::Nil;
        break;
    }
    return out;
}

} // namespace

QByteArrayList RedisReply::sortedStrings() const
{
    QByteArrayList list;
    for (const RedisReply &element : elements) {
        list.append(element.string);
    }
    std::sort(list.begin(), list.end());
    return list;
}

void RedisServerFixture::ContextDeleter::operator()(redisContext *context) const
{
    redisFree(context);
}

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
    const QString program = findProgram(QStringLiteral("redis-server"));
    if (program.isEmpty()) {
        m_error = QStringLiteral("redis-server is not installed; run scripts/install-deps.sh");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    // A port picked by the kernel can be taken again before redis binds it: retry a few times.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = pickFreePort();
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
            return false;
        }
        if (waitUntilReady()) {
            return true;
        }
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    m_error = QStringLiteral("redis-server did not answer PING: ") + QString::fromLocal8Bit(m_process.readAll());
    return false;
}

bool RedisServerFixture::waitUntilReady()
{
    const QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            return false;
        }
        m_context.reset();
        m_contextDb = -1;
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
    m_context.reset();
    m_contextDb = -1;
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
    m_context.reset();
    m_contextDb = -1;
    m_process.kill();
    m_process.waitForFinished(2000);
}

bool RedisServerFixture::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

redisContext *RedisServerFixture::connection(int db)
{
    if (m_context && (m_context->err != 0)) {
        m_context.reset();
    }
    if (!m_context) {
        const timeval timeout{2, 0};
        m_context.reset(redisConnectWithTimeout("127.0.0.1", m_port, timeout));
        m_contextDb = 0;
        if (!m_context || m_context->err != 0) {
            m_context.reset();
            return nullptr;
        }
    }
    if (m_contextDb != db) {
        auto *reply = static_cast<redisReply *>(redisCommand(m_context.get(), "SELECT %d", db));
        freeReplyObject(reply);
        m_contextDb = db;
    }
    return m_context.get();
}

RedisReply RedisServerFixture::command(const QByteArrayList &arguments, int db)
{
    redisContext *context = connection(db);
    if (!context) {
        RedisReply error;
        error.kind = RedisReply::Kind::Error;
        error.string = "cannot connect";
        return error;
    }
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(static_cast<size_t>(argument.size()));
    }
    auto *reply = static_cast<redisReply *>(
        redisCommandArgv(context, static_cast<int>(argv.size()), argv.data(), lengths.data()));
    RedisReply out = convert(reply);
    freeReplyObject(reply);
    return out;
}

} // namespace d4::test
