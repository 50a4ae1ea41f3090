"""What an operation (or the publisher) changed, so that each view decides whether to refresh.

Qt-free on purpose: an operation declares its :class:`Changes` next to the service it calls, and
a test can check them without a window. After every operation, and for every event the worker
reports, the hub's one ``changed`` signal carries a :class:`Changes` and the view that started
it (``initiator``), which need not reload what it already shows.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Kinds of things that changed; a view refreshes when a kind it shows is set."""

    posts: bool = False  # posts or their variants: text, status, schedule
    accounts: bool = False
    packs: bool = False  # language packs installed or removed
    glossary: bool = False
    settings: bool = False
    engagement: bool = False  # new metrics snapshots
    comments: bool = False  # comments collected, edited, deleted, read or unread, or their language set

    @classmethod
    def everything(cls) -> Changes:
        """All kinds: after a switch of database, or a full refresh."""
        return cls(**dict.fromkeys(_KINDS, True))

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{kind: getattr(self, kind) or getattr(other, kind) for kind in _KINDS})

    def __and__(self, other: Changes) -> Changes:
        return Changes(**{kind: getattr(self, kind) and getattr(other, kind) for kind in _KINDS})

    def any(self) -> bool:
        """Whether anything changed at all."""
        return any(getattr(self, kind) for kind in _KINDS)


#: The kinds, read from the class so that a new one is never forgotten by ``|``, ``&`` or ``any``.
_KINDS = tuple(f.name for f in fields(Changes))

NOTHING = Changes()
POSTS = Changes(posts=True)
ACCOUNTS = Changes(accounts=True)
PACKS = Changes(packs=True)
GLOSSARY = Changes(glossary=True)
SETTINGS = Changes(settings=True)
ENGAGEMENT = Changes(engagement=True)
COMMENTS = Changes(comments=True)


class OwnSerials:
    """The comments' change counter values (``comment_activity``) this window's own acts wrote.

    The screen that acted shows the result already, and its operation announced its own
    :class:`Changes`: the feed watcher, seeing the counter move only by these, announces nothing.
    Thread-safe: operations add from the pool, the watcher reads on its poll.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._serials: set[int] = set()

    def add(self, serials: Iterable[int]) -> None:
        """Remember ``serials`` as this window's own."""
        with self._lock:
            self._serials.update(serials)

    def only_own(self, before: int, now: int) -> bool:
        """Whether every change after ``before`` up to ``now`` was this window's own; forgets up to ``now``."""
        with self._lock:
            count = now - before
            own = 0 < count <= len(self._serials) and all(
                serial in self._serials for serial in range(before + 1, now + 1)
            )
            self._serials = {serial for serial in self._serials if serial > now}
            return own
