// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

namespace d4::ui {

class BackscatterPage;
class ImportController;

/**
 * Shows each capture import's backscatter on @p page: when an import starts (and analyses
 * backscatter), its analyzer becomes a source of the page, named after the first file (its charts
 * fill while it runs, on capture time); when it finishes, the source takes the import's name.
 * Both objects must outlive the connection (it is dropped with either of them).
 */
void linkImportsToBackscatterPage(ImportController *importer, BackscatterPage *page);

} // namespace d4::ui
