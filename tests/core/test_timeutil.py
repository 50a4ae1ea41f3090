"""Local wall-clock times to UTC across DST changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core import timeutil
from core.errors import UserError


def test_tokyo_has_no_dst_and_is_nine_hours_ahead() -> None:
    assert timeutil.local_to_utc(datetime(2027, 3, 28, 9, 0), "Asia/Tokyo") == datetime(2027, 3, 28, 0, 0, tzinfo=UTC)
    assert timeutil.local_to_utc(datetime(2027, 10, 31, 2, 30), "Asia/Tokyo") == datetime(
        2027, 10, 30, 17, 30, tzinfo=UTC
    )


def test_berlin_spring_gap_is_refused() -> None:
    with pytest.raises(UserError, match="does not exist in Europe/Berlin"):
        timeutil.local_to_utc(datetime(2027, 3, 28, 2, 30), "Europe/Berlin")


def test_berlin_times_around_the_gap_use_the_right_offset() -> None:
    before = timeutil.local_to_utc(datetime(2027, 3, 28, 1, 59), "Europe/Berlin")
    after = timeutil.local_to_utc(datetime(2027, 3, 28, 3, 0), "Europe/Berlin")
    assert before == datetime(2027, 3, 28, 0, 59, tzinfo=UTC)  # CET, +01:00
    assert after == datetime(2027, 3, 28, 1, 0, tzinfo=UTC)  # CEST, +02:00


def test_berlin_autumn_fold_needs_a_choice() -> None:
    local = datetime(2027, 10, 31, 2, 30)
    with pytest.raises(UserError, match="happens twice"):
        timeutil.local_to_utc(local, "Europe/Berlin")
    earlier = timeutil.local_to_utc(local, "Europe/Berlin", timeutil.FoldChoice.EARLIER)
    later = timeutil.local_to_utc(local, "Europe/Berlin", timeutil.FoldChoice.LATER)
    assert earlier == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    assert later == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize("name", ["Mars/Olympus", "", " Europe/Berlin", "../etc/passwd", "Europe/../UTC"])
def test_unknown_zones_are_refused(name: str) -> None:
    with pytest.raises(UserError, match="Unknown time zone"):
        timeutil.zone(name)


def test_parse_local_refuses_offsets_and_garbage() -> None:
    assert timeutil.parse_local("2027-03-28 09:00") == datetime(2027, 3, 28, 9, 0)
    assert timeutil.parse_local("2027-03-28T09:00:30") == datetime(2027, 3, 28, 9, 0, 30)
    with pytest.raises(UserError, match="UTC offset"):
        timeutil.parse_local("2027-03-28T09:00+02:00")
    with pytest.raises(UserError, match="YYYY-MM-DD HH:MM"):
        timeutil.parse_local("next tuesday")


def test_past_times_are_refused() -> None:
    now = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
    timeutil.ensure_future(datetime(2027, 1, 1, 12, 1, tzinfo=UTC), now)
    with pytest.raises(UserError, match="in the past"):
        timeutil.ensure_future(datetime(2027, 1, 1, 11, 59, tzinfo=UTC), now)
