// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace d4::management {

/** Checks of what a user types about a sensor, shared by the management reader, actions and dialogs. */
class SensorInput final
{
public:
    SensorInput() = delete;

    /** 32 lowercase hex characters for a v4 UUID typed with or without dashes; empty when invalid. */
    static QByteArray normalizeUuid(const QByteArray &text);
    /** "'<text>' is not a version-4 UUID": the message of every action given a bad UUID. */
    static QString invalidUuidMessage(const QByteArray &text);
    /** True when @p key holds characters the reference HTML-escapes (& < > " ') or an escaped entity. */
    static bool keyHasEscapedCharacters(const QByteArray &key);
};

} // namespace d4::management
