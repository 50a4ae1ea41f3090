"""A small, Qt-free event bus: the GUI bridges it to Qt signals, the worker logs it.

Events are announced after the transaction that caused them has committed, so a subscriber
that reads the store sees the new state. A failing subscriber is logged and never breaks the
publisher.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


class EventKind(enum.StrEnum):
    """What happened to a variant."""

    PUBLISHED = "published"
    FAILED = "failed"
    RETRY_SCHEDULED = "retry_scheduled"
    MISSED = "missed"
    METRICS_UPDATED = "metrics_updated"


@dataclass(frozen=True)
class Event:
    """One announcement: the kind, the variant concerned, and details for display."""

    kind: EventKind
    variant_id: int
    details: dict[str, Any] = field(default_factory=dict)


Subscriber = Callable[[Event], None]


class EventBus:
    """Subscribers per event kind (or to every kind); thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[tuple[EventKind | None, Subscriber]] = []

    def subscribe(self, callback: Subscriber, kind: EventKind | None = None) -> Callable[[], None]:
        """Call ``callback`` for events of ``kind`` (all when ``None``); returns an unsubscribe function."""
        entry = (kind, callback)
        with self._lock:
            self._subscribers.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._subscribers:
                    self._subscribers.remove(entry)

        return unsubscribe

    def emit(self, event: Event) -> None:
        """Deliver ``event`` to its subscribers, in subscription order, on the caller's thread."""
        with self._lock:
            targets = [cb for kind, cb in self._subscribers if kind is None or kind is event.kind]
        for callback in targets:
            try:
                callback(event)
            except Exception:  # a broken view must not stop publishing
                log.exception("event subscriber failed on %s", event.kind.value)
