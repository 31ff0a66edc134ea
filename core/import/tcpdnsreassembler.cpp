// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/tcpdnsreassembler.h"

#include <QtEndian>

namespace d4::import {

TcpDnsReassembler::TcpDnsReassembler(MessageCallback callback, qsizetype maxFlows, qsizetype maxBuffer)
    : m_callback(std::move(callback))
    , m_maxFlows(qMax<qsizetype>(1, maxFlows))
    , m_maxBuffer(qMax<qsizetype>(2 + 65535, maxBuffer))
{
}

void TcpDnsReassembler::segment(const QByteArray &flow, quint32 sequence, bool syn, bool fin,
                                QByteArrayView payload, qint64 timeNs)
{
    ++m_stats.segments;
    auto it = m_flows.find(flow);
    if (it == m_flows.end()) {
        if (payload.isEmpty() && !syn) {
            return; // a bare ACK/FIN of a flow we do not follow
        }
        if (static_cast<qsizetype>(m_flows.size()) >= m_maxFlows) {
            evictOldest();
        }
        it = m_flows.emplace(flow, Flow{}).first;
    }
    Flow &state = it->second;
    state.lastNs = timeNs;
    if (syn) {
        state.buffer.clear();
        state.next = sequence + 1;
        state.synced = true;
    } else if (!payload.isEmpty()) {
        if (!state.synced) {
            state.next = sequence;
            state.synced = true;
        }
        const auto ahead = static_cast<qint32>(sequence - state.next);
        if (ahead > 0) {
            ++m_stats.gaps;
            state.buffer.clear();
            state.next = sequence;
        } else if (ahead < 0) {
            const qsizetype seen = -static_cast<qsizetype>(ahead);
            if (seen >= payload.size()) {
                ++m_stats.retransmitted;
                payload = {};
            } else {
                payload = payload.sliced(seen);
            }
        }
        if (!payload.isEmpty()) {
            state.buffer.append(payload.data(), payload.size());
            state.next += static_cast<quint32>(payload.size());
            if (state.buffer.size() > m_maxBuffer) {
                ++m_stats.oversized;
                m_flows.erase(it);
                return;
            }
            drain(state);
        }
    }
    if (fin) {
        m_flows.erase(it);
    }
}

void TcpDnsReassembler::drop(const QByteArray &flow)
{
    m_flows.erase(flow);
}

void TcpDnsReassembler::drain(Flow &flow)
{
    qsizetype offset = 0;
    const auto *data = reinterpret_cast<const uchar *>(flow.buffer.constData());
    while (flow.buffer.size() - offset >= 2) {
        const qsizetype length = qFromBigEndian<quint16>(data + offset);
        if (flow.buffer.size() - offset - 2 < length) {
            break;
        }
        if (length == 0) {
            ++m_stats.emptyMessages;
        } else {
            ++m_stats.messages;
            m_callback(QByteArrayView(flow.buffer.constData() + offset + 2, length));
        }
        offset += 2 + length;
    }
    if (offset > 0) {
        flow.buffer.remove(0, offset);
    }
}

void TcpDnsReassembler::evictOldest()
{
    auto oldest = m_flows.begin();
    for (auto it = m_flows.begin(); it != m_flows.end(); ++it) {
        if (it->second.lastNs < oldest->second.lastNs) {
            oldest = it;
        }
    }
    if (oldest != m_flows.end()) {
        m_flows.erase(oldest);
        ++m_stats.evicted;
    }
}

} // namespace d4::import
