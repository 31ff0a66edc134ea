// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target: whatever a crash, a full disk or a stray editor may leave in a forwarding spool
// directory, opened by ForwardSpool. The input is laid out as
//   byte 0      flags: bit 0 = the input holds an acknowledged file, bit 1 = split the segment
//               bytes into two segment files (so damage lands in a segment that is not the last)
//   [ack \0]    with bit 0: the acknowledged file's bytes, up to the first NUL
//   rest        the segment bytes
// Properties checked: no crash; open() either fails with a message or reads records until the
// spool is empty; after acknowledging the final cursor nothing is pending; an append after that
// reads back unchanged.

#include <chrono>
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include "forward/forwardspool.h"

namespace {

bool writeFile(const QString &path, QByteArrayView bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes.data(), bytes.size()) == bytes.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace std::chrono_literals;
    using d4::forward::ForwardSpool;
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("d4.forward.warning=false"));
        return true;
    }();
    Q_UNUSED(quiet);
    if (size == 0) {
        return 0;
    }
    QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::uint8_t flags = data[0];
    input = input.sliced(1);

    QTemporaryDir dir;
    if (!dir.isValid()) {
        return 0;
    }
    if (flags & 1) {
        const qsizetype nul = input.indexOf('\0');
        const QByteArrayView acknowledged = nul < 0 ? input : input.first(nul);
        input = nul < 0 ? QByteArrayView() : input.sliced(nul + 1);
        if (!writeFile(dir.filePath(QStringLiteral("acknowledged")), acknowledged)) {
            return 0;
        }
    }
    const QString first = dir.filePath(QStringLiteral("0000000000000001.seg"));
    const QString second = dir.filePath(QStringLiteral("0000000000000002.seg"));
    if (flags & 2) {
        const qsizetype half = input.size() / 2;
        if (!writeFile(first, input.first(half)) || !writeFile(second, input.sliced(half))) {
            return 0;
        }
    } else if (!writeFile(first, input)) {
        return 0;
    }

    QString error;
    auto spool = ForwardSpool::open(dir.path(), 1 << 20, error, 4096);
    if (!spool) {
        if (error.isEmpty()) {
            std::abort();
        }
        return 0;
    }
    d4::forward::SpoolCursor cursor = spool->acknowledged();
    quint64 records = 0;
    for (int round = 0; round < 100000; ++round) {
        const QByteArrayList batch = spool->read(cursor, 64, 4096, 0ms);
        if (batch.isEmpty()) {
            break;
        }
        records += quint64(batch.size());
        for (const QByteArray &record : batch) {
            if (record.size() > ForwardSpool::kMaxRecord) {
                std::abort();
            }
        }
    }
    if (records > quint64(size)) {
        std::abort(); // every record costs at least its 8-byte frame
    }
    if (!spool->acknowledge(cursor) || spool->pendingRecords() != 0 || spool->pendingBytes() != 0) {
        std::abort();
    }
    const QByteArrayList probe{QByteArray("probe"), QByteArray()};
    if (!spool->append(probe, 0ms) || spool->read(cursor, 10, 4096, 0ms) != probe) {
        std::abort();
    }
    return 0;
}
