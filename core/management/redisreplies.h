// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>
#include <utility>

#include <QByteArray>
#include <QByteArrayList>
#include <QDate>
#include <QList>

#include "store/redisvalue.h"

/**
 * Small conversions of Redis replies shared by the management reader and actions. A reply of the
 * wrong shape (an error, nil) gives an empty result, as the reference web UI treats missing keys.
 */
namespace d4::management::replies {

/** "YYYYMMDD", the day part of d4-core's daily keys. */
QByteArray dateKey(const QDate &day);
/** The strings of an Array reply, in reply order. */
QByteArrayList strings(const store::RedisValue &value);
/** A WITHSCORES reply as (member, integer score) pairs, in reply order. */
QList<std::pair<QByteArray, qint64>> scoredMembers(const store::RedisValue &value);
/** An HGETALL reply as a map. */
std::map<QByteArray, QByteArray> hash(const store::RedisValue &value);
/** A field of hash(), empty when absent. */
QByteArray field(const std::map<QByteArray, QByteArray> &map, const char *name);
/** The members that are integers, ascending. */
QList<int> sortedInts(const QByteArrayList &values);
QByteArrayList sorted(QByteArrayList values);
/** True for an Integer reply other than 0 (SISMEMBER, EXISTS). */
bool isTrue(const store::RedisValue &value);

} // namespace d4::management::replies
