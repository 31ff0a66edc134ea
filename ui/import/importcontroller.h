// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QObject>
#include <QStringList>

#include "import/importjob.h"

class QMimeData;

namespace d4::ui {

/**
 * The console side of capture import: turns drops, File → Import and command-line files into an
 * import::ImportJob on its own thread, relays its signals (queued, on the GUI thread) and keeps the
 * last job's results. One import at a time. MainWindow routes its drag/drop events here:
 * `if (controller->canImport(e->mimeData())) e->acceptProposedAction();` in dragEnterEvent and
 * `controller->importMimeData(e->mimeData())` in dropEvent.
 */
class ImportController final : public QObject
{
    Q_OBJECT

public:
    explicit ImportController(QObject *parent = nullptr);
    ~ImportController() override;

    /** The options of the next imports (name, PDNS store, replay...). */
    void setOptions(const import::ImportOptions &options) { m_options = options; }
    const import::ImportOptions &options() const noexcept { return m_options; }

    /** True when @p mime carries at least one local file or folder (content is checked on import). */
    bool canImport(const QMimeData *mime) const;
    /** The local paths of @p mime's URLs. */
    static QStringList pathsFromMimeData(const QMimeData *mime);

    bool isRunning() const;
    /** The current or last job (nullptr before the first import). */
    d4::import::ImportJob *job() const { return m_job.get(); }
    /** The last job's backscatter analyzer (thread-safe; live while importing). */
    std::shared_ptr<analyzers::backscatter::BackscatterAnalyzer> backscatter() const;

public Q_SLOTS:
    /**
     * Starts importing @p paths (files and folders). False, with rejected(), when an import is
     * already running or @p paths is empty.
     */
    bool importPaths(const QStringList &paths);
    bool importMimeData(const QMimeData *mime);
    /** Cancels the running import; its partial results are kept. */
    void cancel();

Q_SIGNALS:
    /** Emitted by importPaths() itself, before the job starts: a new import begins. */
    void importRequested(const QStringList &paths);
    /** The job accepted @p files (after content checks). */
    void importStarted(const QStringList &files);
    void progress(const d4::import::ImportProgress &progress);
    void fileRefused(const QString &path, const QString &reason);
    void fileFinished(const d4::capture::CaptureSummary &summary);
    void warning(const QString &text);
    void importFinished(const d4::import::ImportResult &result);
    /** importPaths() refused to start (already running, nothing to import). */
    void rejected(const QString &reason);

private:
    /** Deletes the finished previous job off the GUI thread. */
    void releaseJob();

    d4::import::ImportOptions m_options;
    std::unique_ptr<import::ImportJob> m_job;
    bool m_running = false;
};

} // namespace d4::ui
