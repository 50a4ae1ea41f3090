"""When to poll a published post's engagement next: often, then hourly, then daily; after a failure, ever less often."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class PollingPolicy:
    """Poll every ``early_every`` while the post is younger than ``early_age``, then hourly, then daily."""

    early_age: timedelta = timedelta(hours=2)
    early_every: timedelta = timedelta(minutes=10)
    middle_age: timedelta = timedelta(days=1)
    middle_every: timedelta = timedelta(hours=1)
    late_every: timedelta = timedelta(days=1)
    max_age: timedelta = timedelta(days=7)
    retry_after_error: timedelta = timedelta(minutes=15)  # the first wait after a failed poll
    batch_size: int = 100

    def next_poll(self, published_at: datetime, now: datetime) -> datetime | None:
        """The next poll after one at ``now``; ``None`` once the post is older than ``max_age``."""
        age = now - published_at
        if age < self.early_age:
            step = self.early_every
        elif age < self.middle_age:
            step = self.middle_every
        else:
            step = self.late_every
        upcoming = now + step
        if upcoming - published_at > self.max_age:
            return None
        return upcoming

    def next_retry(self, published_at: datetime, last_read: datetime, now: datetime) -> datetime | None:
        """The next try after a poll at ``now`` failed; ``None`` once the post is older than ``max_age``.

        The wait is the time since the last good read (``last_read``, or the publishing time),
        at least ``retry_after_error`` and at most ``late_every``: it doubles with every failure
        in a row, so a revoked token costs a dozen calls a week, not one every 15 minutes.
        """
        wait = min(max(now - last_read, self.retry_after_error), self.late_every)
        upcoming = now + wait
        if upcoming - published_at > self.max_age:
            return None
        return upcoming
