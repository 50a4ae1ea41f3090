"""Recurrences stop (by request, when their template is cancelled), never repeat more than hourly,
and give one post per instant across DST changes."""

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
from core.store.tables import recurrences, variants
from scheduler import recurrence, services
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, add_account, texts
from tests.support.stepping import step_through

START = datetime(2027, 1, 4, 9, 0)  # a Monday, 09:00 on the account's wall clock


def _active(store: Store, recurrence_id: int) -> bool:
    with store.read() as conn:
        return bool(conn.execute(select(recurrences.c.active).where(recurrences.c.id == recurrence_id)).scalar_one())


def _occurrences(store: Store, recurrence_id: int) -> list[str]:
    with store.read() as conn:
        return list(
            conn.execute(
                select(variants.c.status).where(variants.c.recurrence_id == recurrence_id).order_by(variants.c.id)
            ).scalars()
        )


@pytest.mark.parametrize(
    "rule",
    ["FREQ=MINUTELY", "FREQ=SECONDLY", "FREQ=HOURLY;BYMINUTE=0,30", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0,15"],
)
def test_rules_more_frequent_than_hourly_are_refused(rule: str) -> None:
    with pytest.raises(UserError, match="at most hourly"):
        recurrence.parse_rule(rule, START)


def test_hourly_and_slower_rules_are_accepted() -> None:
    for rule in ("FREQ=HOURLY", "FREQ=DAILY;BYHOUR=9,10", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=MONTHLY"):
        assert next(iter(recurrence.parse_rule(rule, START))) == START


def test_cancelling_the_template_stops_its_recurrence(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    template = posts.create_post(store, text="Daily {date}", accounts=["tokyo"])
    recurrence_id = recurrence.make_recurring(store, template.variants[0].id, "FREQ=DAILY", START)
    first = recurrence.next_occurrence_at(store)
    assert first is not None
    engine = make_engine()
    clock.set(first - timedelta(hours=1))
    assert len(engine.sweep().created) == 1

    posts.cancel_post(store, template.id)
    for day in range(1, 4):
        clock.set(first + timedelta(days=day) - timedelta(hours=1))
        assert engine.sweep().created == []

    assert not _active(store, recurrence_id) and recurrence.next_occurrence_at(store) is None
    assert len(_occurrences(store, recurrence_id)) == 1  # the one created before the cancel, left as it was
    trail = queries.list_events(store, entity="recurrence", entity_id=recurrence_id)
    assert trail[0].action == "stop" and "cancelled" in trail[0].details["reason"]


def test_stopping_a_recurrence_cancels_what_it_scheduled_and_creates_nothing_more(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    template = posts.create_post(store, text="Weekly {date}", accounts=["tokyo"]).variants[0].id
    recurrence_id = recurrence.make_recurring(store, template, "FREQ=WEEKLY;BYDAY=MO", START)
    first = recurrence.next_occurrence_at(store)
    assert first is not None
    engine = make_engine()
    clock.set(first - timedelta(hours=1))
    created = engine.sweep().created
    assert _occurrences(store, recurrence_id) == ["scheduled"]

    assert services.stop_recurrence(store, recurrence_id) == created
    for week in range(3):
        clock.set(first + timedelta(weeks=week))
        report = engine.sweep()
        assert report.created == [] and report.outcomes == []

    assert _occurrences(store, recurrence_id) == ["cancelled"] and texts(sandbox) == []
    listed = services.list_recurrences(store)
    assert [(r.id, r.active, r.next_at, r.account) for r in listed] == [(recurrence_id, False, None, "tokyo")]
    assert queries.list_events(store, entity="recurrence", entity_id=recurrence_id)[0].action == "stop"


def test_a_stored_rule_now_refused_is_stopped_without_holding_the_others_back(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    flood = posts.create_post(store, text="Flood {time}", accounts=["tokyo"]).variants[0].id
    weekly = posts.create_post(store, text="Weekly {date}", accounts=["tokyo"]).variants[0].id
    good = recurrence.make_recurring(store, weekly, "FREQ=WEEKLY;BYDAY=MO", START)
    now = timeutil.now_utc()
    with store.write() as conn:  # written before rules were checked for frequency
        bad = conn.execute(
            recurrences.insert().values(
                template_variant_id=flood,
                rule="FREQ=MINUTELY",
                dtstart_local="2027-01-04T09:00",
                zone="Asia/Tokyo",
                last_occurrence_at=now,
                active=True,
                created_at=now,
                updated_at=now,
            )
        ).inserted_primary_key[0]
    first = recurrence.next_occurrence_at(store)
    assert first is not None and first.weekday() == 0  # the refused rule gives no wake-up either
    clock.set(first - timedelta(hours=1))
    report = make_engine().sweep()
    assert len(report.created) == 1 and report.failed == []
    assert _occurrences(store, good) == ["scheduled"] and _occurrences(store, bad) == []
    assert not _active(store, bad) and _active(store, good)
    reason = queries.list_events(store, entity="recurrence", entity_id=bad)[0].details["reason"]
    assert "at most hourly" in reason
    assert queries.get_variant(store, flood).status is VariantStatus.DRAFT


# --- DST: one post per instant, every hour of an hourly rule ---------------------------------------

BERLIN = "Europe/Berlin"


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def _expand(rule: str, start: datetime, count: int) -> list[tuple[datetime, str]]:
    """The first ``count`` instants of ``rule`` in Berlin, each with the ``{time}`` its text shows."""
    instants = recurrence.occurrences_after(recurrence.parse_rule(rule, start), BERLIN, None)
    found = [next(instants) for _ in range(count)]
    return [(i, recurrence.render_occurrence("{time}", i.astimezone(ZoneInfo(BERLIN)))) for i in found]


def test_an_hourly_rule_across_the_spring_gap_posts_once_an_hour_never_twice_at_one_instant() -> None:
    # 02:00 does not exist on 28 March 2027: moved forward it would be 03:00, which the rule has already.
    assert _expand("FREQ=HOURLY", datetime(2027, 3, 28, 0, 0), 5) == [
        (_utc(2027, 3, 27, 23, 0), "00:00"),
        (_utc(2027, 3, 28, 0, 0), "01:00"),
        (_utc(2027, 3, 28, 1, 0), "03:00"),
        (_utc(2027, 3, 28, 2, 0), "04:00"),
        (_utc(2027, 3, 28, 3, 0), "05:00"),
    ]


def test_byhour_2_and_3_on_the_spring_gap_day_is_one_post_at_0300() -> None:
    assert _expand("FREQ=DAILY;BYHOUR=2,3", datetime(2027, 3, 27, 0, 0), 5) == [
        (_utc(2027, 3, 27, 1, 0), "02:00"),
        (_utc(2027, 3, 27, 2, 0), "03:00"),
        (_utc(2027, 3, 28, 1, 0), "03:00"),  # 02:00 moved out of the gap is 03:00: once
        (_utc(2027, 3, 29, 0, 0), "02:00"),
        (_utc(2027, 3, 29, 1, 0), "03:00"),
    ]


def test_an_hourly_rule_posts_in_both_0200s_of_the_autumn_fold_and_says_which() -> None:
    assert _expand("FREQ=HOURLY", datetime(2027, 10, 31, 1, 0), 4) == [
        (_utc(2027, 10, 30, 23, 0), "01:00"),
        (_utc(2027, 10, 31, 0, 0), "02:00 CEST"),
        (_utc(2027, 10, 31, 1, 0), "02:00 CET"),  # the repeated hour: every hour keeps its post
        (_utc(2027, 10, 31, 2, 0), "03:00"),
    ]


@pytest.mark.parametrize("rule", ["FREQ=DAILY;BYHOUR=2,3", "FREQ=HOURLY;BYHOUR=2,3", "FREQ=HOURLY;INTERVAL=2"])
def test_rules_naming_clock_times_take_the_first_0200_of_the_fold(rule: str) -> None:
    found = [i for i, _ in _expand(rule, datetime(2027, 10, 30, 0, 0), 30) if i.date() == _utc(2027, 10, 31).date()]
    assert _utc(2027, 10, 31, 0, 0) in found and _utc(2027, 10, 31, 1, 0) not in found
    assert recurrence.means_every_hour(recurrence.parse_rule("FREQ=HOURLY", START))
    assert not recurrence.means_every_hour(recurrence.parse_rule(rule, START))


def _published_texts(store: Store, recurrence_id: int) -> list[tuple[str, str, datetime]]:
    with store.read() as conn:
        rows = conn.execute(
            select(variants.c.status, variants.c.text, variants.c.scheduled_at)
            .where(variants.c.recurrence_id == recurrence_id)
            .order_by(variants.c.scheduled_at)
        ).all()
    return [(r.status, r.text, r.scheduled_at) for r in rows]


def _run_hourly(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, rule: str, start: datetime
) -> tuple[int, dict[str, datetime]]:
    """Repeat "Hourly update {time}" to a Berlin account by ``rule`` from ``start`` and run the engine
    from half a day before ``start`` to half a day after; returns the recurrence and what the emulator got when."""
    add_account(store, sandbox, "berlin", BERLIN)
    template = posts.create_post(store, text="Hourly update {time}", accounts=["berlin"]).variants[0].id
    rid = recurrence.make_recurring(store, template, rule, start)
    begin = start.replace(tzinfo=ZoneInfo(BERLIN)).astimezone(UTC)
    clock.set(begin - timedelta(hours=12))
    return rid, step_through(make_engine(), clock, sandbox, begin + timedelta(hours=12))


def test_an_hourly_post_across_the_spring_gap_reaches_the_emulator_once_per_hour(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    rid, sent = _run_hourly(store, sandbox, make_engine, clock, "FREQ=HOURLY;COUNT=6", datetime(2027, 3, 28, 0, 0))
    hours = [_utc(2027, 3, 27, 23, 0)] + [_utc(2027, 3, 28, h, 0) for h in range(4)]
    wanted = [f"Hourly update {t}" for t in ("00:00", "01:00", "03:00", "04:00", "05:00")]
    assert texts(sandbox) == wanted  # no second post at 01:00 UTC, nothing refused as a duplicate
    assert [sent[t] for t in wanted] == hours
    assert _published_texts(store, rid) == [("published", t, h) for t, h in zip(wanted, hours, strict=True)]


def test_an_hourly_post_across_the_autumn_fold_goes_out_in_both_0200s(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    rule = "FREQ=HOURLY;UNTIL=20271031T033000"
    rid, sent = _run_hourly(store, sandbox, make_engine, clock, rule, datetime(2027, 10, 31, 1, 0))
    hours = [_utc(2027, 10, 30, 23, 0)] + [_utc(2027, 10, 31, h, 0) for h in range(3)]
    wanted = [f"Hourly update {t}" for t in ("01:00", "02:00 CEST", "02:00 CET", "03:00")]
    assert texts(sandbox) == wanted
    assert [sent[t] for t in wanted] == hours
    assert [status for status, _, _ in _published_texts(store, rid)] == ["published"] * 4
