// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayList>
#include <QList>

struct redisReply;

namespace d4::store {

/** A Redis reply copied into Qt types (for code that must not see hiredis structures). */
struct RedisValue
{
    enum class Kind
    {
        Nil,
        Status,
        Error,
        Integer,
        String,
        Array
    };
    Kind kind = Kind::Nil;
    QByteArray string;          ///< Status, Error and String
    long long integer = 0;      ///< Integer
    QList<RedisValue> elements; ///< Array

    static RedisValue fromReply(const redisReply *reply);
    static RedisValue error(const QByteArray &message);

    bool isNil() const noexcept { return kind == Kind::Nil; }
    bool isError() const noexcept { return kind == Kind::Error; }
    /** The strings of an Array, sorted (handy for set replies). */
    QByteArrayList sortedStrings() const;
};

/** True for an integer reply other than 0 (SISMEMBER, EXISTS...). */
bool isTrueReply(const redisReply &reply) noexcept;

} // namespace d4::store
