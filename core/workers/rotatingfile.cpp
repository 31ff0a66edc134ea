// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/rotatingfile.h"

#include <cerrno>
#include <cstring>

#include <QDir>
#include <QFileInfo>

namespace d4::workers {

RotatingFile::RotatingFile(PathFunction pathFunction, int intervalSeconds)
    : m_pathFunction(std::move(pathFunction))
    , m_intervalSeconds(intervalSeconds > 0 ? intervalSeconds : 1)
{
}

RotatingFile::~RotatingFile() = default;

bool RotatingFile::rotationDue(const QDateTime &now) const
{
    if (!m_file.isOpen()) {
        return false;
    }
    return now.date() != m_openedAt.date() || m_openedAt.secsTo(now) >= m_intervalSeconds;
}

bool RotatingFile::ensureOpen(const QDateTime &now, bool &created, QString &error)
{
    created = false;
    if (m_file.isOpen()) {
        return true;
    }
    const QString path = m_pathFunction(now);
    if (m_openGuard) {
        m_openGuard(path);
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        error = QStringLiteral("cannot create the directory of %1").arg(path);
        return false;
    }
    m_file.setFileName(path);
    // Unbuffered: every write() reaches the operating system at once, so a failed one can be rolled
    // back to the last line or record boundary (see write()).
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        error = QStringLiteral("cannot open %1: %2").arg(path, m_file.errorString());
        return false;
    }
    created = m_file.size() == 0;
    m_openedAt = now;
    return true;
}

bool RotatingFile::write(QByteArrayView bytes, QString &error)
{
    const qint64 before = m_file.size();
    errno = 0;
    if (m_file.write(bytes.data(), bytes.size()) != bytes.size()) {
        // After a short write QFile reports no error of its own ("Unknown error"): the reason is
        // in errno, from the write() that failed.
        const int writeErrno = errno;
        const QString reason = m_file.error() == QFileDevice::NoError && writeErrno != 0
                                   ? QString::fromLocal8Bit(std::strerror(writeErrno))
                                   : m_file.errorString();
        error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), reason);
        // A full disk (ENOSPC) or the file size limit (EFBIG) may have let a part through: cut it
        // off so the file still ends at a line or record boundary and a retry does not follow a
        // truncated record.
        m_file.resize(before);
        return false;
    }
    return true;
}

bool RotatingFile::flush(QString &error)
{
    if (m_file.isOpen() && !m_file.flush()) {
        error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

QString RotatingFile::close()
{
    if (!m_file.isOpen()) {
        return {};
    }
    const QString path = QFileInfo(m_file.fileName()).absoluteFilePath();
    m_file.close();
    return path;
}

QString RotatingFile::datePath(const QDateTime &now)
{
    return now.toString(QStringLiteral("yyyy/MM/dd"));
}

QString RotatingFile::baseName(const QByteArray &sensorUuid, const QDateTime &now)
{
    return QString::fromLatin1(sensorUuid) + QLatin1Char('-') +
           now.toString(QStringLiteral("yyyy-MM-dd-HHmmss"));
}

} // namespace d4::workers
