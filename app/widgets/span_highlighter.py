"""Protected spans made visible while the person types: URLs, mentions, hashtags, glossary terms.

The spans are the ones translation keeps byte for byte (:func:`translation.spans.split`), so
what is marked here is exactly what no translation may change.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.qt import QColor, QFont, QTextCharFormat, QtGui
from app.widgets.text_units import utf16_length
from translation import spans
from translation.spans import Kind


def _format(
    foreground: str, *, background: str | None = None, bold: bool = False, underline: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(foreground))
    if background:
        fmt.setBackground(QColor(background))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontUnderline(underline)
    return fmt


#: How each kind of protected span looks; prose keeps the editor's own format.
FORMATS: dict[Kind, QTextCharFormat] = {
    Kind.URL: _format("#1d4ed8", underline=True),
    Kind.EMAIL: _format("#1d4ed8", underline=True),
    Kind.MENTION: _format("#7c3aed", bold=True),
    Kind.HASHTAG: _format("#047857", bold=True),
    Kind.CASHTAG: _format("#047857", bold=True),
    Kind.TERM: _format("#92400e", background="#fef3c7"),
    Kind.FORCED: _format("#92400e", background="#fde68a"),
}


class SpanHighlighter(QtGui.QSyntaxHighlighter):
    """Marks the protected spans of each line of a text document."""

    def __init__(self, document: QtGui.QTextDocument, terms: Iterable[spans.Term] = ()) -> None:
        super().__init__(document)
        self.terms: tuple[spans.Term, ...] = tuple(terms)

    def set_terms(self, terms: Iterable[spans.Term]) -> None:
        """Use these glossary terms from now on, and mark the whole text again."""
        wanted = tuple(terms)
        if wanted != self.terms:
            self.terms = wanted
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Format one line: spans never cross a line break, which is a span of its own."""
        position = 0  # in UTF-16 units, as Qt counts
        for piece in spans.split(text, self.terms):
            width = utf16_length(piece.text)
            fmt = FORMATS.get(piece.kind)
            if fmt is not None:
                self.setFormat(position, width, fmt)
            position += width
