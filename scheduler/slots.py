"""Posting slots: an account's regular times, and "schedule this to the next free slot" (at a good hour)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from core import queries, timeutil
from core.domain import AuditAction, VariantStatus
from core.errors import ConflictError, NotFoundError, UserError
from core.queries.best_time import best_time
from core.services import audit, permissions, posts, scheduling
from core.store import Store
from core.store.engine import new_id
from core.store.tables import accounts, posting_slots, variants
from core.words import Msg, in_app

_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Statuses that occupy a slot.
_TAKEN = (VariantStatus.SCHEDULED.value, VariantStatus.PUBLISHING.value, VariantStatus.PUBLISHED.value)


@dataclass(frozen=True)
class Slot:
    """A regular posting time: ``weekday`` 0 (Monday) to 6, or ``None`` for every day."""

    id: int
    account_id: int
    weekday: int | None
    local_time: str


def parse_weekday(text: str | None) -> int | None:
    """``mon``..``sun`` (or ``None``/``daily``) to 0..6 / ``None``."""
    if text is None or text.strip().lower() in {"", "daily", "every"}:
        return None
    key = text.strip().lower()[:3]
    if key not in WEEKDAYS:
        raise UserError(Msg("Unknown weekday {text!r}: use mon, tue, wed, thu, fri, sat, sun or daily.", text=text))
    return WEEKDAYS.index(key)


def add_slot(store: Store, account: str, local_time: str, weekday: int | None = None) -> Slot:
    """Add a posting time ``HH:MM`` (the account's wall clock) on ``weekday`` or every day."""
    if not _TIME.match(local_time.strip()):
        raise UserError(
            Msg("Cannot read the slot time {local_time!r}: write it as HH:MM, e.g. 09:30.", local_time=local_time)
        )
    if weekday is not None and not 0 <= weekday <= 6:
        raise UserError(Msg("The weekday must be 0 (Monday) to 6 (Sunday)."))
    now = timeutil.now_utc()
    with store.write() as conn:
        permissions.require(conn, permissions.Permission.ADMIN)  # an account's settings
        found = queries.fetch_account(conn, account)
        clash = conn.execute(
            select(posting_slots.c.id).where(
                posting_slots.c.account_id == found.id,
                posting_slots.c.local_time == local_time.strip(),
                posting_slots.c.weekday.is_(None) if weekday is None else posting_slots.c.weekday == weekday,
            )
        ).first()
        if clash is not None:
            raise ConflictError(
                Msg("{account!r} already has a slot at {time}.", account=found.name, time=local_time.strip())
            )
        slot_id = new_id(
            conn.execute(
                posting_slots.insert().values(
                    account_id=found.id, weekday=weekday, local_time=local_time.strip(), created_at=now
                )
            )
        )
    return Slot(int(slot_id), found.id, weekday, local_time.strip())


def list_slots(store: Store, account: str) -> list[Slot]:
    """The account's slots, by weekday then time."""
    with store.read() as conn:
        found = queries.fetch_account(conn, account)
        rows = conn.execute(select(posting_slots).where(posting_slots.c.account_id == found.id)).all()
    slots = [Slot(r.id, r.account_id, r.weekday, r.local_time) for r in rows]
    return sorted(slots, key=lambda s: (-1 if s.weekday is None else s.weekday, s.local_time))


def remove_slot(store: Store, slot_id: int) -> None:
    """Delete one slot (scheduled variants keep their times)."""
    with store.write() as conn:
        permissions.require(conn, permissions.Permission.ADMIN)
        if conn.execute(posting_slots.delete().where(posting_slots.c.id == slot_id)).rowcount != 1:
            raise NotFoundError(Msg("No posting slot with id {slot_id}.", slot_id=slot_id))


def _candidates(slots: list[Slot], zone_name: str, after: datetime, days: int) -> list[datetime]:
    tz = timeutil.zone(zone_name)
    start = after.astimezone(tz).date()
    found: list[datetime] = []
    for offset in range(days + 1):
        day = start + timedelta(days=offset)
        for slot in slots:
            if slot.weekday is not None and slot.weekday != day.weekday():
                continue
            hour, minute = (int(p) for p in slot.local_time.split(":"))
            local = datetime.combine(day, time(hour, minute))
            instant = local.replace(tzinfo=tz, fold=0).astimezone(UTC)
            if instant.astimezone(tz).replace(tzinfo=None) != local:
                continue  # the slot does not exist that day (DST gap): skip, never guess
            if instant > after:
                found.append(instant)  # fold=0: in an autumn fold the first of the two
    return sorted(set(found))


@dataclass(frozen=True)
class SlotChoice:
    """A posting time chosen for a post, and why, in one sentence for the composer."""

    instant: datetime  # UTC
    reason: str


#: How far ahead a slot at a better hour is preferred to the next free one.
ADVICE_WINDOW = timedelta(days=7)
_DAY_NAMES = (
    Msg("Monday"),
    Msg("Tuesday"),
    Msg("Wednesday"),
    Msg("Thursday"),
    Msg("Friday"),
    Msg("Saturday"),
    Msg("Sunday"),
)


def _free_slots(store: Store, account_id: int, after: datetime, days: int) -> tuple[str, list[datetime]]:
    """The account's zone and its slots after ``after`` (within ``days``) that no variant occupies."""
    with store.read() as conn:
        zone_name = conn.execute(select(accounts.c.timezone).where(accounts.c.id == account_id)).scalar_one()
        rows = conn.execute(select(posting_slots).where(posting_slots.c.account_id == account_id)).all()
        slots = [Slot(r.id, r.account_id, r.weekday, r.local_time) for r in rows]
        if not slots:
            raise UserError(
                Msg(
                    "This account has no posting slots yet; add one with 'communique slot add'.",
                    app=in_app("This account has no posting slots yet; pick a time yourself."),
                )
            )
        candidates = _candidates(slots, zone_name, after, days)
        if not candidates:
            raise UserError(Msg("No posting slot exists in the coming year."))
        taken = set(
            conn.execute(
                select(variants.c.scheduled_at).where(
                    variants.c.account_id == account_id,
                    variants.c.status.in_(_TAKEN),
                    variants.c.scheduled_at >= candidates[0],
                    variants.c.scheduled_at <= candidates[-1],
                )
            ).scalars()
        )
    free = [instant for instant in candidates if instant not in taken]
    if not free:
        raise UserError(Msg("Every posting slot of the coming year is taken."))
    return zone_name, free


def _posts(count: int) -> str:
    return Msg("1 post") if count == 1 else Msg("{count} posts", count=count)


def suggest_slot(store: Store, account_id: int, after: datetime, *, days: int = 366) -> SlotChoice:
    """The slot to schedule ``account_id``'s next post at, after ``after``, with the reason.

    With best-time advice (enough history, see :mod:`core.queries.best_time`), the free slot of
    the next 7 days whose weekday and hour scored best, the earliest of equals; otherwise (or
    when no free slot of the week falls on an hour with history) the first free slot.
    """
    zone_name, free = _free_slots(store, account_id, after, days)
    advice = best_time(store, account_id, now=after)
    if not advice.advice:
        return SlotChoice(
            free[0], Msg("The next free slot (not enough history for advice: {posts}).", posts=_posts(advice.posts))
        )
    scores = {(c.weekday, c.hour): c.score for c in advice.cells if c.score is not None}
    best: tuple[float, datetime] | None = None
    for instant in free:
        if instant >= after + ADVICE_WINDOW:
            break
        local = timeutil.utc_to_local(instant, zone_name)
        score = scores.get((local.weekday(), local.hour))
        if score is not None and (best is None or score > best[0]):  # strictly better: ties keep the earlier
            best = (score, instant)
    if best is None:
        return SlotChoice(
            free[0],
            Msg(
                "The next free slot (none this week is at an hour with history among {posts}).",
                posts=_posts(advice.posts),
            ),
        )
    local = timeutil.utc_to_local(best[1], zone_name)
    return SlotChoice(
        best[1],
        Msg(
            "{day} {local:%H:%M}: the account's best free hour this week, from {posts} of history.",
            day=_DAY_NAMES[local.weekday()],
            local=local,
            posts=_posts(advice.posts),
        ),
    )


def next_free_slot(store: Store, account_id: int, after: datetime, *, days: int = 366) -> datetime:
    """The slot of ``account_id`` after ``after`` to post at: :func:`suggest_slot`'s instant.

    A free slot at a good hour within the week when the account's history allows advice,
    otherwise the first slot no variant of the account occupies.
    """
    return suggest_slot(store, account_id, after, days=days).instant


def schedule_to_next_slot(
    store: Store, variant_id: int, *, now: datetime | None = None, actor: str | None = None
) -> datetime:
    """Schedule ``variant_id`` at its account's next free slot; returns the UTC time chosen."""
    current = now or timeutil.now_utc()
    with store.read() as conn:
        row = conn.execute(
            select(variants.c.account_id, variants.c.status, variants.c.version).where(variants.c.id == variant_id)
        ).first()
    if row is None:
        raise NotFoundError(Msg("No variant with id {variant_id}.", variant_id=variant_id))
    instant = next_free_slot(store, row.account_id, current)
    with store.write() as conn:
        who = permissions.require(conn, permissions.Permission.SCHEDULE, [row.account_id], actor=actor).login
        posts.ensure_variant_publishable(conn, variant_id)
        zone_name = conn.execute(select(accounts.c.timezone).where(accounts.c.id == row.account_id)).scalar_one()
        if not scheduling.set_scheduled(
            conn, variant_id, version=row.version, instant=instant, zone_name=zone_name, now=current
        ):
            raise ConflictError(
                Msg("Variant {variant_id} changed or can no longer be scheduled; try again.", variant_id=variant_id)
            )
        audit.record(
            conn,
            actor=who,
            action=AuditAction.SCHEDULE,
            entity="variant",
            entity_id=variant_id,
            details={"slot": timeutil.utc_to_local(instant, zone_name).strftime("%Y-%m-%dT%H:%M"), "zone": zone_name},
            at=current,
        )
    return instant
