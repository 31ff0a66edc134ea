// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target for the line path of types 3, 6 and 8 (LineRebuilder, JsonLineValidator). Input:
// byte 0 seeds the split pattern, byte 1 picks the maximum line length (1 + byte), the rest is the
// stream. Lines never hold a '\n', the unfinished tail stays shorter than the maximum, and lines
// plus tail hold every input byte but the line ends, in order. When no line of the input reaches the
// maximum, the same lines come out whatever the split. (A longer line is cut where the reference
// cuts it: only a buffer that reaches the maximum without a '\n' is forced out, so where such a
// line is cut depends on the packet boundaries, as it does in d4-core.) Every line goes through the
// NDJSON check, which must not crash and must give a reason for a refusal.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include "workers/jsonlinevalidator.h"
#include "workers/linerebuilder.h"

using d4::workers::JsonLineValidator;
using d4::workers::LineRebuilder;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_linerebuilder: invariant violated: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2) {
        return 0;
    }
    std::uint32_t seed = data[0] | 1u;
    const qsizetype maxLength = 1 + data[1];
    const QByteArray stream(reinterpret_cast<const char *>(data + 2), static_cast<qsizetype>(size - 2));

    LineRebuilder whole(maxLength);
    QByteArrayList wholeLines;
    whole.feed(stream, wholeLines);

    LineRebuilder split(maxLength);
    QByteArrayList splitLines;
    for (qsizetype offset = 0; offset < stream.size();) {
        seed = seed * 1103515245u + 12345u;
        const qsizetype piece = qMin<qsizetype>(stream.size() - offset, 1 + (seed >> 16) % 53);
        split.feed(QByteArrayView(stream).sliced(offset, piece), splitLines);
        offset += piece;
    }
    qsizetype longest = 0;
    for (const QByteArray &segment : stream.split('\n')) {
        longest = qMax(longest, segment.size());
    }
    if (longest < maxLength) {
        check(wholeLines == splitLines, "the same lines whatever the split");
        check(whole.pending() == split.pending(), "the same tail whatever the split");
    }
    check(whole.pending().size() < maxLength && split.pending().size() < maxLength,
          "the tail stays below the maximum");
    QByteArray withoutLineEnds = stream;
    withoutLineEnds.replace('\n', QByteArray());
    check(splitLines.join() + split.pending() == withoutLineEnds,
          "every byte but the line ends, in order (split)");
    for (const QByteArray &line : std::as_const(wholeLines)) {
        check(!line.contains('\n'), "no line holds a line end");
        QString reason;
        if (!JsonLineValidator::isJsonText(line, reason)) {
            check(!reason.isEmpty(), "a refused JSON line has a reason");
        }
    }
    check(wholeLines.join() + whole.pending() == withoutLineEnds, "every byte but the line ends, in order");
    return 0;
}
