// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "forward/filterdecision.h"
#include "forward/forwardstatus.h"

namespace d4::ui {

/**
 * The forwarding rules as a table: name, partner, type, sources, state, and the accounting
 * counters (filtered with a per-reason tooltip). setRules() keeps the rows and only signals the
 * changed cells, so the live refresh keeps the selection and does not flicker.
 */
class ForwardRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForwardRulesModel)

public:
    enum Column
    {
        Name,
        Partner,
        Type,
        Sources,
        State,
        Read,
        Filtered,
        Spooled,
        Sent,
        Acknowledged,
        LastError,
        ColumnCount
    };

    explicit ForwardRulesModel(QObject *parent = nullptr);
    ~ForwardRulesModel() override;

    void setRules(const QList<forward::ForwardRuleStatus> &rules);
    const QList<forward::ForwardRuleStatus> &rules() const noexcept { return m_rules; }
    /** The rule of @p row, or nullptr. */
    const forward::ForwardRuleStatus *ruleAt(int row) const;
    /** The row of the rule named @p name, or -1. */
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "connected", "reconnecting", "paused" or "disabled", translated. */
    static QString stateText(const forward::ForwardRuleStatus &status);
    /** A short, translated description of why a filter left an item out. */
    static QString reasonText(forward::FilterReason reason);
    /** reasonText() for a stats field's reason name; the name itself when unknown. */
    static QString reasonTextForName(const QByteArray &name);
    static QString sourcesText(const forward::ForwardRule &rule);
    static QString typeText(const forward::ForwardRule &rule);

private:
    QString cellText(const forward::ForwardRuleStatus &status, int column) const;
    QString toolTip(const forward::ForwardRuleStatus &status, int column) const;

    QList<forward::ForwardRuleStatus> m_rules;
};

} // namespace d4::ui
