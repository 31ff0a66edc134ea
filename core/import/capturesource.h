// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <vector>

#include <QFile>
#include <QString>

#include "capture/capturepacket.h"
#include "capture/capturereader.h"
#include "capture/capturesummary.h"

namespace d4::import {

/**
 * One capture file read incrementally for a k-way merge: a chunk at a time is fed to a
 * capture::CaptureReader and the packets it completes are copied into a small arena, handed out
 * one by one (head()/pop()). Memory is one chunk plus its packets. Not thread-safe.
 */
class CaptureSource final
{
public:
    static constexpr qsizetype kChunkSize = 256 * 1024;

    explicit CaptureSource(QString path);
    ~CaptureSource();
    CaptureSource(const CaptureSource &) = delete;
    CaptureSource &operator=(const CaptureSource &) = delete;

    /** Opens the file; false with errorString() when it cannot be read. */
    bool open();
    /**
     * Makes a packet available at head(), reading chunks as needed. False at the end of the file or
     * when the reader rejected the data (summary().error); the summary is then final.
     */
    bool fill();
    /** The current packet; valid until pop() or the next fill(). */
    capture::CapturePacket head() const;
    /** Merge key of head(): its time, or the previous packet's for packets without one. */
    qint64 headTime() const;
    void pop();
    /** Stops reading (import cancelled): the summary is completed with what was read, cancelled set. */
    void abandon();

    bool isFinished() const noexcept { return m_finished; }
    /** True while nothing but the file header has been seen. */
    bool hasPackets() const noexcept { return m_packetsSeen > 0; }
    quint64 bytesRead() const noexcept { return m_bytesRead; }
    quint64 fileSize() const noexcept { return m_summary.fileSize; }
    capture::CaptureError error() const noexcept { return m_reader ? m_reader->error() : m_openError; }
    QString errorString() const { return m_errorString; }
    /** capinfos-like properties; complete once fill() returned false. */
    const capture::CaptureSummary &summary() const noexcept { return m_summary; }
    const QString &path() const noexcept { return m_summary.path; }

private:
    struct Slot
    {
        capture::CapturePacket packet;
        size_t offset = 0;
        qint64 key = 0;
    };
    void onPacket(const capture::CapturePacket &packet);
    void finish();

    QFile m_file;
    std::unique_ptr<capture::CaptureReader> m_reader;
    capture::CaptureSummary m_summary;
    capture::CaptureError m_openError = capture::CaptureError::None;
    QString m_errorString;
    QByteArray m_chunk;
    std::vector<uchar> m_arena;
    std::vector<Slot> m_slots;
    size_t m_next = 0;
    qint64 m_lastKey = 0;
    quint64 m_bytesRead = 0;
    quint64 m_packetsSeen = 0;
    bool m_finished = false;
};

} // namespace d4::import
