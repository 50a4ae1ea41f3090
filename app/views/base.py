"""What every screen of the main window shares: its context, and refreshing on ``changed``.

A page names the kinds of change it shows (:attr:`Page.shows`). When the hub reports one, a
visible page refreshes at once and a hidden one remembers to refresh when it is next shown, so
a busy publisher never makes a dozen hidden screens reload. A page does not reload for a change
it made itself (the ``initiator``): it already shows it.
"""

from __future__ import annotations

from typing import ClassVar

from app.changes import NOTHING, Changes
from app.context import AppContext
from app.qt import QWidget


def overlaps(a: Changes, b: Changes) -> bool:
    """Whether ``a`` and ``b`` name a kind in common."""
    return (a & b).any()


class Page(QWidget):
    """One screen of the main window."""

    #: A short stable name (``queue``), used for shortcuts, tests and screenshots.
    key: ClassVar[str] = ""
    #: The kinds of change this page shows.
    shows: ClassVar[Changes] = NOTHING

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        ctx.hub.changed.connect(self._on_changed)

    def title(self) -> str:
        """The page's name in the sidebar, translated."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Load what the page shows (through an operation: never on the GUI thread)."""

    def activate(self) -> None:
        """Called when the page is shown: refresh if something changed while it was hidden."""
        if self.stale:
            self.stale = False
            self.refresh()

    def before_close(self) -> None:
        """Called when the window closes, before background work is drained: queue what must be saved."""

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not overlaps(changes, self.shows):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True
