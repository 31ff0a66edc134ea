// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/fingerprint.h"

namespace d4::sensor {

namespace {

int hexValue(QChar c) noexcept
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9') {
        return u - u'0';
    }
    if (u >= u'a' && u <= u'f') {
        return u - u'a' + 10;
    }
    if (u >= u'A' && u <= u'F') {
        return u - u'A' + 10;
    }
    return -1;
}

} // namespace

std::optional<Sha256Fingerprint> parseSha256Fingerprint(QStringView text)
{
    text = text.trimmed();
    const QStringView prefix = u"SHA256 Fingerprint=";
    if (text.startsWith(prefix, Qt::CaseInsensitive)) {
        text = text.sliced(prefix.size());
    }
    Sha256Fingerprint out{};
    std::size_t nibble = 0;
    for (const QChar c : text) {
        if (c == u':') {
            continue;
        }
        const int value = hexValue(c);
        if (value < 0 || nibble >= out.size() * 2) {
            return std::nullopt;
        }
        out[nibble / 2] = static_cast<std::uint8_t>(out[nibble / 2] | (nibble % 2 ? value : value << 4));
        ++nibble;
    }
    if (nibble != out.size() * 2) {
        return std::nullopt;
    }
    return out;
}

QString formatFingerprint(const Sha256Fingerprint &fingerprint)
{
    QString out;
    out.reserve(static_cast<qsizetype>(fingerprint.size() * 3));
    for (std::size_t i = 0; i < fingerprint.size(); ++i) {
        if (i > 0) {
            out += u':';
        }
        out += QString::number(fingerprint[i], 16).rightJustified(2, u'0').toUpper();
    }
    return out;
}

} // namespace d4::sensor
