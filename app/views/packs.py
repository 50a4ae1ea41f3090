"""The Language packs screen: installed pairs, install from a file, download, remove, what is missing.

Every install goes through :func:`translation.packs.install_pack` (checked entry by entry,
loaded once, renamed into place): a corrupt or hostile file is refused with its sentence and the
packs installed before stay as they were. Downloading needs the internet and says so; offline
it fails within seconds with the index's sentence. The line at the top says which translations
the accounts and posts need that no installed pack can make (:mod:`translation.coverage`). The
list also refreshes when another process installs a pack (the feed watcher reports ``packs``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.changes import ACCOUNTS, PACKS, POSTS
from app.context import AppContext
from app.i18n import Retranslatable, Wording, retranslate_model
from app.models.rows import AnyIndex, RowsModel
from app.ops import Op, Progress
from app.qt import (
    QAbstractItemView,
    QColor,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from app.views.base import Page
from translation import coverage, index, packs
from translation.practice_packs import is_practice

#: At most this many missing pairs are spelled out; the rest are counted.
MAX_MISSING_LINES = 6


@dataclass(frozen=True)
class PacksState:
    """One read of the screen's data: the packs and the translations they cannot make."""

    installed: list[packs.PackInfo]
    missing: list[coverage.MissingRoute]


def read_state(ctx: AppContext) -> PacksState:
    """Read the pack listing and the missing routes (on a pool thread)."""
    return PacksState(packs.list_packs(), coverage.missing_for_store(ctx.store))


class PacksModel(RowsModel[packs.PackInfo]):
    """Installed packs as rows: from, to, version, sentence splitter, note."""

    COLUMNS = 5

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text; practice packs in a warning colour."""
        if not index.isValid():
            return None
        pack = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{pack.from_code} — {pack.from_name}"
            if column == 1:
                return f"{pack.to_code} — {pack.to_name}"
            if column == 2:
                return pack.version
            if column == 3:
                return self.tr("its own (MiniSBD)") if pack.has_splitter else self.tr("built-in rules")
            return self.tr("Practice pack: its translations are gibberish") if is_practice(pack) else ""
        if role == Qt.ItemDataRole.ForegroundRole and is_practice(pack):
            return QColor("#b45309")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 4 and is_practice(pack):
                return self.tr("Random weights: install a real pack for this pair to translate for real.")
            return str(pack.path)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        """Column titles, translated."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("From"), self.tr("To"), self.tr("Version"), self.tr("Sentence splitter"), self.tr("Note"))
        return titles[section] if 0 <= section < len(titles) else None


class PacksPage(Retranslatable, Page):
    """The Language packs screen."""

    key = "packs"
    # The missing-packs line depends on the accounts' languages and the posts' source languages.
    shows = PACKS | ACCOUNTS | POSTS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.running: Op[Any] | None = None
        self.missing: list[coverage.MissingRoute] = []
        layout = QVBoxLayout(self)
        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.missing_label)
        self.model = PacksModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.install_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        download = QHBoxLayout()
        self.download_from = QLineEdit(self)
        self.download_to = QLineEdit(self)
        for edit in (self.download_from, self.download_to):
            edit.setMaximumWidth(70)
        self.download_button = QPushButton(self)
        self.arrow = QLabel("->", self)
        download.addWidget(self.download_from)
        download.addWidget(self.arrow)
        download.addWidget(self.download_to)
        download.addWidget(self.download_button)
        self.download_note = QLabel(self)
        self.download_note.setWordWrap(True)
        download.addWidget(self.download_note, 1)
        layout.addLayout(download)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_text = Wording(self.status.setText)
        layout.addWidget(self.status)
        self.install_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.remove_selected)
        self.download_button.clicked.connect(self.download)
        self.cancel_button.clicked.connect(self.cancel)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retranslate()
        self._selection_changed()

    def title(self) -> str:
        """The sidebar's name for this page."""
        return self.tr("Language packs")

    def retranslate(self) -> None:
        """Set every text in the interface's language."""
        self.install_button.setText(self.tr("Install from file…"))
        self.remove_button.setText(self.tr("Remove"))
        self.download_from.setPlaceholderText(self.tr("from"))
        self.download_to.setPlaceholderText(self.tr("to"))
        self.download_button.setText(self.tr("Download"))
        self.download_note.setText(
            self.tr(
                "Downloading needs the internet (the Argos Translate index). "
                "Offline, install a .argosmodel file instead."
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_missing()
        self.status_text.reword()
        retranslate_model(self.model)

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the packs and what is missing in the background."""
        self.ctx.op(lambda _progress: read_state(self.ctx)).success(self._show).run()

    def _show(self, state: PacksState) -> None:
        self.model.set_rows(state.installed)
        self.missing = state.missing
        self._show_missing()
        self._selection_changed()

    def _show_missing(self) -> None:
        lines = [self._missing_line(route) for route in self.missing[:MAX_MISSING_LINES]]
        if len(self.missing) > MAX_MISSING_LINES:
            lines.append(self.tr("…and {0} more.").format(len(self.missing) - MAX_MISSING_LINES))
        if lines:
            lines.append(
                self.tr("Install a pack file with “Install from file…”, or download a pair below (needs the internet).")
            )
        self.missing_label.setText("\n".join(lines))
        self.missing_label.setStyleSheet("color: #92400e;" if lines else "")
        self.missing_label.setVisible(bool(lines))

    def _missing_line(self, route: coverage.MissingRoute) -> str:
        if route.suggested == (route.direct,):
            return self.tr("No language pack for {0} -> {1}: install one.").format(route.source, route.target)
        legs = self.tr(" and ").join(f"{a} -> {b}" for a, b in route.suggested)
        return self.tr("No language pack for {0} -> {1}: install one, or {2} to go through English.").format(
            route.source, route.target, legs
        )

    def selected(self) -> packs.PackInfo | None:
        """The pack chosen in the table, if any."""
        chosen = self.table.selectionModel().selectedRows()
        return self.model.rows[chosen[0].row()] if chosen else None

    def _selection_changed(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.selected() is not None and self.running is None)

    # --- installing and downloading ---------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a pack file, then install it."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Install a language pack"), "", self.tr("Language packs (*.argosmodel);;All files (*)")
        )
        if path:
            self.install_file(path)

    def install_file(self, path: str) -> Op[packs.PackInfo] | None:
        """Check and install the pack file ``path`` in the background, with progress."""

        def work(progress: Progress) -> packs.PackInfo:
            progress.report(0, 1, "")
            installed = packs.install_pack(path)
            progress.report(1, 1, "")
            return installed

        self.status_text.show(lambda: self.tr("Checking and installing {0}…").format(path))
        return self._start(work)

    def download(self) -> Op[packs.PackInfo] | None:
        """Download the pair typed in the two fields from the Argos index (network) and install it."""
        source, target = self.download_from.text().strip(), self.download_to.text().strip()

        def work(progress: Progress) -> packs.PackInfo:
            def received(done: int, total: int | None) -> None:
                # In KiB: a progress bar holds a 32-bit number, and a pack can pass 2 GiB.
                progress.report(done // 1024, total // 1024 if total else None, "")

            return index.download_pair(source, target, progress=received, cancel=lambda: progress.cancelled)

        self.status_text.show(
            lambda: self.tr("Looking up {0} -> {1} in the Argos Translate index (internet)…").format(source, target)
        )
        return self._start(work)

    def _start(self, work: Any) -> Op[packs.PackInfo] | None:
        if self.running is not None:
            return None
        self.progress.setRange(0, 0)  # busy until the first report
        self._set_busy(True)
        op: Op[packs.PackInfo] = self.ctx.op(work, changes=PACKS, initiator=self)
        op.progress(self._progress).success(self._installed).failure(self._failed)
        self.running = op
        return op.run()

    def _progress(self, done: int, total: int | None, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)

    def _installed(self, pack: packs.PackInfo) -> None:
        self.running = None
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status_text.show(
            lambda: self.tr("Installed {0} -> {1} (version {2}).").format(pack.from_code, pack.to_code, pack.version)
        )
        self.refresh()

    def _failed(self, sentence: str) -> None:
        self.running = None
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_text.show(sentence)  # the installed packs are as they were: nothing to reload

    def cancel(self) -> None:
        """Stop the download under way (an install from a file is quick and atomic: it finishes)."""
        if self.running is not None:
            self.running.cancel()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.install_button, self.download_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self._selection_changed()

    # --- removing ---------------------------------------------------------------------------

    def confirm(self, question: str) -> bool:
        """Ask the person to confirm (a separate method, so that a test can answer it)."""
        answer = QMessageBox.question(self, self.tr("Remove language pack"), question)
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        """Remove the chosen pack, after asking."""
        pack = self.selected()
        if pack is None:
            return
        pair = (pack.from_code, pack.to_code)
        if not self.confirm(self.tr("Remove the language pack {0} -> {1}?").format(*pair)):
            return

        def work(_progress: Progress) -> packs.PackInfo:
            return packs.remove_pack(*pair)

        self.ctx.op(work, changes=PACKS, initiator=self).success(self._removed).failure(self.status_text.show).run()

    def _removed(self, pack: packs.PackInfo) -> None:
        self.status_text.show(lambda: self.tr("Removed {0} -> {1}.").format(pack.from_code, pack.to_code))
        self.refresh()
