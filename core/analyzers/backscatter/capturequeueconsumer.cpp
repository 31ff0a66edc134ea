// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/capturequeueconsumer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "store/keyschema.h"
#include "store/redissyncclient.h"

namespace d4::analyzers::backscatter {

namespace {
Q_LOGGING_CATEGORY(lcQueue, "d4.backscatter.queue")
}

CaptureQueueConsumer::CaptureQueueConsumer(store::RedisEndpoint analyzerDb, QByteArray queueUuid,
                                           capture::PacketSink *sink)
    : m_endpoint(std::move(analyzerDb))
    , m_list(store::keys::analyzerList(QByteArrayLiteral("1"), queueUuid))
    , m_sink(sink)
{
}

bool CaptureQueueConsumer::processOne(int blockSeconds, QString &error)
{
    // The client's socket timeout must outlast the blocking pop.
    store::RedisSyncClient redis(m_endpoint, (blockSeconds + 2) * 1000);
    const store::RedisValue reply = redis.command({"BRPOP", m_list, QByteArray::number(blockSeconds)});
    if (reply.isError()) {
        error = QString::fromUtf8(reply.string);
        return false;
    }
    if (reply.isNil() || reply.elements.size() != 2) {
        return false;
    }
    const QString path = QString::fromUtf8(reply.elements.at(1).string);
    m_history.append(path);
    if (!QFileInfo(path).isReadable()) {
        qCWarning(lcQueue).noquote() << "queue" << m_list << ": cannot read" << path << "- skipped";
        ++m_skipped;
        return true;
    }
    capture::PacketPipeline pipeline;
    pipeline.addSink(m_sink);
    const auto summary = capture::CaptureFileReader::read(
        path, [&pipeline](const capture::CapturePacket &packet) { pipeline.onPacket(packet); });
    m_packets += summary.packets;
    if (!summary.ok()) {
        qCWarning(lcQueue).noquote() << "queue" << m_list << ":" << path << "-"
                                     << capture::captureErrorText(summary.error);
        ++m_skipped;
        return true;
    }
    if (!summary.warningText().isEmpty()) {
        qCWarning(lcQueue).noquote() << path << "-" << summary.warningText();
    }
    ++m_processed;
    return true;
}

void CaptureQueueConsumer::run(const std::atomic_bool &stop, int blockSeconds, int warningIntervalMs)
{
    quint64 failures = 0;
    QElapsedTimer sinceWarning;
    while (!stop.load()) {
        QString error;
        if (processOne(blockSeconds, error) || error.isEmpty()) {
            if (failures > 0) {
                qCInfo(lcQueue).noquote()
                    << "queue" << m_list << ": reading again after" << failures << "failed attempt(s)";
                failures = 0;
            }
            continue;
        }
        // An unreachable Redis is retried every blockSeconds; its warning is repeated at most every
        // warningIntervalMs, with the number of attempts, so that the log stays readable.
        ++failures;
        if (failures == 1 || sinceWarning.hasExpired(warningIntervalMs)) {
            qCWarning(lcQueue).noquote() << "queue" << m_list << ":" << error
                                         << QStringLiteral("(%1 failed attempt(s), retrying)").arg(failures);
            sinceWarning.start();
        }
        for (int i = 0; i < blockSeconds * 10 && !stop.load(); ++i) {
            QThread::msleep(100);
        }
    }
}

} // namespace d4::analyzers::backscatter
