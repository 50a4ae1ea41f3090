"""The scheduler's sense of time, injected so that tests move it instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from core import timeutil

#: Returns the current aware UTC time.
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, aware UTC."""
    return timeutil.now_utc()
