"""X's pay-per-use billing in the publish path: no credits holds the account (posts wait, none fails),
a person saying credits were added ends the hold, and an account may send its posts without links."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from connectors.sandbox import Sandbox
from connectors.sandbox.state import user_id_for
from core import queries
from core.domain import VariantStatus
from core.errors import UserError
from core.services import account_options, posts
from core.store import Store
from core.store.tables import publish_attempts, variants
from scheduler.engine import Engine
from scheduler.publisher import BILLING_HOLD
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import PNG, EngineMaker, add_account, local_in, schedule, texts

TOKYO_USER = user_id_for("access_token-tokyo-0123456789")


def _creates(sandbox: Sandbox) -> int:
    return sum(1 for call in sandbox.calls() if call == ("POST", "/2/tweets"))


def _next_attempt(store: Store, variant_id: int) -> datetime | None:
    with store.read() as conn:
        found: datetime | None = conn.execute(
            select(variants.c.next_attempt_at).where(variants.c.id == variant_id)
        ).scalar_one()
        return found


def _attempts(store: Store, variant_id: int) -> int:
    with store.read() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(publish_attempts).where(publish_attempts.c.variant_id == variant_id)
            ).scalar_one()
        )


def _held_pair(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock, gap: timedelta
) -> tuple[Engine, datetime, int, int]:
    """Two Tokyo posts ``gap`` apart, the first due a minute from now; X has no credits and the
    engine has met it on the first. The engine, the first's time and the two variants' ids."""
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=1)
    first = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="First")
    second = schedule(store, "tokyo", local_in("Asia/Tokyo", due + gap), clock.now, text="Second")
    sandbox.set_credits(TOKYO_USER)  # X answers 402 on every endpoint
    engine = make_engine()
    clock.set(due)
    engine.sweep()
    return engine, due, first, second


def test_no_credits_holds_the_account_and_its_posts_wait_instead_of_failing(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    engine, due, first, second = _held_pair(store, sandbox, make_engine, clock, timedelta(minutes=30))
    waiting = queries.get_variant(store, first)
    assert waiting.status is VariantStatus.SCHEDULED  # not failed: no attempt is used up
    assert waiting.last_error_class == account_options.BILLING
    assert waiting.last_error is not None and "add credits in the X developer console" in waiting.last_error
    assert _next_attempt(store, first) == due + BILLING_HOLD
    held = queries.get_variant(store, second)  # the whole account waits, not only the post that was refused
    assert _next_attempt(store, second) == due + BILLING_HOLD and held.last_error_class == account_options.BILLING
    assert account_options.options_of(store, "tokyo").x_access == account_options.ACCESS_NO_CREDITS

    calls = _creates(sandbox)
    for minutes in (15, 60, 4 * 60):  # nothing is asked of X meanwhile, not even for the second post's time
        clock.set(due + timedelta(minutes=minutes))
        engine.sweep()
    assert _creates(sandbox) == calls and texts(sandbox) == []

    clock.set(due + BILLING_HOLD)  # the hold ends: one post checks again, still no credits, held again
    engine.sweep()
    again = queries.get_variant(store, first)
    assert again.status is VariantStatus.SCHEDULED and again.attempt_count == 0
    assert _creates(sandbox) == calls + 1


def test_credits_added_ends_the_hold_at_once(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    engine, _due, first, second = _held_pair(store, sandbox, make_engine, clock, timedelta(minutes=5))
    assert queries.get_variant(store, first).status is VariantStatus.SCHEDULED

    sandbox.set_credits(TOKYO_USER, depleted=False)  # the officer tops up, then says so
    released = account_options.credits_added(store, "tokyo")
    assert released.posts == 2
    clock.advance(minutes=10)
    engine.sweep()
    assert {queries.get_variant(store, v).status for v in (first, second)} == {VariantStatus.PUBLISHED}
    assert sorted(texts(sandbox)) == ["First", "Second"]
    assert _attempts(store, first) == 2 and queries.get_variant(store, first).last_error is None
    assert account_options.options_of(store, "tokyo").x_access == account_options.ACCESS_PAY_PER_USE


def test_a_successful_post_lifts_the_hold_for_the_others(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    engine, _due, first, second = _held_pair(store, sandbox, make_engine, clock, timedelta(minutes=5))
    sandbox.set_credits(TOKYO_USER, depleted=False)
    engine.publish_now(first)  # a person retries one post: it goes, and the account is no longer held
    assert _next_attempt(store, second) == clock.now
    clock.advance(minutes=5)  # its own time
    engine.sweep()
    assert queries.get_variant(store, second).status is VariantStatus.PUBLISHED


def test_an_account_may_send_its_posts_to_x_without_their_links(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    account_options.set_links_on_x(store, "tokyo", False)  # X charges several times more for a post with a URL
    due = clock.now + timedelta(minutes=1)
    text = "Statement on the summit:\nhttps://example.org/statement\nRead it in full https://example.org/full today."
    schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text=text)
    schedule(store, "berlin", local_in("Europe/Berlin", due), clock.now, text=text)
    engine = make_engine()
    clock.set(due)
    engine.sweep()
    assert sorted(texts(sandbox)) == sorted(["Statement on the summit:\nRead it in full today.", text])


def test_a_post_that_is_only_a_link_is_refused_when_scheduled_to_an_account_without_links(
    store: Store, sandbox: Sandbox, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    account_options.set_links_on_x(store, "tokyo", False)
    due = clock.now + timedelta(hours=1)
    link = "https://example.org/statement"
    with pytest.raises(UserError) as refused:
        schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text=link)
    assert "posts without links" in str(refused.value) and "The post is empty" in str(refused.value)
    assert schedule(store, "berlin", local_in("Europe/Berlin", due), clock.now, text=link)  # links on: accepted
    with pytest.raises(UserError) as too_long:  # a refusal that has nothing to do with links does not name them
        schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="Long  words " * 40)
    assert "posts without links" not in str(too_long.value) and "allows 280" in str(too_long.value)
    # A draft is kept, and scheduling it later is refused with the same reason.
    draft = posts.create_post(store, text=link, accounts=["tokyo"], now=clock.now)
    with pytest.raises(UserError, match="posts without links"):
        posts.schedule_post(store, draft.id, local_in("Asia/Tokyo", due), now=clock.now)
    assert queries.get_post(store, draft.id).variants[0].status is VariantStatus.DRAFT


def test_turning_links_off_names_the_scheduled_posts_it_would_leave_empty(
    store: Store, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    add_account(store, sandbox)
    due = local_in("Asia/Tokyo", clock.now + timedelta(hours=1))
    link_only = schedule(store, "tokyo", due, clock.now, text="https://example.org/statement\n")
    schedule(store, "tokyo", due, clock.now, text="Statement: https://example.org/statement")  # words stay
    image = tmp_path / "flag.png"
    image.write_bytes(PNG)
    schedule(store, "tokyo", due, clock.now, text="https://example.org/a", media_files=[(str(image), "")])  # the image
    posts.create_post(store, text="https://example.org/draft", accounts=["tokyo"])  # a draft is checked when scheduled
    assert account_options.emptied_without_links(store, "tokyo") == [link_only]  # asked as links go off


def test_a_poll_that_finds_no_credits_holds_the_posts_to_publish_too(
    store: Store, sandbox: Sandbox, make_engine: EngineMaker, clock: FakeClock
) -> None:
    add_account(store, sandbox)
    due = clock.now + timedelta(minutes=1)
    published = schedule(store, "tokyo", local_in("Asia/Tokyo", due), clock.now, text="Out")
    engine = make_engine()
    clock.set(due)
    engine.sweep()
    later = schedule(store, "tokyo", local_in("Asia/Tokyo", due + timedelta(minutes=20)), clock.now, text="Later")
    sandbox.set_credits(TOKYO_USER)
    clock.advance(minutes=10)
    engine.sweep()  # the poll meets the 402
    assert _next_attempt(store, later) == clock.now + BILLING_HOLD  # its own time comes within the hold
    calls = _creates(sandbox)
    clock.advance(minutes=15)
    engine.sweep()
    assert _creates(sandbox) == calls and queries.get_variant(store, later).status is VariantStatus.SCHEDULED

    sandbox.set_credits(TOKYO_USER, depleted=False)
    assert account_options.credits_added(store, "tokyo") == account_options.Released(posts=1, polls=1)
    engine.sweep()
    assert queries.get_variant(store, later).status is VariantStatus.PUBLISHED
    assert queries.get_variant(store, published).last_error is None  # polled again, figures read
