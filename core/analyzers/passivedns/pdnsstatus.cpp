// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pdnsstatus.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace d4::passivedns {

namespace {

constexpr int kVersion = 1;
constexpr qsizetype kMaxNames = 100;
constexpr qsizetype kMaxNameBytes = 1024;
constexpr qsizetype kMaxText = 4096;
constexpr double kMaxInteger = 9007199254740992.0; ///< 2^53: every integer below is exact in JSON

/** The counter fields of RemoteQueueCounters, by their JSON names. */
struct CounterField
{
    const char *name;
    qint64 RemoteQueueCounters::*member;
};
constexpr CounterField kCounterFields[] = {
    {"lines", &RemoteQueueCounters::lines},
    {"recovered", &RemoteQueueCounters::recovered},
    {"already_stored", &RemoteQueueCounters::alreadyStored},
    {"batches", &RemoteQueueCounters::batches},
    {"connect_failures", &RemoteQueueCounters::connectFailures},
    {"reconnects", &RemoteQueueCounters::reconnects},
    {"in_flight", &RemoteQueueCounters::inFlight},
    {"rejected", &RemoteQueueCounters::rejected},
    {"excluded", &RemoteQueueCounters::excluded},
};

/** Reads a JSON integer in 0..2^53 into @p out; false when it is anything else. */
bool readCount(const QJsonValue &value, qint64 &out)
{
    if (!value.isDouble()) {
        return false;
    }
    const double number = value.toDouble();
    if (!(number >= 0 && number <= kMaxInteger) || std::floor(number) != number) {
        return false;
    }
    out = qint64(number);
    return true;
}

/** Reads a JSON string of at most @p maxBytes (UTF-8) into @p out. */
bool readText(const QJsonValue &value, qsizetype maxBytes, QString &out)
{
    if (!value.isString()) {
        return false;
    }
    out = value.toString();
    return out.toUtf8().size() <= maxBytes;
}

QJsonObject remoteQueueToJson(const PublishedRemoteQueue &queue)
{
    QJsonObject object;
    object.insert(QLatin1String("queue"), QString::fromUtf8(queue.queueKey));
    object.insert(QLatin1String("inflight"), QString::fromUtf8(queue.inflightKey));
    object.insert(QLatin1String("endpoint"), queue.endpoint);
    for (const CounterField &field : kCounterFields) {
        object.insert(QLatin1String(field.name), double(queue.counters.*field.member));
    }
    QJsonObject reasons;
    for (size_t i = 0; i < queue.counters.rejectedBy.size(); ++i) {
        reasons.insert(QString::fromLatin1(rejectReasonName(RejectReason(i))),
                       double(queue.counters.rejectedBy[i]));
    }
    object.insert(QLatin1String("rejected_by"), reasons);
    object.insert(QLatin1String("running"), queue.counters.running);
    object.insert(QLatin1String("connected"), queue.counters.connected);
    object.insert(QLatin1String("last_error"), queue.counters.lastError);
    object.insert(QLatin1String("last_error_time"),
                  queue.counters.lastErrorTime.isValid()
                      ? QJsonValue(double(queue.counters.lastErrorTime.toSecsSinceEpoch()))
                      : QJsonValue());
    return object;
}

std::optional<PublishedRemoteQueue> remoteQueueFromJson(const QJsonObject &object, QString &error)
{
    PublishedRemoteQueue queue;
    QString text;
    if (!readText(object.value(QLatin1String("queue")), kMaxText, text)) {
        error = QStringLiteral("remote_queue.queue is not a string");
        return std::nullopt;
    }
    queue.queueKey = text.toUtf8();
    if (!readText(object.value(QLatin1String("inflight")), kMaxText, text)) {
        error = QStringLiteral("remote_queue.inflight is not a string");
        return std::nullopt;
    }
    queue.inflightKey = text.toUtf8();
    if (!readText(object.value(QLatin1String("endpoint")), kMaxText, queue.endpoint)) {
        error = QStringLiteral("remote_queue.endpoint is not a string");
        return std::nullopt;
    }
    for (const CounterField &field : kCounterFields) {
        if (!readCount(object.value(QLatin1String(field.name)), queue.counters.*field.member)) {
            error = QStringLiteral("remote_queue.%1 is not a non-negative integer")
                        .arg(QLatin1String(field.name));
            return std::nullopt;
        }
    }
    const QJsonValue reasonsValue = object.value(QLatin1String("rejected_by"));
    if (!reasonsValue.isObject()) {
        error = QStringLiteral("remote_queue.rejected_by is not an object");
        return std::nullopt;
    }
    const QJsonObject reasons = reasonsValue.toObject();
    for (size_t i = 0; i < queue.counters.rejectedBy.size(); ++i) {
        const QString name = QString::fromLatin1(rejectReasonName(RejectReason(i)));
        const QJsonValue count = reasons.value(name);
        // A reason this version does not know is ignored; one it knows must be a count.
        if (!count.isUndefined() && !readCount(count, queue.counters.rejectedBy[i])) {
            error = QStringLiteral("remote_queue.rejected_by.%1 is not a non-negative integer").arg(name);
            return std::nullopt;
        }
    }
    const QJsonValue running = object.value(QLatin1String("running"));
    const QJsonValue connected = object.value(QLatin1String("connected"));
    if (!running.isBool() || !connected.isBool()) {
        error = QStringLiteral("remote_queue.running or .connected is not a boolean");
        return std::nullopt;
    }
    queue.counters.running = running.toBool();
    queue.counters.connected = connected.toBool();
    if (!readText(object.value(QLatin1String("last_error")), kMaxText, queue.counters.lastError)) {
        error = QStringLiteral("remote_queue.last_error is not a string");
        return std::nullopt;
    }
    const QJsonValue errorTime = object.value(QLatin1String("last_error_time"));
    qint64 seconds = 0;
    if (!errorTime.isNull()) {
        if (!readCount(errorTime, seconds)) {
            error = QStringLiteral("remote_queue.last_error_time is neither null nor a time");
            return std::nullopt;
        }
        queue.counters.lastErrorTime = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    }
    return queue;
}

} // namespace

QByteArray PdnsStatus::toJson() const
{
    QJsonObject object;
    object.insert(QLatin1String("version"), kVersion);
    object.insert(QLatin1String("published"), double(published.toSecsSinceEpoch()));
    QJsonArray names;
    for (const auto &[name, count] : topNames) {
        const QString text = QString::fromUtf8(name);
        if (text.toUtf8().size() > kMaxNameBytes) {
            continue; // not a DNS name a reader would accept (at most 255 bytes on the wire)
        }
        names.append(QJsonArray{text, double(count)});
        if (names.size() == kMaxNames) {
            break;
        }
    }
    object.insert(QLatin1String("top_names"), names);
    if (remoteQueue) {
        object.insert(QLatin1String("remote_queue"), remoteQueueToJson(*remoteQueue));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<PdnsStatus> PdnsStatus::fromJson(const QByteArray &json, QString *error)
{
    QString reason;
    auto refuse = [&](const QString &why) {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return refuse(QStringLiteral("not JSON: %1").arg(parseError.errorString()));
    }
    if (!document.isObject()) {
        return refuse(QStringLiteral("not a JSON object"));
    }
    const QJsonObject object = document.object();
    if (object.value(QLatin1String("version")).toInt(-1) != kVersion) {
        return refuse(QStringLiteral("version is not %1").arg(kVersion));
    }
    PdnsStatus status;
    qint64 seconds = 0;
    if (!readCount(object.value(QLatin1String("published")), seconds)) {
        return refuse(QStringLiteral("published is not a time"));
    }
    status.published = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    const QJsonValue names = object.value(QLatin1String("top_names"));
    if (!names.isArray() || names.toArray().size() > kMaxNames) {
        return refuse(QStringLiteral("top_names is not an array of at most %1 entries").arg(kMaxNames));
    }
    for (const QJsonValue &entry : names.toArray()) {
        const QJsonArray pair = entry.toArray();
        QString name;
        qint64 count = 0;
        if (!entry.isArray() || pair.size() != 2 || !readText(pair.at(0), kMaxNameBytes, name) ||
            !readCount(pair.at(1), count)) {
            return refuse(QStringLiteral("a top_names entry is not [name, count]"));
        }
        status.topNames.append({name.toUtf8(), count});
    }
    const QJsonValue remote = object.value(QLatin1String("remote_queue"));
    if (!remote.isUndefined()) {
        if (!remote.isObject()) {
            return refuse(QStringLiteral("remote_queue is not an object"));
        }
        status.remoteQueue = remoteQueueFromJson(remote.toObject(), reason);
        if (!status.remoteQueue) {
            return refuse(reason);
        }
    }
    return status;
}

} // namespace d4::passivedns
