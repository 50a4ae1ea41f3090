"""A publisher claiming a variant while a person cancels it, on PostgreSQL's READ COMMITTED.

The cancel reads the variant as ``scheduled``; before its UPDATE runs, the publisher's claim
(status ``publishing``) commits. The cancel must then refuse instead of overwriting the claim,
or a live post would later show as ``cancelled``.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text

from core import queries
from core.domain import VariantStatus
from core.errors import ConflictError
from core.services import accounts, posts
from core.store import Store, open_store

pytestmark = pytest.mark.postgres


def _wait_for_lock_wait(url: str, timeout: float = 60.0) -> None:
    observer = create_engine(url, isolation_level="AUTOCOMMIT")
    deadline = time.monotonic() + timeout
    try:
        with observer.connect() as conn:
            while time.monotonic() < deadline:
                waiting = conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    )
                ).scalar_one()
                if waiting:
                    return
                time.sleep(0.05)
    finally:
        observer.dispose()
    raise AssertionError("the cancel never waited for the publisher's row lock")


def test_cancel_does_not_overwrite_a_concurrent_claim(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store: Store = open_store(postgres_url)
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    post = posts.create_post(
        store, text="発表", accounts=["Tokyo"], at=datetime(2099, 1, 1, 9), now=datetime(2026, 1, 1, tzinfo=UTC)
    )
    variant_id = post.variants[0].id
    publisher = create_engine(postgres_url)
    outcome: list[BaseException | None] = []
    with publisher.connect() as claim:
        claim.execute(
            text("UPDATE variants SET status = 'publishing', version = version + 1 WHERE id = :id"), {"id": variant_id}
        )

        def cancel() -> None:
            try:
                posts.cancel_post(store, post.id)
                outcome.append(None)
            except BaseException as exc:  # examined below
                outcome.append(exc)

        worker = threading.Thread(target=cancel)
        worker.start()
        _wait_for_lock_wait(postgres_url)  # the cancel read "scheduled" and now waits on the row
        claim.commit()
    worker.join(timeout=60)
    publisher.dispose()
    assert len(outcome) == 1 and isinstance(outcome[0], ConflictError)
    assert "started publishing" in str(outcome[0])
    assert queries.get_post(store, post.id).variants[0].status is VariantStatus.PUBLISHING
    store.dispose()
