"""How long to wait before trying a post again, and when to give up."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from connectors.base import ConnectorError, RateLimitedError, RetryableError


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, capped, for errors the platform says are passing.

    A rate limit is not a failure of the post: a 429 uses up no attempt (``max_attempts``
    counts the others). What bounds rate-limit waits is time: once the post fell due longer
    than ``rate_limit_patience`` ago, the next 429 ends it.
    """

    max_attempts: int = 6
    base_seconds: float = 30.0
    cap_seconds: float = 30 * 60.0
    rate_limit_patience: timedelta = timedelta(hours=24)
    #: The shortest wait after a 429 whose reset time is missing or already past by our clock.
    rate_limit_floor: timedelta = timedelta(seconds=5)

    def delay(self, attempt: int, rng: random.Random) -> timedelta:
        """The wait after the ``attempt``-th failure (1-based).

        "Equal jitter": half the exponential step is fixed, half random, so retries of many
        posts spread out after an outage yet none retries immediately.
        """
        step = min(self.cap_seconds, self.base_seconds * 2 ** max(0, attempt - 1))
        return timedelta(seconds=step / 2 + rng.uniform(0, step / 2))

    def rate_limit_until(self, error: RateLimitedError, streak: int, now: datetime, rng: random.Random) -> datetime:
        """When the account may send again after ``error``, the ``streak``-th 429 in a row (1-based).

        The platform's reset time when it is still ahead. A reset that is missing, or already past
        by our clock (clock skew, a stale header), says nothing about when the window reopens:
        waiting "until then" would mean sending again at once and earning another 429, so the
        backoff decides instead, never shorter than ``rate_limit_floor`` and longer with each 429
        in a row.
        """
        if error.reset_at is not None and error.reset_at > now:
            return error.reset_at
        wait = max(self.delay(streak, rng), self.rate_limit_floor)
        if error.retry_after is not None:
            wait = max(wait, timedelta(seconds=error.retry_after))
        return now + wait

    def next_attempt(
        self,
        error: ConnectorError,
        attempt: int,
        now: datetime,
        rng: random.Random,
        *,
        due_at: datetime | None = None,
        streak: int = 1,
    ) -> datetime | None:
        """When to try again after ``error``; ``None`` means stop now.

        ``attempt`` is the number of attempts that count (rate-limited ones excluded), ``due_at``
        when the post fell due, ``streak`` how many tries in a row (this one included) the
        platform's rate limit refused (see :meth:`rate_limit_until`).
        """
        if not error.retryable:
            return None
        if isinstance(error, RateLimitedError):
            if due_at is not None and now - due_at >= self.rate_limit_patience:
                return None
            return self.rate_limit_until(error, streak, now, rng)
        if attempt >= self.max_attempts:
            return None
        wait = self.delay(attempt, rng)
        if isinstance(error, RetryableError) and error.retry_after is not None:
            wait = max(wait, timedelta(seconds=error.retry_after))
        return now + wait
