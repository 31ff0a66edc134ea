// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <memory>

#include <QByteArray>
#include <QByteArrayList>

#include "forward/forwardrule.h"

namespace d4::forward {

class ForwardCounters;
class ForwardSpool;
class LineFilter;
class PcapFilter;

/**
 * The entry of a rule's pipeline shared by all its sources: counts what is read, filters it
 * (LineFilter or PcapFilter, by the rule's type) and appends what is kept to the spool, waiting
 * while the spool is full (the back-pressure on the sources). Thread-safe: the sources call it
 * from their own threads (worker threads for taps, queue reader threads).
 */
class ForwardIntake final
{
public:
    ForwardIntake(const ForwardRule &rule, ForwardSpool &spool, ForwardCounters &counters);
    ~ForwardIntake();

    /** Compiles the rule's filter; false with @p error when the pcap expression is invalid. */
    bool prepare(QString &error);

    /**
     * Filters and spools @p lines. Returns true once they are spooled (or all filtered out);
     * false when the intake was stopped while the spool was full (the lines are not spooled).
     */
    bool acceptLines(const QByteArrayList &lines);

    /** Same for @p count pcap records (16-byte header + data) of a stream with @p globalHeader. */
    bool acceptPcapRecords(const QByteArray &globalHeader, const QByteArray &records, int count);

    /** Makes waiting calls return (false) and later calls fail at once: shutting down. */
    void stop();

    /** The outgoing pcap global header (type-1 rules; empty before prepare()). */
    QByteArray pcapStreamHeader() const;

private:
    bool spool(const QByteArrayList &kept);

    const ForwardRule &m_rule;
    ForwardSpool &m_spool;
    ForwardCounters &m_counters;
    std::unique_ptr<LineFilter> m_lineFilter;
    std::unique_ptr<PcapFilter> m_pcapFilter;
    std::atomic<bool> m_stopped{false};
};

} // namespace d4::forward
