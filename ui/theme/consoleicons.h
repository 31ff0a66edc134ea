// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QIcon>
#include <QList>

namespace d4::ui {

/**
 * The icons the console shows (page list, menus, tray). Each is an SVG in the Qt resource
 * (:/icons/console/, sources in ui/theme/icons/), drawn by Qt's SVG icon engine at whatever size
 * and device pixel ratio is asked for, so they stay crisp on high-DPI screens. The mid-tone
 * colours read on the light and the dark palette alike.
 */
class ConsoleIcons final
{
public:
    enum class Id
    {
        Application, ///< the application icon, also the tray icon
        Dashboard,
        Sensors,
        Sensor,
        Server,
        Log,
        PassiveDns,
        Backscatter,
        Sharing,
        Import
    };

    static QIcon icon(Id id);
    /** The resource path of @p id's SVG. */
    static QString resourcePath(Id id);
    /** Every icon, for tests and previews. */
    static QList<Id> all();
};

} // namespace d4::ui
