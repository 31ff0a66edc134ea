// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QWidget>

#include "import/importprogress.h"
#include "import/importresult.h"

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace d4::ui {

class ImportController;
class ImportDnsModel;

/**
 * The import page: drop files or folders here (or use the button) to import them through the
 * ImportController; shows live progress (bytes, packets, percent, rate, elapsed; every progress
 * report of the job, ≥ 4 a second), a Cancel button, a capinfos-like properties panel per file,
 * the warnings and refusals, the final summary and the extracted passive DNS tuples. Does not own
 * the controller.
 */
class ImportPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ImportPage(ImportController *controller, QWidget *parent = nullptr);

    /** At most this many DNS tuples are listed (the store and exports have all). */
    static constexpr int kMaxDnsRows = 2000;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void chooseFiles();
    void onRequested();
    void onStarted(const QStringList &files);
    void onProgress(const d4::import::ImportProgress &progress);
    void onFileFinished(const d4::capture::CaptureSummary &summary);
    void onFinished(const d4::import::ImportResult &result);
    void addWarning(const QString &text);

    ImportController *m_controller;
    QProgressBar *m_progress;
    QLabel *m_bytes;
    QLabel *m_packets;
    QLabel *m_percent;
    QLabel *m_rate;
    QLabel *m_elapsed;
    QLabel *m_summary;
    QPushButton *m_cancel;
    QPushButton *m_choose;
    QTreeWidget *m_files;
    QListWidget *m_warnings;
    ImportDnsModel *m_dnsModel;
    QTableView *m_dns;
};

} // namespace d4::ui
