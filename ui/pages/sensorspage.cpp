// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "pages/sensorspage.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "management/sensorinput.h"
#include "models/sensortablemodel.h"

namespace d4::ui {

SensorsPage::SensorsPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("SensorsPage"));
    m_model = new SensorTableModel(this);
    m_connectedFilter = new QSortFilterProxyModel(this);
    m_connectedFilter->setSourceModel(m_model);
    m_connectedFilter->setFilterRole(SensorTableModel::ConnectedRole);
    m_textFilter = new QSortFilterProxyModel(this);
    m_textFilter->setSourceModel(m_connectedFilter);
    m_textFilter->setFilterRole(SensorTableModel::SearchTextRole);
    m_textFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_textFilter->setSortRole(SensorTableModel::SortRole);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("sensorSearch"));
    m_search->setPlaceholderText(tr("Search UUID, name, description or tag; Enter on a UUID opens it"));
    m_search->setClearButtonEnabled(true);
    m_connectedOnly = new QCheckBox(tr("&Connected only"), this);
    m_connectedOnly->setObjectName(QStringLiteral("connectedOnly"));
    m_count = new QLabel(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_connectedOnly);
    bar->addWidget(m_count);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("sensorTable"));
    m_view->setModel(m_textFilter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SensorTableModel::PacketsColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setSectionResizeMode(SensorTableModel::NameColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(SensorTableModel::UuidColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, this, &SensorsPage::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &SensorsPage::searchEntered);
    connect(m_connectedOnly, &QCheckBox::toggled, this, &SensorsPage::applyFilter);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openSensor(index.data(SensorTableModel::UuidRole).toByteArray());
    });
    applyFilter();
}

SensorsPage::~SensorsPage() = default;

void SensorsPage::showOverview(const std::shared_ptr<const management::Overview> &overview)
{
    m_model->setSensors(overview->sensors);
    m_count->setText(tr("%1 of %2 sensors").arg(m_textFilter->rowCount()).arg(m_model->rowCount()));
}

void SensorsPage::applyFilter()
{
    m_connectedFilter->setFilterFixedString(m_connectedOnly->isChecked() ? QStringLiteral("true")
                                                                         : QString());
    // Every word must occur (in any order) in the UUID, name, description or tags.
    QString pattern;
    for (const QString &word : m_search->text().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        static const QRegularExpression hexWithDashes(QStringLiteral("^[0-9a-fA-F-]+$"));
        QString term = word;
        if (hexWithDashes.match(term).hasMatch()) {
            term.remove(QLatin1Char('-')); // a dashed UUID matches the 32-hex form
        }
        pattern += QStringLiteral("(?=.*%1)").arg(QRegularExpression::escape(term));
    }
    m_textFilter->setFilterRegularExpression(
        QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption));
    m_count->setText(tr("%1 of %2 sensors").arg(m_textFilter->rowCount()).arg(m_model->rowCount()));
}

void SensorsPage::searchEntered()
{
    const QByteArray uuid = management::SensorInput::normalizeUuid(m_search->text().toLatin1());
    if (!uuid.isEmpty()) {
        Q_EMIT openSensor(uuid);
    } else if (m_textFilter->rowCount() == 1) {
        Q_EMIT openSensor(m_textFilter->index(0, 0).data(SensorTableModel::UuidRole).toByteArray());
    }
}

} // namespace d4::ui
