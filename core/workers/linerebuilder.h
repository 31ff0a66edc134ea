// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayList>

namespace d4::workers {

/**
 * Rebuilds text lines from a byte stream cut at arbitrary places (spec §4.4). A line ends at
 * '\n'; when the unfinished part reaches the maximum line length without one, it is emitted as a
 * line of its own (the reference's forced newline: 10 000 bytes for types 3 and 8, 100 000 for
 * the default 254 handler). Unlike the reference, the unfinished tail is only ever emitted once.
 * Not thread-safe; one instance per session.
 */
class LineRebuilder final
{
public:
    explicit LineRebuilder(qsizetype maxLineLength);

    /** Appends @p chunk and adds every line it completes to @p lines (without '\n'; empty lines included). */
    void feed(QByteArrayView chunk, QByteArrayList &lines);

    /** The bytes of the unfinished line. */
    const QByteArray &pending() const noexcept { return m_pending; }
    /** Restores an unfinished line saved from pending() (e.g. after a restart). */
    void setPending(const QByteArray &pending) { m_pending = pending; }
    qsizetype maxLineLength() const noexcept { return m_maxLineLength; }

private:
    qsizetype m_maxLineLength;
    QByteArray m_pending;
};

} // namespace d4::workers
