"""Images and videos of a post: dropped or chosen, each with a thumbnail and its alt text.

A file is checked (type by content, size) and copied into the app's media folder by
:func:`app.viewmodels.composer.attach` in an operation; a refusal shows the service's sentence
under the list. Thumbnails are decoded off the GUI thread too (a photo can be tens of megabytes).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.context import AppContext
from app.i18n import Retranslatable
from app.ops import Progress
from app.qt import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPixmap,
    QPushButton,
    Qt,
    QtGui,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.viewmodels.composer import attach
from core.services.drafts import DraftMedia

THUMBNAIL = 72


def _thumbnail(path: str) -> QtGui.QImage:
    """A small image of ``path`` (QImage may be used off the GUI thread; a video gives a null image)."""
    image = QtGui.QImage(path)
    if image.isNull():
        return image
    return image.scaled(
        THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class MediaRow(Retranslatable, QWidget):
    """One file: its thumbnail, its name, its alt text, and a button to take it off."""

    def __init__(self, item: DraftMedia, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = item.path
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMBNAIL, THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.alt = QLineEdit(item.alt_text, self)
        self.remove = QPushButton(self)
        row.addWidget(self.thumbnail)
        row.addWidget(self.alt, 1)
        row.addWidget(self.remove)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        if self.path.endswith(".mp4"):  # a video has no thumbnail: it is named instead
            self.thumbnail.setText(self.tr("(video)"))
        self.alt.setPlaceholderText(self.tr("Alt text: describe it for people who cannot see it"))
        self.remove.setText(self.tr("Remove"))

    def set_image(self, image: QtGui.QImage) -> None:
        """Show the decoded thumbnail."""
        if not image.isNull():
            self.thumbnail.setPixmap(QPixmap.fromImage(image))

    def item(self) -> DraftMedia:
        """The file and its alt text as shown now."""
        return DraftMedia(self.path, self.alt.text())


class MediaList(Retranslatable, QWidget):
    """The post's media: drop files here or choose them; :attr:`changed` after any change."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.hint = QLabel(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.choose_files)
        top.addWidget(self.hint)
        top.addWidget(self.add_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b91c1c;")
        self.refusal.hide()
        layout.addWidget(self.refusal)
        self.rows: list[MediaRow] = []
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a switch of language)."""
        self.hint.setText(self.tr("Drop images here, or"))
        self.add_button.setText(self.tr("Add images..."))

    # --- content ----------------------------------------------------------------------------------

    def items(self) -> tuple[DraftMedia, ...]:
        """Every file with its alt text, in order."""
        return tuple(row.item() for row in self.rows)

    def set_items(self, items: Sequence[DraftMedia]) -> None:
        """Show ``items`` (a reopened draft), without announcing a change."""
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        self.refusal.hide()
        for item in items:
            self._add_row(item)

    def _add_row(self, item: DraftMedia) -> MediaRow:
        row = MediaRow(item, self)
        row.alt.textEdited.connect(lambda _text: self.changed.emit())
        row.remove.clicked.connect(lambda _checked=False, r=row: self._remove(r))
        self.rows_box.addWidget(row)
        self.rows.append(row)
        path = item.path
        self.ctx.op(lambda _p: _thumbnail(path)).success(
            lambda image: row.set_image(image) if row in self.rows else None
        ).failure(lambda _sentence: None).run()  # no thumbnail is no reason to interrupt anyone
        return row

    def _remove(self, row: MediaRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self.changed.emit()

    # --- adding -----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for files with the system's dialog."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add images"), "", self.tr("Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4)")
        )
        self.add_files(paths)

    def add_files(self, paths: Sequence[str]) -> None:
        """Check and copy each file in the background; add the ones accepted, say why for the others."""
        self.refusal.hide()
        for path in paths:

            def work(_progress: Progress, path: str = path) -> DraftMedia:
                return attach(path)

            self.ctx.op(work).success(self._accepted).failure(self._refused).run()

    def _accepted(self, item: DraftMedia) -> None:
        self._add_row(item)
        self.changed.emit()

    def _refused(self, sentence: str) -> None:
        self.refusal.setText(sentence)
        self.refusal.show()

    # --- drag and drop ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Accept files dragged from the desktop or a file manager."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Add the dropped files."""
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
