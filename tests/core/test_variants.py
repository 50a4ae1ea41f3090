"""Cancelling one variant: the post's other accounts keep theirs, and nothing published is hidden."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core import queries
from core.domain import AuditAction, VariantStatus
from core.errors import ConflictError, NotFoundError
from core.services import accounts, posts, variants
from core.store import Store
from core.store.tables import variants as variant_rows

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def newsroom(store: Store) -> Store:
    accounts.add_account(store, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    return store


def _set_status(store: Store, variant_id: int, status: VariantStatus) -> None:
    with store.write() as conn:
        conn.execute(variant_rows.update().where(variant_rows.c.id == variant_id).values(status=status.value))


def test_cancelling_one_variant_leaves_the_others_scheduled_and_is_audited(newsroom: Store) -> None:
    post = posts.create_post(
        newsroom, text="Statement", accounts=["Berlin", "Tokyo"], at=datetime(2027, 2, 1, 9), now=NOW
    )
    berlin, tokyo = post.variants

    cancelled = variants.cancel_variant(newsroom, tokyo.id, actor="desk")

    assert cancelled.status is VariantStatus.CANCELLED and cancelled.version == tokyo.version + 1
    assert queries.get_variant(newsroom, berlin.id).status is VariantStatus.SCHEDULED
    event = queries.list_events(newsroom)[0]
    assert (event.action, event.entity, event.entity_id, event.actor) == (
        AuditAction.CANCEL,
        "variant",
        tokyo.id,
        "desk",
    )
    assert event.details == {"post": post.id, "account": "Tokyo"}


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (VariantStatus.PUBLISHING, "being published to Tokyo right now"),
        (VariantStatus.PUBLISHED, "is published; there is nothing to cancel"),
        (VariantStatus.CANCELLED, "is cancelled; there is nothing to cancel"),
    ],
)
def test_a_variant_on_its_way_or_done_cannot_be_cancelled(newsroom: Store, status: VariantStatus, words: str) -> None:
    post = posts.create_post(newsroom, text="Statement", accounts=["Tokyo"], at=datetime(2027, 2, 1, 9), now=NOW)
    variant_id = post.variants[0].id
    _set_status(newsroom, variant_id, status)
    with pytest.raises(ConflictError, match=words):
        variants.cancel_variant(newsroom, variant_id)
    assert queries.get_variant(newsroom, variant_id).status is status


def test_failed_missed_and_draft_variants_can_be_cancelled(newsroom: Store) -> None:
    for status in (VariantStatus.FAILED, VariantStatus.MISSED, VariantStatus.DRAFT):
        post = posts.create_post(newsroom, text=f"Statement {status}", accounts=["Tokyo"], now=NOW)
        _set_status(newsroom, post.variants[0].id, status)
        assert variants.cancel_variant(newsroom, post.variants[0].id).status is VariantStatus.CANCELLED


def test_an_unknown_variant_is_named(newsroom: Store) -> None:
    with pytest.raises(NotFoundError, match="No variant with id 999"):
        variants.cancel_variant(newsroom, 999)
