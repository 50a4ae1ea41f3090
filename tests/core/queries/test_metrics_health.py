"""Accounts whose engagement figures cannot be read, one line each."""

from __future__ import annotations

from datetime import UTC, datetime

from core.domain import VariantStatus
from core.queries.metrics_health import METRICS_ERROR, FailingMetrics, failing_metrics
from core.services import accounts, posts
from core.store import Store
from core.store.tables import variants
from scheduler import poller

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


def _mark(store: Store, variant_id: int, status: VariantStatus, error_class: str | None, error: str | None) -> None:
    with store.write() as conn:
        conn.execute(
            variants.update()
            .where(variants.c.id == variant_id)
            .values(status=status.value, last_error_class=error_class, last_error=error)
        )


def test_published_variants_marked_by_the_poller_are_grouped_by_account(store: Store) -> None:
    accounts.add_account(store, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    made = [posts.create_post(store, text=f"Post {i}", accounts=["Berlin", "Tokyo"], now=NOW) for i in range(3)]
    berlin = [p.variants[0].id for p in made]
    tokyo = [p.variants[1].id for p in made]
    _mark(store, tokyo[0], VariantStatus.PUBLISHED, METRICS_ERROR, "Metrics failing: authentication: old")
    _mark(store, tokyo[1], VariantStatus.PUBLISHED, METRICS_ERROR, "Metrics failing: authentication: new")
    _mark(store, tokyo[2], VariantStatus.PUBLISHED, None, None)  # polled fine
    _mark(store, berlin[0], VariantStatus.FAILED, "invalid", "Too long")  # a publishing failure, not metrics
    _mark(store, berlin[1], VariantStatus.PUBLISHED, METRICS_ERROR, "Metrics failing: retryable: 500")

    found = failing_metrics(store)

    assert found == [
        FailingMetrics(made[0].variants[0].account_id, "Berlin", "x", 1, "Metrics failing: retryable: 500"),
        FailingMetrics(made[0].variants[1].account_id, "Tokyo", "x", 2, "Metrics failing: authentication: new"),
    ]
    assert [f.account_name for f in failing_metrics(store, account_ids=[found[1].account_id])] == ["Tokyo"]


def test_the_mark_is_the_pollers() -> None:
    assert METRICS_ERROR == poller.METRICS_ERROR
