// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target: the first 24 bytes are a pcap global header, the rest one record (16-byte header
// and data) in that header's byte order; it goes through the forwarding PcapFilter with a BPF
// expression and a snap length, and without either. Properties checked: no crash; a kept record
// is a little-endian record whose captured length matches its bytes and the snap length and
// never exceeds the original record's; a left-out one has no output.

#include <cstdint>
#include <cstdlib>
#include <memory>

#include <QByteArray>
#include <QString>
#include <QtEndian>

#include "forward/pcapfilter.h"

namespace {

using d4::forward::FilterDecision;
using d4::forward::PcapFilter;
using d4::forward::PcapFilterSettings;

std::unique_ptr<PcapFilter> makeFilter(const char *expression, quint32 linkType, quint32 snapLength)
{
    PcapFilterSettings settings;
    settings.expression = QString::fromLatin1(expression);
    settings.linkType = linkType;
    settings.snapLength = snapLength;
    QString error;
    std::unique_ptr<PcapFilter> filter = PcapFilter::create(settings, error);
    if (!filter) {
        std::abort();
    }
    return filter;
}

void check(const PcapFilter &filter, quint32 snapLength, QByteArrayView header, QByteArrayView record)
{
    const FilterDecision decision = filter.apply(header, record);
    if (!decision.kept()) {
        if (!decision.output.isEmpty()) {
            std::abort();
        }
        return;
    }
    const QByteArray &out = decision.output;
    if (out.size() < 16 || out.size() > record.size()) {
        std::abort();
    }
    const quint32 captured = qFromLittleEndian<quint32>(out.constData() + 8);
    if (qint64(captured) != out.size() - 16 || (snapLength > 0 && captured > snapLength)) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::unique_ptr<PcapFilter> dns =
        makeFilter("udp port 53 or (tcp and net 192.168.0.0/16)", 1, 64);
    static const std::unique_ptr<PcapFilter> all = makeFilter("", 1, 0);
    static const std::unique_ptr<PcapFilter> sll = makeFilter("tcp[tcpflags] & tcp-syn != 0", 113, 0);
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArrayView header = input.first(qMin<qsizetype>(24, input.size()));
    const QByteArrayView record = input.sliced(header.size());
    check(*dns, 64, header, record);
    check(*all, 0, header, record);
    check(*sll, 0, header, record);
    return 0;
}
