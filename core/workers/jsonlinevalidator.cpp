// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/jsonlinevalidator.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringBuilder>

namespace d4::workers {

bool JsonLineValidator::isJsonText(const QByteArray &line, QString &reason)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty()) {
        reason = QStringLiteral("an empty JSON line");
        return false;
    }
    QJsonParseError error{};
    // QJsonDocument only takes an object or an array at the top; a scalar is checked inside [ ].
    const bool container = trimmed.front() == '{' || trimmed.front() == '[';
    const QByteArray text = container ? trimmed : QByteArray('[' + trimmed + ']');
    QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError) {
        return true;
    }
    const int offset = container ? error.offset : qMax(0, error.offset - 1);
    reason = QStringLiteral("invalid JSON at byte %1: %2").arg(offset).arg(error.errorString());
    return false;
}

} // namespace d4::workers
