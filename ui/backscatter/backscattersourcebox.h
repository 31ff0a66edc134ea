// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QComboBox>
#include <QList>

namespace d4::analyzers::backscatter {
class BackscatterAnalyzer;
}

namespace d4::ui {

/**
 * The Backscatter page's choice of analyzer: "Live" (the embedded server's analyzer, fed by the
 * sensors; not owned) and one entry per imported capture (its import job's analyzer, shared so it
 * outlives the job). At most kMaxImports imports are listed: adding one more drops the oldest,
 * which frees its analyzer (attacks and evidence packets).
 */
class BackscatterSourceBox final : public QComboBox
{
    Q_OBJECT

public:
    static constexpr int kMaxImports = 8;

    explicit BackscatterSourceBox(QWidget *parent = nullptr);

    /** Puts "Live" first, for @p live (nullptr: no live source, e.g. attached to a remote server). */
    void setLive(analyzers::backscatter::BackscatterAnalyzer *live);
    /** Appends an imported capture's analyzer as @p name; returns its index. */
    int addImport(const QString &name, std::shared_ptr<analyzers::backscatter::BackscatterAnalyzer> analyzer);
    /** Renames the import of @p analyzer; false when it is not listed. */
    bool renameImport(const analyzers::backscatter::BackscatterAnalyzer *analyzer, const QString &name);
    /** The analyzer shown, or nullptr when there is no source. */
    analyzers::backscatter::BackscatterAnalyzer *currentAnalyzer() const;
    bool isLive(int index) const;
    int indexOf(const analyzers::backscatter::BackscatterAnalyzer *analyzer) const;

private:
    struct Source
    {
        analyzers::backscatter::BackscatterAnalyzer *analyzer = nullptr;
        std::shared_ptr<analyzers::backscatter::BackscatterAnalyzer> owner; ///< null for Live
    };

    QList<Source> m_sources; ///< one per item, same order
};

} // namespace d4::ui
