"""Answers that leave a publish's outcome unknown are looked up before anything is sent again
(issue 15, items 1-4), through the engine, the real connectors and the emulator."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from connectors import registry
from connectors.base import Connector
from connectors.facebook import FacebookConnector
from connectors.sandbox import Sandbox
from connectors.x import XConnector
from core import queries, secrets
from core.domain import Account, VariantStatus
from core.services import accounts
from core.store import Store
from core.store.tables import publish_attempts, variants
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import EngineMaker, add_account, local_in, schedule

PAGE = "100000000000009"


def add_page(store: Store, sandbox: Sandbox) -> Account:
    """A Facebook Page on the emulator, its token in the (in-memory) keyring."""
    account = accounts.add_account(
        store,
        name="page",
        platform="facebook",
        language="ja",
        timezone="Asia/Tokyo",
        api_base=sandbox.base_url,
        external_id=PAGE,
    )
    secrets.store_secret("facebook", "page", "page_token", "fbpage-unknown-outcomes-0123")
    return account


def short_deadline(account: Account) -> Connector:
    """The installed connector, with a deadline of 1.5 s a call (the default is minutes)."""
    context = registry.account_context(account)
    if account.platform == "x":
        return XConnector(context, timeout=5, deadline=1.5)
    return FacebookConnector(context, timeout=5, deadline=1.5)


def errors_of(store: Store, variant_id: int) -> list[tuple[str, str | None, str | None]]:
    with store.read() as conn:
        rows = conn.execute(
            select(publish_attempts.c.outcome, publish_attempts.c.error_class, publish_attempts.c.error_message)
            .where(publish_attempts.c.variant_id == variant_id)
            .order_by(publish_attempts.c.id)
        ).all()
    return [(r.outcome, r.error_class, r.error_message) for r in rows]


@pytest.mark.parametrize(
    ("platform", "spec", "path", "created", "said"),
    [
        ("x", "redirect:1", "/2/tweets", False, "redirect (307)"),
        ("facebook", "redirect:1", "/feed", False, "redirect (307)"),
        ("facebook", "error-200:1", "/feed", True, "answered 200 with an error"),
        ("x", "error-200:1", "/2/tweets", True, "without an id"),
        ("x", "trickle:1:0.3", "/2/tweets", True, "did not finish answering within 1.5 seconds"),
        ("facebook", "trickle:1:0.3", "/feed", True, "did not finish answering within 1.5 seconds"),
    ],
)
def test_an_unknown_outcome_is_looked_up_and_published_exactly_once(
    store: Store,
    sandbox: Sandbox,
    make_engine: EngineMaker,
    clock: FakeClock,
    platform: str,
    spec: str,
    path: str,
    created: bool,
    said: str,
) -> None:
    account = add_account(store, sandbox) if platform == "x" else add_page(store, sandbox)
    due = clock.now + timedelta(minutes=2)
    variant_id = schedule(store, account.name, local_in("Asia/Tokyo", due), clock.now, text="Once and only once")
    clock.set(due)
    sandbox.set_faults(spec, times=1, path=path, method="POST")
    engine = make_engine(factory=short_deadline)

    engine.sweep()
    variant = queries.get_variant(store, variant_id)
    assert (variant.status, variant.last_error_class) == (VariantStatus.SCHEDULED, "retryable")
    assert said in (variant.last_error or "")
    assert "Unexpected error" not in (variant.last_error or "")
    assert "change the text" not in (variant.last_error or "")
    assert len(sandbox.posts(platform, kind="post")) == (1 if created else 0)

    with store.read() as conn:
        retry_at = conn.execute(select(variants.c.next_attempt_at).where(variants.c.id == variant_id)).scalar_one()
    clock.set(retry_at)
    engine.sweep()
    variant = queries.get_variant(store, variant_id)
    assert variant.status is VariantStatus.PUBLISHED
    [post] = sandbox.posts(platform, kind="post")  # exactly once, on the real host
    assert post["id"] == variant.remote_id
    outcomes = [row[0] for row in errors_of(store, variant_id)]
    assert outcomes == ["retry", "reconciled" if created else "published"]
