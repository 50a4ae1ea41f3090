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

    def delay(self, attempt: int, rng: random.Random) -> timedelta:
        """The wait after the ``attempt``-th failure (1-based).

        "Equal jitter": half the exponential step is fixed, half random, so retries of many
        posts spread out after an outage yet none retries immediately.
        """
        step = min(self.cap_seconds, self.base_seconds * 2 ** max(0, attempt - 1))
        return timedelta(seconds=step / 2 + rng.uniform(0, step / 2))

    def next_attempt(
        self,
        error: ConnectorError,
        attempt: int,
        now: datetime,
        rng: random.Random,
        *,
        due_at: datetime | None = None,
        tries: int | None = None,
    ) -> datetime | None:
        """When to try again after ``error``; ``None`` means stop now.

        ``attempt`` is the number of attempts that count (rate-limited ones excluded), ``due_at``
        when the post fell due, ``tries`` every try so far (it sets the step of a 429 that gave
        no reset time).
        """
        if not error.retryable:
            return None
        if isinstance(error, RateLimitedError):
            if due_at is not None and now - due_at >= self.rate_limit_patience:
                return None
            if error.reset_at is not None:
                # The platform says when the window reopens: wait exactly until then.
                return max(error.reset_at, now)
            wait = self.delay(tries or attempt, rng)
        else:
            if attempt >= self.max_attempts:
                return None
            wait = self.delay(attempt, rng)
        if isinstance(error, RetryableError) and error.retry_after is not None:
            wait = max(wait, timedelta(seconds=error.retry_after))
        return now + wait
