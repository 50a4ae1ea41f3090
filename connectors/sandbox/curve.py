"""How engagement grows on an emulated post, so that practice charts look like a real account's.

A post's impressions after ``age`` seconds are::

    REACH * popularity(post id) * audience(local hour and weekday of publishing) * growth(age)

- :func:`growth` is most of the reach in the first hours (``1 - exp(-t / FAST_TAU)``) plus a slow
  tail over the next days (``1 - exp(-t / SLOW_TAU)``): fast at first, then saturating, and never
  decreasing.
- :func:`popularity` is stable per post id, so a post keeps its rank however often it is read.
- :func:`audience_factor` favours the hours people read (mornings, lunch, evenings, in the
  audience's own zone) over the night, and weekdays over weekends, so that a "best time to post"
  heatmap built from practice history has something to find.

The other counts keep the emulator's usual ratios to impressions (:func:`counts`), times a stable
per-post :func:`interest` (some posts get more likes per view than others, so engagement rates
differ), each rounded down: integers that never decrease as the clock moves forward.
"""

from __future__ import annotations

import math
import zlib
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: Impressions an average post (popularity 1, audience factor 1) reaches in the end.
REACH = 2000.0
#: Share of the reach gained in the first hours; the rest trickles in over days.
FAST_SHARE = 0.85
FAST_TAU = 2 * 3600.0
SLOW_TAU = 48 * 3600.0

#: The audience's reading peaks: (local hour, height, width in hours) over a night floor.
NIGHT_FLOOR = 0.2
PEAKS = ((8.5, 1.4, 1.5), (12.5, 0.7, 1.2), (20.0, 1.6, 2.0))
#: Monday..Sunday: weekends are quieter for official news.
WEEKDAY_FACTORS = (1.0, 1.0, 1.0, 1.0, 0.95, 0.75, 0.7)

#: (count, divisor of impressions): the ratios the emulator has always answered with.
RATIOS = (
    ("likes", 25),
    ("reposts", 120),
    ("replies", 200),
    ("quotes", 600),
    ("bookmarks", 300),
    ("clicks", 50),
    ("profile_clicks", 400),
)


def zone_info(zone: str) -> ZoneInfo:
    """The IANA zone named ``zone``; a :class:`ValueError` for a name that is not one."""
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {zone!r}") from error


def growth(age: float) -> float:
    """The share of its final reach a post has after ``age`` seconds (0 before it exists, below 1)."""
    if age <= 0:
        return 0.0
    fast = 1.0 - math.exp(-age / FAST_TAU)
    slow = 1.0 - math.exp(-age / SLOW_TAU)
    return FAST_SHARE * fast + (1.0 - FAST_SHARE) * slow


def popularity(post_id: str) -> float:
    """A stable factor between 1 and 5.9 from the post id: some posts simply do better."""
    return 1.0 + (zlib.crc32(post_id.encode()) % 50) / 10.0


def interest(post_id: str) -> float:
    """A stable factor between 0.6 and 1.59 from the post id: how much of what is seen gets a reaction."""
    return 0.6 + (zlib.crc32(post_id[::-1].encode()) % 100) / 100.0


def hour_factor(hour: float) -> float:
    """How many people read at local ``hour`` (0-24, fractional): high mornings and evenings, low at night."""
    value = NIGHT_FLOOR
    for centre, height, width in PEAKS:
        distance = abs(hour - centre) % 24.0
        distance = min(distance, 24.0 - distance)  # the day wraps: 23:00 is near 01:00
        value += height * math.exp(-(distance**2) / (2 * width**2))
    return value


def audience_factor(published: float, zone: str) -> float:
    """How good the moment ``published`` (epoch seconds) is for an audience in ``zone``."""
    local = datetime.fromtimestamp(published, tz=UTC).astimezone(zone_info(zone))
    hour = local.hour + local.minute / 60.0
    return hour_factor(hour) * WEEKDAY_FACTORS[local.weekday()]


def impressions(post_id: str, published: float, now: float, zone: str) -> int:
    """Impressions of post ``post_id`` published at ``published`` for an audience in ``zone``, at ``now``."""
    reach = REACH * popularity(post_id) * audience_factor(published, zone)
    return int(reach * growth(now - published))


def counts(seen: int, post_id: str = "") -> dict[str, int]:
    """Every count the routes answer with, from the impressions and the post's :func:`interest`."""
    engaged = int(seen * interest(post_id))
    result = {"impressions": seen}
    result.update({name: engaged // divisor for name, divisor in RATIOS})
    result["unique_views"] = seen * 2 // 3
    return result
