// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscatterretention.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace d4::analyzers::backscatter {

namespace {

Q_LOGGING_CATEGORY(lcRetention, "d4.backscatter")

int removeMatching(const QString &directory, const QDateTime &cutoff, bool (*matches)(const QString &))
{
    if (directory.isEmpty()) {
        return 0;
    }
    int removed = 0;
    const QFileInfoList files = QDir(directory).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoSymLinks);
    for (const QFileInfo &file : files) {
        if (!matches(file.fileName()) || file.lastModified() >= cutoff) {
            continue;
        }
        if (QFile::remove(file.filePath())) {
            ++removed;
        } else {
            qCWarning(lcRetention).noquote() << "cannot remove the expired" << file.filePath();
        }
    }
    return removed;
}

} // namespace

bool BackscatterRetention::isAttacksFile(const QString &fileName)
{
    static const QRegularExpression pattern(QStringLiteral("^attacks-\\d{4}-\\d{2}-\\d{2}\\.ndjson$"));
    return pattern.match(fileName).hasMatch();
}

bool BackscatterRetention::isEvidenceFile(const QString &fileName)
{
    // EvidenceWriter::fileName(), numbered by BackscatterReporter when the name is taken.
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{1,3}(\\.\\d{1,3}){3}-[a-z0-9]+-\\d{8}T\\d{6}(\\.\\d{1,9})?Z(-\\d+)?\\.pcap(ng)?$"));
    return pattern.match(fileName).hasMatch();
}

int BackscatterRetention::removeOlderThan(const QString &directory, const QString &evidenceDirectory,
                                          const QDateTime &cutoff)
{
    return removeMatching(directory, cutoff, &isAttacksFile) +
           removeMatching(evidenceDirectory, cutoff, &isEvidenceFile);
}

} // namespace d4::analyzers::backscatter
