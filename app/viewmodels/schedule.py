"""Scheduling a variant: wall-clock times in the account's zone, DST gaps and folds, slots, now, repeats.

A time is read in the account's own zone ("09:00 in Tokyo"); the officer's own clock is shown
beside it. A time in a DST gap is refused with the core's sentence; a time that happens twice
(the autumn fold) needs the person to choose the earlier or the later one. Nothing is guessed.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from core import queries, timeutil
from core.domain import Post
from core.errors import UserError, message_of
from core.services import posts, scheduling
from core.store import Store
from core.timeutil import FoldChoice
from scheduler import recurrence, slots
from scheduler import services as scheduler_services
from scheduler.publisher import Outcome

#: How far ahead a new variant's time is proposed, and the step it is rounded up to.
PROPOSE_AHEAD = timedelta(hours=1)
ROUND_TO_MINUTES = 15


class ClockState(enum.StrEnum):
    """What a wall-clock time is in its zone."""

    OK = "ok"  # exists once
    FOLD = "fold"  # exists twice: earlier or later must be chosen
    GAP = "gap"  # does not exist (the clocks jump forward)


@dataclass(frozen=True)
class WallClock:
    """A local time read in a zone."""

    state: ClockState
    instant: datetime | None  # UTC; None in a gap, or in a fold without a choice
    sentence: str = ""  # the core's sentence for a gap or an unchosen fold
    earlier: datetime | None = None  # in a fold: both instants, to show the choice
    later: datetime | None = None


def read_wall_clock(local: datetime, zone: str, fold: FoldChoice | None = None) -> WallClock:
    """``local`` on ``zone``'s wall clock: once, twice (a fold) or never (a gap)."""
    try:
        earlier = timeutil.local_to_utc(local, zone, FoldChoice.EARLIER)
    except UserError as error:
        return WallClock(ClockState.GAP, None, message_of(error))  # keeps the template for the app's words
    later = timeutil.local_to_utc(local, zone, FoldChoice.LATER)
    if earlier == later:
        return WallClock(ClockState.OK, earlier)
    if fold is None:
        try:
            timeutil.local_to_utc(local, zone)
        except UserError as error:
            return WallClock(ClockState.FOLD, None, message_of(error), earlier, later)
    return WallClock(ClockState.FOLD, earlier if fold is FoldChoice.EARLIER else later, "", earlier, later)


def officer_time(instant: datetime) -> datetime:
    """``instant`` on this computer's own clock (aware)."""
    return instant.astimezone()


def proposed_local(zone: str, now: datetime | None = None) -> datetime:
    """A first time to offer: an hour from now in ``zone``, rounded up to a quarter hour (naive)."""
    local = timeutil.utc_to_local((now or timeutil.now_utc()) + PROPOSE_AHEAD, zone).replace(tzinfo=None)
    local = local.replace(second=0, microsecond=0)
    extra = (-local.minute) % ROUND_TO_MINUTES
    return local + timedelta(minutes=extra)


def shown_local(variant_local: str | None, zone: str, now: datetime | None = None) -> datetime:
    """The time a pane starts with: the variant's chosen wall-clock time, else a proposal."""
    if variant_local:
        try:
            return datetime.fromisoformat(variant_local)
        except ValueError:
            pass
    return proposed_local(zone, now)


# --- work (in operations) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """One variant's chosen time, on its account's wall clock."""

    account: str
    local: datetime
    fold: FoldChoice | None = None


def schedule_all(store: Store, post_id: int, plans: Sequence[Plan]) -> Post:
    """Schedule each planned variant at its own time; every time is checked before the first is written."""
    if not plans:
        raise UserError("Nothing to schedule: every variant is already on its way or repeating.")
    now = timeutil.now_utc()
    for plan in plans:
        scheduling.future_instant(queries.get_account(store, plan.account), plan.local, plan.fold, now)
    for plan in plans:
        posts.schedule_post(store, post_id, plan.local, fold=plan.fold, accounts=[plan.account])
    return queries.get_post(store, post_id)


@dataclass(frozen=True)
class SlotHint:
    """A time "Next free slot" proposes, on the account's wall clock (naive), and why it was chosen."""

    local: datetime
    reason: str


def next_slot(store: Store, account_id: int, zone: str, now: datetime | None = None) -> SlotHint:
    """The account's next free posting slot at a good hour, on its wall clock, with the reason in one sentence."""
    choice = slots.suggest_slot(store, account_id, now or timeutil.now_utc())
    return SlotHint(timeutil.utc_to_local(choice.instant, zone).replace(tzinfo=None), choice.reason)


def publish(store: Store, variant_id: int) -> Outcome | None:
    """Publish one variant now (the network: run it in an operation)."""
    return scheduler_services.publish_now(store, variant_id)


def repeat(store: Store, variant_id: int, rule: str, start_local: datetime) -> int:
    """Repeat the variant by an RFC 5545 rule (e.g. ``FREQ=WEEKLY;BYDAY=MO``) from ``start_local``."""
    if not rule.strip():
        raise UserError("Write a repeat rule first, e.g. FREQ=WEEKLY;BYDAY=MO.")
    return recurrence.make_recurring(store, variant_id, rule.strip(), start_local)
