"""Length counters: one target's length against its platform's limit, red once past it."""

from __future__ import annotations

from collections.abc import Sequence

from app.i18n import Retranslatable
from app.qt import QColor, QGridLayout, QLabel, QPalette, QWidget
from app.viewmodels.composer import Count

#: The colours of a counter within and past its limit.
OK_COLOUR = QColor("#374151")
OVER_COLOUR = QColor("#b91c1c")


class CounterLabel(Retranslatable, QLabel):
    """``Tokyo (X): 132 / 280``; its text colour (the ``WindowText`` role) turns red past the limit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count: Count | None = None

    def retranslate(self) -> None:
        """Word the count shown again (after a switch of language)."""
        if self.count is not None:
            self.set_count(self.count)

    def set_count(self, count: Count) -> None:
        """Show ``count``."""
        self.count = count
        if count.limit is None:
            self.setText(self.tr("{0}: {1} {2}").format(count.account, count.length, count.unit))
            self.setToolTip(self.tr("{0} states no length limit.").format(count.platform))
        else:
            self.setText(self.tr("{0}: {1} / {2}").format(count.account, count.length, count.limit))
            tip = self.tr("{0} {1} of the {2} that {3} allows.")
            self.setToolTip(tip.format(count.length, count.unit, count.limit, count.platform))
        self.setProperty("over", count.over)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, OVER_COLOUR if count.over else OK_COLOUR)
        self.setPalette(palette)
        font = self.font()
        font.setBold(count.over)
        self.setFont(font)

    def is_over(self) -> bool:
        """Whether the count shown is past its limit."""
        return self.count is not None and self.count.over

    def colour(self) -> QColor:
        """The text colour now (what the person sees)."""
        return self.palette().color(QPalette.ColorRole.WindowText)


class CounterStrip(QWidget):
    """One :class:`CounterLabel` per target, two to a row (a long list of targets wraps, never widens the window)."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, CounterLabel] = {}

    def set_counts(self, counts: Sequence[Count]) -> None:
        """Show ``counts`` (one label per account, reused while the targets stay the same)."""
        wanted = [c.account for c in counts]
        if wanted != list(self.labels):
            for label in self.labels.values():
                self._layout.removeWidget(label)
                label.deleteLater()
            self.labels = {}
            for position, name in enumerate(wanted):
                label = CounterLabel(self)
                label.setWordWrap(True)
                self._layout.addWidget(label, position // self.COLUMNS, position % self.COLUMNS)
                self.labels[name] = label
        for count in counts:
            self.labels[count.account].set_count(count)
