// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyze.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include "analyzebackscatter.h"
#include "analyzepassivedns.h"
#include "analyzers/backscatter/backscatterexport.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"

namespace d4::app {

namespace {

using analyzers::backscatter::BackscatterExport;
using analyzers::backscatter::BackscatterSettings;
using analyzers::backscatter::MonitoredPrefix;

enum ExitCode
{
    ExitOk = 0,
    ExitFileRejected = 1,
    ExitBadCommandLine = 2
};

QString tr(const char *text)
{
    return QCoreApplication::translate("d4::analyze", text);
}

/** One input file with its first packet time (for chronological order) and, later, its summary. */
struct InputFile
{
    QString path;
    qint64 firstNs = 0;
    bool hasTime = false;
    capture::CaptureSummary summary;
    capture::PacketDecoder::Stats decode;
};

qint64 firstPacketTime(const QString &path, bool &hasTime)
{
    std::atomic_bool stop{false};
    qint64 first = 0;
    hasTime = false;
    capture::CaptureFileReader::read(
        path,
        [&](const capture::CapturePacket &packet) {
            if (packet.hasTimestamp && !hasTime) {
                first = packet.timestampNs;
                hasTime = true;
                stop = true;
            }
        },
        {}, &stop);
    return first;
}

QJsonObject fileToJson(const InputFile &file)
{
    const capture::CaptureSummary &s = file.summary;
    QJsonArray interfaces;
    for (qsizetype i = 0; i < s.interfaces.size(); ++i) {
        const capture::CaptureInterface &interface = s.interfaces[i];
        interfaces.append(
            QJsonObject{{QStringLiteral("id"), i},
                        {QStringLiteral("link_type"), static_cast<qint64>(interface.linkType)},
                        {QStringLiteral("name"), interface.name},
                        {QStringLiteral("time_resolution"), interface.resolutionText()},
                        {QStringLiteral("snap_length"), static_cast<qint64>(interface.snapLength)},
                        {QStringLiteral("packets"), static_cast<qint64>(interface.packets)}});
    }
    QJsonArray linkTypes;
    for (quint32 type : s.linkTypes()) {
        linkTypes.append(static_cast<qint64>(type));
    }
    QJsonObject decode;
    for (int i = 0; i < capture::DecodedPacket::kStatusCount; ++i) {
        decode.insert(
            QLatin1String(capture::PacketDecoder::statusKey(static_cast<capture::DecodedPacket::Status>(i))),
            static_cast<qint64>(file.decode.status[i]));
    }
    QJsonObject json{
        {QStringLiteral("path"), s.path},
        {QStringLiteral("file_size"), static_cast<qint64>(s.fileSize)},
        {QStringLiteral("format"), s.format},
        {QStringLiteral("compressed"), s.compressed},
        {QStringLiteral("byte_order"),
         s.bigEndian ? QStringLiteral("big-endian") : QStringLiteral("little-endian")},
        {QStringLiteral("time_precision"), QJsonArray::fromStringList(s.precisions())},
        {QStringLiteral("link_types"), linkTypes},
        {QStringLiteral("interfaces"), interfaces},
        {QStringLiteral("packets"), static_cast<qint64>(s.packets)},
        {QStringLiteral("snap_truncated_packets"), static_cast<qint64>(s.snapTruncatedPackets)},
        {QStringLiteral("truncated_bytes"), static_cast<qint64>(s.truncatedBytes)},
        {QStringLiteral("compression_truncated"), s.compressionTruncated},
        {QStringLiteral("decode"), decode},
        {QStringLiteral("ok"), s.ok()},
    };
    if (s.hasTimes) {
        json.insert(QStringLiteral("first_time"), BackscatterExport::isoTime(s.firstNs));
        json.insert(QStringLiteral("last_time"), BackscatterExport::isoTime(s.lastNs));
        json.insert(QStringLiteral("first_time_ns"), QString::number(s.firstNs));
        json.insert(QStringLiteral("last_time_ns"), QString::number(s.lastNs));
        json.insert(QStringLiteral("duration_s"), static_cast<double>(s.lastNs - s.firstNs) / 1e9);
    }
    if (!s.warningText().isEmpty()) {
        json.insert(QStringLiteral("warning"), s.warningText());
    }
    if (!s.ok()) {
        json.insert(QStringLiteral("error"), QLatin1String(capture::captureErrorKey(s.error)));
        json.insert(QStringLiteral("error_text"), capture::captureErrorText(s.error));
    }
    return json;
}

void writeFileText(QTextStream &out, const InputFile &file)
{
    const capture::CaptureSummary &s = file.summary;
    out << "File name:           " << s.path << '\n';
    if (!s.ok()) {
        out << "Error:               " << capture::captureErrorText(s.error) << '\n';
        if (s.packets == 0) {
            out << '\n';
            return;
        }
    }
    out << "File type:           " << s.format << (s.compressed ? " (gzip-compressed)" : "") << '\n';
    out << "Byte order:          " << (s.bigEndian ? "big-endian" : "little-endian") << '\n';
    out << "Time precision:      " << s.precisions().join(QStringLiteral(", ")) << '\n';
    QStringList types;
    for (quint32 type : s.linkTypes()) {
        types << QString::number(type);
    }
    out << "Link types:          " << types.join(QStringLiteral(", ")) << '\n';
    out << "Interfaces:          " << s.interfaces.size() << '\n';
    for (qsizetype i = 0; i < s.interfaces.size(); ++i) {
        const auto &interface = s.interfaces[i];
        out << "  #" << i << ": link type " << interface.linkType << ", " << interface.resolutionText()
            << ", " << interface.packets << " packets"
            << (interface.name.isEmpty() ? QString() : QStringLiteral(", ") + interface.name) << '\n';
    }
    out << "Number of packets:   " << s.packets << '\n';
    out << "File size:           " << s.fileSize << " bytes\n";
    if (s.hasTimes) {
        out << "First packet time:   " << BackscatterExport::isoTime(s.firstNs) << '\n';
        out << "Last packet time:    " << BackscatterExport::isoTime(s.lastNs) << '\n';
        out << "Capture duration:    "
            << QString::number(static_cast<double>(s.lastNs - s.firstNs) / 1e9, 'f', 9) << " s\n";
    }
    if (!s.warningText().isEmpty()) {
        out << "Warning:             " << s.warningText() << '\n';
    }
    out << '\n';
}

} // namespace

int runAnalyze(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Analyses capture files (pcap, pcapng, gzip-compressed or not) like capinfos, plus backscatter\n"
           "DDoS inference (Corsaro thresholds by default) and the passive DNS records of the DNS\n"
           "responses (\"passive_dns\" in JSON). Files are processed in first-packet order.\n\n"
           "Each attack keeps evidence packets (its first and its most recent backscatter packets);\n"
           "--evidence-dir writes them as one pcap per attack, named victim-protocol-start.pcap, and\n"
           "the report names the files.\n\n"
           "Exit codes: 0 every file read (warnings allowed), 1 a file was rejected or an evidence file\n"
           "could not be written, 2 bad command line."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("analyze"), tr("The subcommand."));
    parser.addPositionalArgument(QStringLiteral("files"), tr("Capture files."), QStringLiteral("FILE..."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print one JSON document instead of text."));
    const QCommandLineOption prefixOption(
        QStringLiteral("prefix"), tr("A monitored IPv4 prefix (repeatable), for estimated attack rates."),
        tr("cidr"));
    const QCommandLineOption presetOption(QStringLiteral("preset"),
                                          tr("Thresholds: corsaro (default), moore, sensitive."), tr("name"));
    const QCommandLineOption minPacketsOption(QStringLiteral("min-packets"),
                                              tr("Attack: at least <n> packets."), tr("n"));
    const QCommandLineOption minDurationOption(QStringLiteral("min-duration"),
                                               tr("Attack: lasting at least <s> seconds."), tr("s"));
    const QCommandLineOption minWindowOption(QStringLiteral("min-window-packets"),
                                             tr("Attack: at least <n> packets in one window."), tr("n"));
    const QCommandLineOption windowOption(QStringLiteral("window"),
                                          tr("The sliding window of --min-window-packets and of the max ppm, "
                                             "in seconds (default 60)."),
                                          tr("s"));
    const QCommandLineOption slideOption(QStringLiteral("slide"),
                                         tr("How far the window slides, in seconds (default 10)."), tr("s"));
    const QCommandLineOption udpOption(QStringLiteral("udp-responses"),
                                       tr("Count UDP from port 53 as backscatter."));
    const QCommandLineOption pibsOption(QStringLiteral("pibs"),
                                        tr("Also reproduce analyzer-d4-pibs's output."));
    const QCommandLineOption pibsCsvOption(QStringLiteral("pibs-csv"),
                                           tr("Write PIBS's CSV lines to <file>."), tr("file"));
    const QCommandLineOption evidenceDirOption(
        QStringLiteral("evidence-dir"), tr("Write each attack's evidence packets as a pcap into <dir>."),
        tr("dir"));
    const QCommandLineOption evidenceFirstOption(QStringLiteral("evidence-packets"),
                                                 tr("Evidence: keep the first <n> packets of each attack "
                                                    "(default 25; 0 with --evidence-recent 0: none)."),
                                                 tr("n"));
    const QCommandLineOption evidenceRecentOption(
        QStringLiteral("evidence-recent"),
        tr("Evidence: also keep the <n> most recent packets (default 25)."), tr("n"));
    parser.addOptions({jsonOption, prefixOption, presetOption, minPacketsOption, minDurationOption,
                       minWindowOption, windowOption, slideOption, udpOption, pibsOption, pibsCsvOption,
                       evidenceDirOption, evidenceFirstOption, evidenceRecentOption});
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "d4-server analyze: " << parser.errorText() << '\n';
        return ExitBadCommandLine;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitOk;
    }
    QStringList paths = parser.positionalArguments();
    if (!paths.isEmpty() && paths.constFirst() == QStringLiteral("analyze")) {
        paths.removeFirst();
    }
    if (paths.isEmpty()) {
        err << "d4-server analyze: " << tr("no capture file given") << '\n';
        return ExitBadCommandLine;
    }

    BackscatterSettings settings;
    if (parser.isSet(presetOption)) {
        const QString preset = parser.value(presetOption);
        if (preset == QStringLiteral("moore")) {
            settings = BackscatterSettings::fromPreset(BackscatterSettings::Preset::Moore);
        } else if (preset == QStringLiteral("sensitive")) {
            settings = BackscatterSettings::fromPreset(BackscatterSettings::Preset::Sensitive);
        } else if (preset != QStringLiteral("corsaro")) {
            err << "d4-server analyze: " << tr("unknown preset '%1'").arg(preset) << '\n';
            return ExitBadCommandLine;
        }
    }
    const auto number = [&](const QCommandLineOption &option, quint64 &target) {
        if (!parser.isSet(option)) {
            return true;
        }
        bool ok = false;
        target = parser.value(option).toULongLong(&ok);
        if (!ok) {
            err << "d4-server analyze: --" << option.names().constFirst() << ": "
                << tr("'%1' is not a number").arg(parser.value(option)) << '\n';
        }
        return ok;
    };
    quint64 seconds = static_cast<quint64>(settings.thresholds.minDurationNs / 1000000000LL);
    if (!number(minPacketsOption, settings.thresholds.minPackets) || !number(minDurationOption, seconds) ||
        !number(minWindowOption, settings.thresholds.minWindowPackets)) {
        return ExitBadCommandLine;
    }
    settings.thresholds.minDurationNs = static_cast<qint64>(seconds) * 1000000000LL;
    auto windowSeconds = static_cast<quint64>(settings.thresholds.windowNs / 1000000000LL);
    auto slideSeconds = static_cast<quint64>(settings.thresholds.slideNs / 1000000000LL);
    if (!number(windowOption, windowSeconds) || !number(slideOption, slideSeconds)) {
        return ExitBadCommandLine;
    }
    constexpr quint64 kMaxWindowSeconds = 3600;
    settings.thresholds.windowNs =
        static_cast<qint64>(qMin(windowSeconds, kMaxWindowSeconds + 1)) * 1000000000LL;
    settings.thresholds.slideNs =
        static_cast<qint64>(qMin(slideSeconds, kMaxWindowSeconds + 1)) * 1000000000LL;
    if (windowSeconds > kMaxWindowSeconds || slideSeconds > kMaxWindowSeconds) {
        err << "d4-server analyze: "
            << tr("--window and --slide are at most %1 seconds").arg(kMaxWindowSeconds) << '\n';
        return ExitBadCommandLine;
    }
    if (const QString problem = settings.thresholds.windowProblem(); !problem.isEmpty()) {
        err << "d4-server analyze: --slide: " << problem << '\n';
        return ExitBadCommandLine;
    }
    auto evidenceFirst = static_cast<quint64>(settings.evidence.firstPackets);
    auto evidenceRecent = static_cast<quint64>(settings.evidence.recentPackets);
    if (!number(evidenceFirstOption, evidenceFirst) || !number(evidenceRecentOption, evidenceRecent)) {
        return ExitBadCommandLine;
    }
    constexpr quint64 kMaxEvidencePackets = 1000000;
    if (evidenceFirst > kMaxEvidencePackets || evidenceRecent > kMaxEvidencePackets) {
        err << "d4-server analyze: " << tr("at most %1 evidence packets").arg(kMaxEvidencePackets) << '\n';
        return ExitBadCommandLine;
    }
    settings.evidence.firstPackets = static_cast<qsizetype>(evidenceFirst);
    settings.evidence.recentPackets = static_cast<qsizetype>(evidenceRecent);
    if (parser.isSet(evidenceDirOption) && !settings.evidence.enabled()) {
        err << "d4-server analyze: " << tr("--evidence-dir needs evidence packets") << '\n';
        return ExitBadCommandLine;
    }
    for (const QString &text : parser.values(prefixOption)) {
        MonitoredPrefix prefix;
        if (!MonitoredPrefix::parse(text, prefix)) {
            err << "d4-server analyze: --prefix: " << tr("'%1' is not an IPv4 prefix").arg(text) << '\n';
            return ExitBadCommandLine;
        }
        settings.monitoredPrefixes.append(prefix);
    }
    settings.udpResponses = parser.isSet(udpOption);
    if (parser.isSet(pibsOption) || parser.isSet(pibsCsvOption)) {
        settings.mode = BackscatterSettings::Mode::Pibs;
    }

    // The analyses; add further sections (e.g. passive DNS) here.
    auto backscatter = std::make_unique<AnalyzeBackscatter>(settings);
    auto passiveDns = std::make_unique<AnalyzePassiveDns>();
    std::vector<AnalyzeSection *> sections{backscatter.get(), passiveDns.get()};

    // Chronological order across files (spec §5: several files merge by first timestamp).
    std::vector<InputFile> files;
    for (const QString &path : std::as_const(paths)) {
        InputFile file;
        file.path = path;
        file.firstNs = firstPacketTime(path, file.hasTime);
        files.push_back(file);
    }
    std::stable_sort(files.begin(), files.end(), [](const InputFile &a, const InputFile &b) {
        return a.hasTime && b.hasTime ? a.firstNs < b.firstNs : a.hasTime && !b.hasTime;
    });
    bool allOk = true;
    for (InputFile &file : files) {
        capture::PacketPipeline pipeline;
        for (AnalyzeSection *section : sections) {
            pipeline.addSink(section);
        }
        if (!QFileInfo(file.path).isReadable()) {
            file.summary.path = file.path;
            file.summary.format = QStringLiteral("unknown");
            file.summary.error = capture::CaptureError::NotACapture;
            err << "d4-server analyze: " << tr("cannot read %1").arg(file.path) << '\n';
            allOk = false;
            continue;
        }
        file.summary = capture::CaptureFileReader::read(
            file.path, [&pipeline](const capture::CapturePacket &packet) { pipeline.onPacket(packet); });
        file.decode = pipeline.decodeStats();
        if (!file.summary.ok()) {
            err << "d4-server analyze: " << file.path << ": " << capture::captureErrorText(file.summary.error)
                << '\n';
            allOk = false;
        } else if (!file.summary.warningText().isEmpty()) {
            err << "d4-server analyze: " << file.path << ": " << file.summary.warningText() << '\n';
        }
    }

    passiveDns->finish();

    if (parser.isSet(pibsCsvOption)) {
        QFile csv(parser.value(pibsCsvOption));
        if (!csv.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            err << "d4-server analyze: " << tr("cannot write %1").arg(csv.fileName()) << '\n';
            return ExitBadCommandLine;
        }
        for (const QByteArray &line : backscatter->pibsLines()) {
            csv.write(line);
            csv.write("\n");
        }
    }

    if (parser.isSet(evidenceDirOption)) {
        QString error;
        if (!backscatter->writeEvidence(parser.value(evidenceDirOption), error)) {
            err << "d4-server analyze: --evidence-dir: " << error << '\n';
            allOk = false;
        }
    }

    if (parser.isSet(jsonOption)) {
        QJsonArray fileArray;
        quint64 packets = 0;
        for (const InputFile &file : files) {
            fileArray.append(fileToJson(file));
            packets += file.summary.packets;
        }
        QJsonObject report{{QStringLiteral("report_version"), 1},
                           {QStringLiteral("files"), fileArray},
                           {QStringLiteral("total_packets"), static_cast<qint64>(packets)}};
        // One member per analysis: "backscatter" (an object) and "passive_dns" (an array).
        for (const AnalyzeSection *section : sections) {
            report.insert(section->key(), section->toJson());
        }
        out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    } else {
        for (const InputFile &file : files) {
            writeFileText(out, file);
        }
        for (const AnalyzeSection *section : sections) {
            section->writeText(out);
        }
    }
    return allOk ? ExitOk : ExitFileRejected;
}

} // namespace d4::app
