// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

/**
 * Redis keys of the forwarding rules (METADATA database; docs/forwarding.md):
 *   d4console:forward:rules            SET of rule names
 *   d4console:forward:rule:<name>      HASH `config` = the rule as JSON (ForwardRuleJson, no keys)
 *   d4console:forward:stats:<name>     HASH accounting: read, spooled, sent, acknowledged,
 *                                      bytes_sent, filtered:<reason>, spool_bytes, spool_records,
 *                                      connected (0/1), connections, last_error, last_ack (epoch s)
 *   d4console:forward:control:<name>   HASH `paused` = 1 while the console pauses the rule
 */
namespace d4::forward::keys {

QByteArray rules();
QByteArray rule(QByteArrayView name);
QByteArray stats(QByteArrayView name);
QByteArray control(QByteArrayView name);

inline constexpr char kFieldConfig[] = "config";
inline constexpr char kFieldPaused[] = "paused";

} // namespace d4::forward::keys
