"""Best time to post: an account's engagement by weekday and hour, in its own time zone.

Each post is scored by the engagements it had 24 hours after publishing (its last reading by
then, kept in ``engagement_latest.day_engagements`` by :mod:`core.services.engagement`), so old
and new posts compare at the same age; posts younger than that, or never read in their first
day, are left out. A cell is the weekday and hour of publishing on the account's wall clock,
so a DST change moves a post to the hour its audience saw.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from core import timeutil
from core.domain import VariantStatus
from core.services.engagement import SCORE_AGE
from core.store import Store
from core.store.tables import accounts, engagement_latest, variants

#: Posts of history below which no advice is given (the heatmap still shows what there is).
MIN_POSTS = 12
#: How many of the best cells advice names.
BEST_CELLS = 5
BASIS = (
    "Mean engagements (reactions, shares, replies, clicks) per post 24 hours after publishing, "
    "from the account's posts at least a day old, by weekday and hour on the account's clock."
)


@dataclass(frozen=True)
class Cell:
    """One weekday (0 = Monday) and hour (0-23, the account's wall clock)."""

    weekday: int
    hour: int
    posts: int
    score: float | None  # mean engagements per post at a fixed age (see ``BestTime.basis``); None: no post


@dataclass(frozen=True)
class BestTime:
    """An account's hour-by-weekday history and, when it rests on enough posts, advice.

    ``cells`` holds all 7 x 24 cells. ``best`` is empty when ``advice`` is ``False``; then
    ``reason`` says in one sentence why (e.g. "Only 3 posts of history: advice needs 12.").
    ``basis`` says what the score measures, in one sentence a screen can show.
    """

    account_id: int
    zone: str
    posts: int
    cells: tuple[Cell, ...]
    advice: bool
    best: tuple[Cell, ...]  # the best cells, best first (at most 5)
    reason: str | None
    basis: str


def best_time(store: Store, account_id: int, *, now: datetime | None = None) -> BestTime:
    """``account_id``'s engagement by weekday and hour of publishing, in the account's zone.

    ``now`` (default: the current time) decides which posts are old enough to count.
    """
    current = now or timeutil.now_utc()
    with store.read() as conn:
        zone_name = conn.execute(select(accounts.c.timezone).where(accounts.c.id == account_id)).scalar_one()
        rows = conn.execute(
            select(variants.c.published_at, engagement_latest.c.day_engagements)
            .join(engagement_latest, engagement_latest.c.variant_id == variants.c.id)
            .where(
                variants.c.account_id == account_id,
                variants.c.status == VariantStatus.PUBLISHED.value,
                variants.c.published_at <= current - SCORE_AGE,
                engagement_latest.c.day_engagements.is_not(None),
            )
        ).all()
    tz = timeutil.zone(zone_name)
    scores: dict[tuple[int, int], list[int]] = defaultdict(list)
    for published_at, day_engagements in rows:
        local = published_at.astimezone(tz)
        scores[(local.weekday(), local.hour)].append(int(day_engagements))
    cells = tuple(
        Cell(weekday, hour, len(found), sum(found) / len(found) if found else None)
        for weekday in range(7)
        for hour in range(24)
        for found in [scores.get((weekday, hour), [])]
    )
    posts = len(rows)
    advice = posts >= MIN_POSTS
    scored = [c for c in cells if c.score is not None]
    # Best first; a tie goes to the cell with more posts behind it, then to the earlier one.
    scored.sort(key=lambda c: (-(c.score or 0.0), -c.posts, c.weekday, c.hour))
    reason = None
    if not advice:
        noun = "post" if posts == 1 else "posts"
        reason = f"Only {posts} {noun} of history at least a day old: advice needs {MIN_POSTS}."
    return BestTime(
        account_id=account_id,
        zone=zone_name,
        posts=posts,
        cells=cells,
        advice=advice,
        best=tuple(scored[:BEST_CELLS]) if advice else (),
        reason=reason,
        basis=BASIS,
    )
