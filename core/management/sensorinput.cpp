// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/sensorinput.h"

#include <string_view>

#include <QRegularExpression>

#include "protocol/uuid.h"

namespace d4::management {

QByteArray SensorInput::normalizeUuid(const QByteArray &text)
{
    const auto parsed = protocol::parseUuid(std::string_view(text.constData(), size_t(text.size())));
    if (!parsed || !protocol::isUuidV4(*parsed)) {
        return {};
    }
    return QByteArray::fromStdString(protocol::uuidToHex(*parsed));
}

QString SensorInput::invalidUuidMessage(const QByteArray &text)
{
    return QStringLiteral("'%1' is not a version-4 UUID").arg(QString::fromUtf8(text));
}

bool SensorInput::keyHasEscapedCharacters(const QByteArray &key)
{
    static const QRegularExpression entity(QStringLiteral("&(amp|lt|gt|quot|#x27|#39);"));
    const QString text = QString::fromUtf8(key);
    return text.contains(QLatin1Char('&')) || text.contains(QLatin1Char('<')) ||
           text.contains(QLatin1Char('>')) || text.contains(QLatin1Char('"')) ||
           text.contains(QLatin1Char('\'')) || entity.match(text).hasMatch();
}

} // namespace d4::management
