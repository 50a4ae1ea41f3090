"""Times on screen: the account's wall clock, the officer's own, periods, and moves on a calendar.

Qt-free on purpose (a test checks it without a window). The "officer's zone" is a ``tzinfo``,
or ``None`` for the computer's own zone: ``datetime.astimezone(None)`` follows the system's
DST rules for each instant, which a fixed offset read once at start would not.
"""

from __future__ import annotations

import enum
import os
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from core import timeutil
from core.errors import UserError
from core.queries.queue import QueueRow

#: The officer's zone: a zone, or ``None`` for the computer's own.
Zone = tzinfo | None


class Span(enum.StrEnum):
    """How much a calendar shows."""

    WEEK = "week"
    MONTH = "month"


class Period(enum.StrEnum):
    """The queue's period filter."""

    ANY = "any"
    TODAY = "today"
    NEXT_7_DAYS = "next_7_days"
    LAST_7_DAYS = "last_7_days"
    THIS_MONTH = "this_month"
    CUSTOM = "custom"


def officer_zone() -> Zone:
    """The computer's own zone as an IANA zone when it can be named (``TZ``, ``/etc/localtime``), else ``None``.

    A named zone shows its name on screen ("Europe/London"); ``None`` still converts correctly
    through the system's own rules, it only has no name to show.
    """
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        candidates.append(str(localtime.resolve()).partition("/zoneinfo/")[2])
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(encoding="utf-8", errors="replace").strip())
    for name in candidates:
        if name:
            try:
                return timeutil.zone(name)
            except UserError:
                continue
    return None


def officer_time(instant: datetime, zone: Zone) -> datetime:
    """``instant`` on the officer's wall clock (aware)."""
    return instant.astimezone(zone)


def officer_instant(local: datetime, zone: Zone) -> datetime:
    """The aware instant of the officer's naive wall-clock ``local`` (the first one in a fold)."""
    if zone is None:
        return local.astimezone()
    return local.replace(tzinfo=zone, fold=0)


def zone_label(zone: Zone, now: datetime | None = None) -> str:
    """A short name for the officer's zone: its IANA key, else its abbreviation and offset."""
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    moment = (now or timeutil.now_utc()).astimezone(zone)
    name = moment.strftime("%Z")
    return name if name.upper() == "UTC" else moment.strftime("%Z (UTC%z)")


def stamp(instant: datetime | None, zone_name: str | None = None, zone: Zone = None) -> str:
    """``2027-02-01 09:00 JST`` in ``zone_name`` (else ``zone``); empty for no time."""
    if instant is None:
        return ""
    local = timeutil.utc_to_local(instant, zone_name) if zone_name else instant.astimezone(zone)
    return local.strftime("%Y-%m-%d %H:%M %Z").strip()


def account_local(row: QueueRow, zone_name: str) -> datetime | None:
    """The row's naive wall-clock time on its account's clock (the one it was scheduled by)."""
    if row.schedule_local and row.schedule_zone:
        return datetime.fromisoformat(row.schedule_local)
    if row.at is None:
        return None
    return timeutil.utc_to_local(row.at, zone_name).replace(tzinfo=None)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def span_days(span: Span, anchor: date) -> tuple[date, int]:
    """The first day and the number of days a calendar shows around ``anchor``.

    A month shows six whole weeks from the Monday on or before its first day, so every month
    fits and the grid never changes height.
    """
    if span is Span.WEEK:
        return week_start(anchor), 7
    return week_start(anchor.replace(day=1)), 42


def shift(span: Span, anchor: date, steps: int) -> date:
    """``anchor`` moved by ``steps`` weeks or months (a month keeps the day, clamped to its end)."""
    if span is Span.WEEK:
        return anchor + timedelta(weeks=steps)
    month_index = anchor.year * 12 + anchor.month - 1 + steps
    year, month = divmod(month_index, 12)
    first = date(year, month + 1, 1)
    following = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return first.replace(day=min(anchor.day, (following - first).days))


def utc_range(first_day: date, days: int, zone: Zone) -> tuple[datetime, datetime]:
    """``[first_day 00:00, first_day + days 00:00)`` on the officer's clock, in UTC."""
    start = officer_instant(datetime.combine(first_day, time()), zone)
    end = officer_instant(datetime.combine(first_day + timedelta(days=days), time()), zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def period_range(period: Period, today: date, zone: Zone) -> tuple[datetime | None, datetime | None]:
    """The UTC bounds of one of the queue's named periods (``ANY``/``CUSTOM``: no bounds)."""
    if period is Period.TODAY:
        return utc_range(today, 1, zone)
    if period is Period.NEXT_7_DAYS:
        return utc_range(today, 7, zone)
    if period is Period.LAST_7_DAYS:
        return utc_range(today - timedelta(days=6), 7, zone)
    if period is Period.THIS_MONTH:
        first = today.replace(day=1)
        return utc_range(first, (shift(Span.MONTH, first, 1) - first).days, zone)
    return None, None


def moved_to_day(row: QueueRow, zone_name: str, day: date, zone: Zone) -> datetime:
    """The account's new naive time when ``row`` is dropped on ``day``: another date, the same clock time.

    The days are counted on the officer's calendar (where it was dropped) and the account's
    wall-clock time is kept, so "09:00 in Tokyo" stays 09:00 in Tokyo. The scheduling service
    refuses the result if it falls in a DST gap or fold of the account's zone.
    """
    if row.at is None:
        raise ValueError("a variant without a time has no day to move from")
    local = account_local(row, zone_name)
    assert local is not None
    return local + (day - officer_time(row.at, zone).date())


def moved_to_slot(
    row: QueueRow, zone_name: str, day: date, hour: int, zone: Zone
) -> tuple[datetime, timeutil.FoldChoice]:
    """The account's new naive time (and which of a fold's two) for a drop on ``day`` at ``hour``.

    The drop names an hour on the officer's clock; the minutes are kept. That one instant is
    then read on the account's clock; when that reading happens twice (a fold there), the fold
    choice says which one the officer pointed at, so nothing is guessed.
    """
    if row.at is None:
        raise ValueError("a variant without a time has no minutes to keep")
    minute = officer_time(row.at, zone).minute
    instant = officer_instant(datetime.combine(day, time(hour, minute)), zone)
    there = timeutil.utc_to_local(instant.astimezone(UTC), zone_name)
    fold = timeutil.FoldChoice.LATER if there.fold else timeutil.FoldChoice.EARLIER
    return there.replace(tzinfo=None), fold


def is_ambiguous(local: datetime, zone_name: str) -> bool:
    """Whether the naive ``local`` happens twice in ``zone_name`` (the clocks go back then)."""
    try:
        earlier = timeutil.local_to_utc(local, zone_name, timeutil.FoldChoice.EARLIER)
        later = timeutil.local_to_utc(local, zone_name, timeutil.FoldChoice.LATER)
    except UserError:  # a gap (or an unknown zone): not a fold
        return False
    return earlier != later
