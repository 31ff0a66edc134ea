// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>

#include <QIcon>
#include <QMainWindow>

class QLabel;
class QMimeData;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace d4::ui {

/**
 * The console's top-level window. It only assembles pages, menus and actions: a side list of pages
 * (Ctrl+1..Ctrl+9 jump to the first nine), a status bar, and window state remembered in QSettings.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Appends a page to the navigation; the window takes ownership. Returns its index. */
    int addPage(const QString &title, const QIcon &icon, QWidget *page);
    int pageCount() const;
    int currentPageIndex() const;
    QWidget *page(int index) const;
    /** The page whose title is @p title, or nullptr. */
    QWidget *pageByTitle(const QString &title) const;
    void showPage(int index);
    void showPage(QWidget *page);

    /** Permanent status-bar text: where the console is connected. */
    void setConnectionStatus(const QString &text, bool ok);
    /** The Settings... action of the File menu, for the composition root to connect. */
    QAction *settingsAction() const { return m_settingsAction; }
    /** File › Import… (Ctrl+I), for the composition root to connect. */
    QAction *importAction() const { return m_importAction; }

    /**
     * Makes the window a drop target: @p accepts says whether a drag may be dropped (checked on
     * enter and move), @p drop takes it and returns whether it was used.
     */
    void setDropHandlers(std::function<bool(const QMimeData *)> accepts,
                         std::function<bool(const QMimeData *)> drop);
    QMenu *viewMenu() const { return m_viewMenu; }

    /** Restores geometry, window state and the last page from QSettings. */
    void restoreWindowState();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void showAbout();
    void saveWindowState();

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_connection = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_importAction = nullptr;
    std::function<bool(const QMimeData *)> m_acceptsDrop;
    std::function<bool(const QMimeData *)> m_drop;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_pagesMenu = nullptr;
};

} // namespace d4::ui
