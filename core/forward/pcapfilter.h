// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "forward/filterdecision.h"
#include "forward/forwardrule.h"

namespace d4::forward {

/**
 * Applies a rule's PcapFilterSettings to pcap records of any source stream and rewrites kept
 * records into the outgoing stream's format: little-endian, microsecond timestamps (nanoseconds
 * are converted), captured length cut to snapLength (original length kept). The expression is
 * compiled by libpcap (pcap_compile on a dead handle of the outgoing link type) and matched with
 * pcap_offline_filter. Records of another link type are left out (LinkType). Thread-safe after
 * create() (const; libpcap's filter matching keeps no state).
 */
class PcapFilter final
{
public:
    /** Compiles the expression; nullptr and @p error (libpcap's message) when it is invalid. */
    static std::unique_ptr<PcapFilter> create(const PcapFilterSettings &settings, QString &error);
    ~PcapFilter();

    /**
     * @p globalHeader: the 24-byte global header of the record's source stream.
     * @p record: one record (16-byte header + data) in that stream's byte order.
     */
    FilterDecision apply(QByteArrayView globalHeader, QByteArrayView record) const;

    /** The 24-byte global header of the outgoing stream (little-endian, microseconds). */
    QByteArray outputGlobalHeader() const;

private:
    PcapFilter(PcapFilterSettings settings);
    struct Program;
    PcapFilterSettings m_settings;
    std::unique_ptr<Program> m_program;
};

} // namespace d4::forward
