"""The audit trail as the Audit screen reads it: filters, newest first, pages, names, labels.

Each read is compared with a naive filter, in Python, of every event the trail holds.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core import queries
from core.domain import AuditAction, AuditEvent
from core.errors import UserError
from core.queries import audit
from core.queries.audit import AuditFilter
from core.services import accounts, posts
from core.services import audit as audit_service
from core.store import Store

START = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
PEOPLE = ("amira", "bao", "chloe")
SCRIPTED = (AuditAction.EDIT, AuditAction.APPROVE, AuditAction.PUBLISH, AuditAction.CANCEL, AuditAction.DELETE)


@pytest.fixture
def trail(any_store: Store) -> Store:
    """A trail made by the services (accounts, posts, a cancel) and a scripted history over ten days."""
    accounts.add_account(any_store, name="Hà Nội (X)", platform="x", language="vi", timezone="Asia/Ho_Chi_Minh")
    accounts.add_account(any_store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    summit = posts.create_post(any_store, text="Hội nghị thượng đỉnh tại Hà Nội", accounts=["Hà Nội (X)", "Tokyo"])
    posts.cancel_post(any_store, summit.id, actor="bao")
    with any_store.write() as conn:
        for n in range(60):
            audit_service.record(
                conn,
                actor=PEOPLE[n % 3],
                action=SCRIPTED[n % len(SCRIPTED)],
                entity=("post", "variant", "account")[n % 3],
                entity_id=n % 3 + 1,
                details={"n": n, "note": "Đại sứ quán" if n % 4 == 0 else "embassy 100%_done"},
                # Two events share each time: pages must break ties by id, never lose or repeat one.
                at=START + timedelta(hours=4 * (n // 2)),
            )
    return any_store


def _everything(store: Store) -> list[AuditEvent]:
    return queries.list_events(store, limit=10_000)


def _naive(events: list[AuditEvent], flt: AuditFilter) -> list[int]:
    """The ids ``flt`` selects, newest first, as a person reading every event would pick them."""
    chosen = [
        e
        for e in events
        if (flt.since is None or e.at >= flt.since)
        and (flt.until is None or e.at < flt.until)
        and (not flt.actors or e.actor in flt.actors)
        and (not flt.actions or str(e.action) in flt.actions)
        and (flt.entity is None or e.entity == flt.entity)
        and (flt.entity_id is None or e.entity_id == flt.entity_id)
        and (not flt.text or flt.text.casefold() in str(e.details).casefold())
    ]
    chosen.sort(key=lambda e: (e.at, e.id), reverse=True)
    return [e.id for e in chosen]


def _ids(rows: list[audit.AuditRow]) -> list[int]:
    return [row.event.id for row in rows]


FILTERS = [
    AuditFilter(),
    AuditFilter(since=START + timedelta(days=2), until=START + timedelta(days=5)),
    AuditFilter(actors=("bao",)),
    AuditFilter(actors=("amira", "chloe"), actions=("approve", "publish")),
    AuditFilter(actions=("cancel",), entity="variant"),
    AuditFilter(entity="post", entity_id=1),
    AuditFilter(text="100%_"),
    AuditFilter(text="EMBASSY", actors=("chloe",), since=START + timedelta(days=1)),
    AuditFilter(text="Đại sứ"),
    AuditFilter(actors=("nobody",)),
]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr(f)[11:60])
def test_each_filter_reads_what_a_naive_filter_of_the_whole_trail_picks(trail: Store, flt: AuditFilter) -> None:
    expected = _naive(_everything(trail), flt)
    assert _ids(audit.audit_rows(trail, flt)) == expected
    assert audit.count_events(trail, flt) == len(expected)


def test_the_filters_narrow_and_the_text_search_takes_accents_and_wildcards_literally(trail: Store) -> None:
    every = audit.count_events(trail)
    assert every == len(_everything(trail)) == 60 + 4  # two accounts, a post, its cancel
    assert 0 < audit.count_events(trail, AuditFilter(actors=("bao",))) < every
    assert audit.count_events(trail, AuditFilter(text="Đại sứ")) == 15  # n % 4 == 0
    assert audit.count_events(trail, AuditFilter(text="%")) == 45  # a literal %, not "anything"
    assert audit.count_events(trail, AuditFilter(text="zzz-not-there")) == 0


def test_pages_follow_each_other_newest_first_without_losing_or_repeating_an_event(trail: Store) -> None:
    expected = _naive(_everything(trail), AuditFilter())
    seen: list[int] = []
    page = audit.audit_page(trail, limit=7)
    pages = 1
    while True:
        assert len(page.rows) <= 7
        seen.extend(_ids(page.rows))
        if page.next is None:
            break
        page = audit.audit_page(trail, after=page.next, limit=7)
        pages += 1
    assert seen == expected
    assert pages == -(-len(expected) // 7)
    assert _ids(audit.audit_rows(trail, limit=10)) == expected[:10]


def test_the_services_actions_are_read_with_who_and_the_names_of_what(trail: Store) -> None:
    cancels = audit.audit_rows(trail, AuditFilter(actions=(AuditAction.CANCEL.value,), actors=("bao",)))
    assert cancels and {row.event.actor for row in cancels} == {"bao"}
    created = audit.audit_rows(trail, AuditFilter(actions=("create",)))
    labels = {(row.event.entity, row.label) for row in created}
    assert ("account", "Hà Nội (X)") in labels and ("account", "Tokyo") in labels
    assert any(entity == "post" and label.startswith("Hội nghị thượng đỉnh") for entity, label in labels)
    variant_rows = audit.audit_rows(trail, AuditFilter(entity="variant", entity_id=2))
    assert variant_rows and all(row.label == "Tokyo (ja)" for row in variant_rows)


def test_the_filter_lists_offer_every_person_action_and_kind(trail: Store) -> None:
    events = _everything(trail)
    assert audit.actors(trail) == sorted({e.actor for e in events})
    assert {"amira", "bao", "chloe", "tester"} <= set(audit.actors(trail))
    assert audit.actions(trail) == sorted({str(e.action) for e in events})
    assert audit.entities(trail) == sorted({e.entity for e in events})


def test_an_empty_trail_and_an_impossible_period(any_store: Store) -> None:
    assert audit.actors(any_store) == [] and audit.actions(any_store) == []
    page = audit.audit_page(any_store)
    assert page.rows == [] and page.next is None
    with pytest.raises(UserError, match="ends before it begins"):
        audit.audit_page(any_store, AuditFilter(since=START, until=START))
