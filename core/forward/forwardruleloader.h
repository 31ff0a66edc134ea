// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QList>

#include "config/inifile.h"
#include "forward/forwardrule.h"

namespace d4::forward {

/**
 * Reads the forwarding rules of server.conf: one `[Forward:<name>]` section per rule and an
 * optional `[Sensor_Groups]` section (`<group> = uuid, uuid...`) that rules name as `@group`.
 * Every key and its default is in docs/forwarding.md. Errors name the file, line and key.
 */
class ForwardRuleLoader final
{
public:
    static constexpr QStringView kSectionPrefix = u"Forward:";
    static constexpr QStringView kGroupsSection = u"Sensor_Groups";

    /** True for the sections this loader reads (ServerConfigLoader leaves them to it). */
    static bool isForwardSection(const QString &section);

    /** The rules of @p ini (relative file names are resolved against @p fileName's folder). */
    static std::optional<QList<ForwardRule>> load(const config::IniFile &ini, const QString &fileName,
                                                  config::ConfigError &error);
};

} // namespace d4::forward
