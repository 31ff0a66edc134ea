// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QSet>

#include "workers/workertap.h"

namespace d4::forward {

class ForwardIntake;
struct ForwardRule;

/**
 * The live output of a type worker as a rule's source: the lines or pcap records of the rule's
 * type (or extended type) from the rule's sensors (all sensors when a Sensors source lists none)
 * go to the rule's intake. Called on worker threads before the worker acknowledges its stream
 * entries, so a full spool holds the worker back instead of losing data.
 */
class ForwardTapSource final : public workers::WorkerTap
{
public:
    ForwardTapSource(const ForwardRule &rule, ForwardIntake &intake);

    void onLines(const QByteArray &sensorUuid, const QByteArray &typeKey,
                 const QByteArrayList &lines) override;
    void onPcapRecords(const QByteArray &sensorUuid, const QByteArray &globalHeader,
                       const QByteArray &records, int count) override;

    /** True when the rule has a Sensors source (and so needs this tap). */
    static bool isNeeded(const ForwardRule &rule);

private:
    bool wants(const QByteArray &sensorUuid) const;

    ForwardIntake &m_intake;
    QByteArray m_typeKey;
    bool m_allSensors = false;
    QSet<QByteArray> m_sensors;
};

} // namespace d4::forward
