// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/capturesource.h"

#include <cstring>

namespace d4::import {

CaptureSource::CaptureSource(QString path)
    : m_file(path)
{
    m_summary.path = std::move(path);
    m_summary.format = capture::CaptureReader::formatName(capture::CaptureReader::Format::Unknown);
}

CaptureSource::~CaptureSource() = default;

bool CaptureSource::open()
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_openError = capture::CaptureError::NotACapture;
        m_summary.error = m_openError;
        m_errorString = m_file.errorString();
        m_finished = true;
        return false;
    }
    m_summary.fileSize = static_cast<quint64>(m_file.size());
    m_reader = std::make_unique<capture::CaptureReader>(
        [this](const capture::CapturePacket &packet) { onPacket(packet); });
    m_chunk.resize(kChunkSize);
    return true;
}

void CaptureSource::onPacket(const capture::CapturePacket &packet)
{
    ++m_packetsSeen;
    Slot slot;
    slot.packet = packet;
    slot.packet.data = nullptr;
    slot.offset = m_arena.size();
    if (packet.hasTimestamp) {
        m_lastKey = packet.timestampNs;
        if (!m_summary.hasTimes) {
            m_summary.firstNs = packet.timestampNs;
            m_summary.lastNs = packet.timestampNs;
            m_summary.hasTimes = true;
        }
        m_summary.firstNs = qMin(m_summary.firstNs, packet.timestampNs);
        m_summary.lastNs = qMax(m_summary.lastNs, packet.timestampNs);
    }
    slot.key = m_lastKey;
    m_arena.resize(m_arena.size() + packet.capturedLength);
    if (packet.capturedLength > 0) {
        std::memcpy(m_arena.data() + slot.offset, packet.data, packet.capturedLength);
    }
    m_slots.push_back(slot);
}

bool CaptureSource::fill()
{
    while (m_next >= m_slots.size()) {
        if (m_finished) {
            return false;
        }
        m_slots.clear();
        m_arena.clear();
        m_next = 0;
        const qint64 got = m_file.read(m_chunk.data(), m_chunk.size());
        if (got <= 0) {
            m_reader->finish();
            finish();
            return m_next < m_slots.size(); // finish() never emits packets, kept for clarity
        }
        m_bytesRead += static_cast<quint64>(got);
        if (!m_reader->feed(QByteArrayView(m_chunk.constData(), got))) {
            finish();
            // Packets completed before the bad data are still delivered.
            return m_next < m_slots.size();
        }
    }
    return true;
}

capture::CapturePacket CaptureSource::head() const
{
    capture::CapturePacket packet = m_slots[m_next].packet;
    packet.data = m_arena.data() + m_slots[m_next].offset;
    return packet;
}

qint64 CaptureSource::headTime() const
{
    return m_slots[m_next].key;
}

void CaptureSource::pop()
{
    ++m_next;
}

void CaptureSource::abandon()
{
    if (m_finished) {
        return;
    }
    m_summary.cancelled = true;
    finish();
}

void CaptureSource::finish()
{
    m_finished = true;
    m_file.close();
    m_summary.error = m_reader->error();
    m_summary.format = capture::CaptureReader::formatName(m_reader->format());
    m_summary.compressed = m_reader->isCompressed();
    m_summary.bigEndian = m_reader->isBigEndian();
    m_summary.interfaces = m_reader->interfaces();
    m_summary.packets = m_reader->stats().packets;
    m_summary.snapTruncatedPackets = m_reader->stats().truncatedPackets;
    m_summary.truncatedBytes = m_reader->truncatedBytes();
    m_summary.compressionTruncated = m_reader->isCompressionTruncated();
    if (!m_summary.ok()) {
        m_errorString = capture::captureErrorText(m_summary.error);
    }
}

} // namespace d4::import
