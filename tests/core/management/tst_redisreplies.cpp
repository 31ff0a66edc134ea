// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The reply conversions the management reader and actions share: shapes d4-core's keys give, and
// replies of the wrong shape (errors, nil, odd arrays) that must give empty results, not garbage.

#include <QTest>

#include "management/redisreplies.h"

using d4::store::RedisValue;
namespace replies = d4::management::replies;

namespace {

RedisValue string(const QByteArray &text)
{
    RedisValue value;
    value.kind = RedisValue::Kind::String;
    value.string = text;
    return value;
}

RedisValue array(const QByteArrayList &texts)
{
    RedisValue value;
    value.kind = RedisValue::Kind::Array;
    for (const QByteArray &text : texts) {
        value.elements.append(string(text));
    }
    return value;
}

RedisValue integer(long long number)
{
    RedisValue value;
    value.kind = RedisValue::Kind::Integer;
    value.integer = number;
    return value;
}

} // namespace

class TestRedisReplies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dateKeyIsTheDailyKeySuffix()
    {
        QCOMPARE(replies::dateKey(QDate(2024, 1, 31)), QByteArray("20240131"));
        QCOMPARE(replies::dateKey(QDate(2026, 12, 2)), QByteArray("20261202"));
    }

    void scoredMembersKeepOrderAndTruncateScores()
    {
        const auto pairs = replies::scoredMembers(array({"3", "100", "254", "20.7", "odd"}));
        QCOMPARE(pairs.size(), 2); // the member without a score is left out
        QCOMPARE(pairs[0], (std::pair<QByteArray, qint64>{"3", 100}));
        QCOMPARE(pairs[1], (std::pair<QByteArray, qint64>{"254", 20}));
        QVERIFY(replies::scoredMembers(RedisValue::error("ERR")).isEmpty());
    }

    void hashAndFieldOfAnHgetallReply()
    {
        const auto map = replies::hash(array({"first_seen", "1700000000", "description", "edge"}));
        QCOMPARE(replies::field(map, "first_seen"), QByteArray("1700000000"));
        QCOMPARE(replies::field(map, "description"), QByteArray("edge"));
        QVERIFY(replies::field(map, "last_seen").isEmpty());
        QVERIFY(replies::hash(RedisValue()).empty());
    }

    void sortedIntsDropsWhatIsNotAnInteger()
    {
        QCOMPARE(replies::sortedInts({"254", "3", "x", "1", ""}), (QList<int>{1, 3, 254}));
        QCOMPARE(replies::sorted({"b", "c", "a"}), (QByteArrayList{"a", "b", "c"}));
        QCOMPARE(replies::strings(array({"z", "a"})), (QByteArrayList{"z", "a"}));
    }

    void isTrueOnlyForNonZeroIntegers()
    {
        QVERIFY(replies::isTrue(integer(1)));
        QVERIFY(!replies::isTrue(integer(0)));
        QVERIFY(!replies::isTrue(string("1")));
        QVERIFY(!replies::isTrue(RedisValue::error("ERR wrong type")));
    }
};

QTEST_APPLESS_MAIN(TestRedisReplies)
#include "tst_redisreplies.moc"
