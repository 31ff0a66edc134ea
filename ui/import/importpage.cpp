// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/importpage.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "import/importcontroller.h"
#include "import/importdnsmodel.h"

namespace d4::ui {

namespace {

QString isoTime(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1000000, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

} // namespace

ImportPage::ImportPage(ImportController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_progress(new QProgressBar(this))
    , m_bytes(new QLabel(this))
    , m_packets(new QLabel(this))
    , m_percent(new QLabel(this))
    , m_rate(new QLabel(this))
    , m_elapsed(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_choose(new QPushButton(tr("Import files…"), this))
    , m_files(new QTreeWidget(this))
    , m_warnings(new QListWidget(this))
    , m_dnsModel(new ImportDnsModel(kMaxDnsRows, this))
    , m_dns(new QTableView(this))
{
    setAcceptDrops(true);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_bytes->setObjectName(QStringLiteral("importBytes"));
    m_packets->setObjectName(QStringLiteral("importPackets"));
    m_percent->setObjectName(QStringLiteral("importPercent"));
    m_rate->setObjectName(QStringLiteral("importRate"));
    m_elapsed->setObjectName(QStringLiteral("importElapsed"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    m_choose->setObjectName(QStringLiteral("importChoose"));
    m_files->setObjectName(QStringLiteral("importFiles"));
    m_warnings->setObjectName(QStringLiteral("importWarnings"));
    m_dns->setObjectName(QStringLiteral("importDns"));

    auto *hint =
        new QLabel(tr("Drop capture files or folders here (pcap, pcapng, gzip-compressed or not)."), this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_cancel->setEnabled(false);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *figures = new QFormLayout;
    figures->addRow(tr("Read:"), m_bytes);
    figures->addRow(tr("Packets:"), m_packets);
    figures->addRow(tr("Progress:"), m_percent);
    figures->addRow(tr("Rate:"), m_rate);
    figures->addRow(tr("Elapsed:"), m_elapsed);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_choose);

    m_files->setColumnCount(2);
    m_files->setHeaderLabels({tr("Property"), tr("Value")});
    m_dns->setModel(m_dnsModel);
    m_dns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_dns->horizontalHeader()->setStretchLastSection(true);

    auto *filesBox = new QGroupBox(tr("Capture properties"), this);
    (new QVBoxLayout(filesBox))->addWidget(m_files);
    auto *warningsBox = new QGroupBox(tr("Warnings"), this);
    (new QVBoxLayout(warningsBox))->addWidget(m_warnings);
    auto *dnsBox = new QGroupBox(tr("Passive DNS"), this);
    (new QVBoxLayout(dnsBox))->addWidget(m_dns);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(filesBox);
    splitter->addWidget(warningsBox);
    splitter->addWidget(dnsBox);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(buttons);
    layout->addLayout(figures);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_cancel, &QPushButton::clicked, m_controller, &ImportController::cancel);
    connect(m_choose, &QPushButton::clicked, this, &ImportPage::chooseFiles);
    connect(m_controller, &ImportController::importRequested, this, &ImportPage::onRequested);
    connect(m_controller, &ImportController::importStarted, this, &ImportPage::onStarted);
    connect(m_controller, &ImportController::progress, this, &ImportPage::onProgress);
    connect(m_controller, &ImportController::fileFinished, this, &ImportPage::onFileFinished);
    connect(m_controller, &ImportController::importFinished, this, &ImportPage::onFinished);
    connect(m_controller, &ImportController::warning, this, &ImportPage::addWarning);
    connect(m_controller, &ImportController::rejected, this, &ImportPage::addWarning);
    connect(m_controller, &ImportController::fileRefused, this,
            [this](const QString &, const QString &reason) { addWarning(reason); });
    onProgress({});
}

void ImportPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_controller->canImport(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void ImportPage::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_controller->canImport(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void ImportPage::dropEvent(QDropEvent *event)
{
    if (m_controller->importMimeData(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void ImportPage::chooseFiles()
{
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Import captures"), QString(),
                                      tr("Captures (*.pcap *.pcapng *.cap *.gz *.pcap.gz);;All files (*)"));
    if (!files.isEmpty()) {
        m_controller->importPaths(files);
    }
}

void ImportPage::onRequested()
{
    m_files->clear();
    m_warnings->clear();
    m_dnsModel->clear();
    m_summary->setText(tr("Starting the import…"));
    m_cancel->setEnabled(true);
    m_choose->setEnabled(false);
    m_progress->setValue(0);
}

void ImportPage::onStarted(const QStringList &files)
{
    m_summary->setText(tr("Importing %n file(s)…", nullptr, static_cast<int>(files.size())));
}

void ImportPage::onProgress(const import::ImportProgress &progress)
{
    const QLocale locale;
    m_progress->setValue(static_cast<int>(progress.percent() * 10.0));
    m_bytes->setText(tr("%1 of %2")
                         .arg(locale.formattedDataSize(static_cast<qint64>(progress.bytesRead)),
                              locale.formattedDataSize(static_cast<qint64>(progress.bytesTotal))));
    m_packets->setText(locale.toString(progress.packets));
    m_percent->setText(QStringLiteral("%1 %").arg(locale.toString(progress.percent(), 'f', 1)));
    m_rate->setText(tr("%1 packets/s, %2/s")
                        .arg(locale.toString(progress.packetsPerSecond(), 'f', 0),
                             locale.formattedDataSize(static_cast<qint64>(progress.bytesPerSecond()))));
    m_elapsed->setText(tr("%1 s").arg(locale.toString(double(progress.elapsedMs) / 1000.0, 'f', 1)));
}

void ImportPage::onFileFinished(const capture::CaptureSummary &s)
{
    auto *file = new QTreeWidgetItem(m_files, {QFileInfo(s.path).fileName(), s.path});
    const auto add = [file](const QString &name, const QString &value) {
        new QTreeWidgetItem(file, {name, value});
    };
    add(tr("File type"), s.format + (s.compressed ? tr(" (gzip-compressed)") : QString()));
    add(tr("Byte order"), s.bigEndian ? tr("big-endian") : tr("little-endian"));
    add(tr("Time precision"), s.precisions().join(QStringLiteral(", ")));
    QStringList types;
    for (quint32 type : s.linkTypes()) {
        types << QString::number(type);
    }
    add(tr("Link types"), types.join(QStringLiteral(", ")));
    add(tr("Interfaces"), QString::number(s.interfaces.size()));
    add(tr("Packets"), QString::number(s.packets));
    add(tr("File size"), tr("%1 bytes").arg(s.fileSize));
    if (s.hasTimes) {
        add(tr("First packet"), isoTime(s.firstNs));
        add(tr("Last packet"), isoTime(s.lastNs));
        add(tr("Duration"), tr("%1 s").arg(QString::number(double(s.lastNs - s.firstNs) / 1e9, 'f', 6)));
    }
    if (!s.warningText().isEmpty()) {
        add(tr("Warning"), s.warningText());
    }
    if (s.cancelled) {
        add(tr("Status"), tr("cancelled (partial)"));
    }
    file->setExpanded(true);
    m_files->resizeColumnToContents(0); // the property names, not cut to "Byte o…"
}

void ImportPage::onFinished(const import::ImportResult &result)
{
    m_cancel->setEnabled(false);
    m_choose->setEnabled(true);
    m_summary->setText(result.text());
    if (!result.cancelled) {
        m_progress->setValue(m_progress->maximum());
    }
    import::ImportJob *job = m_controller->job();
    if (!job) {
        return;
    }
    m_dnsModel->setTuples(job->dnsTuples());
}

void ImportPage::addWarning(const QString &text)
{
    m_warnings->addItem(text);
}

} // namespace d4::ui
