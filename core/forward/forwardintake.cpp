// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardintake.h"

#include <QtEndian>

#include "forward/forwardcounters.h"
#include "forward/forwardlog.h"
#include "forward/forwardspool.h"
#include "forward/linefilter.h"
#include "forward/pcapfilter.h"

namespace d4::forward {

namespace {
constexpr std::chrono::milliseconds kWaitSlice{250};
constexpr qsizetype kPcapRecordHeader = 16;
} // namespace

ForwardIntake::ForwardIntake(const ForwardRule &rule, ForwardSpool &spool, ForwardCounters &counters)
    : m_rule(rule)
    , m_spool(spool)
    , m_counters(counters)
{
}

ForwardIntake::~ForwardIntake() = default;

bool ForwardIntake::prepare(QString &error)
{
    if (m_rule.isPcap()) {
        m_pcapFilter = PcapFilter::create(m_rule.pcap, error);
        if (!m_pcapFilter) {
            error = QStringLiteral("rule %1: pcap_filter: %2").arg(m_rule.name, error);
            return false;
        }
    } else {
        m_lineFilter = std::make_unique<LineFilter>(m_rule.lines);
    }
    return true;
}

QByteArray ForwardIntake::pcapStreamHeader() const
{
    return m_pcapFilter ? m_pcapFilter->outputGlobalHeader() : QByteArray();
}

bool ForwardIntake::acceptLines(const QByteArrayList &lines)
{
    if (!m_lineFilter || lines.isEmpty()) {
        return true;
    }
    m_counters.read.fetch_add(quint64(lines.size()), std::memory_order_relaxed);
    QByteArrayList kept;
    kept.reserve(lines.size());
    for (const QByteArray &line : lines) {
        FilterDecision decision = m_lineFilter->apply(line);
        if (decision.kept()) {
            kept.append(std::move(decision.output));
        } else {
            m_counters.countFiltered(decision.reason);
        }
    }
    return spool(kept);
}

bool ForwardIntake::acceptPcapRecords(const QByteArray &globalHeader, const QByteArray &records, int count)
{
    if (!m_pcapFilter || count <= 0) {
        return true;
    }
    // The records come from PcapFramer (whole records, in the header's byte order): walk them.
    const bool swapped = globalHeader.size() >= 4 && (quint8(globalHeader[0]) == 0xa1);
    QByteArrayList kept;
    qsizetype offset = 0;
    quint64 seen = 0;
    while (offset + kPcapRecordHeader <= records.size()) {
        const auto *lengthField = reinterpret_cast<const uchar *>(records.constData() + offset + 8);
        const quint32 captured =
            swapped ? qFromBigEndian<quint32>(lengthField) : qFromLittleEndian<quint32>(lengthField);
        const qsizetype size = kPcapRecordHeader + qsizetype(captured);
        if (offset + size > records.size()) {
            break;
        }
        ++seen;
        FilterDecision decision =
            m_pcapFilter->apply(globalHeader, QByteArrayView(records).sliced(offset, size));
        if (decision.kept()) {
            kept.append(std::move(decision.output));
        } else {
            m_counters.countFiltered(decision.reason);
        }
        offset += size;
    }
    m_counters.read.fetch_add(seen, std::memory_order_relaxed);
    return spool(kept);
}

bool ForwardIntake::spool(const QByteArrayList &kept)
{
    if (kept.isEmpty()) {
        return true;
    }
    bool warned = false;
    // One attempt even when stopping: the workers' last items still go in while there is room.
    for (bool first = true; first || !m_stopped.load(); first = false) {
        if (m_spool.append(kept, m_stopped.load() ? std::chrono::milliseconds(0) : kWaitSlice)) {
            m_counters.spooled.fetch_add(quint64(kept.size()), std::memory_order_relaxed);
            if (warned) {
                m_counters.setLastError({});
            }
            return true;
        }
        const QString problem = m_spool.errorString();
        if (!warned) {
            warned = true;
            const QString message = problem.isEmpty()
                                        ? QStringLiteral("spool full (%1 MiB): holding back the sources")
                                              .arg(m_rule.spoolMaxBytes >> 20)
                                        : QStringLiteral("spool: %1").arg(problem);
            qCWarning(lcForward).noquote() << "Forward rule" << m_rule.name << ":" << message;
            m_counters.setLastError(message);
        }
    }
    qCWarning(lcForward).noquote() << "Forward rule" << m_rule.name << ": stopping with" << kept.size()
                                   << "items not spooled";
    return false;
}

void ForwardIntake::stop()
{
    m_stopped.store(true);
}

} // namespace d4::forward
