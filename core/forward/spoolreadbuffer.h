// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace d4::forward {

/**
 * The spool reader's window on one segment file: keeps the file open and reads ahead in 1 MiB
 * chunks, never past the committed end it is given, so records are decoded from memory. Used by
 * the single reader of a ForwardSpool; not thread-safe.
 */
class SpoolReadBuffer final
{
public:
    /**
     * Makes bytes [position, needEnd) of segment @p sequence (file @p path) available, reading
     * ahead up to @p end; bytes before @p position are dropped. False when the file cannot be
     * opened or read that far (errorString()).
     */
    bool fill(const QString &path, quint64 sequence, quint64 position, quint64 needEnd, quint64 end);
    /** The byte at @p position, which must be inside the range of the last successful fill(). */
    const char *at(quint64 position) const { return m_buffer.constData() + (position - m_start); }
    QString errorString() const { return m_file.errorString(); }

private:
    QFile m_file;
    quint64 m_fileSequence = 0;
    bool m_open = false;
    QByteArray m_buffer; ///< bytes [m_start, + size) of segment m_bufferSequence
    quint64 m_bufferSequence = 0;
    quint64 m_start = 0;
};

} // namespace d4::forward
