"""Recurrences stop: by request, when their template is cancelled, and never repeat more than hourly."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from connectors.sandbox import Sandbox
from core import timeutil
from core.domain import VariantStatus
from core.errors import UserError
from core.services import audit, posts
from core.store import Store
from core.store.tables import recurrences, variants
from scheduler import recurrence, services
from tests.scheduler.conftest import EngineMaker, add_account, texts
from tests.scheduler.fakes import FakeClock

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
    trail = audit.list_events(store, entity="recurrence", entity_id=recurrence_id)
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
    assert audit.list_events(store, entity="recurrence", entity_id=recurrence_id)[0].action == "stop"


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
    reason = audit.list_events(store, entity="recurrence", entity_id=bad)[0].details["reason"]
    assert "at most hourly" in reason
    assert posts.get_variant(store, flood).status is VariantStatus.DRAFT
