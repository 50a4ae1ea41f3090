"""The queue and calendar queries: filters in SQL, time order, one row shape for both."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core import queries
from core.domain import VariantStatus
from core.errors import UserError
from core.queries import queue
from core.queries.queue import QueueFilter
from core.services import accounts, posts
from core.store import Store
from core.store.tables import variants

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def newsroom(store: Store) -> Store:
    accounts.add_account(store, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    return store


def _ids(rows: list[queue.QueueRow]) -> list[int]:
    return [r.variant_id for r in rows]


def test_the_queue_lists_the_soonest_first_and_drafts_last(newsroom: Store) -> None:
    later = posts.create_post(newsroom, text="Später", accounts=["Berlin"], at=datetime(2027, 2, 2, 9), now=NOW)
    draft = posts.create_post(newsroom, text="Entwurf", accounts=["Berlin"], now=NOW)
    sooner = posts.create_post(newsroom, text="Früher", accounts=["Tokyo"], at=datetime(2027, 2, 1, 9), now=NOW)

    rows = queue.queue(newsroom)

    assert _ids(rows) == [sooner.variants[0].id, later.variants[0].id, draft.variants[0].id]
    first = rows[0]
    assert (first.account_name, first.language, first.status, first.summary) == (
        "Tokyo",
        "ja",
        VariantStatus.SCHEDULED,
        "Früher",
    )
    assert first.at == datetime(2027, 2, 1, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo
    assert (first.schedule_zone, first.schedule_local) == ("Asia/Tokyo", "2027-02-01T09:00")
    assert queue.count(newsroom) == 3


def test_the_queue_filters_by_status_account_language_and_period(newsroom: Store) -> None:
    both = posts.create_post(newsroom, text="Gipfel", accounts=["Berlin", "Tokyo"], at=datetime(2027, 3, 1, 9), now=NOW)
    berlin, tokyo = both.variants
    cancelled = posts.create_post(newsroom, text="Abgesagt", accounts=["Berlin"], at=datetime(2027, 3, 2, 9), now=NOW)
    posts.cancel_post(newsroom, cancelled.id)
    early = posts.create_post(newsroom, text="Früh", accounts=["Berlin"], at=datetime(2027, 2, 1, 9), now=NOW)
    tokyo_account = queries.get_account(newsroom, "Tokyo")

    assert _ids(queue.queue(newsroom, QueueFilter(statuses=[VariantStatus.CANCELLED]))) == [cancelled.variants[0].id]
    assert _ids(queue.queue(newsroom, QueueFilter(account_ids=[tokyo_account.id]))) == [tokyo.id]
    assert _ids(queue.queue(newsroom, QueueFilter(languages=["de"], statuses=[VariantStatus.SCHEDULED]))) == [
        early.variants[0].id,
        berlin.id,
    ]
    march = QueueFilter(start=datetime(2027, 3, 1, tzinfo=UTC), end=datetime(2027, 4, 1, tzinfo=UTC))
    assert set(_ids(queue.queue(newsroom, march))) == {berlin.id, tokyo.id, cancelled.variants[0].id}
    assert queue.count(newsroom, march) == 3
    with pytest.raises(UserError, match="ends before it starts"):
        queue.queue(newsroom, QueueFilter(start=NOW, end=NOW - timedelta(days=1)))


def test_the_calendar_shows_a_period_by_publication_time_without_cancelled_posts(newsroom: Store) -> None:
    out = posts.create_post(newsroom, text="Veröffentlicht", accounts=["Berlin"], at=datetime(2027, 5, 3, 9), now=NOW)
    gone = posts.create_post(newsroom, text="Weg", accounts=["Tokyo"], at=datetime(2027, 5, 4, 9), now=NOW)
    posts.cancel_post(newsroom, gone.id)
    next_month = posts.create_post(newsroom, text="Juni", accounts=["Tokyo"], at=datetime(2027, 6, 1, 9), now=NOW)
    published_at = datetime(2027, 4, 30, 23, 0, tzinfo=UTC)  # published early: the calendar shows when it went out
    with newsroom.write() as conn:
        conn.execute(
            variants.update()
            .where(variants.c.id == out.variants[0].id)
            .values(status="published", published_at=published_at, remote_id="1")
        )

    may = queue.calendar(newsroom, datetime(2027, 5, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC))
    april = queue.calendar(newsroom, datetime(2027, 4, 1, tzinfo=UTC), datetime(2027, 5, 1, tzinfo=UTC))

    assert _ids(may) == []
    assert _ids(april) == [out.variants[0].id]
    assert april[0].at == published_at
    june = queue.calendar(newsroom, datetime(2027, 6, 1, tzinfo=UTC), datetime(2027, 7, 1, tzinfo=UTC))
    assert _ids(june) == [next_month.variants[0].id]
