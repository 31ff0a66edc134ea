// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "backscatter/importbackscatterlink.h"

#include <QFileInfo>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "backscatter/backscatterpage.h"
#include "import/importcontroller.h"

namespace d4::ui {

namespace {

QString sourceName(const QString &name, qsizetype files, bool running, bool cancelled)
{
    QString text = files > 1 ? BackscatterPage::tr("%1 (+%2 files)").arg(name).arg(files - 1) : name;
    if (running) {
        text = BackscatterPage::tr("%1 (importing…)").arg(text);
    } else if (cancelled) {
        text = BackscatterPage::tr("%1 (cancelled)").arg(text);
    }
    return BackscatterPage::tr("Import: %1").arg(text);
}

} // namespace

void linkImportsToBackscatterPage(ImportController *importer, BackscatterPage *page)
{
    QObject::connect(
        importer, &ImportController::importStarted, page, [importer, page](const QStringList &files) {
            if (files.isEmpty() || !importer->options().backscatter || !importer->backscatter()) {
                return;
            }
            page->addImportedSource(
                sourceName(QFileInfo(files.constFirst()).completeBaseName(), files.size(), true, false),
                importer->backscatter());
        });
    QObject::connect(importer, &ImportController::importFinished, page,
                     [importer, page](const import::ImportResult &result) {
                         if (const auto analyzer = importer->backscatter()) {
                             page->renameImportedSource(
                                 analyzer.get(),
                                 sourceName(result.name, result.files.size(), false, result.cancelled));
                         }
                     });
}

} // namespace d4::ui
