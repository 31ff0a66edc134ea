// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

#include <QByteArrayList>
#include <QString>

namespace d4::forward {

/** A position in a spool: the record after (segment, offset) is the next one. */
struct SpoolCursor
{
    quint64 segment = 0;
    quint64 offset = 0;
    friend bool operator==(const SpoolCursor &, const SpoolCursor &) = default;
};

/**
 * The bounded on-disk FIFO between a rule's sources and its sender, so nothing accepted is lost
 * while the partner is down or this process restarts (docs/forwarding.md).
 *
 * Records (opaque byte strings up to kMaxRecord) are appended to numbered segment files in the
 * spool directory, each framed with its length and a CRC-32. The sender reads from its own cursor
 * and acknowledges up to a cursor once the partner has everything before it; the acknowledged
 * cursor is saved (atomically) and wholly acknowledged segments are deleted. After a restart
 * reading starts again at the acknowledged cursor. A torn record at the end of the last segment
 * (a crash in the middle of a write) is cut off and counted; a corrupt record elsewhere ends that
 * segment (counted) and reading goes on with the next one.
 *
 * Bounded: appended bytes not yet acknowledged never exceed maxBytes; append() waits while the
 * spool is full, which pushes back on the sources. Thread-safe: any number of appenders, one
 * reader.
 */
class ForwardSpool final
{
public:
    static constexpr qsizetype kMaxRecord = 16 * 1024 * 1024;
    static constexpr quint64 kDefaultSegmentBytes = quint64{8} << 20;

    /** Opens (creating) @p directory; nullptr with @p error when it cannot be used. */
    static std::unique_ptr<ForwardSpool> open(const QString &directory, quint64 maxBytes, QString &error,
                                              quint64 segmentBytes = kDefaultSegmentBytes);
    ~ForwardSpool();

    /**
     * Appends @p records in order (all or none). Waits up to @p wait for room; false when there
     * was none (or on a write error: errorString()). A record larger than kMaxRecord is refused.
     */
    bool append(const QByteArrayList &records, std::chrono::milliseconds wait);

    /**
     * Reads records after @p cursor, at most @p maxRecords and about @p maxBytes (at least one
     * record), and advances @p cursor past them. Waits up to @p wait when there is nothing to read.
     */
    QByteArrayList read(SpoolCursor &cursor, int maxRecords, qsizetype maxBytes,
                        std::chrono::milliseconds wait);

    /** Everything before @p cursor reached the partner: saved, and freed segments deleted. */
    bool acknowledge(const SpoolCursor &cursor);
    SpoolCursor acknowledged() const;

    /** Bytes and records appended and not yet acknowledged. */
    quint64 pendingBytes() const;
    quint64 pendingRecords() const;
    /** Records lost to corruption found when reading (torn tails, bad CRCs). */
    quint64 corruptRecords() const;
    QString errorString() const;
    QString directory() const;

    /** Wakes waiting append()/read() calls (they return at once), for shutting down. */
    void interrupt();

private:
    ForwardSpool();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace d4::forward
