"""What the publisher did, brought to the screens: events become ``changed`` and notices.

The worker may run in this process (the app publishes) or in another one, even on another
machine (a team store with ``communique worker``). Either way it writes the audit trail and the
engagement snapshots, so one :class:`scheduler.events.EventFeed`, polled on the pool every few
seconds, is the single path: each poll's events become one ``changed`` (posts, engagement) and a
notice per published, failed, missed or retried variant. The same timer watches the language
packs' stamp, so a pack installed from the command line shows up in the running app, and the
comments' stamp (:func:`core.queries.feedback.activity_stamp`), so that comments the collector
wrote, or a colleague read, show up as ``comments`` changes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.changes import NOTHING, Changes
from app.context import AppContext
from app.qt import QObject, QTimer
from core.queries import feedback
from scheduler.display import describe_event
from scheduler.events import EventFeed, EventKind, FeedEvent
from translation import packs

log = logging.getLogger(__name__)

#: How often the feed is read, in milliseconds.
POLL_MS = 2000

_NOTICE_KIND = {
    EventKind.PUBLISHED: "published",
    EventKind.FAILED: "failed",
    EventKind.MISSED: "missed",
    EventKind.RETRY_SCHEDULED: "retry",
}


@dataclass(frozen=True)
class FeedBatch:
    """One poll's outcome: the events, and whether the packs changed."""

    events: list[FeedEvent]
    packs_changed: bool
    comments_changed: bool = False


def changes_for(batch: FeedBatch) -> Changes:
    """What the screens must refresh for ``batch`` (Qt-free, so a test can check it alone)."""
    changes = NOTHING
    for item in batch.events:
        if item.event.kind is EventKind.METRICS_UPDATED:
            changes = changes | Changes(engagement=True)
        else:
            changes = changes | Changes(posts=True)
    if batch.packs_changed:
        changes = changes | Changes(packs=True)
    if batch.comments_changed:
        changes = changes | Changes(comments=True)
    return changes


class FeedWatcher(QObject):
    """Polls the store's event feed and the packs' stamp on a timer, off the GUI thread."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, every_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.feed = EventFeed(ctx.store)  # from now on: what happened before the window opened is shown as state
        self._generation = packs.generation()
        self._comments: int | None = None  # the comments' activity stamp; None: not read yet
        self._polling = False
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Start polling."""
        self.timer.start()

    def stop(self) -> None:
        """Stop polling."""
        self.timer.stop()

    def poll(self) -> None:
        """Read the feed once in the background (a poll still running is not doubled)."""
        if self._polling:
            return
        self._polling = True
        self.ctx.op(lambda _progress: self._read(), serial=False).success(self._deliver).failure(self._failed).run()

    def _read(self) -> FeedBatch:
        events = self.feed.poll()
        generation = packs.generation()
        changed = generation != self._generation
        self._generation = generation
        stamp, before = feedback.activity_stamp(self.ctx.store), self._comments
        # The first reading is where the window starts from: what it loaded already shows it. A
        # move made only by this window's own acts is shown already (their operations said so).
        comments_changed = before is not None and (
            stamp < before or (stamp > before and not self.ctx.own_comment_writes.only_own(before, stamp))
        )
        self._comments = stamp
        return FeedBatch(events, changed, comments_changed)

    def _deliver(self, batch: FeedBatch) -> None:
        self._polling = False
        for item in batch.events:
            kind = _NOTICE_KIND.get(item.event.kind)
            if kind is not None:
                self.ctx.hub.notice.emit(kind, describe_event(item))
        changes = changes_for(batch)
        if changes.any():
            self.ctx.hub.changed.emit(changes, self)

    def _failed(self, sentence: str) -> None:
        self._polling = False
        log.warning("the event feed could not be read: %s", sentence)
