// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// One data directory, one server: a second d4-server on a directory in use refuses to start (its
// managed redis-server would share the first one's socket and append-only file); a d4-server killed
// with SIGKILL takes its managed redis-server with it, and the next start on that directory works
// and finds the data; a redis-server still running there from an earlier run is stopped first (one
// that will not stop makes the start fail; a reused pid of another process is left alone).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include "d4serverprocess.h"
#include "store/redissyncclient.h"
#include "testenvironment.h"

using namespace d4::test;

namespace {

/** Whether process @p pid has ended: gone, or a zombie its parent has not collected yet. */
bool processEnded(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return true;
    }
    const QByteArray line = stat.readAll();
    const qsizetype state = line.lastIndexOf(')') + 2;
    return state >= 2 && state < line.size() && line.at(state) == 'Z';
}

qint64 redisPid(const D4ServerProcess &server)
{
    QFile file(QDir(server.dataDirectory()).filePath(QStringLiteral("redis/redis.pid")));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

bool writePidFile(const QString &directory, qint64 pid)
{
    QFile file(QDir(directory).filePath(QStringLiteral("redis.pid")));
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray::number(pid) + '\n') > 0;
}

QByteArray commandLineOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

d4::store::RedisSyncClient managedRedis(const D4ServerProcess &server)
{
    d4::store::RedisEndpoint endpoint;
    endpoint.unixSocket = server.managedRedisSocket();
    endpoint.db = D4ServerProcess::kMetadataDb;
    return d4::store::RedisSyncClient(endpoint);
}

} // namespace

class TestDataDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondServerRefused()
    {
        D4ServerProcess first;
        QVERIFY2(first.startManaged(), qPrintable(first.errorString()));
        D4ServerProcess second;
        second.setDataDirectory(first.dataDirectory());
        QVERIFY(!second.startManaged());
        QVERIFY2(second.errorString().contains(QStringLiteral("the data directory %1 is in use by another D4 "
                                                              "server (d4-server, process %2 on ")
                                                   .arg(first.dataDirectory())
                                                   .arg(first.processId())),
                 qPrintable(second.errorString()));
        // The first one and its Redis are untouched.
        auto redis = managedRedis(first);
        QVERIFY2(redis.ping(), qPrintable(redis.errorString()));
        QVERIFY(first.stop());
        // Stopped cleanly: the lock is released and the directory can be used again.
        QVERIFY(!QFile::exists(QDir(first.dataDirectory()).filePath(QStringLiteral("d4-server.lock"))));
        QVERIFY2(second.startManaged(), qPrintable(second.errorString()));
        QVERIFY(second.stop());
    }

    void killedServerTakesItsRedisAlong()
    {
        D4ServerProcess first;
        QVERIFY2(first.startManaged(), qPrintable(first.errorString()));
        QVERIFY(!managedRedis(first).command({"SET", "written-before-the-kill", "1"}).isError());
        const qint64 pid = redisPid(first);
        QVERIFY(pid > 1);
        first.kill(); // SIGKILL: no clean stop, the lock file stays behind
        QTRY_VERIFY_WITH_TIMEOUT(processEnded(pid), 10000);

        D4ServerProcess next;
        next.setDataDirectory(first.dataDirectory());
        QVERIFY2(next.startManaged(), qPrintable(next.errorString()));
        QCOMPARE(managedRedis(next).command({"GET", "written-before-the-kill"}).string, QByteArray("1"));
        QVERIFY(!next.output().contains("left running")); // nothing was left to stop
        QVERIFY(next.stop());
    }

    void leftoverRedisStoppedFirst()
    {
        D4_REQUIRE_PROGRAM(redisServer, "redis-server");
        D4ServerProcess server;
        const QString directory = QDir(server.dataDirectory()).filePath(QStringLiteral("redis"));
        QVERIFY(QDir().mkpath(directory));
        // A redis-server on this directory that no server owns any more, as a crash could leave.
        QVERIFY(
            QProcess::execute(redisServer,
                              {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--unixsocket"),
                               server.managedRedisSocket(), QStringLiteral("--dir"), directory,
                               QStringLiteral("--appendonly"), QStringLiteral("yes"),
                               QStringLiteral("--pidfile"), directory + QStringLiteral("/redis.pid"),
                               QStringLiteral("--daemonize"), QStringLiteral("yes")}) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(redisPid(server) > 1 && managedRedis(server).ping(), 5000);
        const qint64 leftover = redisPid(server);
        QVERIFY(!managedRedis(server).command({"SET", "from-the-leftover", "kept"}).isError());

        QVERIFY2(server.startManaged(), qPrintable(server.errorString()));
        QVERIFY(processEnded(leftover));
        QVERIFY2(
            server.output().contains(QStringLiteral("a redis-server left running on %1 (process %2) by an "
                                                    "earlier run is stopped first")
                                         .arg(directory)
                                         .arg(leftover)
                                         .toUtf8()),
            server.output().constData());
        QVERIFY(redisPid(server) != leftover);
        QCOMPARE(managedRedis(server).command({"GET", "from-the-leftover"}).string, QByteArray("kept"));
        QVERIFY(server.stop());
    }

    // The pid file names a live process that is not this directory's redis-server (the pid was
    // reused): it is left alone and the server starts.
    void reusedPidLeftAlone()
    {
        D4_REQUIRE_PROGRAM(sleepProgram, "sleep");
        D4ServerProcess server;
        const QString directory = QDir(server.dataDirectory()).filePath(QStringLiteral("redis"));
        QVERIFY(QDir().mkpath(directory));
        QProcess other;
        other.start(sleepProgram, {QStringLiteral("60")});
        QVERIFY(other.waitForStarted());
        QVERIFY(writePidFile(directory, other.processId()));
        QVERIFY2(server.startManaged(), qPrintable(server.errorString()));
        QCOMPARE(other.state(), QProcess::Running);
        QVERIFY(!server.output().contains("left running"));
        QVERIFY(server.stop());
        other.kill();
        other.waitForFinished();
    }

    // A leftover that does not stop on SIGTERM: the start fails after the wait, with the process named.
    void leftoverThatWillNotStopRefused()
    {
        D4_REQUIRE_PROGRAM(bash, "bash");
        D4ServerProcess server;
        const QString directory = QDir(server.dataDirectory()).filePath(QStringLiteral("redis"));
        QVERIFY(QDir().mkpath(directory));
        // Its command line names this directory's socket, as a redis-server's title does.
        QProcess stubborn;
        stubborn.start(bash, {QStringLiteral("-c"),
                              QStringLiteral("trap '' TERM; exec -a 'redis-server unixsocket:%1' sleep 60")
                                  .arg(server.managedRedisSocket())});
        QVERIFY(stubborn.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            commandLineOf(stubborn.processId()).contains(server.managedRedisSocket().toUtf8()), 5000);
        QVERIFY(writePidFile(directory, stubborn.processId()));
        QVERIFY(!server.startManaged());
        QVERIFY(server.waitForExit(5000));
        const QByteArray expected = QStringLiteral("(process %1) did not stop; stop it and start again")
                                        .arg(stubborn.processId())
                                        .toUtf8();
        const QByteArray said = server.errorString().toUtf8() + server.output();
        QVERIFY2(said.contains(expected), said.constData());
        QCOMPARE(stubborn.state(), QProcess::Running);
        stubborn.kill();
        stubborn.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestDataDirectory)
#include "tst_datadirectory.moc"
