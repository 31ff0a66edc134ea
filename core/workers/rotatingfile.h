// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QString>

namespace d4::workers {

/**
 * The file a session worker is writing, rotated like d4-core's (spec §4.2–4.4): a new file is due
 * once the current one is older than the interval or the local date has changed. The caller
 * decides where the boundary falls (between lines or records) and what happens to the old file.
 * Not thread-safe.
 */
class RotatingFile final
{
public:
    /** Builds the full path of a file opened at @p now (server local time). */
    using PathFunction = std::function<QString(const QDateTime &now)>;

    /** Called with a path before it is opened; returns once the file may be appended to. */
    using OpenGuard = std::function<void(const QString &path)>;

    RotatingFile(PathFunction pathFunction, int intervalSeconds);
    ~RotatingFile();
    RotatingFile(const RotatingFile &) = delete;
    RotatingFile &operator=(const RotatingFile &) = delete;

    /** Sets the guard ensureOpen() calls (e.g. to wait until a closed file of that name is compressed). */
    void setOpenGuard(OpenGuard guard) { m_openGuard = std::move(guard); }

    /** True when a file is open and is due for rotation at @p now. */
    bool rotationDue(const QDateTime &now) const;
    /**
     * Opens the file for @p now when none is open, creating directories. @p created is set when
     * the file is new (or empty), so the caller can write a file header. False with @p error on failure.
     */
    bool ensureOpen(const QDateTime &now, bool &created, QString &error);
    /**
     * Appends @p bytes. On failure (disk full, file size limit…) the file is cut back to its size
     * before the call, so it never ends with a part of @p bytes; false with @p error naming the file.
     */
    bool write(QByteArrayView bytes, QString &error);
    /** Cuts the open file back to @p size bytes (buffered bytes are written first). */
    bool truncateTo(qint64 size) { return m_file.isOpen() && m_file.resize(size); }
    /** Pushes buffered bytes to the operating system. */
    bool flush(QString &error);
    /** Closes the file; returns its path, or an empty string when none was open. */
    QString close();

    bool isOpen() const { return m_file.isOpen(); }
    /** The open file's size, buffered bytes included; 0 when none is open. */
    qint64 size() const { return m_file.isOpen() ? m_file.size() : 0; }
    QString currentPath() const { return m_file.fileName(); }

    /** `YYYY/MM/DD` of @p now, the directory layer of every worker. */
    static QString datePath(const QDateTime &now);
    /** `<uuid>-YYYY-MM-DD-HHMMSS` of @p now. */
    static QString baseName(const QByteArray &sensorUuid, const QDateTime &now);

private:
    PathFunction m_pathFunction;
    OpenGuard m_openGuard;
    int m_intervalSeconds;
    QFile m_file;
    QDateTime m_openedAt;
};

} // namespace d4::workers
