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

bool CaptureReplay::write(const capture::CapturePacket &packet)
{
    if (m_failed) {
        return false;
    }
    QByteArray bytes;
    if (!m_file.isOpen()) {
        const QDateTime now = QDateTime::currentDateTime();
        const QString dir = m_options.replayDirectory + QLatin1Char('/') +
                            QString::fromLatin1(m_options.replaySensorUuid) + QStringLiteral("/1/") +
                            workers::RotatingFile::datePath(now);
        if (!QDir().mkpath(dir)) {
            m_error = QStringLiteral("cannot create %1").arg(dir);
            m_failed = true;
            return false;
        }
        m_file.setFileName(dir + QLatin1Char('/') +
                           workers::RotatingFile::baseName(m_options.replaySensorUuid, now) +
                           QStringLiteral(".cap"));
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = m_file.errorString();
            m_failed = true;
            return false;
        }
        m_linkType = packet.linkType;
        put<quint32>(bytes, 0xa1b2c3d4U);
        put<quint16>(bytes, 2);
        put<quint16>(bytes, 4);
        put<qint32>(bytes, 0);
        put<quint32>(bytes, 0);
        put<quint32>(bytes, 262144);
        put<quint32>(bytes, m_linkType);
    }
    if (packet.linkType != m_linkType) {
        ++m_skipped;
        return true;
    }
    const qint64 ns = packet.timestampNs;
    put<quint32>(bytes, static_cast<quint32>(ns / 1'000'000'000));
    put<quint32>(bytes, static_cast<quint32>((ns % 1'000'000'000) / 1000));
    put<quint32>(bytes, packet.capturedLength);
    put<quint32>(bytes, packet.originalLength);
    bytes.append(reinterpret_cast<const char *>(packet.data), packet.capturedLength);
    if (m_file.write(bytes) != bytes.size()) {
        m_error = m_file.errorString();
        m_failed = true;
        return false;
    }
    ++m_written;
    return true;
}

QString CaptureReplay::finish()
{
    if (!m_file.isOpen()) {
        return {};
    }
    const QString path = m_file.fileName();
    m_file.close();
    if (m_failed) {
        return {};
    }
    const QString compressed = workers::GzipCompressor::compress(path, m_error);
    if (compressed.isEmpty()) {
        return {};
    }
    if (!m_options.metadataStore || !m_options.analyzerStore) {
        m_error = QStringLiteral("no analyzer store configured");
        return {};
    }
    workers::AnalyzerQueues queues(*m_options.metadataStore, *m_options.analyzerStore,
                                   m_options.analyzerQueueMaxSize);
    if (!queues.push(m_options.replaySensorUuid, "1", false, {QFile::encodeName(compressed)})) {
        m_error = queues.errorString();
        return {};
    }
    return compressed;
}

} // namespace d4::import
