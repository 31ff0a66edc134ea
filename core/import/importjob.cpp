// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/importjob.h"

#include <functional>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>
#include <queue>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/passivedns/pdnswriter.h"
#include "capture/packetpipeline.h"
#include "import/capturereplay.h"
#include "import/capturesource.h"
#include "import/dnssink.h"
#include "import/importpaths.h"

namespace d4::import {

namespace {

constexpr qsizetype kStoreBatch = 20000;

} // namespace

ImportJob::ImportJob(QStringList paths, ImportOptions options, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_options(std::move(options))
    , m_backscatter(
          std::make_shared<analyzers::backscatter::BackscatterAnalyzer>(m_options.backscatterSettings))
{
    qRegisterMetaType<ImportProgress>();
    qRegisterMetaType<ImportResult>();
    qRegisterMetaType<capture::CaptureSummary>();
    if (m_options.dns) {
        m_dns = std::make_unique<DnsSink>();
    }
}

ImportJob::~ImportJob()
{
    cancel();
    wait();
}

void ImportJob::start()
{
    if (m_thread) {
        return;
    }
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("d4-import"));
    m_thread->start();
}

bool ImportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool ImportJob::wait(int ms)
{
    if (!m_thread) {
        return true;
    }
    return m_thread->wait(ms < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(ms));
}

QList<DnsTuple> ImportJob::dnsTuples() const
{
    return m_dns ? m_dns->aggregator().tuples() : QList<DnsTuple>();
}

void ImportJob::run()
{
    QElapsedTimer clock;
    clock.start();
    ImportResult &result = m_result;

    // Accept files by content; refuse the rest, naming them.
    std::vector<std::unique_ptr<CaptureSource>> sources;
    QStringList accepted;
    for (const QString &path : ImportPaths::expand(m_paths)) {
        QString why;
        if (!ImportPaths::looksLikeCapture(path, &why)) {
            result.refused.append({path, why});
            Q_EMIT fileRefused(path, why);
            continue;
        }
        auto source = std::make_unique<CaptureSource>(path);
        if (!source->open()) {
            why = tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), source->errorString());
            result.refused.append({path, why});
            Q_EMIT fileRefused(path, why);
            continue;
        }
        accepted.append(path);
        sources.push_back(std::move(source));
    }
    result.name = m_options.name.isEmpty() && !accepted.isEmpty()
                      ? QFileInfo(accepted.constFirst()).completeBaseName()
                      : m_options.name;
    Q_EMIT started(accepted);

    capture::PacketPipeline pipeline;
    if (m_options.backscatter) {
        pipeline.addSink(m_backscatter.get());
    }
    if (m_dns) {
        pipeline.addSink(m_dns.get());
    }
    for (capture::PacketSink *sink : std::as_const(m_options.extraSinks)) {
        pipeline.addSink(sink);
    }
    std::unique_ptr<CaptureReplay> replay;
    if (!m_options.replaySensorUuid.isEmpty()) {
        replay = std::make_unique<CaptureReplay>(m_options);
    }

    ImportProgress state;
    for (const auto &source : sources) {
        state.bytesTotal += source->fileSize();
    }
    qint64 lastEmit = -kProgressIntervalMs;
    const auto report = [&](bool force) {
        const qint64 now = clock.elapsed();
        if (!force && now - lastEmit < kProgressIntervalMs) {
            return;
        }
        lastEmit = now;
        state.elapsedMs = now;
        state.bytesRead = 0;
        for (const auto &source : sources) {
            state.bytesRead += source->bytesRead();
        }
        state.dnsTuples = m_dns ? static_cast<quint64>(m_dns->aggregator().size()) : 0;
        state.backscatterPackets =
            m_options.backscatter ? m_backscatter->snapshot().counters.backscatter() : 0;
        Q_EMIT progress(state);
    };
    report(true);

    // A refusal discovered by the reader itself (a gzip file that holds no capture...): the file
    // produced no packet at all and its error is a format error.
    std::vector<bool> done(sources.size(), false);
    const auto closeSource = [&](size_t index) {
        if (done[index]) {
            return;
        }
        done[index] = true;
        CaptureSource &source = *sources[index];
        const capture::CaptureSummary &summary = source.summary();
        if (!summary.ok() && !source.hasPackets() && !summary.cancelled) {
            const QString why =
                tr("%1 is not a readable capture: %2")
                    .arg(QFileInfo(summary.path).fileName(), capture::captureErrorText(summary.error));
            result.refused.append({summary.path, why});
            Q_EMIT fileRefused(summary.path, why);
            return;
        }
        result.files.append(summary);
        if (!summary.ok()) {
            const QString text = tr("%1: stopped at malformed data after %2 packets: %3")
                                     .arg(QFileInfo(summary.path).fileName())
                                     .arg(summary.packets)
                                     .arg(capture::captureErrorText(summary.error));
            result.warnings.append(text);
            Q_EMIT warning(text);
        } else if (!summary.warningText().isEmpty()) {
            const QString text =
                QFileInfo(summary.path).fileName() + QStringLiteral(": ") + summary.warningText();
            result.warnings.append(text);
            Q_EMIT warning(text);
        }
        Q_EMIT fileFinished(summary);
    };

    // k-way merge: a min-heap of (head time, file index); equal times keep the files' order.
    using Entry = std::pair<qint64, size_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    for (size_t i = 0; i < sources.size() && !m_cancel.load(std::memory_order_relaxed); ++i) {
        if (sources[i]->fill()) {
            heap.emplace(sources[i]->headTime(), i);
        } else {
            closeSource(i);
        }
        report(false);
    }
    qint64 previous = 0;
    bool havePrevious = false;
    while (!heap.empty()) {
        if (m_cancel.load(std::memory_order_relaxed)) {
            break;
        }
        const size_t index = heap.top().second;
        heap.pop();
        CaptureSource &source = *sources[index];
        const capture::CapturePacket packet = source.head();
        const qint64 key = source.headTime();
        if (havePrevious && key < previous) {
            ++result.outOfOrder;
        }
        previous = key;
        havePrevious = true;
        if (packet.hasTimestamp) {
            if (!result.hasTimes) {
                result.firstNs = packet.timestampNs;
                result.lastNs = packet.timestampNs;
                result.hasTimes = true;
            }
            result.firstNs = qMin(result.firstNs, packet.timestampNs);
            result.lastNs = qMax(result.lastNs, packet.timestampNs);
        }
        pipeline.onPacket(packet);
        if (replay && !replay->write(packet)) {
            const QString text = tr("Replay stopped: %1").arg(replay->errorString());
            result.warnings.append(text);
            Q_EMIT warning(text);
            replay.reset();
        }
        ++state.packets;
        state.currentFile = source.path();
        source.pop();
        if (source.fill()) {
            heap.emplace(source.headTime(), index);
        } else {
            closeSource(index);
        }
        if ((state.packets & 0xff) == 0) {
            report(false);
        }
    }
    if (m_cancel.load()) {
        result.cancelled = true;
        for (size_t i = 0; i < sources.size(); ++i) {
            sources[i]->abandon();
            closeSource(i);
        }
    }
    report(true);

    result.packets = state.packets;
    result.bytesRead = state.bytesRead;
    if (m_options.backscatter) {
        const auto snapshot = m_backscatter->snapshot();
        result.attacks = static_cast<quint64>(snapshot.attacks.size());
        result.backscatterPackets = snapshot.counters.backscatter();
    }
    if (m_dns) {
        m_dns->finish();
        reportFragments();
        result.dnsTuples = static_cast<quint64>(m_dns->aggregator().size());
        result.dnsRecords = m_dns->aggregator().records();
        storeDns();
    }
    if (replay) {
        result.replayPaths = replay->finish();
        if (result.replayPaths.isEmpty() && replay->written() > 0) {
            const QString text = tr("Replay failed: %1").arg(replay->errorString());
            result.warnings.append(text);
            Q_EMIT warning(text);
        } else if (replay->linkTypes().size() > 1) {
            // Not an error, but the analyst expected one file: say why there are several.
            QStringList counts;
            for (const auto &[linkType, packets] : replay->linkTypes()) {
                counts.append(tr("link type %1: %2 packets").arg(linkType).arg(packets));
            }
            const QString text = tr("Replay: one file per link type, since a pcap file has only one (%1)")
                                     .arg(counts.join(QStringLiteral(", ")));
            result.warnings.append(text);
            Q_EMIT warning(text);
        }
    }
    result.elapsedMs = clock.elapsed();
    Q_EMIT finished(result);
}

void ImportJob::reportFragments()
{
    const capture::IpFragmentReassembler::Stats &stats = m_dns->fragmentStats();
    m_result.dnsReassembled = m_dns->stats().reassembled;
    m_result.fragmentsDropped = stats.dropped();
    if (stats.dropped() == 0) {
        return;
    }
    QStringList reasons;
    for (int i = 0; i < capture::IpFragmentReassembler::kDropCount; ++i) {
        if (stats.drops[i] > 0) {
            reasons.append(QStringLiteral("%1 %2")
                               .arg(stats.drops[i])
                               .arg(QLatin1String(capture::IpFragmentReassembler::dropKey(
                                   static_cast<capture::IpFragmentReassembler::Drop>(i)))));
        }
    }
    const QString text = tr("IP fragments: %1 datagrams reassembled, %2 not (%3)")
                             .arg(stats.datagrams)
                             .arg(stats.dropped())
                             .arg(reasons.join(QStringLiteral(", ")));
    m_result.warnings.append(text);
    Q_EMIT warning(text);
}

void ImportJob::storeDns()
{
    if (!m_options.pdnsStore) {
        return;
    }
    const QList<passivedns::PdnsRecord> records = m_dns->aggregator().toRecords(m_result.name.toUtf8());
    passivedns::PdnsWriter writer(*m_options.pdnsStore);
    qint64 written = 0;
    for (qsizetype offset = 0; offset < records.size(); offset += kStoreBatch) {
        if (!writer.write(records.mid(offset, kStoreBatch), {})) {
            const QString text = tr("Passive DNS store: %1").arg(writer.errorString());
            m_result.warnings.append(text);
            Q_EMIT warning(text);
            break;
        }
        written += qMin(kStoreBatch, records.size() - offset);
    }
    m_result.pdnsRecordsWritten = written;
}

QString ImportResult::text() const
{
    QString out =
        QCoreApplication::translate("d4::import::ImportResult",
                                    "%1 file(s), %2 packets, %3 bytes in %4 s%5; %6 DNS tuples, %7 attacks")
            .arg(files.size())
            .arg(packets)
            .arg(bytesRead)
            .arg(QString::number(double(elapsedMs) / 1000.0, 'f', 1))
            .arg(cancelled ? QCoreApplication::translate("d4::import::ImportResult", " (cancelled)")
                           : QString())
            .arg(dnsTuples)
            .arg(attacks);
    if (!refused.isEmpty()) {
        out += QCoreApplication::translate("d4::import::ImportResult", "; %1 refused").arg(refused.size());
    }
    if (!warnings.isEmpty()) {
        out +=
            QCoreApplication::translate("d4::import::ImportResult", "; %1 warning(s)").arg(warnings.size());
    }
    return out;
}

} // namespace d4::import
