"""Garbage cycles are freed on the GUI thread, never in a worker thread that happens to allocate."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from app.collector import GuiThreadCollector


class _Cycle:
    """Garbage reachable only from itself, which says on which thread it was freed."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def test_cycles_are_freed_on_the_gui_thread_not_where_a_worker_allocates(qtbot: QtBot) -> None:
    gc.enable()  # as in a running app before the collector starts (the app tests' fixture turns it off)
    collector = GuiThreadCollector(every_ms=20)
    freed_on: list[str] = []
    kept: list[list[object]] = []
    collector.start()
    try:
        _Cycle(freed_on)
        # A worker (a publisher's, an operation's) allocates past every threshold, as a busy one does.
        worker = threading.Thread(target=lambda: kept.extend([] for _ in range(50_000)), name="worker")
        worker.start()
        worker.join()
        assert freed_on == []  # the automatic collector would have freed it in the worker
        qtbot.waitUntil(lambda: freed_on == [threading.current_thread().name], timeout=5_000)
        assert collector.collections >= 1
    finally:
        collector.stop()
    assert gc.isenabled()
