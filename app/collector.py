"""Python's cyclic garbage collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a generation's
threshold is passed: in this app often an operation's pool thread, the publisher's threads or
the translation warm-up. A Qt object in such a cycle (a widget whose signal holds a lambda on
itself, a model, a dialog) is then destroyed in that thread while the GUI thread may be painting
it, and the app crashes in Qt's code (seen as a view painting a model half destroyed). The same
approach is taken by other PySide/PyQt desktop apps: automatic collection is turned off, and a
timer on the GUI thread collects with the collector's own thresholds, at most once a tick.
"""

from __future__ import annotations

import gc

from app.qt import QObject, QTimer

#: How often the thresholds are looked at, in milliseconds.
TICK_MS = 1000


class GuiThreadCollector(QObject):
    """Collects garbage cycles on the GUI thread, as the automatic collector would, while it lives."""

    def __init__(self, parent: QObject | None = None, *, every_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.collect)
        self.collections = 0  # how many passes ran (for tests and the log)

    def start(self) -> None:
        """Turn automatic collection off and collect from the timer."""
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        """Stop the timer and give collection back to Python."""
        self.timer.stop()
        gc.enable()

    def collect(self) -> int:
        """Collect the oldest generation whose threshold is passed (as Python would); the objects freed."""
        threshold = gc.get_threshold()
        count = gc.get_count()
        for generation in (2, 1, 0):
            if count[generation] > threshold[generation]:
                self.collections += 1
                return gc.collect(generation)
        return 0
