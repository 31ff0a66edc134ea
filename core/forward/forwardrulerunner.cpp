// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardrulerunner.h"

#include "forward/forwardintake.h"
#include "forward/forwardlog.h"
#include "forward/forwardqueuesource.h"
#include "forward/forwardsender.h"
#include "forward/forwardspool.h"
#include "forward/forwardtapsource.h"

namespace d4::forward {

ForwardRuleRunner::ForwardRuleRunner(ForwardRule rule, QString spoolDirectory, store::RedisEndpoint analyzer)
    : m_rule(std::move(rule))
    , m_spoolDirectory(std::move(spoolDirectory))
    , m_analyzer(std::move(analyzer))
{
}

ForwardRuleRunner::~ForwardRuleRunner()
{
    stop();
}

bool ForwardRuleRunner::prepare(QString &error)
{
    QString problem;
    m_spool = ForwardSpool::open(m_spoolDirectory, m_rule.spoolMaxBytes, problem);
    if (!m_spool) {
        error = QStringLiteral("rule %1: spool %2: %3").arg(m_rule.name, m_spoolDirectory, problem);
        return false;
    }
    m_intake = std::make_unique<ForwardIntake>(m_rule, *m_spool, m_counters);
    if (!m_intake->prepare(error)) {
        return false;
    }
    if (ForwardTapSource::isNeeded(m_rule)) {
        m_tap = std::make_unique<ForwardTapSource>(m_rule, *m_intake);
    }
    for (const ForwardSource &source : std::as_const(m_rule.sources)) {
        if (source.kind == ForwardSource::Kind::AnalyzerQueue) {
            m_queues.push_back(std::make_unique<ForwardQueueSource>(m_rule, source.queueUuid, m_analyzer,
                                                                    *m_intake, m_counters));
        }
    }
    m_sender = std::make_unique<ForwardSender>(m_rule, *m_spool, m_counters, m_intake->pcapStreamHeader());
    if (m_spool->pendingRecords() > 0) {
        qCInfo(lcForward).noquote() << "Forward rule" << m_rule.name << ":" << m_spool->pendingRecords()
                                    << "items waiting in the spool from a previous run";
    }
    return true;
}

bool ForwardRuleRunner::start(QString &error)
{
    if (!m_sender || !m_sender->start(error)) {
        return false;
    }
    for (const auto &queue : m_queues) {
        queue->start();
    }
    qCInfo(lcForward).noquote() << "Forward rule" << m_rule.name << ": type" << m_rule.type << "to"
                                << m_rule.partner.server.toString() << "as" << m_rule.partnerUuid;
    return true;
}

void ForwardRuleRunner::stopIntake()
{
    if (m_intake) {
        m_intake->stop();
    }
}

void ForwardRuleRunner::stop()
{
    stopIntake();
    for (const auto &queue : m_queues) {
        queue->stop();
    }
    if (m_sender) {
        m_sender->stop();
    }
    if (m_spool) {
        m_spool->interrupt();
    }
}

void ForwardRuleRunner::setPaused(bool paused)
{
    if (m_sender) {
        m_sender->setPaused(paused);
    }
}

bool ForwardRuleRunner::isPaused() const
{
    return m_sender && m_sender->isPaused();
}

workers::WorkerTap *ForwardRuleRunner::tap() const
{
    return m_tap.get();
}

quint64 ForwardRuleRunner::spoolBytes() const
{
    return m_spool ? m_spool->pendingBytes() : 0;
}

quint64 ForwardRuleRunner::spoolRecords() const
{
    return m_spool ? m_spool->pendingRecords() : 0;
}

} // namespace d4::forward
