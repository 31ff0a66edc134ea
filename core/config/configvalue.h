// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::config {

/**
 * The value forms server.conf accepts, shared by every section's keys. Each returns an empty
 * string and sets @p out, or the reason the value is refused (for a ConfigError message).
 */
QString parseInteger(const QString &value, qint64 min, qint64 max, qint64 &out);
/** yes/no, true/false, on/off, 1/0 (any case), as Python's configparser getboolean(). */
QString parseBoolean(const QString &value, bool &out);

} // namespace d4::config
