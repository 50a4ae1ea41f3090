"""Wall-clock times of the schedule editor, without Qt: gaps, folds, proposals."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.viewmodels import schedule
from app.viewmodels.schedule import ClockState, Plan
from core import queries
from core.errors import UserError
from core.services import accounts, posts
from core.store import Store
from core.timeutil import FoldChoice


def test_a_time_that_exists_once_is_ok() -> None:
    clock = schedule.read_wall_clock(datetime(2027, 6, 1, 9, 0), "Asia/Tokyo")
    assert clock.state is ClockState.OK and clock.instant == datetime(2027, 6, 1, 0, 0, tzinfo=UTC)


def test_a_time_in_the_spring_gap_is_refused_with_the_cores_sentence() -> None:
    clock = schedule.read_wall_clock(datetime(2027, 3, 28, 2, 30), "Europe/Berlin")
    assert clock.state is ClockState.GAP and clock.instant is None
    assert clock.sentence.startswith("2027-03-28 02:30 does not exist in Europe/Berlin")


def test_a_time_in_the_autumn_fold_needs_a_choice() -> None:
    local = datetime(2027, 10, 31, 2, 30)
    unchosen = schedule.read_wall_clock(local, "Europe/Berlin")
    assert unchosen.state is ClockState.FOLD and unchosen.instant is None and "happens twice" in unchosen.sentence
    assert unchosen.earlier == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    assert unchosen.later == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
    later = schedule.read_wall_clock(local, "Europe/Berlin", FoldChoice.LATER)
    assert later.instant == unchosen.later and later.sentence == ""


def test_the_proposal_is_an_hour_ahead_rounded_up_to_a_quarter() -> None:
    now = datetime(2027, 6, 1, 8, 7, 30, tzinfo=UTC)
    assert schedule.proposed_local("Asia/Tokyo", now) == datetime(2027, 6, 1, 18, 15)
    assert schedule.shown_local("2027-06-02T09:00", "Asia/Tokyo", now) == datetime(2027, 6, 2, 9, 0)
    assert schedule.shown_local(None, "Asia/Tokyo", now) == datetime(2027, 6, 1, 18, 15)


def test_schedule_all_checks_every_time_before_writing_any(store: Store) -> None:
    accounts.add_account(store, name="Tokyo (X)", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.add_account(store, name="Berlin (X)", platform="x", language="de", timezone="Europe/Berlin")
    post = posts.create_post(store, text="Hallo", accounts=["Tokyo (X)", "Berlin (X)"])
    # Within the core's five-year horizon; 2030-03-31 is Berlin's spring-forward night.
    plans = [Plan("Tokyo (X)", datetime(2030, 6, 1, 9, 0)), Plan("Berlin (X)", datetime(2030, 3, 31, 2, 30))]
    with pytest.raises(UserError, match="does not exist in Europe/Berlin"):
        schedule.schedule_all(store, post.id, plans)
    assert all(v.scheduled_at is None for v in queries.get_post(store, post.id).variants)
    plans[1] = Plan("Berlin (X)", datetime(2030, 6, 1, 9, 0))
    done = schedule.schedule_all(store, post.id, plans)
    assert {v.account_name: v.scheduled_at for v in done.variants} == {
        "Tokyo (X)": datetime(2030, 6, 1, 0, 0, tzinfo=UTC),
        "Berlin (X)": datetime(2030, 6, 1, 7, 0, tzinfo=UTC),
    }


def test_a_repeat_needs_a_rule(store: Store) -> None:
    with pytest.raises(UserError, match="Write a repeat rule first"):
        schedule.repeat(store, 1, "  ", datetime(2099, 1, 1, 9, 0))
