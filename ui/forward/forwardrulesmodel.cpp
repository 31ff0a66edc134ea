// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardrulesmodel.h"

#include <QDateTime>
#include <QLocale>

namespace d4::ui {

using forward::FilterReason;
using forward::ForwardRule;
using forward::ForwardRuleStatus;
using forward::ForwardSource;

ForwardRulesModel::ForwardRulesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ForwardRulesModel::~ForwardRulesModel() = default;

void ForwardRulesModel::setRules(const QList<ForwardRuleStatus> &rules)
{
    bool sameNames = rules.size() == m_rules.size();
    for (qsizetype i = 0; sameNames && i < rules.size(); ++i) {
        sameNames = rules[i].name == m_rules[i].name;
    }
    if (!sameNames) {
        beginResetModel();
        m_rules = rules;
        endResetModel();
        return;
    }
    m_rules = rules;
    if (!m_rules.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_rules.size()) - 1, ColumnCount - 1));
    }
}

const ForwardRuleStatus *ForwardRulesModel::ruleAt(int row) const
{
    return row >= 0 && row < m_rules.size() ? &m_rules[row] : nullptr;
}

int ForwardRulesModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].name == name) {
            return int(i);
        }
    }
    return -1;
}

int ForwardRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int ForwardRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ForwardRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Rule");
    case Partner:
        return tr("Partner");
    case Type:
        return tr("Type");
    case Sources:
        return tr("Sources");
    case State:
        return tr("State");
    case Read:
        return tr("Read");
    case Filtered:
        return tr("Filtered");
    case Spooled:
        return tr("Spooled");
    case Sent:
        return tr("Sent");
    case Acknowledged:
        return tr("Acknowledged");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

QVariant ForwardRulesModel::data(const QModelIndex &index, int role) const
{
    const ForwardRuleStatus *status = ruleAt(index.row());
    if (!status || index.column() < 0 || index.column() >= ColumnCount) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return cellText(*status, index.column());
    case Qt::ToolTipRole:
        return toolTip(*status, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() >= Read && index.column() <= Acknowledged) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    default:
        return {};
    }
}

QString ForwardRulesModel::cellText(const ForwardRuleStatus &status, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        return status.name;
    case Partner:
        return status.rule ? status.rule->partner.server.toString() : QString();
    case Type:
        return status.rule ? typeText(*status.rule) : QString();
    case Sources:
        return status.rule ? sourcesText(*status.rule) : tr("(configuration unreadable)");
    case State:
        return stateText(status);
    case Read:
        return locale.toString(status.read);
    case Filtered:
        return locale.toString(status.filteredTotal());
    case Spooled:
        return tr("%1 (%2)").arg(locale.toString(status.spoolRecords),
                                 locale.formattedDataSize(status.spoolBytes));
    case Sent:
        return locale.toString(status.sent);
    case Acknowledged:
        return locale.toString(status.acknowledged);
    case LastError:
        return status.lastError;
    default:
        return {};
    }
}

QString ForwardRulesModel::toolTip(const ForwardRuleStatus &status, int column) const
{
    const QLocale locale;
    switch (column) {
    case Filtered: {
        if (status.filtered.isEmpty()) {
            return tr("Nothing left out");
        }
        QStringList lines;
        for (auto it = status.filtered.cbegin(); it != status.filtered.cend(); ++it) {
            lines.append(tr("%1: %2").arg(reasonTextForName(it.key()), locale.toString(it.value())));
        }
        return lines.join(QLatin1Char('\n'));
    }
    case Spooled:
        return tr("%n record(s) waiting on disk", nullptr, int(status.spoolRecords));
    case Sent:
        return tr("%1 sent").arg(locale.formattedDataSize(status.bytesSent));
    case Acknowledged:
        return status.lastAck > 0 ? tr("Last acknowledgement: %1")
                                        .arg(locale.toString(QDateTime::fromSecsSinceEpoch(status.lastAck),
                                                             QLocale::ShortFormat))
                                  : tr("Nothing acknowledged yet");
    case State:
        return tr("%n connection(s) since the server started", nullptr, int(status.connections));
    case Partner:
    case Sources:
        return cellText(status, column);
    case LastError:
        return status.lastError;
    default:
        return {};
    }
}

QString ForwardRulesModel::stateText(const ForwardRuleStatus &status)
{
    if (status.rule && !status.rule->enabled) {
        return tr("disabled");
    }
    if (status.paused) {
        return tr("paused");
    }
    return status.connected ? tr("connected") : tr("reconnecting");
}

QString ForwardRulesModel::reasonText(FilterReason reason)
{
    switch (reason) {
    case FilterReason::None:
        return tr("kept");
    case FilterReason::Unparsable:
        return tr("unparsable");
    case FilterReason::DropSuffix:
        return tr("in a drop zone");
    case FilterReason::NotKept:
        return tr("in no keep zone");
    case FilterReason::Rrtype:
        return tr("dropped RR type");
    case FilterReason::Sampled:
        return tr("sampled out");
    case FilterReason::PcapFilter:
        return tr("does not match the pcap filter");
    case FilterReason::LinkType:
        return tr("other link type");
    case FilterReason::Count_:
        break;
    }
    return {};
}

QString ForwardRulesModel::reasonTextForName(const QByteArray &name)
{
    for (int i = 0; i < int(FilterReason::Count_); ++i) {
        const auto reason = FilterReason(i);
        if (forward::filterReasonName(reason) == name) {
            return reasonText(reason);
        }
    }
    return QString::fromUtf8(name);
}

QString ForwardRulesModel::sourcesText(const ForwardRule &rule)
{
    QStringList parts;
    for (const ForwardSource &source : rule.sources) {
        if (source.kind == ForwardSource::Kind::AnalyzerQueue) {
            parts.append(tr("queue %1").arg(QString::fromLatin1(source.queueUuid.left(8))));
        } else if (source.sensors.isEmpty()) {
            parts.append(tr("every sensor"));
        } else {
            parts.append(tr("%n sensor(s)", nullptr, int(source.sensors.size())));
        }
    }
    return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
}

QString ForwardRulesModel::typeText(const ForwardRule &rule)
{
    if (rule.type == 254 && !rule.extendedType.isEmpty()) {
        return QStringLiteral("254 (%1)").arg(QString::fromUtf8(rule.extendedType));
    }
    return QString::number(rule.type);
}

} // namespace d4::ui
