// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include "d4/version.h"

namespace d4::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("D4 Console"));
    resize(1100, 720);
    auto *welcome = new QLabel(tr("No server is attached to this console."), this);
    welcome->setAlignment(Qt::AlignCenter);
    setCentralWidget(welcome);
    createMenus();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    // Some platform themes define no Quit binding; Ctrl+Q is what Linux desktops use.
    const QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    quitAction->setShortcuts(quitKeys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                                                : quitKeys);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About D4 Console"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About D4 Console"),
                       tr("<b>D4 Console</b> %1<br>A management console and ingest server for D4 sensor "
                          "networks.<br>Licensed under the GNU AGPL, version 3 or later.")
                           .arg(QStringLiteral(D4_VERSION_STRING)));
}

} // namespace d4::ui
