// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/importcontroller.h"

#include <QMimeData>
#include <QThreadPool>
#include <QUrl>

namespace d4::ui {

ImportController::ImportController(QObject *parent)
    : QObject(parent)
{
}

ImportController::~ImportController() = default;

QStringList ImportController::pathsFromMimeData(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls()) {
        return paths;
    }
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile()) {
            paths.append(url.toLocalFile());
        }
    }
    return paths;
}

bool ImportController::canImport(const QMimeData *mime) const
{
    return !pathsFromMimeData(mime).isEmpty();
}

bool ImportController::isRunning() const
{
    return m_running;
}

std::shared_ptr<analyzers::backscatter::BackscatterAnalyzer> ImportController::backscatter() const
{
    return m_job ? m_job->backscatter() : nullptr;
}

bool ImportController::importMimeData(const QMimeData *mime)
{
    return importPaths(pathsFromMimeData(mime));
}

bool ImportController::importPaths(const QStringList &paths)
{
    if (m_running) {
        Q_EMIT rejected(tr("An import is already running; cancel it or wait until it finishes."));
        return false;
    }
    if (paths.isEmpty()) {
        Q_EMIT rejected(tr("Nothing to import."));
        return false;
    }
    releaseJob();
    m_job = std::make_unique<import::ImportJob>(paths, m_options);
    import::ImportJob *job = m_job.get();
    connect(job, &import::ImportJob::started, this, &ImportController::importStarted);
    connect(job, &import::ImportJob::progress, this, &ImportController::progress);
    connect(job, &import::ImportJob::fileRefused, this, &ImportController::fileRefused);
    connect(job, &import::ImportJob::fileFinished, this, &ImportController::fileFinished);
    connect(job, &import::ImportJob::warning, this, &ImportController::warning);
    connect(job, &import::ImportJob::finished, this, [this](const import::ImportResult &result) {
        m_running = false;
        Q_EMIT importFinished(result);
    });
    m_running = true;
    Q_EMIT importRequested(paths);
    job->start();
    return true;
}

void ImportController::releaseJob()
{
    if (!m_job) {
        return;
    }
    // The previous job has finished. Freeing its results (millions of DNS tuples after a large
    // capture) takes more than a second: it is done on a pool thread, not on the GUI thread. The
    // job's thread has ended, nothing is connected to it any more and no event is addressed to it,
    // so deleting it elsewhere is safe.
    // (A raw pointer, not a shared one: the last reference must not be dropped here by a race.)
    m_job->disconnect(this);
    import::ImportJob *previous = m_job.release();
    QThreadPool::globalInstance()->start([previous] { delete previous; });
}

void ImportController::cancel()
{
    if (m_job) {
        m_job->cancel();
    }
}

} // namespace d4::ui
