"""A page's result line: what an action achieved (green) or why it failed (red), hidden when empty."""

from __future__ import annotations

from app.i18n import error_sentence
from app.qt import QLabel, Qt, QWidget

_OK, _PROBLEM = "color: #15803d;", "color: #b91c1c;"


class MessageLine(QLabel):
    """One selectable line under a page's controls; ``problem`` tells whether it reports a failure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = False
        self.hide()

    def say(self, text: str, *, problem: bool = False) -> None:
        """Show ``text`` (a failure in red when ``problem``); an empty text hides the line."""
        self.problem = problem
        self.setText(text)
        self.setStyleSheet(_PROBLEM if problem else _OK)
        self.setVisible(bool(text))

    def say_error(self, error: BaseException) -> None:
        """Show why ``error`` refused the action, in red, in the interface's language."""
        self.say(error_sentence(error), problem=True)

    def clear_problem(self) -> None:
        """Hide the line if it reports a failure (a new attempt is under way); a success stays."""
        if self.problem:
            self.hide()
