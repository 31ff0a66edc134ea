// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/gzipcompressor.h"

#include <zlib.h>

#include <QFile>
#include <QFileInfo>

namespace d4::workers {

QString GzipCompressor::targetName(const QString &path)
{
    QString candidate = path + QStringLiteral(".gz");
    for (int index = 1; QFileInfo::exists(candidate); ++index) {
        candidate = path + QLatin1Char('.') + QString::number(index) + QStringLiteral(".gz");
    }
    return candidate;
}

QString GzipCompressor::partialName(const QString &target)
{
    const QFileInfo info(target);
    return info.path() + QStringLiteral("/.") + info.fileName() + partialSuffix();
}

QString GzipCompressor::partialSuffix()
{
    return QStringLiteral(".partial");
}

QString GzipCompressor::compress(const QString &path, QString &error)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, input.errorString());
        return {};
    }
    const QString target = targetName(path);
    // Written under a hidden name and renamed when whole: a reader that lists the directory or
    // opens the .gz as soon as it appears never sees a half-written file.
    const QString partial = partialName(target);
    // Level 1: rotation happens on the worker thread, and speed matters more than the last 10 %.
    gzFile output = gzopen(QFile::encodeName(partial).constData(), "wb1");
    if (!output) {
        error = QStringLiteral("cannot create %1").arg(partial);
        return {};
    }
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    bool ok = true;
    for (;;) {
        const qint64 read = input.read(buffer.data(), buffer.size());
        if (read < 0) {
            error = QStringLiteral("cannot read %1: %2").arg(path, input.errorString());
            ok = false;
            break;
        }
        if (read == 0) {
            break;
        }
        if (gzwrite(output, buffer.constData(), static_cast<unsigned>(read)) != int(read)) {
            error = QStringLiteral("cannot write %1").arg(target);
            ok = false;
            break;
        }
    }
    if (gzclose(output) != Z_OK && ok) {
        error = QStringLiteral("cannot write %1").arg(target);
        ok = false;
    }
    if (ok && !QFile::rename(partial, target)) {
        error = QStringLiteral("cannot rename %1 to %2").arg(partial, target);
        ok = false;
    }
    if (!ok) {
        QFile::remove(partial);
        return {};
    }
    input.close();
    QFile::remove(path);
    return target;
}

QByteArray GzipCompressor::gzip(QByteArrayView data, int level)
{
    z_stream stream{};
    // 16 + MAX_WBITS: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return {};
    }
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) {
        return {};
    }
    out.truncate(written);
    return out;
}

} // namespace d4::workers
