// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>

#include "workers/workertap.h"

namespace d4::analyzers::backscatter {

class BackscatterAnalyzer;

/**
 * Feeds the pcap records of live type-1 sessions (WorkerTap::onPcapRecords) to a shared
 * BackscatterAnalyzer. Thread-safe like the analyzer; register it with WorkerManager::addTap().
 * Does not own the analyzer.
 */
class BackscatterTap final : public workers::WorkerTap
{
public:
    explicit BackscatterTap(BackscatterAnalyzer *analyzer);

    void onPcapRecords(const QByteArray &sensorUuid, const QByteArray &globalHeader,
                       const QByteArray &records, int count) override;

    quint64 records() const noexcept { return m_records.load(); }
    /** Batches the capture reader refused (a worker hands over framed records, so this stays 0). */
    quint64 rejectedBatches() const noexcept { return m_rejected.load(); }

private:
    BackscatterAnalyzer *m_analyzer;
    std::atomic<quint64> m_records{0};
    std::atomic<quint64> m_rejected{0};
};

} // namespace d4::analyzers::backscatter
