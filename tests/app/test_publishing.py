"""The app publishes itself when the settings say so, through the same engine as the worker."""

from __future__ import annotations

import time
from datetime import timedelta

from app.publishing import InAppPublisher
from connectors.sandbox import Sandbox
from core import queries, settings, timeutil
from core.domain import VariantStatus
from core.store import Store
from core.store.tables import variants
from tests.support.scheduling import add_account, local_in, schedule


def test_the_app_publishes_a_due_post_when_publish_in_app_is_on(store: Store, sandbox: Sandbox) -> None:
    add_account(store, sandbox)
    now = timeutil.now_utc()
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", now + timedelta(seconds=61)), now, text="定例会見")
    with store.write() as conn:  # due now: the engine's start-up sweep takes it
        conn.execute(variants.update().where(variants.c.id == variant_id).values(scheduled_at=now))
    publisher = InAppPublisher(store, settings.load())
    assert publisher.enabled and publisher.start()
    try:
        deadline = time.monotonic() + 30
        while queries.get_variant(store, variant_id).status is not VariantStatus.PUBLISHED:
            assert time.monotonic() < deadline, queries.get_variant(store, variant_id)
            time.sleep(0.1)
    finally:
        publisher.stop()
    assert [p["text"] for p in sandbox.posts("x")] == ["定例会見"]


def test_the_app_leaves_publishing_to_a_worker_when_told(store: Store) -> None:
    settings.update(publish_in_app=False)
    publisher = InAppPublisher(store, settings.load())
    assert not publisher.enabled
    assert publisher.start() is False and publisher.engine is None
    publisher.stop()  # nothing to stop: fine
