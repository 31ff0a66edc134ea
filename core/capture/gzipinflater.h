// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <memory>

#include <QByteArrayView>

namespace d4::capture {

/**
 * Streaming gzip decompression with zlib (RFC 1952), several concatenated members allowed, as
 * `gzip -c a b >c` produces. Bytes in any split; the output is delivered in chunks. Not
 * thread-safe.
 */
class GzipInflater final
{
public:
    using Sink = std::function<bool(QByteArrayView)>;

    GzipInflater();
    ~GzipInflater();
    GzipInflater(const GzipInflater &) = delete;
    GzipInflater &operator=(const GzipInflater &) = delete;

    /** Inflates @p compressed and passes the output to @p sink. False when the data is corrupt or @p sink
     * failed. */
    bool feed(QByteArrayView compressed, const Sink &sink);
    /** True when the input ended inside a member (a truncated .gz). */
    bool isInsideMember() const noexcept { return m_insideMember; }
    bool isCorrupt() const noexcept { return m_corrupt; }

private:
    struct State;
    std::unique_ptr<State> m_state;
    bool m_insideMember = false;
    bool m_corrupt = false;
};

} // namespace d4::capture
