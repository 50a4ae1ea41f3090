""" "Next free slot" in the schedule editor: the proposed time on the account's clock, with the reason."""

from __future__ import annotations

from datetime import UTC, datetime

from app.viewmodels import schedule
from core.services import accounts
from core.store import Store
from scheduler import slots


def test_the_next_slot_comes_with_the_reason_it_was_chosen(store: Store) -> None:
    tokyo = accounts.add_account(store, name="Tokyo (X)", platform="x", language="ja", timezone="Asia/Tokyo")
    slots.add_slot(store, "Tokyo (X)", "09:30")
    now = datetime(2027, 6, 1, 3, 0, tzinfo=UTC)  # 12:00 in Tokyo: today's slot has passed

    hint = schedule.next_slot(store, tokyo.id, "Asia/Tokyo", now)

    assert hint.local == datetime(2027, 6, 2, 9, 30)  # the account's wall clock, not UTC
    assert hint.reason == slots.suggest_slot(store, tokyo.id, now).reason
    assert "not enough history" in hint.reason  # no posts yet: the first free slot, and it says so
