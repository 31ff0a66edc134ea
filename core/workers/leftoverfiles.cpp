// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/leftoverfiles.h"

#include <algorithm>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

#include "workers/analyzerqueues.h"
#include "workers/gzipcompressor.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

namespace d4::workers {

namespace {

/** The file name of a rotated worker file: `<uuid>-YYYY-MM-DD-HHMMSS.<suffix>`. */
const QRegularExpression &rotatedName()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^([0-9A-Fa-f-]{32,36})-\d{4}-\d{2}-\d{2}-\d{6})"
                       R"((\.cap|\.syslog\.txt|\.passivedns\.txt|\.dnscap\.txt|\.ndjson|\.txt)$)"));
    return pattern;
}

bool isNumber(const QString &text, qsizetype digits)
{
    if (text.size() != digits) {
        return false;
    }
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

} // namespace

QList<LeftoverFiles::File> LeftoverFiles::find(const QString &saveDirectory)
{
    QList<File> files;
    const QDir root(saveDirectory);
    QDirIterator it(saveDirectory,
                    {QStringLiteral("*.cap"), QStringLiteral("*.txt"), QStringLiteral("*.ndjson")},
                    QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QRegularExpressionMatch match = rotatedName().match(it.fileName());
        if (!match.hasMatch()) {
            continue;
        }
        const QStringList parts = root.relativeFilePath(path).split(QLatin1Char('/'));
        // <uuid>/<type>/YYYY/MM/DD/<name>, or <uuid>/254/YYYY/MM/DD/<ext>/<name>
        const bool extended = parts.size() == 7 && parts[1] == QLatin1String("254");
        if ((parts.size() != 6 && !extended) || parts[0] != match.captured(1) || !isNumber(parts[2], 4) ||
            !isNumber(parts[3], 2) || !isNumber(parts[4], 2)) {
            continue;
        }
        bool ok = false;
        const int type = parts[1].toInt(&ok);
        const QString suffix = match.captured(2);
        const bool suffixFits = (type == 1 && suffix == QLatin1String(".cap")) ||
                                (type == 3 && suffix == QLatin1String(".syslog.txt")) ||
                                (type == 4 && suffix == QLatin1String(".dnscap.txt")) ||
                                (type == 6 && suffix == QLatin1String(".ndjson")) ||
                                (type == 8 && suffix == QLatin1String(".passivedns.txt")) ||
                                (extended && suffix == QLatin1String(".txt"));
        if (ok && suffixFits) {
            files.append({path, parts[0].toLatin1(), type});
        }
    }
    std::sort(files.begin(), files.end(), [](const File &a, const File &b) { return a.path < b.path; });
    return files;
}

int LeftoverFiles::recover(const QList<File> &files, AnalyzerQueues &queues, int &failed)
{
    int recovered = 0;
    failed = 0;
    for (const File &file : files) {
        QString error;
        const QString compressed = GzipCompressor::compress(file.path, error);
        if (compressed.isEmpty()) {
            qCWarning(lcWorkers).noquote() << "cannot compress the file a previous run left open:" << error;
            ++failed;
            continue;
        }
        if (file.type == 1 && !queues.push(file.sensorUuid, "1", false, {QFile::encodeName(compressed)})) {
            qCWarning(lcWorkers).noquote() << "cannot queue" << compressed << ":" << queues.errorString();
            ++failed;
            continue;
        }
        qCInfo(lcWorkers).noquote() << "compressed" << compressed << "(left open by a previous run)";
        ++recovered;
    }
    return recovered;
}

} // namespace d4::workers
