// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/linerebuilder.h"

namespace d4::workers {

LineRebuilder::LineRebuilder(qsizetype maxLineLength)
    : m_maxLineLength(maxLineLength > 0 ? maxLineLength : 1)
{
}

void LineRebuilder::feed(QByteArrayView chunk, QByteArrayList &lines)
{
    qsizetype start = 0;
    while (start < chunk.size()) {
        const qsizetype newline = chunk.indexOf('\n', start);
        if (newline < 0) {
            break;
        }
        const QByteArrayView piece = chunk.sliced(start, newline - start);
        if (m_pending.isEmpty()) {
            lines.append(piece.toByteArray());
        } else {
            m_pending.append(piece);
            lines.append(m_pending);
            m_pending.clear();
        }
        start = newline + 1;
    }
    m_pending.append(chunk.sliced(start));
    // The forced newline: a line that never ends must not grow without bound.
    while (m_pending.size() >= m_maxLineLength) {
        lines.append(m_pending.left(m_maxLineLength));
        m_pending.remove(0, m_maxLineLength);
    }
}

} // namespace d4::workers
