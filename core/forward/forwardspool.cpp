// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// On-disk layout (docs/forwarding.md):
//   <directory>/0000000000000001.seg ...  segments, named by a 16-digit sequence number; each is a
//                                          run of records framed as in spoolframing.h
//   <directory>/acknowledged              "<segment> <offset>\n", the acknowledged cursor, replaced
//                                          atomically (QSaveFile: write, fsync, rename)
// Appends go to the last segment; a new one starts once it holds segmentBytes (a batch is never
// split, so a segment may end a little past that).
//
// Durability: an append is one write() of the whole framed batch, so it reaches the OS before
// append() returns and survives a crash of this process. The data is fdatasync'ed at most every
// 250 ms (on an append or an acknowledge, outside the lock) and when a segment is finished, so an
// OS crash or power loss may lose the appends of the last fraction of a second (then cut off as a
// torn tail on the next open); appends just before the spool goes idle are synced by the next
// append, acknowledge or the destructor. The acknowledged cursor is synced before it counts.
//
// Bound: append() waits while pendingBytes() + the batch would pass maxBytes, except that an empty
// spool takes any batch (even one larger than maxBytes), so no batch can wait forever. The disk
// holds a little more: the framing, and the acknowledged start of the oldest segment until the
// reader is past that segment and it is deleted.
//
// Accounting: pendingBytes() counts record bytes without the 8-byte framing. Each segment knows
// its records and bytes from its "base" (0, or for the segment the acknowledged cursor pointed
// into on open, that offset); the records before a cursor inside a segment come from the marks the
// reader leaves at the end of each read() (the sender acknowledges such cursors), else from a scan
// of the file.

#include "forward/forwardspool.h"

#include <algorithm>
#include <deque>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

#include "forward/spoolfiles.h"
#include "forward/spoolframing.h"
#include "forward/spoolreadbuffer.h"
#include "forward/spoolsegmentscanner.h"

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <unistd.h>
#endif

namespace d4::forward {

namespace {

// A name of its own: other parts of d4::forward define their own function for "d4.forward".
Q_LOGGING_CATEGORY(lcForwardSpool, "d4.forward")

using Clock = std::chrono::steady_clock;
using spoolframing::kHeaderSize;

constexpr auto kSyncInterval = std::chrono::milliseconds(250);
constexpr std::size_t kMaxMarks = 256;

/** now + wait, without overflowing for the "forever" a caller may mean by a huge wait. */
Clock::time_point deadlineAfter(std::chrono::milliseconds wait)
{
    constexpr auto kForever = std::chrono::hours(24 * 365);
    return Clock::now() + std::clamp<std::chrono::milliseconds>(wait, std::chrono::milliseconds(0), kForever);
}

bool isBefore(const SpoolCursor &a, const SpoolCursor &b)
{
    return a.segment < b.segment || (a.segment == b.segment && a.offset < b.offset);
}

/** An fdatasync to run outside the lock; the handle is taken under it, the file kept open. */
struct SyncJob
{
    std::shared_ptr<QFile> file;
    int handle = -1;

    explicit operator bool() const { return file != nullptr; }
    void run() const
    {
#if defined(Q_OS_WIN)
        ::_commit(handle);
#elif defined(Q_OS_LINUX)
        ::fdatasync(handle);
#else
        ::fsync(handle);
#endif
    }
};

SyncJob syncJob(const std::shared_ptr<QFile> &file)
{
    return file ? SyncJob{file, file->handle()} : SyncJob{};
}

struct Counts
{
    quint64 records = 0;
    quint64 bytes = 0;
    Counts &operator+=(const Counts &other)
    {
        records += other.records;
        bytes += other.bytes;
        return *this;
    }
};

/** One segment file; all offsets are of its committed bytes, which never change once written. */
struct Segment
{
    quint64 sequence = 0;
    quint64 base = 0; ///< the first offset counted (the acknowledged offset it was opened at, or 0)
    quint64 end = 0;  ///< the end of the bytes the reader may read (committed, minus corruption)
    Counts counted;   ///< records and bytes appended in [base, end as written)
    bool cut = false; ///< end was pulled back over corruption found by the reader
};

/** Where a read() ended, with the records and bytes between the segment's base and there. */
struct Mark
{
    SpoolCursor at;
    Counts counts;
};

/** The outcome of reading one segment. */
struct SegmentRead
{
    quint64 offset = 0;
    Counts counts;
    bool corrupt = false;
    QString problem;
};

} // namespace

struct ForwardSpool::Private
{
    QString directory;
    quint64 maxBytes = 0;
    quint64 segmentBytes = 0;

    mutable std::mutex mutex;
    std::condition_variable roomFreed;
    std::condition_variable dataAdded;
    bool interrupted = false;
    QString error;

    std::deque<Segment> segments; ///< ascending; none before the acknowledged segment
    quint64 nextSequence = 1;
    bool rollOver = false;         ///< the next append starts a new segment whatever the last holds
    std::shared_ptr<QFile> writer; ///< the last segment, open for appending (unless rollOver)
    Clock::time_point lastSync;
    bool unsynced = false;

    SpoolCursor acknowledged;
    Counts acknowledgedCounts; ///< in the acknowledged segment, from its base to the cursor
    Counts pending;
    quint64 corruptRecords = 0;
    std::deque<Mark> marks;
    QList<quint64> undeleted; ///< acknowledged segments whose files could not be removed yet

    std::mutex acknowledgeMutex; ///< one acknowledge() at a time; its file work runs unlocked

    // The reader's state: read() is only ever called by one thread at a time (the contract), and
    // this is used by read() alone, outside the mutex.
    SpoolReadBuffer reader;

    QString path(quint64 sequence) const
    {
        return directory + QLatin1Char('/') + spoolfiles::segmentFileName(sequence);
    }
    QString acknowledgedPath() const
    {
        return directory + QLatin1Char('/') + spoolfiles::acknowledgedFileName();
    }

    Segment *find(quint64 sequence)
    {
        const auto it = std::lower_bound(segments.begin(), segments.end(), sequence,
                                         [](const Segment &s, quint64 value) { return s.sequence < value; });
        return it != segments.end() && it->sequence == sequence ? &*it : nullptr;
    }

    bool load(QString &message);
    bool openWriter(const Segment &segment, bool create, QString &message);
    bool startSegment(QString &message);
    Segment *positionReader(SpoolCursor &cursor);
    Counts countsAt(const Segment &segment, quint64 offset);
    void addMark(const SpoolCursor &at, const Counts &counts);
    void cutSegment(quint64 sequence, quint64 offset, const QString &problem);
    SegmentRead readSegment(quint64 sequence, quint64 offset, quint64 end, Counts counts, int maxRecords,
                            qsizetype maxReadBytes, QByteArrayList &out, qsizetype &outBytes);
    SyncJob takeSyncDue();
};

bool ForwardSpool::Private::load(QString &message)
{
    // The acknowledged cursor; without the file nothing was acknowledged yet.
    if (!spoolfiles::readAcknowledged(acknowledgedPath(), acknowledged, message)) {
        return false;
    }

    QList<quint64> found;
    const QStringList names = QDir(directory).entryList({QStringLiteral("*.seg")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        quint64 sequence = 0;
        if (spoolfiles::parseSegmentFileName(name, sequence)) {
            found.append(sequence);
        }
    }
    std::sort(found.begin(), found.end());
    nextSequence = std::max(found.isEmpty() ? 0 : found.last(), acknowledged.segment) + 1;
    if (nextSequence > spoolfiles::kLastSequence) {
        message = QStringLiteral("the spool directory %1 has used up its segment numbers").arg(directory);
        return false;
    }

    for (qsizetype i = 0; i < found.size(); ++i) {
        const quint64 sequence = found[i];
        const QString file = path(sequence);
        const bool last = i == found.size() - 1;
        const quint64 size = quint64(QFileInfo(file).size());
        // Wholly acknowledged (the process stopped before deleting it), or shorter than the
        // acknowledged offset (the OS lost its unsynced end): nothing in it is to be read.
        if (sequence < acknowledged.segment ||
            (sequence == acknowledged.segment && size < acknowledged.offset)) {
            if (sequence == acknowledged.segment) {
                qCWarning(lcForwardSpool) << "spool segment" << file << "ends before the acknowledged offset"
                                          << acknowledged.offset << "; dropping it";
            }
            if (!QFile::remove(file)) {
                undeleted.append(sequence);
            }
            continue;
        }
        Segment segment;
        segment.sequence = sequence;
        segment.base = sequence == acknowledged.segment ? acknowledged.offset : 0;
        const SpoolScanResult scan = SpoolSegmentScanner::scan(file, segment.base, size, true);
        if (scan.unreadable) {
            message = QStringLiteral("cannot read the spool segment %1: %2").arg(file, scan.problem);
            return false;
        }
        segment.end = scan.end;
        segment.counted = Counts{scan.records, scan.payloadBytes};
        if (scan.corrupt) {
            ++corruptRecords;
            if (last) {
                // A crash in the middle of an append: cut the torn record off so appends go on
                // from the last whole one.
                qCWarning(lcForwardSpool).noquote()
                    << QStringLiteral("cutting a torn record off the end of %1 at offset %2 (%3)")
                           .arg(file)
                           .arg(scan.end)
                           .arg(scan.problem);
                if (!QFile::resize(file, qint64(scan.end))) {
                    rollOver = true;
                }
            } else {
                qCWarning(lcForwardSpool).noquote()
                    << QStringLiteral("skipping the rest of %1 after offset %2 (%3)")
                           .arg(file)
                           .arg(scan.end)
                           .arg(scan.problem);
            }
        }
        pending += segment.counted;
        segments.push_back(segment);
    }

    if (!segments.empty() && !rollOver && segments.back().end < segmentBytes) {
        if (!openWriter(segments.back(), false, message)) {
            return false;
        }
    } else if (!startSegment(message)) {
        return false;
    }
    if (!QFileInfo(directory).isWritable()) {
        message = QStringLiteral("cannot write to the spool directory %1").arg(directory);
        return false;
    }
    lastSync = Clock::now();
    return true;
}

bool ForwardSpool::Private::openWriter(const Segment &segment, bool create, QString &message)
{
    auto file = std::make_shared<QFile>(path(segment.sequence));
    const QIODevice::OpenMode mode =
        QIODevice::WriteOnly | QIODevice::Unbuffered | (create ? QIODevice::Truncate : QIODevice::Append);
    if (!file->open(mode)) {
        message = QStringLiteral("cannot write the spool segment %1: %2")
                      .arg(file->fileName(), file->errorString());
        return false;
    }
    if (!create && quint64(file->size()) != segment.end) {
        message =
            QStringLiteral("the spool segment %1 changed size while being opened").arg(file->fileName());
        return false;
    }
    writer = std::move(file);
    rollOver = false;
    return true;
}

bool ForwardSpool::Private::startSegment(QString &message)
{
    Segment segment;
    segment.sequence = nextSequence;
    if (!openWriter(segment, true, message)) {
        return false;
    }
    ++nextSequence;
    segments.push_back(segment);
    return true;
}

Segment *ForwardSpool::Private::positionReader(SpoolCursor &cursor)
{
    if (isBefore(cursor, acknowledged)) {
        cursor = acknowledged;
    }
    auto it = std::lower_bound(segments.begin(), segments.end(), cursor.segment,
                               [](const Segment &s, quint64 value) { return s.sequence < value; });
    while (it != segments.end()) {
        if (it->sequence != cursor.segment || cursor.offset < it->base) {
            cursor = SpoolCursor{it->sequence, it->base};
        }
        if (cursor.offset < it->end) {
            return &*it;
        }
        // This segment is read to its end; go on with the next one, if there is one yet.
        if (++it == segments.end()) {
            break;
        }
        cursor = SpoolCursor{it->sequence, it->base};
    }
    return nullptr;
}

Counts ForwardSpool::Private::countsAt(const Segment &segment, quint64 offset)
{
    if (offset <= segment.base) {
        return {};
    }
    if (segment.sequence == acknowledged.segment && offset == acknowledged.offset) {
        return acknowledgedCounts;
    }
    if (offset == segment.end && !segment.cut) {
        return segment.counted;
    }
    for (auto it = marks.rbegin(); it != marks.rend(); ++it) {
        if (it->at.segment == segment.sequence && it->at.offset == offset) {
            return it->counts;
        }
    }
    // A cursor that no read() ended at: count from the file (rare; cheap, only headers are read).
    const SpoolScanResult scan =
        SpoolSegmentScanner::scan(path(segment.sequence), segment.base, offset, false);
    return Counts{scan.records, scan.payloadBytes};
}

void ForwardSpool::Private::addMark(const SpoolCursor &at, const Counts &counts)
{
    if (!marks.empty() && marks.back().at == at) {
        return;
    }
    marks.push_back(Mark{at, counts});
    if (marks.size() > kMaxMarks) {
        marks.pop_front();
    }
}

void ForwardSpool::Private::cutSegment(quint64 sequence, quint64 offset, const QString &problem)
{
    ++corruptRecords;
    qCWarning(lcForwardSpool).noquote() << QStringLiteral("skipping the rest of %1 after offset %2 (%3)")
                                               .arg(path(sequence))
                                               .arg(offset)
                                               .arg(problem);
    Segment *segment = find(sequence);
    if (segment == nullptr) {
        return;
    }
    segment->end = std::min(segment->end, offset);
    segment->cut = true;
    // Appending after the damage would only add to what is skipped: the next append starts anew.
    if (segment == &segments.back()) {
        rollOver = true;
        writer.reset();
    }
}

SegmentRead ForwardSpool::Private::readSegment(quint64 sequence, quint64 offset, quint64 end, Counts counts,
                                               int maxRecords, qsizetype maxReadBytes, QByteArrayList &out,
                                               qsizetype &outBytes)
{
    SegmentRead result;
    quint64 position = offset;
    const auto corrupt = [&](const QString &problem) {
        result.corrupt = true;
        result.problem = problem;
    };
    while (position < end && out.size() < maxRecords && (out.isEmpty() || outBytes < maxReadBytes)) {
        if (end - position < quint64(kHeaderSize)) {
            corrupt(QStringLiteral("a record header is cut off"));
            break;
        }
        if (!reader.fill(path(sequence), sequence, position, position + kHeaderSize, end)) {
            corrupt(QStringLiteral("the file could not be read: %1").arg(reader.errorString()));
            break;
        }
        const spoolframing::Header header = spoolframing::decodeHeader(reader.at(position));
        if (header.length > quint64(kMaxRecord) || header.length + quint64(kHeaderSize) > end - position) {
            corrupt(QStringLiteral("impossible record length %1").arg(header.length));
            break;
        }
        if (!out.isEmpty() && outBytes + qsizetype(header.length) > maxReadBytes) {
            break;
        }
        const quint64 recordEnd = position + kHeaderSize + header.length;
        if (!reader.fill(path(sequence), sequence, position, recordEnd, end)) {
            corrupt(QStringLiteral("the file could not be read: %1").arg(reader.errorString()));
            break;
        }
        const char *bytes = reader.at(position + kHeaderSize);
        const QByteArrayView record(bytes, qsizetype(header.length));
        if (spoolframing::checksum(record) != header.crc) {
            corrupt(QStringLiteral("bad CRC in a record of %1 bytes").arg(header.length));
            break;
        }
        out.append(record.toByteArray());
        outBytes += record.size();
        ++counts.records;
        counts.bytes += header.length;
        position = recordEnd;
    }
    result.offset = position;
    result.counts = counts;
    return result;
}

SyncJob ForwardSpool::Private::takeSyncDue()
{
    const Clock::time_point now = Clock::now();
    if (!unsynced || !writer || now - lastSync < kSyncInterval) {
        return {};
    }
    lastSync = now;
    unsynced = false;
    return syncJob(writer);
}

ForwardSpool::ForwardSpool()
    : d(std::make_unique<Private>())
{
}

ForwardSpool::~ForwardSpool()
{
    if (d->writer && d->unsynced) {
        syncJob(d->writer).run();
    }
}

std::unique_ptr<ForwardSpool> ForwardSpool::open(const QString &directory, quint64 maxBytes, QString &error,
                                                 quint64 segmentBytes)
{
    if (directory.isEmpty()) {
        error = QStringLiteral("no spool directory given");
        return {};
    }
    const QString path = QDir::cleanPath(QDir(directory).absolutePath());
    const QFileInfo info(path);
    if (info.exists() && !info.isDir()) {
        error = QStringLiteral("the spool directory %1 is not a directory").arg(path);
        return {};
    }
    if (!info.exists()) {
        if (!QDir().mkpath(path)) {
            error = QStringLiteral("cannot create the spool directory %1").arg(path);
            return {};
        }
        // Spooled sensor data is nobody else's business.
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    std::unique_ptr<ForwardSpool> spool(new ForwardSpool);
    spool->d->directory = path;
    spool->d->maxBytes = maxBytes;
    spool->d->segmentBytes = std::max<quint64>(segmentBytes, 1);
    if (!spool->d->load(error)) {
        return {};
    }
    return spool;
}

bool ForwardSpool::append(const QByteArrayList &records, std::chrono::milliseconds wait)
{
    if (records.isEmpty()) {
        return true;
    }
    // Frame (and checksum) the whole batch before taking the lock: one write, no interleaving.
    qsizetype framedSize = 0;
    Counts batch;
    for (const QByteArray &record : records) {
        if (record.size() > kMaxRecord) {
            const std::lock_guard lock(d->mutex);
            d->error = QStringLiteral("a record of %1 bytes is larger than the spool's limit of %2 bytes")
                           .arg(record.size())
                           .arg(kMaxRecord);
            return false;
        }
        framedSize += kHeaderSize + record.size();
        batch.bytes += quint64(record.size());
    }
    batch.records = quint64(records.size());
    QByteArray framed;
    framed.reserve(framedSize);
    for (const QByteArray &record : records) {
        spoolframing::appendFramed(framed, record);
    }

    const Clock::time_point deadline = deadlineAfter(wait);
    SyncJob toSync;
    {
        std::unique_lock lock(d->mutex);
        // Room means staying within maxBytes; an empty spool takes any batch, even one larger than
        // maxBytes, so that such a batch cannot wait forever.
        const auto full = [&] {
            return d->pending.bytes > 0 && d->pending.bytes + batch.bytes > d->maxBytes;
        };
        while (full()) {
            if (d->interrupted) {
                d->error = QStringLiteral("the spool was interrupted while full");
                return false;
            }
            if (d->roomFreed.wait_until(lock, deadline) == std::cv_status::timeout && full()) {
                d->error = QStringLiteral("the spool is full (%1 of %2 bytes waiting to be sent)")
                               .arg(d->pending.bytes)
                               .arg(d->maxBytes);
                return false;
            }
        }
        if (d->writer && (d->rollOver || d->segments.back().end >= d->segmentBytes)) {
            // The finished segment is synced once, outside the lock.
            toSync = d->unsynced ? syncJob(d->writer) : SyncJob{};
            d->unsynced = false;
            d->writer.reset();
        }
        QString message;
        if (!d->writer && !d->startSegment(message)) {
            d->error = message;
            return false;
        }
        Segment &segment = d->segments.back();
        const qint64 written = d->writer->write(framed);
        if (written != framed.size()) {
            d->error = QStringLiteral("cannot write the spool segment %1: %2")
                           .arg(d->writer->fileName(), d->writer->errorString());
            // Nothing of the batch may stay: the reader never sees it (it reads up to segment.end
            // only), but the next append must not land after a partial one.
            if (!d->writer->resize(qint64(segment.end)) || !d->writer->seek(qint64(segment.end))) {
                d->rollOver = true;
                d->writer.reset();
            }
            return false;
        }
        segment.end += quint64(framed.size());
        segment.counted += batch;
        d->pending += batch;
        d->unsynced = true;
        if (!toSync) {
            toSync = d->takeSyncDue();
        }
        d->dataAdded.notify_all();
    }
    if (toSync) {
        toSync.run();
    }
    return true;
}

QByteArrayList ForwardSpool::read(SpoolCursor &cursor, int maxRecords, qsizetype maxBytes,
                                  std::chrono::milliseconds wait)
{
    const Clock::time_point deadline = deadlineAfter(wait);
    maxRecords = std::max(1, maxRecords);
    QByteArrayList out;
    qsizetype outBytes = 0;
    std::unique_lock lock(d->mutex);
    while (out.size() < maxRecords && (out.isEmpty() || outBytes < maxBytes)) {
        Segment *segment = d->positionReader(cursor);
        if (segment == nullptr) {
            if (!out.isEmpty() || d->interrupted) {
                break;
            }
            if (d->dataAdded.wait_until(lock, deadline) == std::cv_status::timeout) {
                if (d->positionReader(cursor) == nullptr) {
                    break;
                }
            }
            continue;
        }
        const quint64 sequence = segment->sequence;
        const quint64 end = segment->end;
        const Counts counts = d->countsAt(*segment, cursor.offset);
        // Committed bytes never change, so they are read without the lock (appends go on).
        lock.unlock();
        const SegmentRead result =
            d->readSegment(sequence, cursor.offset, end, counts, maxRecords, maxBytes, out, outBytes);
        lock.lock();
        cursor.offset = result.offset;
        d->addMark(cursor, result.counts);
        if (result.corrupt) {
            d->cutSegment(sequence, result.offset, result.problem);
            cursor = SpoolCursor{sequence + 1, 0};
        } else if (result.offset < end) {
            break; // stopped by maxRecords or maxBytes
        }
    }
    return out;
}

bool ForwardSpool::acknowledge(const SpoolCursor &cursor)
{
    const std::lock_guard acknowledging(d->acknowledgeMutex);
    Counts freed;
    Counts newAcknowledgedCounts;
    QList<quint64> finished;
    SyncJob toSync;
    {
        const std::lock_guard lock(d->mutex);
        if (!isBefore(d->acknowledged, cursor)) {
            return true; // nothing new
        }
        const Segment *target = d->find(cursor.segment);
        const bool valid =
            target != nullptr ? cursor.offset <= target->end
            : d->segments.empty()
                ? cursor.segment <= d->nextSequence && cursor.offset == 0
                : cursor.offset == 0 && (cursor.segment < d->segments.back().sequence ||
                                         (d->rollOver && cursor.segment == d->segments.back().sequence + 1));
        if (!valid) {
            d->error = QStringLiteral("cannot acknowledge segment %1 offset %2: the spool does not reach it")
                           .arg(cursor.segment)
                           .arg(cursor.offset);
            return false;
        }
        const auto before = [&](const Segment &segment) {
            return segment.sequence == d->acknowledged.segment ? d->acknowledgedCounts : Counts{};
        };
        for (const Segment &segment : d->segments) {
            if (segment.sequence > cursor.segment) {
                break;
            }
            const bool last = &segment == &d->segments.back();
            const bool sealed = !last || d->rollOver;
            if (segment.sequence < cursor.segment || (sealed && cursor.offset >= segment.end)) {
                freed.records += segment.counted.records - before(segment).records;
                freed.bytes += segment.counted.bytes - before(segment).bytes;
                finished.append(segment.sequence);
            } else {
                newAcknowledgedCounts = d->countsAt(segment, cursor.offset);
                freed.records += newAcknowledgedCounts.records - before(segment).records;
                freed.bytes += newAcknowledgedCounts.bytes - before(segment).bytes;
            }
        }
        // Acknowledging is a moment to sync the segment being appended to (at most every 250 ms).
        toSync = d->takeSyncDue();
    }
    if (toSync) {
        toSync.run();
    }

    QString problem;
    if (!spoolfiles::saveAcknowledged(d->acknowledgedPath(), cursor, problem)) {
        const std::lock_guard lock(d->mutex);
        d->error = problem;
        return false;
    }

    {
        const std::lock_guard lock(d->mutex);
        while (!d->segments.empty() && finished.contains(d->segments.front().sequence)) {
            if (&d->segments.front() == &d->segments.back()) {
                d->writer.reset();
                d->rollOver = true;
            }
            d->segments.pop_front();
        }
        d->pending.records -= std::min(d->pending.records, freed.records);
        d->pending.bytes -= std::min(d->pending.bytes, freed.bytes);
        d->acknowledged = cursor;
        d->acknowledgedCounts = newAcknowledgedCounts;
        while (!d->marks.empty() && isBefore(d->marks.front().at, cursor)) {
            d->marks.pop_front();
        }
        finished += d->undeleted;
        d->undeleted.clear();
        d->roomFreed.notify_all();
    }
    QList<quint64> failed;
    for (const quint64 sequence : std::as_const(finished)) {
        if (!QFile::remove(d->path(sequence)) && QFile::exists(d->path(sequence))) {
            failed.append(sequence);
        }
    }
    if (!failed.isEmpty()) {
        qCWarning(lcForwardSpool) << "cannot delete acknowledged spool segments" << failed << "in"
                                  << d->directory << "; trying again later";
        const std::lock_guard lock(d->mutex);
        d->undeleted += failed;
    }
    return true;
}

SpoolCursor ForwardSpool::acknowledged() const
{
    const std::lock_guard lock(d->mutex);
    return d->acknowledged;
}

quint64 ForwardSpool::pendingBytes() const
{
    const std::lock_guard lock(d->mutex);
    return d->pending.bytes;
}

quint64 ForwardSpool::pendingRecords() const
{
    const std::lock_guard lock(d->mutex);
    return d->pending.records;
}

quint64 ForwardSpool::corruptRecords() const
{
    const std::lock_guard lock(d->mutex);
    return d->corruptRecords;
}

QString ForwardSpool::errorString() const
{
    const std::lock_guard lock(d->mutex);
    return d->error;
}

QString ForwardSpool::directory() const
{
    return d->directory;
}

void ForwardSpool::interrupt()
{
    const std::lock_guard lock(d->mutex);
    d->interrupted = true;
    d->roomFreed.notify_all();
    d->dataAdded.notify_all();
}

} // namespace d4::forward
