// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QDialog>
#include <QMap>

class QLabel;
class QLineEdit;

namespace d4::ui {

/**
 * Creates or edits one `[Forward:<name>]` section of server.conf. The fields are the section's
 * keys as written in the file (docs/forwarding.md), grouped: rule and sources, partner and TLS,
 * line filters, pcap filters, delivery; an empty field is left out (its default applies). Save
 * writes the file only when the whole configuration still loads; otherwise the loader's
 * file:line:key message is shown and the file is left as it was.
 */
class ForwardRuleDialog final : public QDialog
{
    Q_OBJECT

public:
    /** @p ruleName empty: a new rule; else the rule of @p configFile to edit (its name is fixed). */
    ForwardRuleDialog(QString configFile, const QString &ruleName, QWidget *parent = nullptr);

    /** The field of a key (objectName is the key), for tests. */
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    QLabel *errorLabel() const noexcept { return m_error; }
    QString ruleName() const;

    /** Writes the section; false (and the error shown) when the configuration does not load. */
    bool save();
    void accept() override;

private:
    QString m_configFile;
    bool m_editing = false;
    QMap<QString, QLineEdit *> m_fields;
    QStringList m_order; ///< keys in the order they are written
    QLabel *m_error = nullptr;
};

} // namespace d4::ui
