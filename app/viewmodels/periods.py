"""A list screen's period filter without Qt: its choices, and the UTC instants a choice covers.

The Audit and Feedback screens read a period the same way: whole days on the officer's calendar
(a preset ending today, or two dates), turned into ``[since, until)`` UTC instants for a query.
"All time" bounds nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from core.errors import UserError

#: The officer's zone: a zone, or ``None`` for the computer's own.
Zone = tzinfo | None


class Preset(enum.StrEnum):
    """The period filter's choices."""

    TODAY = "today"
    LAST_7_DAYS = "last_7_days"
    LAST_30_DAYS = "last_30_days"
    LAST_90_DAYS = "last_90_days"
    ALL = "all"
    CUSTOM = "custom"


#: How many days (today included) each rolling preset covers.
DAYS = {Preset.TODAY: 1, Preset.LAST_7_DAYS: 7, Preset.LAST_30_DAYS: 30, Preset.LAST_90_DAYS: 90}


def midnight(day: date, zone: Zone) -> datetime:
    """The start of ``day`` on the officer's clock, as a UTC instant."""
    local = datetime.combine(day, time())
    # ``None``: the system's own rules for that very day (a fixed offset would miss a DST change).
    aware = local.astimezone() if zone is None else local.replace(tzinfo=zone)
    return aware.astimezone(UTC)


@dataclass(frozen=True)
class PeriodFilter:
    """The period part of a screen's filters; a screen's own ``Filters`` adds its lists to it."""

    preset: Preset = Preset.LAST_30_DAYS
    first: date | None = None  # custom period only, inclusive
    last: date | None = None

    def bounds(self, today: date, zone: Zone) -> tuple[datetime | None, datetime | None]:
        """``(since, until)``: the period's UTC instants, the days read on the officer's clock.

        ``None`` leaves that end open ("All time"); a custom period needs both dates, the first
        not after the last (a :class:`UserError` otherwise).
        """
        if self.preset in DAYS:
            first = today - timedelta(days=DAYS[self.preset] - 1)
            return midnight(first, zone), midnight(today + timedelta(days=1), zone)
        if self.preset is Preset.CUSTOM:
            if self.first is None or self.last is None:
                raise UserError("Choose both dates of the period.")
            if self.first > self.last:
                raise UserError("The period ends before it begins: choose a later end date.")
            return midnight(self.first, zone), midnight(self.last + timedelta(days=1), zone)
        return None, None
