"""The main window: menus and the list of posts with each variant's status."""

from __future__ import annotations

from app.qt import (
    QAbstractItemView,
    QAction,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStandardItem,
    QStandardItemModel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from core import practice, queries
from core.store import Store

POST_COLUMNS = ["Post", "Language", "Text", "Accounts and status"]


class MainWindow(QMainWindow):
    """The application window."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.practice = practice.enabled()
        # Practice must be impossible to mistake for the real thing, on screen and in screenshots.
        self.setWindowTitle("Communiqué — PRACTICE MODE" if self.practice else "Communiqué")
        self.resize(1000, 640)
        self.posts_model = QStandardItemModel(0, len(POST_COLUMNS), self)
        self.posts_model.setHorizontalHeaderLabels(POST_COLUMNS)
        self.posts_view = QTableView(self)
        self.posts_view.setModel(self.posts_model)
        self.posts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.posts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.posts_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.posts_view.verticalHeader().setVisible(False)
        self.summary = QLabel(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.practice_banner = QLabel(
            "Practice mode: posts go to the local platform emulator and a practice database; nothing is published.",
            self,
        )
        self.practice_banner.setStyleSheet("background: #b45309; color: white; padding: 6px; font-weight: bold;")
        self.practice_banner.setVisible(self.practice)
        layout.addWidget(self.practice_banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.posts_view)
        self.setCentralWidget(central)
        self._build_menus()
        self.refresh()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.refresh_action = QAction("&Refresh", self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        bar.addMenu("&Posts")
        bar.addMenu("&Accounts")
        help_menu = bar.addMenu("&Help")
        about = QAction("&About Communiqué", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def refresh(self) -> None:
        """Reload posts and accounts from the store."""
        found = queries.list_posts(self.store, limit=500)
        account_count = len(queries.list_accounts(self.store))
        self.posts_model.setRowCount(0)
        for post in found:
            status = ", ".join(f"{v.account_name}: {v.status.value}" for v in post.variants)
            self.posts_model.appendRow(
                [
                    QStandardItem(str(post.id)),
                    QStandardItem(post.source_language),
                    QStandardItem(post.text),
                    QStandardItem(status),
                ]
            )
        self.summary.setText(f"{len(found)} post(s), {account_count} account(s) — database: {self.store.url}")
        self.statusBar().showMessage("Ready")

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Communiqué",
            "Communiqué: draft once, translate offline, publish to every account at its local hour.",
        )
