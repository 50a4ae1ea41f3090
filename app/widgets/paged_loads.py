"""A list screen's loads: the newest page for the filters, then "Load more"; a newer load always wins.

The Audit and Feedback screens read their rows the same way: a change of filter starts a load
in the background (never on the GUI thread) and bumps a generation, so that a slower, older load
that ends later is dropped instead of showing rows for filters no longer chosen. "Load more"
reads the page after the last one from where it ended (a keyset cursor) under the same rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from app.qt import QHBoxLayout, QLabel, QPushButton, QTimer, QWidget
from core.errors import UserError

if TYPE_CHECKING:
    from app.context import AppContext
    from app.widgets.message_line import MessageLine

#: Typing in a search box waits this long before loading (one load per pause, not per key).
TYPING_PAUSE_MS = 350

F = TypeVar("F")  # the query the filters make
L = TypeVar("L")  # what a first load returns
P = TypeVar("P")  # what "Load more" returns
C = TypeVar("C")  # where the next page begins


class PagedLoads(Generic[F, L, P, C]):
    """Mix into a list screen, before :class:`app.views.base.Page` (its ``refresh`` is this one).

    The screen gives :meth:`query`, the two reads (:meth:`_read`, :meth:`_read_more`) and what
    to do with their results (:meth:`_loaded`, :meth:`_more`, which start with :meth:`_stale`);
    it keeps :attr:`_query` and :attr:`_next` as the rows on screen were read. It builds the
    typing pause (:meth:`_build_typing`) and the footer (:meth:`_build_footer`) in its ``__init__``.
    """

    _generation = 0
    _query: F | None = None  # what the rows on screen were read for
    _next: C | None = None  # where the page after them begins; None: no more
    _typing: QTimer
    count_label: QLabel
    more_button: QPushButton

    if TYPE_CHECKING:  # the screen's own; declared here only for the type checker
        ctx: AppContext
        message: MessageLine

        def query(self) -> F:
            """The query the filters select now (a :class:`UserError` for impossible choices)."""

        def _loaded(self, generation: int, flt: F, loaded: L) -> None:
            """Show a first load (unless :meth:`_stale`)."""

        def _more(self, generation: int, page: P) -> None:
            """Add a next page below the rows (unless :meth:`_stale`)."""

    def _build_typing(self) -> None:
        """The pause after typing in a search box: start ``_typing`` on each key, it loads once."""
        self._typing = QTimer(cast(QWidget, self))  # mixed into a page: the page owns the timer
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.refresh)

    def _build_footer(self) -> QHBoxLayout:
        """The line below the list: how many rows are shown, and "Load more" (off until a next page)."""
        parent = cast(QWidget, self)
        footer = QHBoxLayout()
        self.count_label = QLabel(parent)
        self.more_button = QPushButton(parent)
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setEnabled(False)
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.more_button)
        return footer

    def _read(self, flt: F) -> Callable[[], L]:
        """The first load for ``flt``, what it needs taken now: it runs on a pool thread."""
        raise NotImplementedError

    def _read_more(self, flt: F, after: C) -> Callable[[], P]:
        """The read of the page after ``after``, what it needs taken now: it runs on a pool thread."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Load the newest page for the filters, in the background; an older load still running is dropped."""
        self._typing.stop()
        self._generation += 1
        try:
            flt = self.query()
        except UserError as error:
            self.message.say_error(error)
            return
        generation, read = self._generation, self._read(flt)
        self.ctx.op(lambda _progress: read()).success(lambda loaded: self._loaded(generation, flt, loaded)).failure(
            lambda sentence: self._failed(generation, sentence)
        ).run()

    def load_more(self) -> None:
        """Read the page after the last row shown and add it below."""
        if self._query is None or self._next is None:
            return
        generation, read = self._generation, self._read_more(self._query, self._next)
        self.more_button.setEnabled(False)
        self.ctx.op(lambda _progress: read()).success(lambda page: self._more(generation, page)).failure(
            lambda sentence: self._failed(generation, sentence)
        ).run()

    def _stale(self, generation: int) -> bool:
        """Whether a load of ``generation`` ended after a newer one began (its result is dropped)."""
        return generation != self._generation

    def _failed(self, generation: int, sentence: str) -> None:
        if not self._stale(generation):
            self.message.say(sentence, problem=True)
