// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/capturereplay.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QtEndian>

#include "workers/analyzerqueues.h"
#include "workers/gzipcompressor.h"
#include "workers/rotatingfile.h"

namespace d4::import {

namespace {

template <typename T> void put(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

} // namespace

CaptureReplay::CaptureReplay(const ImportOptions &options)
    : m_options(options)
{
}

QList<QPair<quint32, quint64>> CaptureReplay::linkTypes() const
{
    QList<QPair<quint32, quint64>> out;
    for (const Stream &stream : m_streams) {
        out.append({stream.linkType, stream.packets});
    }
    return out;
}

CaptureReplay::Stream *CaptureReplay::open(quint32 linkType)
{
    if (m_streams.empty()) {
        m_started = QDateTime::currentDateTime();
    }
    const QString dir = m_options.replayDirectory + QLatin1Char('/') +
                        QString::fromLatin1(m_options.replaySensorUuid) + QStringLiteral("/1/") +
                        workers::RotatingFile::datePath(m_started);
    if (!QDir().mkpath(dir)) {
        m_error = QStringLiteral("cannot create %1").arg(dir);
        return nullptr;
    }
    QString name = workers::RotatingFile::baseName(m_options.replaySensorUuid, m_started);
    if (!m_streams.empty()) {
        name += QStringLiteral("-linktype-%1").arg(linkType);
    }
    auto file = std::make_unique<QFile>(dir + QLatin1Char('/') + name + QStringLiteral(".cap"));
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = file->errorString();
        return nullptr;
    }
    QByteArray header;
    put<quint32>(header, 0xa1b2c3d4U);
    put<quint16>(header, 2);
    put<quint16>(header, 4);
    put<qint32>(header, 0);
    put<quint32>(header, 0);
    put<quint32>(header, 262144);
    put<quint32>(header, linkType);
    if (file->write(header) != header.size()) {
        m_error = file->errorString();
        return nullptr;
    }
    m_streams.push_back(Stream{linkType, std::move(file), 0});
    return &m_streams.back();
}

bool CaptureReplay::write(const capture::CapturePacket &packet)
{
    if (m_failed) {
        return false;
    }
    Stream *stream = nullptr;
    for (Stream &candidate : m_streams) {
        if (candidate.linkType == packet.linkType) {
            stream = &candidate;
            break;
        }
    }
    if (!stream) {
        stream = open(packet.linkType);
        if (!stream) {
            m_failed = true;
            return false;
        }
    }
    QByteArray bytes;
    bytes.reserve(16 + static_cast<qsizetype>(packet.capturedLength));
    const qint64 ns = packet.timestampNs;
    put<quint32>(bytes, static_cast<quint32>(ns / 1'000'000'000));
    put<quint32>(bytes, static_cast<quint32>((ns % 1'000'000'000) / 1000));
    put<quint32>(bytes, packet.capturedLength);
    put<quint32>(bytes, packet.originalLength);
    bytes.append(reinterpret_cast<const char *>(packet.data), packet.capturedLength);
    if (stream->file->write(bytes) != bytes.size()) {
        m_error = stream->file->errorString();
        m_failed = true;
        return false;
    }
    ++stream->packets;
    ++m_written;
    return true;
}

QStringList CaptureReplay::finish()
{
    QStringList compressed;
    for (Stream &stream : m_streams) {
        stream.file->close();
        if (m_failed) {
            continue;
        }
        const QString path = workers::GzipCompressor::compress(stream.file->fileName(), m_error);
        if (path.isEmpty()) {
            m_failed = true;
            continue;
        }
        compressed.append(path);
    }
    if (m_failed || compressed.isEmpty()) {
        return {};
    }
    if (!m_options.metadataStore || !m_options.analyzerStore) {
        m_error = QStringLiteral("no analyzer store configured");
        return {};
    }
    workers::AnalyzerQueues queues(*m_options.metadataStore, *m_options.analyzerStore,
                                   m_options.analyzerQueueMaxSize);
    QList<QByteArray> items;
    for (const QString &path : std::as_const(compressed)) {
        items.append(QFile::encodeName(path));
    }
    if (!queues.push(m_options.replaySensorUuid, "1", false, items)) {
        m_error = queues.errorString();
        return {};
    }
    return compressed;
}

} // namespace d4::import
