// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capture/captureinterface.h"

#include <cmath>
#include <limits>

namespace d4::capture {

QString CaptureInterface::resolutionText() const
{
    if (binaryResolution) {
        return QStringLiteral("2^-%1 s").arg(resolutionExponent);
    }
    if (resolutionExponent == 6) {
        return QStringLiteral("µs");
    }
    if (resolutionExponent == 9) {
        return QStringLiteral("ns");
    }
    return QStringLiteral("10^-%1 s").arg(resolutionExponent);
}

qint64 CaptureInterface::toNanoseconds(quint64 ticks) const
{
    constexpr quint64 kNanosPerSecond = 1000000000ULL;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    quint64 seconds = 0;
    quint64 fractionNs = 0;
    if (binaryResolution) {
        const unsigned shift = resolutionExponent;
        seconds = shift >= 64 ? 0 : ticks >> shift;
        const quint64 fraction = shift >= 64 ? ticks : ticks & ((1ULL << shift) - 1);
        fractionNs = shift <= 34
                         ? (fraction * kNanosPerSecond) >> shift
                         : static_cast<quint64>(
                               std::ldexp(static_cast<double>(fraction), -static_cast<int>(shift)) * 1e9);
    } else if (resolutionExponent <= 9) {
        quint64 unitsPerSecond = 1;
        for (int i = 0; i < resolutionExponent; ++i) {
            unitsPerSecond *= 10;
        }
        seconds = ticks / unitsPerSecond;
        fractionNs = (ticks % unitsPerSecond) * (kNanosPerSecond / unitsPerSecond);
    } else {
        quint64 divisor = 1;
        for (int i = 9; i < resolutionExponent; ++i) {
            if (divisor > std::numeric_limits<quint64>::max() / 10) {
                return offsetSeconds > 0 ? kMax : 0; // finer than 10^-28 s: every tick count is < 1 ns
            }
            divisor *= 10;
        }
        const quint64 nanos = ticks / divisor;
        seconds = nanos / kNanosPerSecond;
        fractionNs = nanos % kNanosPerSecond;
    }
    // Saturate instead of wrapping: a hostile tick count or if_tsoffset must not overflow.
    qint64 result = 0;
    if (seconds > static_cast<quint64>(kMax) ||
        __builtin_mul_overflow(static_cast<qint64>(seconds), static_cast<qint64>(kNanosPerSecond), &result) ||
        __builtin_add_overflow(result, static_cast<qint64>(fractionNs), &result)) {
        result = kMax;
    }
    qint64 offset = 0;
    if (__builtin_mul_overflow(offsetSeconds, static_cast<qint64>(kNanosPerSecond), &offset) ||
        __builtin_add_overflow(result, offset, &result)) {
        result = offsetSeconds < 0 ? std::numeric_limits<qint64>::min() : kMax;
    }
    return result;
}

} // namespace d4::capture
