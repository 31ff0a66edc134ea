// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardstatusreader.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "forward/forwardkeys.h"
#include "forward/forwardrulejson.h"

namespace d4::forward {

ForwardStatusReader::ForwardStatusReader(store::RedisEndpoint metadata, store::RedisEndpoint analyzer)
    : m_metadata(metadata)
    , m_queues(std::move(metadata), std::move(analyzer))
{
}

bool ForwardStatusReader::run(const QByteArrayList &command, QString &error, store::RedisValue &result)
{
    result = m_metadata.command(command);
    if (result.isError()) {
        error = QString::fromUtf8(result.string);
        return false;
    }
    return true;
}

std::optional<QList<ForwardRuleStatus>> ForwardStatusReader::readAll(QString &error)
{
    store::RedisValue names;
    if (!run({"SMEMBERS", keys::rules()}, error, names)) {
        return std::nullopt;
    }
    QList<ForwardRuleStatus> rules;
    for (const QByteArray &name : names.sortedStrings()) {
        ForwardRuleStatus status;
        status.name = QString::fromUtf8(name);
        store::RedisValue config;
        if (!run({"HGET", keys::rule(name), keys::kFieldConfig}, error, config)) {
            return std::nullopt;
        }
        const QJsonDocument document = QJsonDocument::fromJson(config.string);
        if (document.isObject()) {
            status.rule = ForwardRuleJson::fromJson(document.object());
        }
        store::RedisValue stats;
        if (!run({"HGETALL", keys::stats(name)}, error, stats)) {
            return std::nullopt;
        }
        applyStats(stats.elements, status);
        store::RedisValue paused;
        if (!run({"HGET", keys::control(name), keys::kFieldPaused}, error, paused)) {
            return std::nullopt;
        }
        status.paused = paused.string == "1";
        rules.append(status);
    }
    return rules;
}

void ForwardStatusReader::applyStats(const QList<store::RedisValue> &pairs, ForwardRuleStatus &status)
{
    status.hasStats = !pairs.isEmpty();
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
        const QByteArray &field = pairs[i].string;
        const QByteArray &value = pairs[i + 1].string;
        const qint64 number = value.toLongLong();
        if (field == "read") {
            status.read = number;
        } else if (field == "spooled") {
            status.spooled = number;
        } else if (field == "sent") {
            status.sent = number;
        } else if (field == "acknowledged") {
            status.acknowledged = number;
        } else if (field == "bytes_sent") {
            status.bytesSent = number;
        } else if (field.startsWith("filtered:")) {
            status.filtered.insert(field.mid(9), number);
        } else if (field == "spool_bytes") {
            status.spoolBytes = number;
        } else if (field == "spool_records") {
            status.spoolRecords = number;
        } else if (field == "connected") {
            status.connected = number != 0;
        } else if (field == "connections") {
            status.connections = number;
        } else if (field == "last_error") {
            status.lastError = QString::fromUtf8(value);
        } else if (field == "last_ack") {
            status.lastAck = number;
        }
    }
}

bool ForwardStatusReader::setPaused(const QString &rule, bool paused, QString &error)
{
    store::RedisValue result;
    return run({"HSET", keys::control(rule.toUtf8()), keys::kFieldPaused, paused ? "1" : "0"}, error, result);
}

std::optional<QByteArrayList> ForwardStatusReader::sampleQueue(const QByteArray &queueUuid, int count,
                                                               QString &error)
{
    return m_queues.sample(queueUuid, count, error);
}

} // namespace d4::forward
