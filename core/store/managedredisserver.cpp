// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "store/managedredisserver.h"

#include <cerrno>
#include <csignal>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>

#include "store/redissyncclient.h"

#include <sys/prctl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcManagedRedis, "d4.redis.managed")

namespace d4::store {

namespace {

/** Whether process @p pid has ended (gone, or a zombie waiting for its parent). */
bool processEnded(pid_t pid)
{
    if (::kill(pid, 0) != 0 && errno == ESRCH) {
        return true;
    }
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return true;
    }
    const QByteArray line = stat.readAll();
    const qsizetype state = line.lastIndexOf(')') + 2; // "pid (comm) S ...": comm may contain spaces
    return state >= 2 && state < line.size() && line.at(state) == 'Z';
}

} // namespace

ManagedRedisServer::ManagedRedisServer(QString executable, QString dataDirectory, int tcpPort,
                                       QObject *parent)
    : QObject(parent)
    , m_executable(std::move(executable))
    , m_directory(QDir(dataDirectory).filePath(QStringLiteral("redis")))
    , m_tcpPort(tcpPort)
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, [this] {
        if (launch() && waitUntilReady(10000)) {
            ++m_restarts;
            qCWarning(lcManagedRedis) << "redis-server restarted";
            Q_EMIT restarted();
        } else {
            m_restartTimer.start(1000);
        }
    });
    connect(&m_process, &QProcess::finished, this, &ManagedRedisServer::onFinished);
}

ManagedRedisServer::~ManagedRedisServer()
{
    stop();
}

QString ManagedRedisServer::socketPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("redis.sock"));
}

RedisRoles ManagedRedisServer::roles() const
{
    RedisEndpoint base;
    base.unixSocket = socketPath();
    RedisRoles roles{base, base, base};
    roles.metadata.db = 0;
    roles.analyzer.db = 2;
    roles.stream.db = 4;
    return roles;
}

bool ManagedRedisServer::start(int timeoutMs)
{
    m_stopping = false;
    if (!QDir().mkpath(m_directory)) {
        m_error = QStringLiteral("cannot create %1").arg(m_directory);
        return false;
    }
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return stopLeftover() && launch() && waitUntilReady(timeoutMs);
}

QString ManagedRedisServer::pidFilePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("redis.pid"));
}

bool ManagedRedisServer::stopLeftover()
{
    QFile file(pidFilePath());
    if (!file.open(QIODevice::ReadOnly)) {
        return true; // none: the last one stopped cleanly (redis-server removes its pid file)
    }
    bool ok = false;
    const auto pid = static_cast<pid_t>(file.readAll().trimmed().toInt(&ok));
    if (!ok || pid <= 1 || pid == ::getpid()) {
        return true;
    }
    // Only a redis-server serving this directory's socket (its process title names it); a reused pid
    // of any other process is left alone.
    QFile commandLine(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!commandLine.open(QIODevice::ReadOnly) ||
        !commandLine.readAll().contains(QFile::encodeName(socketPath())) || processEnded(pid)) {
        return true;
    }
    qCWarning(lcManagedRedis).noquote()
        << QStringLiteral("a redis-server left running on %1 (process %2) by an earlier run is stopped first")
               .arg(m_directory)
               .arg(pid);
    ::kill(pid, SIGTERM); // it writes its files and exits
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (processEnded(pid)) {
            return true;
        }
        QThread::msleep(20);
    }
    m_error = QStringLiteral("a redis-server left running on %1 by an earlier run (process %2) did not stop; "
                             "stop it and start again")
                  .arg(m_directory)
                  .arg(pid);
    return false;
}

bool ManagedRedisServer::launch()
{
    QString program = QStandardPaths::findExecutable(m_executable);
    if (program.isEmpty()) {
        program = QStandardPaths::findExecutable(m_executable,
                                                 {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    }
    if (program.isEmpty()) {
        m_error =
            QStringLiteral("%1 not found: install the redis-server package or configure [Redis_*] sections")
                .arg(m_executable);
        return false;
    }
    QFile::remove(socketPath()); // a stale socket from a crash would make redis refuse to start
    m_process.setProgram(program);
    m_process.setWorkingDirectory(m_directory);
    m_process.setArguments({
        QStringLiteral("--port"), QString::number(m_tcpPort), QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1 -::1"), QStringLiteral("--unixsocket"), socketPath(),
        QStringLiteral("--unixsocketperm"), QStringLiteral("700"), QStringLiteral("--dir"), m_directory,
        QStringLiteral("--appendonly"), QStringLiteral("yes"),
        // "no": every acknowledged write has reached the AOF file through write(2) before Redis
        // replies, so a killed or crashed redis-server loses nothing we were told was stored.
        // "everysec" postpones that write() for up to 2 s while a background fsync runs, which
        // lost acknowledged stream entries when redis-server was killed under load. The kernel
        // still flushes the page cache on its own schedule (an OS crash can lose ~30 s).
        QStringLiteral("--appendfsync"), QStringLiteral("no"), QStringLiteral("--save"),
        QStringLiteral("900 1 60 1000"), QStringLiteral("--daemonize"), QStringLiteral("no"),
        QStringLiteral("--databases"), QStringLiteral("16"), QStringLiteral("--logfile"),
        QDir(m_directory).filePath(QStringLiteral("redis.log")), QStringLiteral("--pidfile"),
        pidFilePath(), // removed by redis-server on a clean exit; read by stopLeftover()
    });
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // When this process dies without stopping it (SIGKILL, a crash), the kernel sends redis-server
    // SIGTERM: it writes its files and exits instead of living on beside the next start. The signal
    // follows the thread that started the child, which is why this object keeps one thread.
    const pid_t parent = ::getpid();
    m_process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) {
            ::_exit(127); // the parent died before prctl(): no redis-server without an owner
        }
    });
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    return true;
}

bool ManagedRedisServer::waitUntilReady(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    RedisEndpoint endpoint;
    endpoint.unixSocket = socketPath();
    RedisSyncClient client(endpoint, 500);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("redis-server exited during start-up; see %1")
                          .arg(QDir(m_directory).filePath(QStringLiteral("redis.log")));
            return false;
        }
        if (client.ping()) {
            return true;
        }
        QThread::msleep(20);
    }
    m_error = QStringLiteral("redis-server did not answer within %1 ms").arg(timeoutMs);
    return false;
}

void ManagedRedisServer::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping) {
        return;
    }
    const QString reason = status == QProcess::CrashExit
                               ? QStringLiteral("crashed")
                               : QStringLiteral("exited with code %1").arg(exitCode);
    qCWarning(lcManagedRedis) << "redis-server" << reason << "- restarting";
    Q_EMIT crashed(reason);
    m_restartTimer.start(200);
}

void ManagedRedisServer::stop()
{
    m_stopping = true;
    m_restartTimer.stop();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate(); // redis saves and exits on SIGTERM
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

} // namespace d4::store
