// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayView>

namespace d4::workers {

/**
 * Finds where dnscap text records start in a byte stream cut at arbitrary places (spec §4.5):
 * a record starts with `[` at the start of a line, so a type-4 file is rotated at the `[` of the
 * first `\n[` once rotation is due. The `\n` may end the previous chunk; the splitter remembers
 * whether it did. Not thread-safe; one instance per session.
 */
class DnscapRecordSplitter final
{
public:
    /**
     * The index in @p chunk of the first `[` that follows a `\n` (in @p chunk, or ending the
     * chunks passed to advance() before), or -1. Does not change the state.
     */
    qsizetype findRecordStart(QByteArrayView chunk) const;
    /** Records the end of @p chunk, which the stream has consumed. */
    void advance(QByteArrayView chunk);

    /** Whether the bytes consumed so far end with `\n` (saved across restarts). */
    bool afterNewline() const noexcept { return m_afterNewline; }
    void setAfterNewline(bool afterNewline) noexcept { m_afterNewline = afterNewline; }

private:
    bool m_afterNewline = false;
};

} // namespace d4::workers
