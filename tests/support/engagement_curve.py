"""Helpers of the emulator's engagement-curve tests: post ids it finds equally popular, a fixed weekday."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

#: A Wednesday (an ordinary weekday for the emulator's audience).
WEDNESDAY = datetime(2026, 3, 4, tzinfo=UTC)


def twin_ids(prefix: str = "", count: int = 2) -> list[str]:
    """Post ids (``prefix`` and a number) the emulator finds equally popular (popularity is stable per id)."""
    found: dict[int, list[str]] = {}
    for number in range(10**15, 10**15 + 500):
        post_id = f"{prefix}{number}"
        same = found.setdefault(zlib.crc32(post_id.encode()) % 50, [])
        same.append(post_id)
        if len(same) == count:
            return same
    raise AssertionError("no twins")
