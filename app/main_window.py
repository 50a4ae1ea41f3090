"""The main window: a sidebar of screens, the practice banner, an error bar, a status bar, notices.

Every screen gets the same :class:`AppContext`; the window owns it, the feed watcher that brings
the publisher's events in, and (when the app publishes) nothing else: screens run operations and
refresh on the hub's ``changed`` signal. Ctrl+1 to Ctrl+9 open the screens in sidebar order.

The window is built in two steps so that the app's start paints it before the slow part: without
a store it is a shell (title, sidebar, menus, "Opening the database" in the status bar) that
needs only Qt and the settings; :meth:`MainWindow.open` then builds the context, the screens and
the feed watcher. The database, the screens and the publisher import most of the code base,
hence their imports inside :meth:`MainWindow.open`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import Retranslatable
from app.qt import (
    QAction,
    QCloseEvent,
    QCoreApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    Qt,
    QVBoxLayout,
    QWidget,
)
from core import practice

if TYPE_CHECKING:
    from app.context import AppContext
    from app.feed import FeedWatcher
    from app.views import Page
    from core.store import Store

#: Notices kept for the notification list (newest last).
MAX_NOTICES = 200

# The screens in sidebar order (as :data:`app.views.PAGES` lists them): each one's key, and its
# sidebar name as its page's ``title()`` words it (the translation context is the page class),
# so that the shell lists them before the screens are built. A test keeps the two lists alike.
SCREENS: tuple[tuple[str, str, str], ...] = (
    ("compose", "ComposePage", "Compose"),
    ("queue", "QueuePage", "Queue"),
    ("calendar", "CalendarPage", "Calendar"),
    ("engagement", "EngagementPage", "Engagement"),
    ("accounts", "AccountsPage", "Accounts"),
    ("packs", "PacksPage", "Language packs"),
    ("settings", "SettingsPage", "Settings"),
    ("audit", "AuditPage", "Audit"),
    ("feedback", "FeedbackPage", "Feedback"),
)


class MainWindow(Retranslatable, QMainWindow):
    """The application window."""

    # Set by open(): a shell has no store, context nor feed yet.
    store: Store
    ctx: AppContext
    feed: FeedWatcher

    def __init__(self, store: Store | None = None, *, ctx: AppContext | None = None, watch: bool = True) -> None:
        """The whole window on ``store``; without one, the shell that :meth:`open` completes."""
        super().__init__()
        self.practice = practice.enabled()
        self.notices: list[tuple[str, str]] = []
        self.pages: dict[str, Page] = {}
        self._busy = 0
        self._ready: str | None = None  # "Ready" as the status bar shows it, until a message replaces it
        self.resize(1200, 760)
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self.retranslate()
        self.tray = self._tray()
        if store is not None:
            self.open(store, ctx=ctx, watch=watch)

    @property
    def opened(self) -> bool:
        """Whether the window has its store and screens (else it is the shell painted at start)."""
        return bool(self.pages)

    def open(self, store: Store, *, ctx: AppContext | None = None, watch: bool = True) -> None:
        """Give the shell its store: the context, every screen (the first one shown) and the feed watcher."""
        from app.context import make_context
        from app.feed import FeedWatcher
        from app.views import PAGES
        from app.views.feedback import FeedbackPage

        assert not self.opened, "the window is open already"
        self.store = store
        self.ctx = ctx or make_context(store, self)
        # The first start's welcome may have chosen practice mode since the shell was built.
        self.practice = practice.enabled()
        self.practice_banner.setVisible(self.practice)
        for page_class in PAGES:
            page = page_class(self.ctx, self.stack)
            self.pages[page.key] = page
            self.stack.addWidget(page)
        assert list(self.pages) == list(self.go_actions), "SCREENS must list the pages of app.views.PAGES"
        for action in (self.refresh_action, *self.go_actions.values()):
            action.setEnabled(True)
        feedback = self.pages["feedback"]
        assert isinstance(feedback, FeedbackPage)
        feedback.retitled.connect(self._retitle)  # its unread count
        feedback.open_page.connect(self.go)  # "Language packs..." when a pack is missing
        self.retranslate()
        self.ctx.hub.error.connect(self.show_error)
        self.ctx.hub.notice.connect(self._on_notice)
        self.ctx.hub.busy.connect(self._on_busy)
        self.feed = FeedWatcher(self.ctx, self)
        if watch:
            self.feed.start()
        self.go(PAGES[0].key)
        self._on_row(self.sidebar.currentRow())  # the shell may be on that row already: no signal then

    # --- layout -----------------------------------------------------------------------------

    def _build_body(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        self.practice_banner = QLabel(self)
        self.practice_banner.setStyleSheet("background: #b45309; color: white; padding: 6px; font-weight: bold;")
        self.practice_banner.setVisible(self.practice)
        outer.addWidget(self.practice_banner)
        self.error_bar = QWidget(self)
        error_row = QHBoxLayout(self.error_bar)
        error_row.setContentsMargins(8, 4, 8, 4)
        self.error_text = QLabel(self.error_bar)
        self.error_text.setWordWrap(True)
        self.error_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = dismiss = QPushButton(self.error_bar)
        dismiss.clicked.connect(self.error_bar.hide)
        error_row.addWidget(self.error_text, 1)
        error_row.addWidget(dismiss)
        self.error_bar.setStyleSheet("background: #fee2e2; color: #7f1d1d;")
        self.error_bar.hide()
        outer.addWidget(self.error_bar)
        body = QHBoxLayout()
        self.sidebar = QListWidget(self)
        self.sidebar.setFixedWidth(190)
        self.sidebar.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget(self)  # the screens, added by open()
        for number, (key, _context, _title) in enumerate(SCREENS, start=1):
            item = QListWidgetItem(self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"Ctrl+{number}")
        self.sidebar.currentRowChanged.connect(self._on_row)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.refresh_action.setEnabled(False)  # until open(): there is nothing to refresh
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        self.quit_action = quit_action = QAction(self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.go_menu = go_menu = bar.addMenu("")
        self.go_actions: dict[str, QAction] = {}
        for number, (key, _context, _title) in enumerate(SCREENS, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setEnabled(False)  # until open() has built the screen
            action.triggered.connect(lambda _checked=False, k=key: self.go(k))
            go_menu.addAction(action)
            self.go_actions[key] = action
        self.help_menu = help_menu = bar.addMenu("")
        self.about_action = about = QAction(self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate while anything runs
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.hide()
        status.addPermanentWidget(self.busy_bar)
        self.database_label = QLabel(self)
        status.addPermanentWidget(self.database_label)

    def _tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(self.windowIcon(), self)
        tray.show()
        return tray

    def retranslate(self) -> None:
        """Set every text of the window (again, in the language just installed: app/i18n.py)."""
        # Practice must be impossible to mistake for the real thing, on screen and in screenshots.
        self.setWindowTitle(self.tr("Communiqué — PRACTICE MODE") if self.practice else "Communiqué")
        self.practice_banner.setText(
            self.tr(
                "Practice mode: posts go to the local platform emulator and a practice database; nothing is published."
            )
        )
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.file_menu.setTitle(self.tr("&File"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.quit_action.setText(self.tr("&Quit"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Communiqué"))
        if self.opened:
            titles = [page.title() for page in self.pages.values()]
        else:  # the shell: the same names, translated as the pages will word them
            titles = [QCoreApplication.translate(context, title) for _key, context, title in SCREENS]
        for row, (key, title) in enumerate(zip(self.go_actions, titles, strict=True)):
            self.sidebar.item(row).setText(title)
            self.go_actions[key].setText(title)
        status = self.statusBar()
        if not self.opened:
            status.showMessage(self.tr("Opening the database…"))
            return
        self.database_label.setText(self.tr("Database: {0}").format(self.store.url))
        if self._ready is None or status.currentMessage() == self._ready:  # not while another message shows
            self._ready = self.tr("Ready")
            status.showMessage(self._ready)

    # --- behaviour --------------------------------------------------------------------------

    def go(self, key: str) -> Page:
        """Show the page called ``key``."""
        page = self.pages[key]
        self.sidebar.setCurrentRow(list(self.pages).index(key))
        return page

    def _retitle(self, key: str) -> None:
        """Show page ``key``'s name again in the sidebar and the Go menu (it carries a count)."""
        row = list(self.pages).index(key)
        title = self.pages[key].title()
        self.sidebar.item(row).setText(title)
        self.go_actions[key].setText(title)

    def _on_row(self, row: int) -> None:
        if row < 0 or not self.opened:
            return
        self.stack.setCurrentIndex(row)
        self.current_page().activate()

    def current_page(self) -> Page:
        """The page on screen."""
        return list(self.pages.values())[self.stack.currentIndex()]  # the stack holds them in this order

    def refresh(self) -> None:
        """Reload every page (the visible one now, the others when shown)."""
        for page in self.pages.values():
            page.stale = True
        self.current_page().activate()
        self.feed.poll()

    def show_error(self, sentence: str) -> None:
        """Show an operation's failure in the error bar (not a modal box: nothing blocks the work)."""
        self.error_text.setText(sentence)
        self.error_bar.show()
        self.statusBar().showMessage(sentence, 10_000)

    def _on_notice(self, kind: str, text: str) -> None:
        self.notices.append((kind, text))
        del self.notices[:-MAX_NOTICES]
        self.statusBar().showMessage(text, 15_000)
        if self.tray is not None and kind in {"published", "failed", "missed"}:
            icon = (
                QSystemTrayIcon.MessageIcon.Warning if kind != "published" else QSystemTrayIcon.MessageIcon.Information
            )
            self.tray.showMessage("Communiqué", text, icon, 8000)

    def _on_busy(self, delta: int) -> None:
        self._busy = max(0, self._busy + delta)
        self.busy_bar.setVisible(self._busy > 0)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Communiqué"),
            self.tr("Communiqué: draft once, translate offline, publish to every account at its local hour."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Stop polling and let running operations finish (a draft being saved is not cut off)."""
        if self.opened:  # a shell has nothing running yet
            self.feed.stop()
            for page in self.pages.values():
                page.before_close()
            self.ctx.tasks.shutdown()
        super().closeEvent(event)
