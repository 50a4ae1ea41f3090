"""Local wall-clock times in IANA zones, converted to UTC without guessing.

A press officer schedules "09:00 in Tokyo"; the store keeps UTC. Across DST changes a local
time can be missing (the spring-forward gap) or happen twice (the autumn fold). Neither is
guessed: a gap is refused, a fold needs an explicit choice.
"""

from __future__ import annotations

import enum
import functools
from datetime import UTC, datetime, timedelta
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from core.errors import UserError
from core.words import Msg

#: How far ahead a post may be scheduled: a century (fixtures and long plans use 2099). Past it a
#: typo (year 9999, 2207 for 2027) is far more likely than intent, and the far end of the calendar
#: overflows on conversion to UTC.
HORIZON_YEARS = 100
HORIZON = timedelta(days=HORIZON_YEARS * 36525 // 100)
#: Names some systems' zone folders hold that are no IANA zone, or depend on the machine:
#: the machine's own zone, a build default, the "zone not set" marker.
_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})


class FoldChoice(enum.StrEnum):
    """Which of the two instants to take when a local time happens twice."""

    EARLIER = "earlier"
    LATER = "later"


@functools.cache
def iana_names() -> frozenset[str]:
    """The IANA zone names, the same on every machine: those of the ``tzdata`` package (a dependency),
    else the system's, less the machine-dependent ones (``localtime``, ``posixrules``, ``Factory``,
    and the ``posix/`` and ``right/`` copies, the latter counting leap seconds)."""
    try:
        names = set(resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())
    except (ModuleNotFoundError, OSError):
        names = set(available_timezones())
    return frozenset(n for n in names if n not in _NOT_ZONES and not n.startswith(("posix/", "right/")))


def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``, or a :class:`UserError` naming it."""
    if not name or name not in iana_names():
        raise UserError(Msg("Unknown time zone {name!r}: use an IANA name such as Europe/Berlin.", name=name))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UserError(Msg("Unknown time zone {name!r}: use an IANA name such as Europe/Berlin.", name=name)) from None


def now_utc() -> datetime:
    """The current time, aware, in UTC. Tests replace the clock here."""
    return datetime.now(UTC)


def parse_local(text: str) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM[:SS]`` (or ISO ``T``) as a naive local wall-clock time."""
    cleaned = text.strip()
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise UserError(
            Msg("Cannot read the time {text!r}: write it as YYYY-MM-DD HH:MM, e.g. 2027-03-28 09:00.", text=text)
        ) from None
    if value.tzinfo is not None:
        raise UserError(
            Msg("The time {text!r} carries a UTC offset; give the local time of the account instead.", text=text)
        )
    return value


def local_to_utc(local: datetime, zone_name: str, fold: FoldChoice | None = None) -> datetime:
    """Convert a naive wall-clock time in ``zone_name`` to an aware UTC datetime.

    Raises :class:`UserError` when the local time does not exist (DST gap) or exists twice
    (DST fold) and no ``fold`` choice was given.
    """
    if local.tzinfo is not None:
        raise UserError(Msg("Give a local wall-clock time without a UTC offset."))
    tz = zone(zone_name)
    first = local.replace(tzinfo=tz, fold=0)
    second = local.replace(tzinfo=tz, fold=1)
    first_utc = first.astimezone(UTC)
    second_utc = second.astimezone(UTC)
    # A time in a gap does not survive the round trip back to the wall clock.
    if first_utc.astimezone(tz).replace(tzinfo=None) != local:
        raise UserError(
            Msg(
                "{local:%Y-%m-%d %H:%M} does not exist in {zone_name}: the clocks jump forward then. Pick a "
                "time outside the change.",
                local=local,
                zone_name=zone_name,
            )
        )
    if first_utc != second_utc:
        if fold is None:
            raise UserError(
                Msg(
                    "{local:%Y-%m-%d %H:%M} happens twice in {zone_name} (the clocks go back then); choose the "
                    "earlier or the later one.",
                    local=local,
                    zone_name=zone_name,
                )
            )
        return first_utc if fold is FoldChoice.EARLIER else second_utc
    return first_utc


def utc_to_local(instant: datetime, zone_name: str) -> datetime:
    """The aware local time of ``instant`` in ``zone_name``."""
    if instant.tzinfo is None:
        raise ValueError("instant must be aware")
    return instant.astimezone(zone(zone_name))


def within_horizon(local: datetime, now: datetime, horizon: timedelta = HORIZON) -> None:
    """Refuse a wall-clock time more than ``horizon`` after ``now`` (checked before any zone conversion,
    which overflows at the ends of the calendar); the message gives the dates in full."""
    latest = now.astimezone(UTC).replace(tzinfo=None) + horizon + timedelta(days=1)  # a day for any zone's offset
    if local > latest:
        raise UserError(
            Msg(
                "{local} is more than {years} years ahead; schedule posts before {latest}.",
                local=show(local),
                years=round(horizon.days / 365.25),
                latest=show(latest - timedelta(days=1)),
            )
        )


def show(moment: datetime) -> str:
    """``YYYY-MM-DD HH:MM`` with a four-digit year (``strftime`` drops the zeros of year 1 on some systems)."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"


def ensure_future(instant: datetime, now: datetime | None = None, slack: timedelta = timedelta(0)) -> None:
    """Refuse a time that has already passed (``slack`` allows a little clock skew)."""
    current = now or now_utc()
    if instant < current - slack:
        raise UserError(
            Msg(
                "{instant:%Y-%m-%d %H:%M} UTC is in the past; pick a time after {current:%Y-%m-%d %H:%M} UTC.",
                instant=instant,
                current=current,
            )
        )
