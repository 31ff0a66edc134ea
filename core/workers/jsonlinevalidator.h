// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace d4::workers {

/**
 * The check of a type-6 (NDJSON / JSON Lines) line: one complete JSON text (RFC 8259: an object,
 * an array, a string, a number, true, false or null), whitespace around it allowed (so `\r\n`
 * line ends pass). Parsing is Qt's QJsonDocument; a scalar is checked by wrapping it in an array.
 */
class JsonLineValidator final
{
public:
    /** True when @p line is one JSON text; false with @p reason (Qt's parse error and offset). */
    static bool isJsonText(const QByteArray &line, QString &reason);
};

} // namespace d4::workers
