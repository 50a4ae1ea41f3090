"""One owner of background work: a pool for reads, translation and network, a queue for changes.

User changes (saving a draft, scheduling, cancelling) run one at a time, in the order they were
asked for, on a single-thread pool: a later save can never overtake an earlier one. Reads,
translation and network calls run on a shared pool. Results come back to the GUI thread through a
queued signal (:meth:`TaskManager.run_on_main`), so a callback may touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from app.qt import QObject, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskManager(QObject):
    """The thread pools of the app, and the way back to the GUI thread."""

    _to_main = Signal(object)

    def __init__(self, parent: QObject | None = None, *, workers: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(workers)
        self._serial = QThreadPool(self)
        self._serial.setMaxThreadCount(1)
        self._to_main.connect(self._call, Qt.ConnectionType.QueuedConnection)
        self._closing = threading.Event()

    def run_in_background(self, work: Callable[[], None], *, serial: bool = False) -> None:
        """Run ``work`` on a pool thread (``serial``: after every change asked for before it)."""
        if self._closing.is_set():
            log.warning("a task was asked for while the app closes; dropped")
            return
        (self._serial if serial else self._pool).start(work)

    def run_on_main(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on the GUI thread, soon (safe from any thread)."""
        self._to_main.emit(callback)

    def _call(self, callback: Callable[[], None]) -> None:
        try:
            callback()
        except Exception:  # a broken callback must not take the event loop down
            log.exception("a callback on the GUI thread failed")

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for every running task to end (tests, shutdown); True when all did."""
        return bool(self._serial.waitForDone(timeout_ms)) and bool(self._pool.waitForDone(timeout_ms))

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Take no new work and wait for what runs: a change being saved is finished, not cut."""
        self._closing.set()
        self.wait(timeout_ms)
