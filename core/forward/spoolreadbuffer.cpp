// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/spoolreadbuffer.h"

#include <algorithm>

namespace d4::forward {

namespace {
constexpr quint64 kReadChunk = quint64{1} << 20;
}

bool SpoolReadBuffer::fill(const QString &path, quint64 sequence, quint64 position, quint64 needEnd,
                           quint64 end)
{
    if (m_bufferSequence != sequence || position < m_start || position > m_start + quint64(m_buffer.size())) {
        m_buffer.clear();
        m_bufferSequence = sequence;
        m_start = position;
    }
    quint64 bufferEnd = m_start + quint64(m_buffer.size());
    if (needEnd <= bufferEnd) {
        return true;
    }
    if (!m_open || m_fileSequence != sequence) {
        m_file.close();
        m_file.setFileName(path);
        m_open = m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        m_fileSequence = sequence;
        if (!m_open) {
            return false;
        }
    }
    // Drop what was consumed, then read ahead in large chunks, never past the committed end.
    m_buffer.remove(0, qsizetype(position - m_start));
    m_start = position;
    bufferEnd = m_start + quint64(m_buffer.size());
    const quint64 want = std::min(end - bufferEnd, std::max(kReadChunk, needEnd - bufferEnd));
    if (!m_file.seek(qint64(bufferEnd))) {
        return false;
    }
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + qsizetype(want));
    qsizetype filled = 0;
    while (filled < qsizetype(want)) {
        const qint64 got = m_file.read(m_buffer.data() + old + filled, qint64(want) - filled);
        if (got <= 0) {
            break;
        }
        filled += qsizetype(got);
    }
    m_buffer.resize(old + filled);
    return m_start + quint64(m_buffer.size()) >= needEnd;
}

} // namespace d4::forward
