// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "backscatter/backscattersourcebox.h"

#include "analyzers/backscatter/backscatteranalyzer.h"

namespace d4::ui {

using analyzers::backscatter::BackscatterAnalyzer;

BackscatterSourceBox::BackscatterSourceBox(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("backscatterSource"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setAccessibleName(tr("Backscatter source"));
    setToolTip(tr("Live: the sensors' traffic. An imported capture: its backscatter, on capture time."));
}

void BackscatterSourceBox::setLive(BackscatterAnalyzer *live)
{
    if (!m_sources.isEmpty() && !m_sources.constFirst().owner) {
        m_sources.removeFirst();
        removeItem(0);
    }
    if (live) {
        m_sources.prepend({live, nullptr});
        insertItem(0, tr("Live"));
    }
}

int BackscatterSourceBox::addImport(const QString &name, std::shared_ptr<BackscatterAnalyzer> analyzer)
{
    if (!analyzer) {
        return -1;
    }
    if (const int existing = indexOf(analyzer.get()); existing >= 0) {
        setItemText(existing, name);
        return existing;
    }
    qsizetype imports = 0;
    for (const Source &source : std::as_const(m_sources)) {
        imports += source.owner ? 1 : 0;
    }
    if (imports >= kMaxImports) {
        const int oldest = isLive(0) ? 1 : 0;
        m_sources.removeAt(oldest);
        removeItem(oldest);
    }
    BackscatterAnalyzer *raw = analyzer.get();
    m_sources.append({raw, std::move(analyzer)});
    addItem(name);
    return count() - 1;
}

bool BackscatterSourceBox::renameImport(const BackscatterAnalyzer *analyzer, const QString &name)
{
    const int index = indexOf(analyzer);
    if (index < 0 || isLive(index)) {
        return false;
    }
    setItemText(index, name);
    return true;
}

BackscatterAnalyzer *BackscatterSourceBox::currentAnalyzer() const
{
    const int index = currentIndex();
    return index >= 0 && index < m_sources.size() ? m_sources.at(index).analyzer : nullptr;
}

bool BackscatterSourceBox::isLive(int index) const
{
    return index >= 0 && index < m_sources.size() && !m_sources.at(index).owner;
}

int BackscatterSourceBox::indexOf(const BackscatterAnalyzer *analyzer) const
{
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).analyzer == analyzer) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace d4::ui
