"""The lists of a list screen's filter bar: choosing in one reloads the screen, refilling one does not.

The Audit and Feedback screens refill their lists (people, actions, accounts, languages) after
each load, from what the store holds; :class:`FilterLists` keeps that refill from reading as the
person's choice (which would load again, endlessly), and keeps the choice when it is still offered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.qt import QComboBox


class FilterLists:
    """Mix into a screen with a ``refresh()``: connect each list's ``currentIndexChanged`` to ``_on_choice``."""

    _offering = False  # True while the lists are refilled (their changes are not choices)

    if TYPE_CHECKING:  # the screen's own; declared here only for the type checker

        def refresh(self) -> None:
            """Load the rows for the filters."""

    def choose(self, box: QComboBox, value: object) -> bool:
        """Choose ``value`` in one of the filter lists; whether it is offered."""
        row = box.findData(value)
        if row >= 0:
            box.setCurrentIndex(row)
        return row >= 0

    def _on_choice(self) -> None:
        if not self._offering:
            self.refresh()

    def _offer(self, box: QComboBox, items: list[tuple[str, object]], keep: int) -> None:
        """Refill ``box`` after its first ``keep`` fixed entries; the choice stays when still offered."""
        chosen = box.currentData()
        self._offering = True
        try:
            while box.count() > keep:
                box.removeItem(keep)
            for label, value in items:
                box.addItem(label, value)
            box.setCurrentIndex(max(0, box.findData(chosen)))
        finally:
            self._offering = False
