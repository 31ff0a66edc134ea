// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workertestbase.h"

#include <zlib.h>

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QThread>
#include <QUuid>

namespace d4::test {

QByteArray WorkerTestBase::addQueue(int type, qint64 maxSize)
{
    const QByteArray queue = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    meta({"HSET", "analyzer:" + queue, "type", QByteArray::number(type)});
    if (maxSize > 0) {
        meta({"HSET", "analyzer:" + queue, "max_size", QByteArray::number(maxSize)});
    }
    meta({"SADD", "analyzer:" + QByteArray::number(type), queue});
    meta({"SADD", "all_analyzer_queues", queue});
    return queue;
}

QByteArrayList WorkerTestBase::popAll(const QByteArray &list, qsizetype count, int timeoutMs)
{
    QByteArrayList items;
    const QDeadlineTimer deadline(timeoutMs);
    while (items.size() < count && !deadline.hasExpired()) {
        const RedisReply item = analyzer({"RPOP", list});
        if (item.isNil()) {
            QThread::msleep(10);
            continue;
        }
        items.append(item.string);
    }
    return items;
}

QByteArray WorkerTestBase::onlySession(int type)
{
    const QDeadlineTimer deadline(3000);
    while (!deadline.hasExpired()) {
        const RedisReply sessions = streams({"SMEMBERS", "session_uuid:" + QByteArray::number(type)});
        if (sessions.elements.size() == 1) {
            return sessions.elements[0].string;
        }
        QThread::msleep(10);
    }
    return {};
}

bool WorkerTestBase::waitSessionCleaned(int type, const QByteArray &session, int timeoutMs)
{
    if (session.isEmpty()) {
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (streams({"SISMEMBER", "session_uuid:" + QByteArray::number(type), session}).integer == 0 &&
            streams({"SISMEMBER", "ended_session", session}).integer == 0 &&
            streams({"SISMEMBER", "working_session_uuid:" + QByteArray::number(type), session}).integer ==
                0 &&
            streams({"EXISTS", "stream:" + QByteArray::number(type) + ':' + session}).integer == 0) {
            return true;
        }
        QThread::msleep(20);
    }
    return false;
}

QStringList WorkerTestBase::filesUnder(const QString &directory, const QString &pattern)
{
    QStringList files;
    QDirIterator it(directory, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(it.next());
    }
    files.sort();
    return files;
}

QStringList WorkerTestBase::waitForFiles(const QString &directory, const QString &pattern, qsizetype count,
                                         int timeoutMs)
{
    QStringList files;
    const QDeadlineTimer deadline(timeoutMs);
    while ((files = filesUnder(directory, pattern)).size() != count && !deadline.hasExpired()) {
        QTest::qWait(20);
    }
    return files;
}

QByteArray WorkerTestBase::gunzip(const QString &path)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!file) {
        return {};
    }
    QByteArray out;
    QByteArray buffer(65536, Qt::Uninitialized);
    int read = 0;
    while ((read = gzread(file, buffer.data(), unsigned(buffer.size()))) > 0) {
        out.append(buffer.constData(), read);
    }
    gzclose(file);
    return out;
}

} // namespace d4::test
