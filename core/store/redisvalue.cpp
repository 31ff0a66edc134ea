// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "store/redisvalue.h"

#include <algorithm>

#include <hiredis/hiredis.h>

namespace d4::store {

RedisValue RedisValue::error(const QByteArray &message)
{
    RedisValue value;
    value.kind = Kind::Error;
    value.string = message;
    return value;
}

RedisValue RedisValue::fromReply(const redisReply *reply)
{
    if (!reply) {
        return error("no reply");
    }
    RedisValue value;
    switch (reply->type) {
    case REDIS_REPLY_STATUS:
        value.kind = Kind::Status;
        value.string = QByteArray(reply->str, static_cast<qsizetype>(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        value.kind = Kind::Error;
        value.string = QByteArray(reply->str, static_cast<qsizetype>(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        value.kind = Kind::Integer;
        value.integer = reply->integer;
        break;
    case REDIS_REPLY_STRING:
        value.kind = Kind::String;
        value.string = QByteArray(reply->str, static_cast<qsizetype>(reply->len));
        break;
    case REDIS_REPLY_ARRAY:
        value.kind = Kind::Array;
        value.elements.reserve(static_cast<qsizetype>(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i) {
            value.elements.append(fromReply(reply->element[i]));
        }
        break;
    default:
        break;
    }
    return value;
}

QByteArrayList RedisValue::sortedStrings() const
{
    QByteArrayList list;
    list.reserve(elements.size());
    for (const RedisValue &element : elements) {
        list.append(element.string);
    }
    std::sort(list.begin(), list.end());
    return list;
}

bool isTrueReply(const redisReply &reply) noexcept
{
    return reply.type == REDIS_REPLY_INTEGER && reply.integer != 0;
}

} // namespace d4::store
