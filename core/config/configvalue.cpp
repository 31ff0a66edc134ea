// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "config/configvalue.h"

namespace d4::config {

QString parseInteger(const QString &value, qint64 min, qint64 max, qint64 &out)
{
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || number < min || number > max) {
        return QStringLiteral("'%1' is not an integer between %2 and %3").arg(value).arg(min).arg(max);
    }
    out = number;
    return {};
}

QString parseBoolean(const QString &value, bool &out)
{
    const QString lower = value.toLower();
    if (lower == u"yes" || lower == u"true" || lower == u"on" || lower == u"1") {
        out = true;
    } else if (lower == u"no" || lower == u"false" || lower == u"off" || lower == u"0") {
        out = false;
    } else {
        return QStringLiteral("'%1' is not a boolean (yes/no, true/false, on/off, 1/0)").arg(value);
    }
    return {};
}

} // namespace d4::config
