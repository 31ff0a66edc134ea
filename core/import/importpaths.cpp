// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/importpaths.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace d4::import {

QStringList ImportPaths::expand(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            files.append(path);
            continue;
        }
        QStringList inside;
        QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            inside.append(it.next());
        }
        std::sort(inside.begin(), inside.end());
        files.append(inside);
    }
    return files;
}

bool ImportPaths::looksLikeCapture(const QString &path, QString *why)
{
    const auto refuse = [&](const QString &reason) {
        if (why) {
            *why = reason;
        }
        return false;
    };
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (QFileInfo(path).isDir()) {
        return refuse(QCoreApplication::translate("d4::import", "%1 is a folder").arg(name));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return refuse(
            QCoreApplication::translate("d4::import", "%1 cannot be read: %2").arg(name, file.errorString()));
    }
    const QByteArray head = file.read(4);
    if (head.isEmpty()) {
        return refuse(QCoreApplication::translate("d4::import", "%1 is empty").arg(name));
    }
    if (head.size() >= 2 && static_cast<uchar>(head[0]) == 0x1f && static_cast<uchar>(head[1]) == 0x8b) {
        return true;
    }
    if (head.size() == 4) {
        const quint32 magic = qFromBigEndian<quint32>(head.constData());
        for (quint32 known : {0xa1b2c3d4U, 0xd4c3b2a1U, 0xa1b23c4dU, 0x4d3cb2a1U, 0x0a0d0d0aU}) {
            if (magic == known) {
                return true;
            }
        }
    }
    return refuse(QCoreApplication::translate("d4::import", "%1 is not a capture file (pcap, pcapng or gzip)")
                      .arg(name));
}

} // namespace d4::import
