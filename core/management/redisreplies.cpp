// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/redisreplies.h"

#include <algorithm>

#include <QString>

namespace d4::management::replies {

using store::RedisValue;

QByteArray dateKey(const QDate &day)
{
    return day.toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

QByteArrayList strings(const RedisValue &value)
{
    QByteArrayList result;
    for (const RedisValue &element : value.elements) {
        result.append(element.string);
    }
    return result;
}

QList<std::pair<QByteArray, qint64>> scoredMembers(const RedisValue &value)
{
    QList<std::pair<QByteArray, qint64>> result;
    for (qsizetype i = 0; i + 1 < value.elements.size(); i += 2) {
        result.append(
            {value.elements[i].string, static_cast<qint64>(value.elements[i + 1].string.toDouble())});
    }
    return result;
}

std::map<QByteArray, QByteArray> hash(const RedisValue &value)
{
    std::map<QByteArray, QByteArray> result;
    for (qsizetype i = 0; i + 1 < value.elements.size(); i += 2) {
        result[value.elements[i].string] = value.elements[i + 1].string;
    }
    return result;
}

QByteArray field(const std::map<QByteArray, QByteArray> &map, const char *name)
{
    const auto it = map.find(QByteArray(name));
    return it == map.end() ? QByteArray() : it->second;
}

QList<int> sortedInts(const QByteArrayList &values)
{
    QList<int> result;
    for (const QByteArray &value : values) {
        bool ok = false;
        const int number = value.toInt(&ok);
        if (ok) {
            result.append(number);
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

QByteArrayList sorted(QByteArrayList values)
{
    std::sort(values.begin(), values.end());
    return values;
}

bool isTrue(const RedisValue &value)
{
    return value.kind == RedisValue::Kind::Integer && value.integer != 0;
}

} // namespace d4::management::replies
