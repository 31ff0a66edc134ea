// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include "config/inifile.h"
#include "forward/forwardrule.h"

namespace d4::forward {

/** `key = value` pairs of one section, in the order they are written. */
using IniKeys = QList<QPair<QString, QString>>;

/**
 * Edits the `[Forward:<name>]` sections of a server.conf as text, so that every other line and
 * comment of the file stays byte for byte (QSettings would rewrite the whole file). A replaced
 * section keeps its place; its own comments between keys are not kept, the comment and blank
 * lines that end it (usually the introduction of the next section) are. A new section is added
 * at the end of the file.
 */
class ForwardRuleConfigWriter final
{
public:
    /**
     * The keys of docs/forwarding.md that describe @p rule, leaving out those at their default.
     * Secrets (partner_key, pseudonym_key) are written as they are. The CA of a rule is held as
     * PEM, not as a file name: @p partnerCaFile is written as `partner_ca` when not empty.
     */
    static IniKeys render(const ForwardRule &rule, const QString &partnerCaFile = {});

    /** The keys of `[Forward:<name>]` in @p text as written there, or nullopt when it has none. */
    static std::optional<IniKeys> sectionKeys(const QByteArray &text, const QString &name);

    /**
     * @p text with `[Forward:<name>]` replaced by @p keys (added at the end when there is no such
     * section), or removed when @p keys is nullopt. The file's line ending (LF or CRLF) is kept.
     */
    static QByteArray replaceSection(const QByteArray &text, const QString &name,
                                     const std::optional<IniKeys> &keys);

    /**
     * Replaces (or removes, @p keys nullopt) the section in the file @p path and saves it, only
     * when the whole new text loads with ServerConfigLoader::parse; otherwise the file is left
     * untouched and @p error names the file, line and key. The file is written atomically
     * (QSaveFile) and keeps its permissions; a file that does not exist yet is created.
     */
    static bool updateFile(const QString &path, const QString &name, const std::optional<IniKeys> &keys,
                           config::ConfigError &error);
};

} // namespace d4::forward
