// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardpublisher.h"

#include <QJsonDocument>

#include "forward/forwardkeys.h"
#include "forward/forwardrulejson.h"
#include "forward/forwardrulerunner.h"

namespace d4::forward {

ForwardPublisher::ForwardPublisher(store::RedisEndpoint metadata)
    : m_redis(std::move(metadata))
{
}

bool ForwardPublisher::publishRules(const QList<ForwardRule> &rules)
{
    if (m_redis.command({"DEL", keys::rules()}).isError()) {
        return false;
    }
    for (const ForwardRule &rule : rules) {
        const QByteArray name = rule.name.toUtf8();
        const QByteArray json = QJsonDocument(ForwardRuleJson::toJson(rule)).toJson(QJsonDocument::Compact);
        if (m_redis.command({"SADD", keys::rules(), name}).isError() ||
            m_redis.command({"HSET", keys::rule(name), keys::kFieldConfig, json}).isError()) {
            return false;
        }
    }
    return true;
}

bool ForwardPublisher::publishStats(ForwardRuleRunner &runner)
{
    const ForwardCounters &c = runner.counters();
    const QByteArray name = runner.rule().name.toUtf8();
    QByteArrayList command{"HSET",          keys::stats(name),
                           "read",          QByteArray::number(c.read.load()),
                           "spooled",       QByteArray::number(c.spooled.load()),
                           "sent",          QByteArray::number(c.sent.load()),
                           "acknowledged",  QByteArray::number(c.acknowledged.load()),
                           "bytes_sent",    QByteArray::number(c.bytesSent.load()),
                           "spool_bytes",   QByteArray::number(runner.spoolBytes()),
                           "spool_records", QByteArray::number(runner.spoolRecords()),
                           "connected",     c.connected.load() ? "1" : "0",
                           "connections",   QByteArray::number(c.connections.load()),
                           "paused",        runner.isPaused() ? "1" : "0",
                           "last_error",    c.lastError().toUtf8(),
                           "last_ack",      QByteArray::number(c.lastAckEpoch.load())};
    for (int reason = 1; reason < int(FilterReason::Count_); ++reason) {
        command.append("filtered:" + filterReasonName(FilterReason(reason)));
        command.append(QByteArray::number(c.filtered[std::size_t(reason)].load()));
    }
    return !m_redis.command(command).isError();
}

std::optional<bool> ForwardPublisher::pausedRequest(const QString &rule)
{
    const store::RedisValue value =
        m_redis.command({"HGET", keys::control(rule.toUtf8()), keys::kFieldPaused});
    if (value.isError()) {
        return std::nullopt;
    }
    return value.string == "1";
}

} // namespace d4::forward
