// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscattersettings.h"

#include <algorithm>

#include <QCoreApplication>
#include <QHostAddress>

namespace d4::analyzers::backscatter {

QString AttackThresholds::windowProblem() const
{
    constexpr qint64 kSecond = 1000000000LL;
    if (windowNs <= 0 || slideNs <= 0) {
        return QStringLiteral("the window and its slide must be positive");
    }
    if (slideNs > windowNs) {
        return QStringLiteral("%1 s is longer than the window (%2 s)")
            .arg(slideNs / kSecond)
            .arg(windowNs / kSecond);
    }
    if (windowNs > slideNs * kMaxWindowSteps) {
        const qint64 minimum = (windowNs + kMaxWindowSteps * kSecond - 1) / (kMaxWindowSteps * kSecond);
        return QStringLiteral("a %1 s window needs a slide of at least %2 s (at most %3 steps per window)")
            .arg(windowNs / kSecond)
            .arg(minimum)
            .arg(kMaxWindowSteps);
    }
    return {};
}

bool MonitoredPrefix::parse(const QString &text, MonitoredPrefix &prefix)
{
    const QString trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(QLatin1Char('/'));
    QHostAddress address;
    if (!address.setAddress(slash < 0 ? trimmed : trimmed.left(slash)) ||
        address.protocol() != QAbstractSocket::IPv4Protocol) {
        return false;
    }
    int length = 32;
    if (slash >= 0) {
        bool ok = false;
        length = trimmed.mid(slash + 1).toInt(&ok);
        if (!ok || length < 0 || length > 32) {
            return false;
        }
    }
    const quint32 mask = length == 0 ? 0U : ~0U << (32 - length);
    prefix.network = address.toIPv4Address() & mask;
    prefix.length = length;
    return true;
}

QString MonitoredPrefix::toString() const
{
    return QHostAddress(network).toString() + QLatin1Char('/') + QString::number(length);
}

BackscatterSettings BackscatterSettings::fromPreset(Preset preset)
{
    BackscatterSettings settings;
    switch (preset) {
    case Preset::Corsaro:
        break;
    case Preset::Moore:
        settings.thresholds.minPackets = 100;
        settings.thresholds.minWindowPackets = 0;
        break;
    case Preset::Sensitive:
        settings.thresholds.minPackets = 5;
        settings.thresholds.minDurationNs = 10LL * 1000000000LL;
        settings.thresholds.minWindowPackets = 3;
        break;
    }
    return settings;
}

QString BackscatterSettings::presetName(Preset preset)
{
    switch (preset) {
    case Preset::Corsaro:
        return QCoreApplication::translate("d4::backscatter", "Corsaro (25 packets, 60 s, 30/min)");
    case Preset::Moore:
        return QCoreApplication::translate("d4::backscatter", "Moore et al. (100 packets, 60 s)");
    case Preset::Sensitive:
        return QCoreApplication::translate("d4::backscatter", "Small sensor (5 packets, 10 s, 3/min)");
    }
    return {};
}

quint64 BackscatterSettings::monitoredAddresses() const
{
    // Sort by network then keep only prefixes not inside an earlier, larger one.
    QList<MonitoredPrefix> sorted = monitoredPrefixes;
    std::sort(sorted.begin(), sorted.end(), [](const MonitoredPrefix &a, const MonitoredPrefix &b) {
        return a.network != b.network ? a.network < b.network : a.length < b.length;
    });
    quint64 total = 0;
    quint64 coveredEnd = 0; // exclusive end of the last counted prefix
    for (const MonitoredPrefix &prefix : sorted) {
        const quint64 start = prefix.network;
        const quint64 end = start + prefix.size();
        if (end <= coveredEnd) {
            continue;
        }
        total += end - qMax(start, coveredEnd);
        coveredEnd = end;
    }
    return total;
}

double BackscatterSettings::rateScale() const
{
    const quint64 n = monitoredAddresses();
    return n == 0 ? 0.0 : 4294967296.0 / static_cast<double>(n);
}

QStringList BackscatterSettings::warnings() const
{
    QStringList result;
    const quint64 n = monitoredAddresses();
    if (n == 0) {
        result << QCoreApplication::translate(
            "d4::backscatter", "No monitored prefix configured: attack rates cannot be estimated.");
    } else if (n < 65536) {
        result << QCoreApplication::translate(
                      "d4::backscatter",
                      "Only %1 monitored addresses (fewer than a /16): estimated rates are very uncertain.")
                      .arg(n);
    }
    return result;
}

} // namespace d4::analyzers::backscatter
