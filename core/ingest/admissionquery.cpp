// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/admissionquery.h"

#include <memory>

#include <hiredis/hiredis.h>

#include "store/keyschema.h"
#include "store/redisclient.h"
#include "store/redisvalue.h"

namespace d4::ingest {

namespace keys = store::keys;

namespace {

std::optional<QByteArray> stringOf(const redisReply &reply)
{
    if (reply.type != REDIS_REPLY_STRING) {
        return std::nullopt;
    }
    return QByteArray(reply.str, static_cast<qsizetype>(reply.len));
}

struct Pending
{
    AdmissionFacts facts;
    int outstanding = 0;
    std::function<void(const AdmissionFacts &)> done;
};

} // namespace

void queryAdmissionFacts(store::RedisClient &metadata, store::RedisClient &stream,
                         const AdmissionSubject &subject, bool registrationMode, bool recheck,
                         std::function<void(const AdmissionFacts &)> done)
{
    const QByteArray &uuid = subject.uuid;
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    auto ask = [pending](store::RedisClient &client, QByteArrayList command,
                         std::function<void(AdmissionFacts &, const redisReply &)> take) {
        ++pending->outstanding;
        client.send(std::move(command), [pending, take = std::move(take)](const redisReply &reply) {
            take(pending->facts, reply);
            if (--pending->outstanding == 0) {
                pending->done(pending->facts);
            }
        });
    };
    if (recheck) {
        ask(metadata, {"SISMEMBER", keys::blacklistIp(), subject.ip},
            [](AdmissionFacts &f, const redisReply &r) { f.blacklistedIp = store::isTrueReply(r); });
    }
    ask(metadata, {"SISMEMBER", keys::blacklistIpByUuid(), uuid},
        [](AdmissionFacts &f, const redisReply &r) { f.blacklistedIpByUuid = store::isTrueReply(r); });
    ask(metadata, {"SISMEMBER", keys::blacklistUuid(), uuid},
        [](AdmissionFacts &f, const redisReply &r) { f.blacklistedUuid = store::isTrueReply(r); });
    if (registrationMode) {
        ask(metadata, {"SISMEMBER", keys::registeredUuids(), uuid},
            [](AdmissionFacts &f, const redisReply &r) { f.registered = store::isTrueReply(r); });
    }
    ask(stream, {"EXISTS", keys::temporaryBlacklist(uuid)},
        [](AdmissionFacts &f, const redisReply &r) { f.temporarilyBlacklisted = store::isTrueReply(r); });
    ask(stream, {"SISMEMBER", keys::incorrectTypeSessions(), subject.session},
        [](AdmissionFacts &f, const redisReply &r) { f.incorrectTypeFlagged = store::isTrueReply(r); });
    if (recheck) {
        return;
    }
    const int type = subject.type;
    ask(metadata, {"SISMEMBER", keys::acceptedTypes(), QByteArray::number(type)},
        [](AdmissionFacts &f, const redisReply &r) { f.typeAccepted = store::isTrueReply(r); });
    ask(stream, {"SISMEMBER", keys::activeConnectionsOfType(type), uuid},
        [](AdmissionFacts &f, const redisReply &r) { f.activeOfType = store::isTrueReply(r); });
    ask(metadata, {"HGET", keys::sensorMetadata(uuid), keys::kFieldHmacKey},
        [](AdmissionFacts &f, const redisReply &r) { f.sensorKey = stringOf(r); });
    ask(metadata, {"GET", keys::hmacDefaultKey()},
        [](AdmissionFacts &f, const redisReply &r) { f.defaultKey = stringOf(r).value_or(QByteArray()); });
    ask(metadata, {"HGET", keys::streamMaxSizeByUuid(), uuid}, [](AdmissionFacts &f, const redisReply &r) {
        bool ok = false;
        const qint64 value = stringOf(r).value_or(QByteArray()).toLongLong(&ok);
        if (ok && value >= 0) {
            f.streamLimit = value;
        }
    });
}

} // namespace d4::ingest
