// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/leftoverfiles.h"

#include <algorithm>

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>

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

QString markerOf(const QString &pcapPath)
{
    return pcapPath + LeftoverFiles::queuePendingSuffix();
}

/** Writes @p content to @p path atomically: a reader sees the old or the new content, whole. */
bool writeMarker(const QString &path, const QByteArray &content)
{
    QSaveFile marker(path);
    return marker.open(QIODevice::WriteOnly) && marker.write(content) == content.size() && marker.commit();
}

/**
 * The compressed file a marker points to, when its pcap is gone (the compression finished). Empty
 * when the marker is stale: written before a compression that never finished and whose pcap was
 * removed since, or pointing to a file that is gone.
 */
QString compressedFileOf(const QString &markerPath)
{
    QFile marker(markerPath);
    if (!marker.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QString path = QFile::decodeName(marker.readAll());
    const QString pcap = markerPath.chopped(LeftoverFiles::queuePendingSuffix().size());
    if (path.isEmpty() || QFileInfo(path).absolutePath() != QFileInfo(pcap).absolutePath() ||
        !QFileInfo(path).fileName().startsWith(QFileInfo(pcap).fileName()) || !QFileInfo::exists(path)) {
        return {};
    }
    return path;
}

/** Pushes @p path to the sensor's type-1 queues, retrying as recover() describes. */
bool queuePath(const LeftoverFiles::File &file, const QString &path, AnalyzerQueues &queues,
               const std::atomic<bool> *stopRequested, int retryMs)
{
    bool warned = false;
    QDeadlineTimer nextWarning;
    while (!queues.push(file.sensorUuid, "1", false, {QFile::encodeName(path)})) {
        if (!warned || nextWarning.hasExpired()) {
            qCWarning(lcWorkers).noquote() << "cannot queue" << path << ":" << queues.errorString()
                                           << (stopRequested ? "(retrying)" : "");
            warned = true;
            nextWarning.setRemainingTime(30000);
        }
        if (!stopRequested) {
            return false;
        }
        for (int waited = 0; waited < retryMs; waited += 50) {
            if (stopRequested->load()) {
                return false;
            }
            QThread::msleep(50);
        }
    }
    return true;
}

} // namespace

QString LeftoverFiles::queuePendingSuffix()
{
    return QStringLiteral(".queue-pending");
}

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
    // Compressions a crash cut short: their originals are listed above and compressed again.
    QDirIterator partials(saveDirectory, {QLatin1String(".*") + GzipCompressor::partialSuffix()},
                          QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (partials.hasNext()) {
        const QString partial = partials.next();
        qCInfo(lcWorkers).noquote() << "removing" << partial
                                    << ": a compression a previous run did not finish";
        QFile::remove(partial);
    }
    // Pcaps compressed by an earlier run whose path never reached the queues.
    QDirIterator markers(saveDirectory, {QLatin1Char('*') + queuePendingSuffix()},
                         QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (markers.hasNext()) {
        const QString markerPath = markers.next();
        const QString pcap = markerPath.chopped(queuePendingSuffix().size());
        if (QFileInfo::exists(pcap)) {
            continue; // listed above: compressed and queued as any leftover
        }
        const QString compressed = compressedFileOf(markerPath);
        const QString name = QFileInfo(pcap).fileName();
        const QRegularExpressionMatch match = rotatedName().match(name);
        if (compressed.isEmpty() || !match.hasMatch() || match.captured(2) != QLatin1String(".cap")) {
            qCWarning(lcWorkers).noquote() << "removing" << markerPath << ": it names no compressed capture";
            QFile::remove(markerPath);
            continue;
        }
        files.append({compressed, match.captured(1).toLatin1(), 1, true});
    }
    std::sort(files.begin(), files.end(), [](const File &a, const File &b) { return a.path < b.path; });
    return files;
}

LeftoverFiles::Outcome LeftoverFiles::finish(const File &file, AnalyzerQueues &queues, QString &finishedPath,
                                             QString &error, const std::atomic<bool> *stopRequested,
                                             int retryMs)
{
    const bool queued = file.type == 1;
    QString compressed = file.path;
    QString marker;
    if (file.compressed) {
        marker = markerOf(compressed.left(compressed.lastIndexOf(QLatin1String(".cap")) + 4));
    } else {
        marker = queued ? markerOf(file.path) : QString();
        if (queued && !QFileInfo::exists(marker) && !writeMarker(marker, {})) {
            qCWarning(lcWorkers).noquote() << "cannot create" << marker << "; compressing without it";
        }
        compressed = GzipCompressor::compress(file.path, error);
        if (compressed.isEmpty()) {
            return Outcome::NotCompressed;
        }
        if (queued) {
            writeMarker(marker, QFile::encodeName(compressed));
        }
    }
    if (queued) {
        if (!queuePath(file, compressed, queues, stopRequested, retryMs)) {
            error = QStringLiteral("cannot queue %1: %2").arg(compressed, queues.errorString());
            return Outcome::NotQueued;
        }
        QFile::remove(marker);
    }
    finishedPath = compressed;
    return Outcome::Finished;
}

int LeftoverFiles::recover(const QList<File> &files, AnalyzerQueues &queues, int &failed,
                           const std::atomic<bool> *stopRequested, int retryMs)
{
    int recovered = 0;
    failed = 0;
    for (const File &file : files) {
        QString finished;
        QString error;
        const Outcome outcome = finish(file, queues, finished, error, stopRequested, retryMs);
        if (outcome != Outcome::Finished) {
            if (outcome == Outcome::NotCompressed) {
                qCWarning(lcWorkers).noquote()
                    << "cannot compress the file a previous run left open:" << error;
            }
            ++failed;
            continue;
        }
        qCInfo(lcWorkers).noquote() << (file.compressed ? "queued" : "compressed") << finished
                                    << "(left open by a previous run)";
        ++recovered;
    }
    return recovered;
}

} // namespace d4::workers
