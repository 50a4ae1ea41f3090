"""The composer's next free slot prefers a good hour once the account's history allows advice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.store import Store
from core.store.tables import variants
from scheduler import slots
from tests.support.engagement_history import GeneratedVariant, add_accounts, publish, read

MONDAY = datetime(2027, 5, 3, 6, 0, tzinfo=UTC)  # 08:00 in Berlin (CEST)


def _history(store: Store, account_id: int, at: datetime, reactions: int) -> None:
    variant = GeneratedVariant(0, 0, account_id, "Berlin", "facebook", "de", "Europe/Berlin", at, "Hallo")
    variant.variant_id, variant.post_id = publish(store, account_id, "de", at, variant.text)
    read(store, variant, at + timedelta(hours=20), reactions=reactions)


def _occupy(store: Store, account_id: int, instant: datetime) -> None:
    variant_id, _post = publish(store, account_id, "de", instant, "taken")
    with store.write() as conn:
        conn.execute(
            variants.update()
            .where(variants.c.id == variant_id)
            .values(status="scheduled", scheduled_at=instant, published_at=None)
        )


def test_without_enough_history_the_next_free_slot_is_the_first_one(any_store: Store) -> None:
    berlin = add_accounts(any_store)["Berlin"]
    slots.add_slot(any_store, "Berlin", "09:00")
    slots.add_slot(any_store, "Berlin", "18:00")
    for day in range(3):
        _history(any_store, berlin, datetime(2027, 4, 6, 16, 0, tzinfo=UTC) + timedelta(days=day), 40)
    choice = slots.suggest_slot(any_store, berlin, MONDAY)
    assert choice == slots.SlotChoice(
        datetime(2027, 5, 3, 7, 0, tzinfo=UTC), "The next free slot (not enough history for advice: 3 posts)."
    )
    assert slots.next_free_slot(any_store, berlin, MONDAY) == choice.instant


def test_with_advice_the_best_scoring_free_slot_of_the_week_wins(any_store: Store) -> None:
    berlin = add_accounts(any_store)["Berlin"]
    slots.add_slot(any_store, "Berlin", "09:00")
    slots.add_slot(any_store, "Berlin", "18:00")
    for day in range(12):  # every day at 09:00, a modest score
        _history(any_store, berlin, datetime(2027, 4, 1, 7, 0, tzinfo=UTC) + timedelta(days=day), 5)
    _history(any_store, berlin, datetime(2027, 4, 6, 16, 0, tzinfo=UTC), 40)  # a Tuesday at 18:00 did best

    tuesday_evening = datetime(2027, 5, 4, 16, 0, tzinfo=UTC)
    choice = slots.suggest_slot(any_store, berlin, MONDAY)
    assert choice.instant == tuesday_evening
    assert choice.reason == "Tuesday 18:00: the account's best free hour this week, from 13 posts of history."
    assert slots.next_free_slot(any_store, berlin, MONDAY) == tuesday_evening

    # Taken: every 09:00 scores the same, so the earliest of them; next week's Tuesday is too far.
    _occupy(any_store, berlin, tuesday_evening)
    second = slots.suggest_slot(any_store, berlin, MONDAY)
    assert second.instant == datetime(2027, 5, 3, 7, 0, tzinfo=UTC)
    assert second.reason.startswith("Monday 09:00: ")

    # A week whose free slots are all at hours without history: the first free one.
    only_evenings = _take_the_week_but_monday_evening(any_store, berlin)
    assert slots.suggest_slot(any_store, berlin, MONDAY) == only_evenings


def _take_the_week_but_monday_evening(store: Store, berlin: int) -> slots.SlotChoice:
    """Takes every 09:00 slot of the week; returns the choice expected then (Monday 18:00)."""
    for day in range(8):
        _occupy(store, berlin, datetime(2027, 5, 3, 7, 0, tzinfo=UTC) + timedelta(days=day))
    for day in range(1, 8):
        if day != 1:  # Tuesday 18:00 is already taken
            _occupy(store, berlin, datetime(2027, 5, 3, 16, 0, tzinfo=UTC) + timedelta(days=day))
    return slots.SlotChoice(
        datetime(2027, 5, 3, 16, 0, tzinfo=UTC),
        "The next free slot (none this week is at an hour with history among 13 posts).",
    )
