"""What every screen is given: the store, the settings, the background tasks and the hub.

There is no global window or store: the main window builds one :class:`AppContext` and hands it
to each screen, and a test builds one the same way around its own store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from app.changes import NOTHING, Changes, OwnSerials
from app.ops import Op, Progress
from app.qt import QObject, Signal
from app.tasks import TaskManager
from core import settings as settings_module
from core.settings import Settings
from core.store import Store

T = TypeVar("T")


class Hub(QObject):
    """The app's signals, all emitted on the GUI thread."""

    #: ``(Changes, initiator)`` after an operation succeeded or the worker reported an event.
    changed = Signal(object, object)
    #: ``(kind, text)`` for the person: ``published``, ``failed``, ``missed``, ``retry``, ``info``.
    notice = Signal(str, str)
    #: A failed operation's sentence, when the operation has no failure handler of its own.
    error = Signal(str)
    #: +1 when an operation starts, -1 when it ends (the status bar's busy indicator).
    busy = Signal(int)
    #: The :class:`Op` that just finished (tests wait on it).
    op_finished = Signal(object)


@dataclass
class AppContext:
    """The store and the app-wide services a screen works with."""

    store: Store
    tasks: TaskManager
    hub: Hub
    settings: Settings = field(default_factory=settings_module.load)
    #: The comments' changes this window's own acts made (the feed watcher does not announce them).
    own_comment_writes: OwnSerials = field(default_factory=OwnSerials)

    def op(
        self,
        work: Callable[[Progress], T],
        *,
        changes: Changes | Callable[[T], Changes] = NOTHING,
        initiator: object | None = None,
        serial: bool | None = None,
    ) -> Op[T]:
        """An :class:`Op` on this context (call ``.success(...).run()`` on it)."""
        return Op(self, work, changes=changes, initiator=initiator, serial=serial)

    def reload_settings(self) -> Settings:
        """Read the settings file again (after the Settings screen saved it)."""
        self.settings = settings_module.load()
        return self.settings


def make_context(store: Store, parent: QObject | None = None) -> AppContext:
    """A context around ``store`` with its own task manager and hub."""
    return AppContext(store=store, tasks=TaskManager(parent), hub=Hub(parent))
