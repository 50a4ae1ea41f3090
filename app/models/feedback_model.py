"""The audience's comments as a table: when (the account's clock), account, language, author, text.

The text is the comment in the reader's language when a translation exists (the original as
its tooltip), or the original when :attr:`FeedbackModel.originals` is on. Unread rows are bold.
A language that is only a guess (a weak detection, or only the platform's) carries a mark.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.models import when
from app.models.paged import PagedRowsModel
from app.qt import QFont, QObject, Qt
from app.viewmodels import feedback as vm
from core.queries.feedback import Comment

#: Where the page and the tests find a column.
WHEN, ACCOUNT, LANGUAGE, AUTHOR, TEXT = range(5)


class FeedbackModel(PagedRowsModel[Comment]):
    """One row per comment, newest first as read."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None, *, reader: str = "en") -> None:
        super().__init__(parent)
        #: The interface's language: rows show their translation into it.
        self.reader = reader
        #: Show every row's original text instead of its translation.
        self.originals = False
        self.zones: dict[int, str] = {}  # account id -> its IANA zone
        self._bold = QFont()
        self._bold.setBold(True)

    def set_zones(self, zones: Mapping[int, str]) -> None:
        """The accounts' zones (rows are timed on their account's clock)."""
        self.zones = dict(zones)

    def replace(self, comments: list[Comment]) -> None:
        """Show these newer readings of comments already listed (marked, translated, relabelled)."""
        fresh = {comment.id: comment for comment in comments}
        for number, row in enumerate(self.rows):
            comment = fresh.get(row.id)
            if comment is not None:
                self.rows[number] = comment
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.COLUMNS - 1))

    def row_of(self, comment_id: int) -> int:
        """The row showing ``comment_id``; -1 when it is not listed."""
        return next((number for number, row in enumerate(self.rows) if row.id == comment_id), -1)

    def set_originals(self, originals: bool) -> None:
        """Show the original texts (or the translations again)."""
        if originals != self.originals:
            self.originals = originals
            if self.rows:
                self.dataChanged.emit(self.index(0, TEXT), self.index(len(self.rows) - 1, TEXT))

    def titles(self) -> tuple[str, ...]:
        """The column titles, translated."""
        return (self.tr("When"), self.tr("Account"), self.tr("Language"), self.tr("Author"), self.tr("Comment"))

    def styled(self, row: Comment, column: int, role: int) -> Any:
        """Unread rows bold; rows the platform deleted grey."""
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if row.unread else None
        if role == Qt.ItemDataRole.ForegroundRole and row.deleted:
            return Qt.GlobalColor.gray
        return None

    def display(self, row: Comment, column: int) -> str:
        """What cell ``column`` of ``row`` shows."""
        if column == WHEN:
            return when.stamp(row.created_at, self.zones.get(row.account_id))
        if column == ACCOUNT:
            return row.account_name
        if column == LANGUAGE:
            return self.language(row)
        if column == AUTHOR:
            return row.author_name
        text = vm.one_line(vm.shown_text(row, self.reader, original=self.originals))
        return self.tr("[deleted] {0}").format(text) if row.deleted else text

    def language(self, row: Comment) -> str:
        """``ja``, ``ja ?`` when the language is a guess, ``?`` when it is not known yet."""
        if row.language is None:
            return self.tr("?")
        return self.tr("{0} ?").format(row.language) if vm.uncertain(row) else row.language

    def tooltip(self, row: Comment, column: int) -> str | None:
        """The original under a translation, why a language is uncertain, the exact time."""
        if column == TEXT:
            shown = vm.shown_text(row, self.reader, original=self.originals)
            return row.text if shown == row.text else self.tr("Original: {0}").format(row.text)
        if column == LANGUAGE:
            if row.language is None:
                return self.tr("Language not detected yet")
            if vm.uncertain(row):
                return self.tr("Uncertain: check the language and correct it if needed")
            return None
        if column == WHEN:
            return row.created_at.isoformat(sep=" ", timespec="seconds")
        return self.display(row, column)
