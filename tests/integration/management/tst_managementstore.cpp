// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The console's management reads and actions against a real redis-server holding data laid out as
// d4-core lays it out (spec §3): every action must write exactly the keys the reference writes.

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStringBuilder>
#include <QTemporaryDir>
#include <QTest>

#include "management/managementactions.h"
#include "management/managementkeys.h"
#include "management/managementreader.h"
#include "management/saveddatascanner.h"
#include "management/silenceevaluator.h"
#include "redisserverfixture.h"
#include "store/keyschema.h"
#include "testenvironment.h"

using namespace d4::test;
using d4::management::BlacklistKind;
using d4::management::ManagementActions;
using d4::management::ManagementReader;
using d4::management::SavedDataScanner;
using d4::management::SilenceEvaluator;
namespace keys = d4::store::keys;

namespace {

constexpr int kMetadataDb = 0;
constexpr int kAnalyzerDb = 2;
constexpr int kStreamDb = 4;
const QByteArray kSensorA = "3b5c4f3e1d2a4b6c8d9e0f1a2b3c4d5e";
const QByteArray kSensorADashed = "3B5C4F3E-1D2A-4B6C-8D9E-0F1A2B3C4D5E";
const QByteArray kSensorB = "7f0e9d8c7b6a4a5b9c8d7e6f5a4b3c2d";

QByteArray today()
{
    return QDate::currentDate().toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

} // namespace

class TestManagementStore : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;
    std::unique_ptr<ManagementReader> m_reader;
    std::unique_ptr<ManagementActions> m_actions;
    std::unique_ptr<SilenceEvaluator> m_silence;

    QByteArrayList members(const QByteArray &key, int db = kMetadataDb)
    {
        return m_redis.command({"SMEMBERS", key}, db).sortedStrings();
    }
    QByteArray get(const QByteArrayList &command, int db = kMetadataDb)
    {
        return m_redis.command(command, db).string;
    }

    /** Two sensors as d4-core's server leaves them: A streamed types 3 and 254/ja3-jl and is connected. */
    void seed()
    {
        const QByteArray d = today();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        m_redis.command({"SET", keys::hmacDefaultKey(), "private key to change"});
        m_redis.command({"SADD", keys::acceptedTypes(), "1", "2", "3", "4", "8", "254"});
        m_redis.command({"SADD", keys::acceptedExtendedTypes(), "ja3-jl"});
        m_redis.command({"ZINCRBY", keys::dailyUuid(d), "120", kSensorA});
        m_redis.command({"ZINCRBY", keys::dailyUuid(d), "30", kSensorB});
        m_redis.command({"ZINCRBY", keys::dailyType(d), "100", "3"});
        m_redis.command({"ZINCRBY", keys::dailyType(d), "50", "254"});
        m_redis.command({"ZINCRBY", keys::statUuidType(d, kSensorA), "100", "3"});
        m_redis.command({"ZINCRBY", keys::statUuidType(d, kSensorA), "20", "254"});
        m_redis.command({"ZINCRBY", keys::statTypeUuid(d, 3), "100", kSensorA});
        m_redis.command({"ZINCRBY", keys::statUuidIp(d, kSensorA), "120", "192.0.2.1"});
        m_redis.command({"ZINCRBY", keys::statIpUuid(d, "192.0.2.1"), "120", kSensorA});
        m_redis.command({"HSET", keys::sensorMetadata(kSensorA), "first_seen", QByteArray::number(now - 3600),
                         "last_seen", QByteArray::number(now), "description", "edge sensor"});
        m_redis.command({"HSET", keys::sensorMetadata(kSensorB), "first_seen", QByteArray::number(now - 60),
                         "last_seen", QByteArray::number(now - 50), "Error", "Error: HMAC don't match"});
        m_redis.command({"SADD", keys::allTypesByUuid(kSensorA), "3", "254"});
        m_redis.command({"SADD", keys::allExtendedTypesByUuid(kSensorA), "ja3-jl"});
        m_redis.command({"HSET", keys::sensorTypeMetadata(kSensorA, 3), "first_seen", "1700000000",
                         "last_seen", QByteArray::number(now)});
        m_redis.command({"HSET", keys::extendedTypeMetadata(kSensorA, "ja3-jl"), "first_seen", "1700000100",
                         "last_seen", "1700000200"});
        m_redis.command({"LPUSH", keys::recentIps(kSensorA), "192.0.2.1-20240131235959"});
        m_redis.command({"SADD", keys::activeConnections(), kSensorA}, kStreamDb);
        m_redis.command({"SADD", keys::activeTypesByUuid(kSensorA), "3"}, kStreamDb);
        m_redis.command({"SADD", keys::activeExtendedTypesByUuid(kSensorA), "ja3-jl"}, kStreamDb);
        m_redis.command({"SADD", keys::pendingRegistrations(), kSensorB});
        m_redis.command({"HINCRBY", keys::rejectionCounters(), "hmac-mismatch", "3"});
    }

private Q_SLOTS:
    void init()
    {
        D4_START_REDIS(m_redis);
        d4::store::RedisRoles roles;
        roles.metadata = m_redis.endpoint(kMetadataDb);
        roles.analyzer = m_redis.endpoint(kAnalyzerDb);
        roles.stream = m_redis.endpoint(kStreamDb);
        m_reader = std::make_unique<ManagementReader>(roles, 1000);
        m_actions = std::make_unique<ManagementActions>(roles);
        m_silence = std::make_unique<SilenceEvaluator>(roles);
        seed();
    }
    void cleanup()
    {
        m_silence.reset();
        m_actions.reset();
        m_reader.reset();
        m_redis.stop();
    }

    void overviewReadsD4CoreKeys()
    {
        QString error;
        const auto overview = m_reader->readOverview(QDate::currentDate(), error);
        QVERIFY2(overview, qPrintable(error));
        QCOMPARE(overview->packetsToday, 150);
        QCOMPARE(overview->activeSensors, 1);
        QCOMPARE(overview->packetsPerSensorToday.first().first, kSensorA);
        QCOMPARE(overview->packetsPerTypeToday.first(), (std::pair<QByteArray, qint64>{"3", 100}));
        QCOMPARE(overview->acceptedTypes, (QList<int>{1, 2, 3, 4, 8, 254}));
        QCOMPARE(overview->acceptedExtendedTypes, QByteArrayList{"ja3-jl"});
        QCOMPARE(overview->pending, QByteArrayList{kSensorB});
        QCOMPARE(overview->rejections.at("hmac-mismatch"), 3);
        QCOMPARE(overview->defaultHmacKey, QByteArray("private key to change"));
        QCOMPARE(overview->sensors.size(), 2);
        const auto &a = overview->sensors[0];
        QCOMPARE(a.uuid, kSensorA);
        QCOMPARE(a.description, QStringLiteral("edge sensor"));
        QVERIFY(a.connected);
        QCOMPARE(a.types, (QList<int>{3, 254}));
        QCOMPARE(a.connectedTypes, QList<int>{3});
        QCOMPARE(a.connectedExtendedTypes, QByteArrayList{"ja3-jl"});
        QCOMPARE(a.packetsToday, 120);
        QCOMPARE(a.statusText(), QStringLiteral("OK"));
        const auto &b = overview->sensors[1];
        QVERIFY(!b.connected);
        QCOMPARE(b.statusText(), QStringLiteral("Error: HMAC don't match"));
    }

    void sensorDetail()
    {
        QString error;
        const auto detail = m_reader->readSensor(kSensorADashed, QDate::currentDate(), error);
        QVERIFY2(detail, qPrintable(error));
        QCOMPARE(detail->summary.uuid, kSensorA);
        QVERIFY(detail->usesDefaultKey);
        QCOMPARE(detail->hmacKey, QByteArray("private key to change"));
        QCOMPARE(detail->streamMaxSize, -1);
        QCOMPARE(detail->recentIps, QStringList{QStringLiteral("192.0.2.1 - 2024-01-31 23:59:59")});
        QCOMPARE(detail->typeUsage.size(), 2);
        QCOMPARE(detail->typeUsage[0].type, QByteArray("3"));
        QCOMPARE(detail->typeUsage[0].firstSeen, 1700000000);
        QCOMPARE(detail->typeUsage[1].type, QByteArray("ja3-jl"));
        QVERIFY(detail->typeUsage[1].extended);
        QCOMPARE(detail->history.size(), 7);
        QCOMPARE(detail->history.last().day, QDate::currentDate());
        QCOMPARE(detail->history.last().packets.at(3), 100);
        QCOMPARE(detail->history.last().packets.at(254), 20);
        QVERIFY(detail->history.first().packets.empty());
        QVERIFY(!m_reader->readSensor("nonsense", QDate::currentDate(), error));
        QVERIFY(error.contains(QStringLiteral("UUID")));
    }

    void sensorActionsWriteReferenceKeys()
    {
        // A dashed, upper-case UUID is stored in the 32-hex form the server compares (spec §9 #16).
        QVERIFY(m_actions->setDescription(kSensorADashed, QStringLiteral("roof")).ok);
        QCOMPARE(get({"HGET", keys::sensorMetadata(kSensorA), "description"}), QByteArray("roof"));
        QVERIFY(m_actions->setUuidBlacklisted(kSensorADashed, true).ok);
        QCOMPARE(members(keys::blacklistUuid()), QByteArrayList{kSensorA});
        QCOMPARE(m_actions->setUuidBlacklisted(kSensorA, true).message,
                 QStringLiteral("UUID already blacklisted"));
        QVERIFY(m_actions->setUuidBlacklisted(kSensorA, false).ok);
        QVERIFY(members(keys::blacklistUuid()).isEmpty());
        QVERIFY(m_actions->setIpsOfUuidBlacklisted(kSensorA, true).ok);
        QCOMPARE(members(keys::blacklistIpByUuid()), QByteArrayList{kSensorA});
        QVERIFY(m_actions->setIpsOfUuidBlacklisted(kSensorA, false).ok);
        QVERIFY(members(keys::blacklistIpByUuid()).isEmpty());
        QVERIFY(m_actions->setStreamMaxSize(kSensorA, 500).ok);
        QCOMPARE(get({"HGET", keys::streamMaxSizeByUuid(), kSensorA}), QByteArray("500"));
        QVERIFY(!m_actions->setStreamMaxSize(kSensorA, -1).ok);
        QVERIFY(m_actions->setHmacKey(kSensorA, "new key").ok);
        QCOMPARE(get({"HGET", keys::sensorMetadata(kSensorA), "hmac_key"}), QByteArray("new key"));
        QVERIFY(!m_actions->setHmacKey(kSensorA, QByteArray(101, 'k')).ok);
        QVERIFY(!m_actions->setHmacKey(kSensorA, {}).ok);
        QVERIFY(!m_actions->setDescription("123", QStringLiteral("x")).ok);
    }

    void kickHonoursTheTemporaryBlacklist()
    {
        QVERIFY(m_actions->kick(kSensorA).ok);
        QCOMPARE(members(keys::sensorsToKick(), kStreamDb), QByteArrayList{kSensorA});
        m_redis.command({"SET", keys::temporaryBlacklist(kSensorA), "x", "EX", "30"}, kStreamDb);
        QString error;
        QVERIFY(m_reader->readSensor(kSensorA, QDate::currentDate(), error)->temporarilyBlacklisted);
        QVERIFY(!m_actions->kick(kSensorA).ok);
    }

    void monitoring()
    {
        QVERIFY(!m_actions->setMonitoring(kSensorA, 29).ok);
        QVERIFY(m_actions->setMonitoring(kSensorA, 60).ok);
        QVERIFY(m_actions->setMonitoring(kSensorB, 30).ok);
        QCOMPARE(members(d4::management::keys::monitoredSensors()), (QByteArrayList{kSensorA, kSensorB}));
        QCOMPARE(get({"HGET", d4::management::keys::monitoredSensor(kSensorA), "delta_time"}),
                 QByteArray("60"));
        QVERIFY(!get({"GET", d4::management::keys::monitoringLastUpdated()}).isEmpty());
        QString error;
        // A is connected and fresh; B is silent for 50 s and not connected.
        const auto inError = m_silence->evaluate(QDateTime::currentSecsSinceEpoch(), error);
        QVERIFY(inError);
        QCOMPARE(*inError, QByteArrayList{kSensorB});
        QCOMPARE(members(d4::management::keys::monitoringErrors()), QByteArrayList{kSensorB});
        // An hour later A is too quiet as well.
        QCOMPARE(*m_silence->evaluate(QDateTime::currentSecsSinceEpoch() + 3600, error),
                 (QByteArrayList{kSensorA, kSensorB}));
        // A sensor that has just connected, before the server has written its last_seen, is not
        // silent; once disconnected it is.
        const QByteArray kFresh = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
        QVERIFY(m_actions->setMonitoring(kFresh, 30).ok);
        m_redis.command({"SADD", keys::activeConnections(), kFresh}, kStreamDb);
        QVERIFY(!m_silence->evaluate(QDateTime::currentSecsSinceEpoch(), error)->contains(kFresh));
        m_redis.command({"SREM", keys::activeConnections(), kFresh}, kStreamDb);
        QVERIFY(m_silence->evaluate(QDateTime::currentSecsSinceEpoch(), error)->contains(kFresh));
        QVERIFY(m_actions->removeMonitoring(kFresh).ok);
        QVERIFY(m_actions->removeMonitoring(kSensorB).ok);
        QCOMPARE(members(d4::management::keys::monitoredSensors()), QByteArrayList{kSensorA});
        QVERIFY(!members(d4::management::keys::monitoringErrors()).contains(kSensorB));
        QCOMPARE(m_reader->readSensor(kSensorA, QDate::currentDate(), error)->monitorMaxSilence, 60);
    }

    void registrationAndPending()
    {
        QVERIFY(m_actions->approveSensor(kSensorB).ok);
        QCOMPARE(members(keys::registeredUuids()), QByteArrayList{kSensorB});
        QVERIFY(members(keys::pendingRegistrations()).isEmpty());
        QVERIFY(m_actions->deleteRegisteredSensor(kSensorB).ok);
        QVERIFY(members(keys::registeredUuids()).isEmpty());
        m_redis.command({"SADD", keys::pendingRegistrations(), kSensorA});
        QVERIFY(m_actions->deletePendingSensor(kSensorA).ok);
        QVERIFY(members(keys::pendingRegistrations()).isEmpty());
        QVERIFY(m_actions->registerSensor(kSensorB, "secret", QStringLiteral("lab")).ok);
        QCOMPARE(members(keys::registeredUuids()), QByteArrayList{kSensorB});
        QCOMPARE(get({"HGET", keys::sensorMetadata(kSensorB), "hmac_key"}), QByteArray("secret"));
    }

    void ipBlacklistWithGuardAndPages()
    {
        QVERIFY(m_actions->blacklistIp(QStringLiteral("198.51.100.0/24"), 65536).ok);
        QCOMPARE(m_redis.command({"SCARD", keys::blacklistIp()}).integer, 256);
        QVERIFY(m_actions->blacklistIp(QStringLiteral("198.51.100.7"), 65536)
                    .message.contains(QStringLiteral("already")));
        QVERIFY(!m_actions->blacklistIp(QStringLiteral("10.0.0.0/8"), 65536).ok);
        QCOMPARE(m_redis.command({"SCARD", keys::blacklistIp()}).integer, 256);
        QVERIFY(!m_actions->blacklistIp(QStringLiteral("nonsense"), 65536).ok);
        QVERIFY(m_actions->unblacklistIp(QStringLiteral("198.51.100.0/25"), 65536).ok);
        QCOMPARE(m_redis.command({"SCARD", keys::blacklistIp()}).integer, 128);
        QVERIFY(!m_actions->unblacklistIp(QStringLiteral("203.0.113.1"), 65536).ok);
        QString error;
        const auto page = m_reader->readBlacklistPage(BlacklistKind::Ip, 1, 100, error);
        QVERIFY(page);
        QCOMPARE(page->total, 128);
        QCOMPARE(page->members.size(), 28);
        const auto clamped = m_reader->readBlacklistPage(BlacklistKind::Ip, 99, 100, error);
        QCOMPARE(clamped->page, 1);
    }

    void acceptedTypes()
    {
        QVERIFY(!m_actions->addAcceptedType(200, {}).ok); // not in type.json
        QVERIFY(m_actions->addAcceptedType(6, {}).ok);
        QVERIFY(members(keys::acceptedTypes()).contains("6"));
        QVERIFY(!m_actions->addAcceptedType(254, "bad name!").ok);
        QVERIFY(m_actions->addAcceptedType(254, "maltrail").ok);
        QCOMPARE(members(keys::acceptedExtendedTypes()), (QByteArrayList{"ja3-jl", "maltrail"}));
        QVERIFY(m_actions->removeAcceptedExtendedType("maltrail").ok);
        QVERIFY(m_actions->removeAcceptedType(6).ok);
        QVERIFY(!members(keys::acceptedTypes()).contains("6"));
    }

    void analyzerQueues()
    {
        QVERIFY(!m_actions->createQueue(5, {}, {}, {}, {}).ok); // type not accepted
        QCOMPARE(m_actions->createQueue(254, "nope", {}, {}, {}).message,
                 QStringLiteral("Invalid extended type"));
        QVERIFY(!m_actions->createQueue(3, {}, {}, {"not-a-uuid"}, {}).ok);
        const QByteArray queue = "d42967c1-f7ad-464e-bbc7-4464c653d7a6";
        QVERIFY(m_actions->createQueue(3, {}, QStringLiteral("lines"), {kSensorADashed}, queue).ok);
        QCOMPARE(members(keys::analyzerGroupQueuesOfType(3)), QByteArrayList{queue});
        QCOMPARE(members(keys::analyzerSensorGroup(queue)), QByteArrayList{kSensorA});
        for (int i = 0; i < 5; ++i) {
            m_redis.command(
                {"LPUSH", keys::analyzerList("3", queue), "line " + QByteArray::number(i) + " xxxxxxxx"},
                kAnalyzerDb);
        }
        QString error;
        auto overview = m_reader->readOverview(QDate::currentDate(), error);
        QCOMPARE(overview->queues.size(), 1);
        QCOMPARE(overview->queues[0].info.length, 5);
        QCOMPARE(overview->queues[0].effectiveMaxSize, 1000);
        QVERIFY(m_actions->setQueueMaxSize(queue, 5).ok);
        QVERIFY(!m_actions->setQueueMaxSize(queue, 0).ok);
        overview = m_reader->readOverview(QDate::currentDate(), error);
        QVERIFY(overview->queues[0].nearFull);
        const auto sample = m_reader->queueSample(queue, 2, 6, error);
        QVERIFY(sample);
        QCOMPARE(*sample, (QStringList{QStringLiteral("line 0"), QStringLiteral("line 1")}));
        QVERIFY(m_actions->editQueue(queue, QStringLiteral("all sensors"), {}).ok);
        QVERIFY(members(keys::analyzerGroupQueuesOfType(3)).isEmpty());
        QCOMPARE(members(keys::analyzerQueuesOfType(3)), QByteArrayList{queue});
        QVERIFY(m_actions->flushQueue(queue).ok);
        QCOMPARE(m_redis.command({"LLEN", keys::analyzerList("3", queue)}, kAnalyzerDb).integer, 0);
        QVERIFY(m_actions->removeQueue(queue).ok);
        QVERIFY(members(keys::allAnalyzerQueues()).isEmpty());
        // Extended-type queues are flushed under their name (d4-core#44).
        QVERIFY(m_actions->createQueue(2, "ja3-jl", {}, {}, queue).ok);
        m_redis.command({"LPUSH", keys::analyzerList("ja3-jl", queue), "x"}, kAnalyzerDb);
        QVERIFY(m_actions->flushQueue(queue).ok);
        QCOMPARE(m_redis.command({"LLEN", keys::analyzerList("ja3-jl", queue)}, kAnalyzerDb).integer, 0);
    }

    void clearStatisticsOfOneSensor()
    {
        const QByteArray d = today();
        QVERIFY(m_actions->clearStatistics(kSensorA).ok);
        QVERIFY(m_redis.command({"EXISTS", keys::statUuidType(d, kSensorA)}).integer == 0);
        QVERIFY(m_redis.command({"EXISTS", keys::statUuidIp(d, kSensorA)}).integer == 0);
        QVERIFY(m_redis.command({"ZSCORE", keys::dailyUuid(d), kSensorA}).isNil());
        QVERIFY(m_redis.command({"ZSCORE", keys::statTypeUuid(d, 3), kSensorA}).isNil());
        QVERIFY(m_redis.command({"ZSCORE", keys::statIpUuid(d, "192.0.2.1"), kSensorA}).isNil());
        // The other sensor keeps its statistics.
        QCOMPARE(get({"ZSCORE", keys::dailyUuid(d), kSensorB}), QByteArray("30"));
    }

    void namesAndTags()
    {
        QVERIFY(m_actions->setName(kSensorA, QStringLiteral("Roof")).ok);
        QVERIFY(m_actions->setTags(kSensorA, {QStringLiteral("dmz"), QStringLiteral("lab")}).ok);
        QString error;
        const auto overview = m_reader->readOverview(QDate::currentDate(), error);
        QCOMPARE(overview->sensors[0].name, QStringLiteral("Roof"));
        QCOMPARE(overview->sensors[0].tags, (QStringList{QStringLiteral("dmz"), QStringLiteral("lab")}));
        QVERIFY(m_actions->setTags(kSensorA, {}).ok);
        QVERIFY(m_actions->setName(kSensorA, {}).ok);
        QVERIFY(m_reader->readSensor(kSensorA, QDate::currentDate(), error)->summary.tags.isEmpty());
    }

    void savedDataIsCountedPerTypeAndDay()
    {
        QTemporaryDir dir;
        const QDate day = QDate::currentDate();
        const QString path = dir.filePath(QString::fromLatin1(kSensorA) + QStringLiteral("/3/") +
                                          day.toString(QStringLiteral("yyyy/MM/dd")));
        QVERIFY(QDir().mkpath(path));
        for (int i = 0; i < 3; ++i) {
            QFile file(path + QStringLiteral("/f%1.gz").arg(i));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(100, 'x'));
        }
        QVERIFY(QDir().mkpath(dir.filePath(QString::fromLatin1(kSensorA) + QStringLiteral("/1/2001/01/01"))));
        const auto saved = SavedDataScanner::scan(dir.path(), kSensorA, day);
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved[1].type, QStringLiteral("3"));
        QCOMPARE(saved[1].files, 3);
        QCOMPARE(saved[1].bytes, 300);
        QCOMPARE(saved[1].filesPerDay.at(day), 3);
        QCOMPARE(saved[0].files, 0);
    }

    void unreachableRedisIsReported()
    {
        m_redis.stop();
        QString error;
        QVERIFY(!m_reader->readOverview(QDate::currentDate(), error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!m_actions->setDescription(kSensorA, QStringLiteral("x")).ok);
    }
};

QTEST_GUILESS_MAIN(TestManagementStore)
#include "tst_managementstore.moc"
