// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capture/gzipinflater.h"

#include <array>

#include <zlib.h>

namespace d4::capture {

struct GzipInflater::State
{
    z_stream stream{};
    bool initialised = false;
    std::array<unsigned char, 256 * 1024> out{};
};

GzipInflater::GzipInflater()
    : m_state(std::make_unique<State>())
{
}

GzipInflater::~GzipInflater()
{
    if (m_state->initialised) {
        inflateEnd(&m_state->stream);
    }
}

bool GzipInflater::feed(QByteArrayView compressed, const Sink &sink)
{
    if (m_corrupt) {
        return false;
    }
    z_stream &stream = m_state->stream;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    bool outputFull = false;
    // Loop while input remains or zlib may still hold output that did not fit.
    while (stream.avail_in > 0 || outputFull) {
        if (!m_state->initialised) {
            // 16 + MAX_WBITS: gzip wrapper only, so a zlib or raw stream counts as corrupt.
            if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
                m_corrupt = true;
                return false;
            }
            m_state->initialised = true;
        }
        m_insideMember = true;
        stream.next_out = m_state->out.data();
        stream.avail_out = static_cast<uInt>(m_state->out.size());
        const int result = inflate(&stream, Z_NO_FLUSH);
        const qsizetype produced = static_cast<qsizetype>(m_state->out.size() - stream.avail_out);
        outputFull = stream.avail_out == 0;
        if (result == Z_BUF_ERROR && produced == 0) {
            break; // no progress possible without more input
        }
        // What zlib produced before it found corrupt data comes first in the stream: the sink sees
        // it before the corruption is reported, however the input was split.
        if (produced > 0 &&
            !sink(QByteArrayView(reinterpret_cast<const char *>(m_state->out.data()), produced))) {
            return false;
        }
        if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
            m_corrupt = true;
            return false;
        }
        if (result == Z_STREAM_END) {
            // The next member, if any, starts with a fresh header.
            m_insideMember = false;
            inflateReset(&stream);
            outputFull = false;
        }
    }
    return true;
}

} // namespace d4::capture
