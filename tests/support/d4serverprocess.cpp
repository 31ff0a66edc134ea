// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "d4serverprocess.h"

#include <QDeadlineTimer>
#include <QFile>

#include "redisserverfixture.h"
#include "testenvironment.h"

namespace d4::test {

D4ServerProcess::D4ServerProcess() = default;

D4ServerProcess::~D4ServerProcess()
{
    kill();
}

bool D4ServerProcess::start(const RedisServerFixture &redis)
{
    auto section = [&](const char *name, int db) -> QString {
        const QString password =
            m_redisPassword.isEmpty() ? QString() : QStringLiteral("password = %1\n").arg(m_redisPassword);
        return QStringLiteral("[%1]\nhost = 127.0.0.1\nport = %2\ndb = %3\n")
                   .arg(QLatin1String(name))
                   .arg(redis.port())
                   .arg(db) +
               password;
    };
    return launch(section("Redis_STREAM", kStreamDb) + section("Redis_METADATA", kMetadataDb) +
                  section("Redis_ANALYZER", kAnalyzerDb));
}

bool D4ServerProcess::startManaged()
{
    return launch(QString());
}

bool D4ServerProcess::launch(const QString &redisSections)
{
    const QString config = m_dir.filePath(QStringLiteral("server.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    file.write(
        (QStringLiteral("[D4_Server]\n") + m_serverOptions + QLatin1Char('\n') + redisSections).toUtf8());
    file.close();
    m_process.setProgram(builtExecutable(QStringLiteral("d4-server")));
    m_process.setArguments(QStringList{QStringLiteral("--config"), config, QStringLiteral("--port"),
                                       QStringLiteral("0"), QStringLiteral("--data-dir"), dataDirectory()} +
                           m_extraArguments);
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start d4-server: ") + m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000);
    QByteArray out;
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        out += m_process.readAllStandardOutput();
        const qsizetype at = out.indexOf("listening on port ");
        if (at >= 0 && out.indexOf('\n', at) > 0) {
            const QList<QByteArray> words = out.mid(at).split('\n').first().split(' ');
            m_port = static_cast<quint16>(words.value(3).toUInt());
            m_fingerprint = QString::fromLatin1(words.value(5));
            return m_port != 0;
        }
    }
    m_error = QStringLiteral("d4-server did not start: ") +
              QString::fromUtf8(out + m_process.readAllStandardError());
    return false;
}

bool D4ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        return true;
    }
    m_process.terminate();
    const bool finished = m_process.waitForFinished(15000);
    output();
    const bool clean =
        finished && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    if (!clean) {
        // The end of the log says why (a sanitizer report, a failed flush); tests only see false.
        qWarning("d4-server did not stop cleanly (exit code %d); end of its output:\n%s",
                 m_process.exitCode(), m_output.right(4000).constData());
    }
    return clean;
}

void D4ServerProcess::requestStop()
{
    m_stopRequested.start();
    m_process.terminate();
}

bool D4ServerProcess::waitForExit(int timeoutMs)
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.waitForFinished(timeoutMs);
    }
    if (m_process.state() != QProcess::NotRunning) {
        return false;
    }
    output();
    return true;
}

void D4ServerProcess::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace d4::test
