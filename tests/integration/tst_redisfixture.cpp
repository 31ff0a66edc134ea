// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QFileInfo>
#include <QTest>

#include "redisserverfixture.h"
#include "testenvironment.h"

using d4::test::RedisReply;
using d4::test::RedisServerFixture;

class TestRedisFixture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAnswersAndStops()
    {
        RedisServerFixture redis;
        D4_START_REDIS(redis);
        QVERIFY(redis.port() > 0);
        QVERIFY(QFileInfo::exists(redis.unixSocketPath()));
        QCOMPARE(redis.command({"SET", "k", "v"}).string, QByteArray("OK"));
        QCOMPARE(redis.command({"GET", "k"}).string, QByteArray("v"));
        QCOMPARE(redis.command({"SADD", "s", "b", "a"}, 2).integer, 2);
        QCOMPARE(redis.command({"SMEMBERS", "s"}, 2).sortedStrings(), (QByteArrayList{"a", "b"}));
        QVERIFY(redis.command({"GET", "s"}, 0).isNil());
        redis.stop();
        QVERIFY(!redis.isRunning());
        QCOMPARE(redis.command({"PING"}).kind, RedisReply::Kind::Error);
    }

    void twoFixturesDoNotShareData()
    {
        RedisServerFixture first;
        RedisServerFixture second;
        D4_START_REDIS(first);
        D4_START_REDIS(second);
        QVERIFY(first.port() != second.port());
        first.command({"SET", "only", "first"});
        QVERIFY(second.command({"GET", "only"}).isNil());
    }
};

QTEST_GUILESS_MAIN(TestRedisFixture)
#include "tst_redisfixture.moc"
