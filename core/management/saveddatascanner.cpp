// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/saveddatascanner.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace d4::management {

namespace {
constexpr int kHistoryDays = 7;
}

QList<SavedData> SavedDataScanner::scan(const QString &saveDirectory, const QByteArray &uuid,
                                        const QDate &today)
{
    QList<SavedData> result;
    if (saveDirectory.isEmpty()) {
        return result;
    }
    const QDir sensorDir(QDir(saveDirectory).filePath(QString::fromLatin1(uuid)));
    const QDate firstDay = today.addDays(-(kHistoryDays - 1));
    for (const QString &type : sensorDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        SavedData saved;
        saved.type = type;
        const QString typeRoot = sensorDir.filePath(type);
        QDirIterator it(typeRoot, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            ++saved.files;
            saved.bytes += info.size();
            // <type>/YYYY/MM/DD/<file>
            const QStringList parts =
                QDir(typeRoot).relativeFilePath(info.filePath()).split(QLatin1Char('/'));
            if (parts.size() >= 4) {
                const QDate day(parts[0].toInt(), parts[1].toInt(), parts[2].toInt());
                if (day.isValid() && day >= firstDay && day <= today) {
                    ++saved.filesPerDay[day];
                    saved.bytesPerDay[day] += info.size();
                }
            }
        }
        result.append(saved);
    }
    return result;
}

} // namespace d4::management
