"""How long to wait before trying a post again, and when to give up."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from connectors.base import ConnectorError, RateLimitedError, RetryableError


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, capped, for errors the platform says are passing."""

    max_attempts: int = 6
    base_seconds: float = 30.0
    cap_seconds: float = 30 * 60.0

    def delay(self, attempt: int, rng: random.Random) -> timedelta:
        """The wait after the ``attempt``-th failure (1-based).

        "Equal jitter": half the exponential step is fixed, half random, so retries of many
        posts spread out after an outage yet none retries immediately.
        """
        step = min(self.cap_seconds, self.base_seconds * 2 ** max(0, attempt - 1))
        return timedelta(seconds=step / 2 + rng.uniform(0, step / 2))

    def next_attempt(self, error: ConnectorError, attempt: int, now: datetime, rng: random.Random) -> datetime | None:
        """When to try again after ``error`` on attempt ``attempt``; ``None`` means stop now."""
        if not error.retryable or attempt >= self.max_attempts:
            return None
        wait = self.delay(attempt, rng)
        if isinstance(error, RetryableError) and error.retry_after is not None:
            wait = max(wait, timedelta(seconds=error.retry_after))
        if isinstance(error, RateLimitedError) and error.reset_at is not None:
            # After a 429 the platform says when the window reopens: wait exactly until then.
            return max(error.reset_at, now)
        return now + wait
