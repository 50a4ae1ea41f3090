"""Time zones and DST: scheduling, recurring posts and slots keep the account's wall clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from connectors.sandbox import Sandbox
from core import queries, timeutil
from core.domain import VariantStatus
from core.errors import UserError
from core.services import posts
from core.store import Store
from core.store.tables import variants
from scheduler import recurrence, slots
from scheduler.cadence import PollingPolicy
from scheduler.engine import EngineSettings
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, add_account, schedule, texts
from tests.support.stepping import step_through


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_a_time_in_the_berlin_spring_gap_is_refused_and_nothing_is_written(store: Store, sandbox: Sandbox) -> None:
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    with pytest.raises(UserError, match="does not exist in Europe/Berlin"):
        schedule(store, "berlin", datetime(2027, 3, 28, 2, 30), utc(2027, 3, 1))
    assert queries.list_posts(store) == []


@pytest.mark.parametrize(
    ("fold", "instant"),
    [(timeutil.FoldChoice.EARLIER, utc(2027, 10, 31, 0, 30)), (timeutil.FoldChoice.LATER, utc(2027, 10, 31, 1, 30))],
)
def test_the_berlin_autumn_fold_publishes_at_the_chosen_instant(
    store: Store,
    sandbox: Sandbox,
    make_engine: EngineMaker,
    clock: FakeClock,
    fold: timeutil.FoldChoice,
    instant: datetime,
) -> None:
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    clock.set(utc(2027, 10, 1))
    with pytest.raises(UserError, match="happens twice"):
        schedule(store, "berlin", datetime(2027, 10, 31, 2, 30), clock.now)
    variant_id = schedule(store, "berlin", datetime(2027, 10, 31, 2, 30), clock.now, fold=fold)
    engine = make_engine()
    clock.set(instant - timedelta(seconds=1))
    engine.sweep()
    assert texts(sandbox) == []
    assert engine.next_wake() == instant
    clock.set(instant)
    engine.sweep()
    assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
    assert texts(sandbox) == ["Hello"]


def test_tokyo_keeps_one_offset_all_year_and_publishes_at_local_0900(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    clock.set(utc(2027, 1, 1))
    winter = schedule(store, "tokyo", datetime(2027, 1, 11, 9, 0), clock.now, text="winter")
    summer = schedule(store, "tokyo", datetime(2027, 7, 12, 9, 0), clock.now, text="summer")
    assert queries.get_variant(store, winter).scheduled_at == utc(2027, 1, 11, 0, 0)
    assert queries.get_variant(store, summer).scheduled_at == utc(2027, 7, 12, 0, 0)
    engine = make_engine()
    for day in (utc(2027, 1, 11), utc(2027, 7, 12)):
        clock.set(day - timedelta(minutes=1))
        engine.sweep()
        clock.set(day)
        engine.sweep()
    assert texts(sandbox) == ["winter", "summer"]


def test_every_monday_0900_tokyo_is_midnight_utc_every_week() -> None:
    rule = recurrence.parse_rule("FREQ=WEEKLY;BYDAY=MO;COUNT=30", datetime(2027, 1, 4, 9, 0))
    instants = list(recurrence.occurrences_after(rule, "Asia/Tokyo", None))
    assert len(instants) == 30
    assert all((i.weekday(), i.hour, i.minute) == (0, 0, 0) for i in instants)


def test_a_daily_berlin_rule_keeps_0900_local_across_both_dst_changes() -> None:
    rule = recurrence.parse_rule("FREQ=DAILY", datetime(2027, 3, 27, 9, 0))
    march = recurrence.occurrences_after(rule, "Europe/Berlin", utc(2027, 3, 26, 12, 0))
    assert [next(march) for _ in range(3)] == [utc(2027, 3, 27, 8, 0), utc(2027, 3, 28, 7, 0), utc(2027, 3, 29, 7, 0)]
    october = recurrence.occurrences_after(rule, "Europe/Berlin", utc(2027, 10, 30, 0, 0))
    assert [next(october), next(october)] == [utc(2027, 10, 30, 7, 0), utc(2027, 10, 31, 8, 0)]


def test_occurrences_in_the_gap_move_forward_and_in_the_fold_take_the_first() -> None:
    rule = recurrence.parse_rule("FREQ=DAILY", datetime(2027, 3, 27, 2, 30))
    assert next(recurrence.occurrences_after(rule, "Europe/Berlin", utc(2027, 3, 27, 12, 0))) == utc(2027, 3, 28, 1, 30)
    fold_days = recurrence.occurrences_after(rule, "Europe/Berlin", utc(2027, 10, 30, 12, 0))
    assert [next(fold_days), next(fold_days)] == [utc(2027, 10, 31, 0, 30), utc(2027, 11, 1, 1, 30)]


def test_recurring_posts_become_variants_once_and_publish_each_week(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    template = posts.create_post(store, text="Weekly briefing", accounts=["tokyo"]).variants[0].id
    with pytest.raises(UserError, match="Cannot read the repetition rule"):
        recurrence.make_recurring(store, template, "EVERY MONDAY", datetime(2027, 1, 4, 9, 0))
    recurrence.make_recurring(store, template, "FREQ=WEEKLY;BYDAY=MO", datetime(2027, 1, 4, 9, 0))
    first = recurrence.next_occurrence_at(store)
    assert first is not None and (first.weekday(), first.hour, first.minute) == (0, 0, 0)
    engine = make_engine()
    clock.set(first - timedelta(days=2))
    assert engine.sweep().created == []  # beyond the one-day horizon: nothing yet
    published: list[int] = []
    for week in range(3):
        clock.set(first + timedelta(weeks=week) - timedelta(hours=1))
        created = engine.sweep().created  # inside the horizon: one variant, scheduled
        assert len(created) == 1 and queries.get_variant(store, created[0]).status is VariantStatus.SCHEDULED
        assert engine.sweep().created == []  # and only once
        clock.set(first + timedelta(weeks=week))
        assert [o.variant_id for o in engine.sweep().outcomes] == created
        published.extend(created)
    assert texts(sandbox) == ["Weekly briefing"]
    with store.read() as conn:
        rows = conn.execute(
            select(variants.c.status, variants.c.scheduled_at, variants.c.last_error_class)
            .where(variants.c.id.in_(published))
            .order_by(variants.c.id)
        ).all()
    assert [r.scheduled_at for r in rows] == [first + timedelta(weeks=w) for w in range(3)]
    # X refuses the same text twice: the first week publishes, later weeks fail as duplicates, visibly.
    assert [(r.status, r.last_error_class) for r in rows] == [("published", None)] + [("failed", "duplicate")] * 2


def test_a_date_placeholder_makes_each_occurrence_distinct_and_all_publish(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    template = posts.create_post(store, text="Briefing {date:%d.%m.%Y} at {time}", accounts=["tokyo"]).variants[0].id
    recurrence.make_recurring(store, template, "FREQ=WEEKLY;BYDAY=MO", datetime(2027, 1, 4, 9, 0))
    first = recurrence.next_occurrence_at(store)
    assert first is not None
    engine = make_engine()
    for week in range(3):
        clock.set(first + timedelta(weeks=week) - timedelta(hours=1))
        engine.sweep()
        clock.set(first + timedelta(weeks=week))
        assert [o.status for o in engine.sweep().outcomes] == [VariantStatus.PUBLISHED]
    local_days = [(first + timedelta(weeks=w)).astimezone(ZoneInfo("Asia/Tokyo")) for w in range(3)]
    assert texts(sandbox) == [f"Briefing {day:%d.%m.%Y} at 09:00" for day in local_days]


def test_render_occurrence_fills_only_known_placeholders() -> None:
    local = datetime(2027, 3, 1, 9, 5)
    assert recurrence.render_occurrence("{date} {time} {date:%A} {other}", local) == "2027-03-01 09:05 Monday {other}"
    assert recurrence.has_placeholder("Weekly {date}") and not recurrence.has_placeholder("Weekly {dates}")


def test_the_next_free_slot_skips_taken_slots_and_dst_gaps(store: Store, sandbox: Sandbox) -> None:
    berlin = add_account(store, sandbox, "berlin", "Europe/Berlin")
    slots.add_slot(store, "berlin", "02:30")  # every day; missing on 28 March
    slots.add_slot(store, "berlin", "09:00", slots.parse_weekday("sun"))
    with pytest.raises(UserError, match="HH:MM"):
        slots.add_slot(store, "berlin", "9am")
    start = utc(2027, 3, 27, 2, 0)  # Saturday 03:00 local
    assert slots.next_free_slot(store, berlin.id, start) == utc(2027, 3, 28, 7, 0)  # Sunday 09:00 CEST
    taken = schedule(store, "berlin", datetime(2027, 3, 28, 9, 0), start, text="taken")
    assert queries.get_variant(store, taken).scheduled_at == utc(2027, 3, 28, 7, 0)
    assert slots.next_free_slot(store, berlin.id, start) == utc(2027, 3, 29, 0, 30)  # Monday 02:30 CEST
    draft = posts.create_post(store, text="next", accounts=["berlin"]).variants[0].id
    assert slots.schedule_to_next_slot(store, draft, now=start) == utc(2027, 3, 29, 0, 30)
    variant = queries.get_variant(store, draft)
    assert (variant.status, variant.schedule_local) == (VariantStatus.SCHEDULED, "2027-03-29T02:30")


def test_posts_around_the_berlin_spring_gap_and_a_daily_0230_publish_at_their_instants(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    clock.set(utc(2027, 3, 26, 12, 0))
    evening = schedule(store, "berlin", datetime(2027, 3, 27, 21, 0), clock.now, text="Evening before")
    morning = schedule(store, "berlin", datetime(2027, 3, 28, 9, 0), clock.now, text="Morning after")
    template = posts.create_post(store, text="Night desk {date} {time}", accounts=["berlin"]).variants[0].id
    recurrence.make_recurring(store, template, "FREQ=DAILY;COUNT=3", datetime(2027, 3, 27, 2, 30))

    # The fake clock walks from Friday noon to Monday morning, through 02:00 -> 03:00 on Sunday.
    quiet = EngineSettings(polling=PollingPolicy(max_age=timedelta(minutes=30)))  # few engagement polls
    sent = step_through(make_engine(settings=quiet), clock, sandbox, utc(2027, 3, 29, 6, 0))

    expected = [
        ("Night desk 2027-03-27 02:30", utc(2027, 3, 27, 1, 30)),  # CET, UTC+1
        ("Evening before", utc(2027, 3, 27, 20, 0)),
        ("Night desk 2027-03-28 03:30", utc(2027, 3, 28, 1, 30)),  # 02:30 does not exist: moved an hour on
        ("Morning after", utc(2027, 3, 28, 7, 0)),  # CEST, UTC+2
        ("Night desk 2027-03-29 02:30", utc(2027, 3, 29, 0, 30)),
    ]
    # The emulator's record: each text once, in this order, each sent at its instant.
    assert texts(sandbox) == [text for text, _ in expected]
    assert [(text, sent[text]) for text, _ in expected] == expected
    with store.read() as conn:
        rows = conn.execute(
            select(variants.c.text, variants.c.status, variants.c.scheduled_at, variants.c.published_at)
            .where(variants.c.status != VariantStatus.DRAFT.value)
            .order_by(variants.c.scheduled_at)
        ).all()
    assert [(r.text, r.status, r.scheduled_at, r.published_at) for r in rows] == [
        (text, "published", at, at) for text, at in expected
    ]
    assert {queries.get_variant(store, v).schedule_local for v in (evening, morning)} == {
        "2027-03-27T21:00",
        "2027-03-28T09:00",
    }
