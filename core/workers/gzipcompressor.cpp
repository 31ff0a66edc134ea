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

QString GzipCompressor::compress(const QString &path, QString &error)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, input.errorString());
        return {};
    }
    const QString target = targetName(path);
    // Level 1: rotation happens on the worker thread, and speed matters more than the last 10 %.
    gzFile output = gzopen(QFile::encodeName(target).constData(), "wb1");
    if (!output) {
        error = QStringLiteral("cannot create %1").arg(target);
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
    if (!ok) {
        QFile::remove(target);
        return {};
    }
    input.close();
    QFile::remove(path);
    return target;
}

} // namespace d4::workers
