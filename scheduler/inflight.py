"""The variants this process is publishing right now, whichever engine in it does so.

Recovery resets a variant left ``publishing`` by this very process only when it is not listed
here: the claim is registered *before* it is committed, so a sweep can never see a claim of a
live publish of its own process as left behind. A count per variant, because two engines of
one process may both try to claim it (only one succeeds, and the loser's release must not
unlist the winner's).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager


class InFlight:
    """A thread-safe multiset of variant ids."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: Counter[int] = Counter()

    @contextmanager
    def hold(self, variant_id: int) -> Iterator[None]:
        """List ``variant_id`` for the duration of the block (claim, call, record)."""
        with self._lock:
            self._held[variant_id] += 1
        try:
            yield
        finally:
            with self._lock:
                self._held[variant_id] -= 1
                if self._held[variant_id] <= 0:
                    del self._held[variant_id]

    def __contains__(self, variant_id: object) -> bool:
        with self._lock:
            return variant_id in self._held


#: The one registry of this process.
IN_FLIGHT = InFlight()
