// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/dnscaprecordsplitter.h"

namespace d4::workers {

qsizetype DnscapRecordSplitter::findRecordStart(QByteArrayView chunk) const
{
    if (chunk.isEmpty()) {
        return -1;
    }
    if (m_afterNewline && chunk.front() == '[') {
        return 0;
    }
    const qsizetype found = chunk.indexOf(QByteArrayView("\n["));
    return found < 0 ? -1 : found + 1;
}

void DnscapRecordSplitter::advance(QByteArrayView chunk)
{
    if (!chunk.isEmpty()) {
        m_afterNewline = chunk.back() == '\n';
    }
}

} // namespace d4::workers
