"""The practice workspace tells the emulator where each practice account's audience lives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from connectors.sandbox import Sandbox
from connectors.sandbox.state import DEFAULT_PAGE, SHARED_AUDIENCES, AudienceZones, PostRecord, user_id_for
from connectors.workspace import add_practice_accounts, audience_owner, tell_audience_zones
from core import practice, queries
from core.store import Store
from tests.support.engagement_curve import twin_ids


@pytest.fixture
def shared_zones() -> Iterator[None]:
    """The process-wide zones, emptied before and after (the workspace fills them)."""
    SHARED_AUDIENCES.clear()
    yield
    SHARED_AUDIENCES.clear()


def test_the_practice_workspace_gives_each_audience_its_accounts_zone(
    store: Store, monkeypatch: pytest.MonkeyPatch, shared_zones: None
) -> None:
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    add_practice_accounts(store)
    # The emulator practice mode starts later, on first use, still knows them.
    with Sandbox() as sandbox:
        assert sandbox.state.audience_zone(DEFAULT_PAGE) == "Asia/Ho_Chi_Minh"
        # One practice token: every practice X account posts as one X user, the first one's zone wins.
        assert sandbox.state.audience_zone(user_id_for(practice.PRACTICE_TOKEN)) == "Europe/London"
        morning_id, night_id = twin_ids(f"{DEFAULT_PAGE}_")
        morning = datetime(2026, 3, 4, 1, 30, tzinfo=UTC).timestamp()  # 08:30 in Hà Nội
        night = datetime(2026, 3, 4, 20, 0, tzinfo=UTC).timestamp()  # 03:00 in Hà Nội
        sandbox.set_time(night)
        posts = [
            sandbox.state.add_post(PostRecord("facebook", post_id, DEFAULT_PAGE, "xin chào", at))
            for post_id, at in ((morning_id, morning), (night_id, night))
        ]
        sandbox.advance(6 * 3600)
        good, bad = (sandbox.state.engagement(post)["impressions"] for post in posts)
        assert good > 3 * bad > 0


def test_zones_can_be_told_to_a_running_emulator(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    with Sandbox() as sandbox:
        monkeypatch.setattr("connectors.workspace.SHARED_AUDIENCES", AudienceZones())  # leave the process's alone
        made = add_practice_accounts(store)
        told = tell_audience_zones(made, sandbox.set_audience_zone)
        assert told == {
            DEFAULT_PAGE: "Asia/Ho_Chi_Minh",
            user_id_for(practice.PRACTICE_TOKEN): "Europe/London",
        }
        assert all(sandbox.state.audience_zone(owner) == zone for owner, zone in told.items())
    page = next(account for account in queries.list_accounts(store) if account.platform == "facebook")
    assert audience_owner(page) == DEFAULT_PAGE
