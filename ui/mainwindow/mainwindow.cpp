// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "mainwindow/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

#include "d4/version.h"

namespace d4::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainwindow/geometry");
const QString kStateKey = QStringLiteral("mainwindow/state");
const QString kPageKey = QStringLiteral("mainwindow/page");
constexpr int kShortcutPages = 9;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("D4 Console"));
    resize(1200, 780);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_navigation = new QListWidget(splitter);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setMaximumWidth(220);
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("pages"));
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    createMenus();
    m_connection = new QLabel(tr("Not connected"), this);
    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

int MainWindow::addPage(const QString &title, const QIcon &icon, QWidget *page)
{
    const int index = m_stack->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setToolTip(index < kShortcutPages ? tr("%1 (Ctrl+%2)").arg(title).arg(index + 1) : title);
    QAction *action = m_pagesMenu->addAction(icon, title, this, [this, page] { showPage(page); });
    if (index < kShortcutPages) {
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
    }
    if (m_navigation->currentRow() < 0) {
        m_navigation->setCurrentRow(0);
    }
    return index;
}

int MainWindow::pageCount() const
{
    return m_stack->count();
}

int MainWindow::currentPageIndex() const
{
    return m_stack->currentIndex();
}

QWidget *MainWindow::page(int index) const
{
    return m_stack->widget(index);
}

QWidget *MainWindow::pageByTitle(const QString &title) const
{
    for (int i = 0; i < m_navigation->count(); ++i) {
        if (m_navigation->item(i)->text() == title) {
            return m_stack->widget(i);
        }
    }
    return nullptr;
}

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < m_stack->count()) {
        m_navigation->setCurrentRow(index);
    }
}

void MainWindow::showPage(QWidget *page)
{
    showPage(m_stack->indexOf(page));
}

void MainWindow::setConnectionStatus(const QString &text, bool ok)
{
    m_connection->setText(text);
    m_connection->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828; font-weight: bold"));
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_importAction = fileMenu->addAction(tr("&Import Captures…"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_settingsAction = fileMenu->addAction(tr("&Settings…"));
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    // Some platform themes define no Quit binding; Ctrl+Q is what Linux desktops use.
    const QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    quitAction->setShortcuts(quitKeys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                                                : quitKeys);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_pagesMenu = m_viewMenu->addMenu(tr("&Pages"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About D4 Console"), this, &MainWindow::showAbout);
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    showPage(settings.value(kPageKey, 0).toInt());
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, currentPageIndex());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About D4 Console"),
                       tr("<b>D4 Console</b> %1<br>A management console and ingest server for D4 sensor "
                          "networks.<br>Licensed under the GNU AGPL, version 3 or later.")
                           .arg(QStringLiteral(D4_VERSION_STRING)));
}

void MainWindow::setDropHandlers(std::function<bool(const QMimeData *)> accepts,
                                 std::function<bool(const QMimeData *)> drop)
{
    m_acceptsDrop = std::move(accepts);
    m_drop = std::move(drop);
    setAcceptDrops(m_acceptsDrop && m_drop);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_acceptsDrop && m_acceptsDrop(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_acceptsDrop && m_acceptsDrop(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (m_drop && m_drop(event->mimeData())) {
        event->acceptProposedAction();
    }
}

} // namespace d4::ui
