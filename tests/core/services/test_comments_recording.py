"""Recording fetched comments: once each, edits with history, deletions marked only after a complete
fetch, failures leaving what is known alone; on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from core.comments import CommentBatch, FetchedComment
from core.domain import LanguageSource
from core.queries import feedback
from core.services import comments as recording
from core.services import feedback as reading
from core.store import Store
from core.store.tables import comment_polls, comments
from tests.support.engagement_history import START, add_accounts, publish

T0 = START + timedelta(days=1)


def _variant(store: Store) -> int:
    ids = add_accounts(store)
    account = next(iter(ids.values()))
    return publish(store, account, "en", T0, "A statement")[0]


def _c(remote_id: str, text: str, *, likes: int = 0, minutes: int = 1, **more: object) -> FetchedComment:
    return FetchedComment(
        remote_id=remote_id,
        text=text,
        created_at=T0 + timedelta(minutes=minutes),
        author_name="Reader",
        like_count=likes,
        **more,  # type: ignore[arg-type]
    )


def _rows(store: Store) -> dict[str, dict[str, object]]:
    with store.read() as conn:
        return {r.remote_id: dict(r._mapping) for r in conn.execute(select(comments))}


def test_a_comment_is_stored_once_and_a_repoll_updates_it(any_store: Store) -> None:
    variant = _variant(any_store)
    first = recording.record_comments(
        any_store,
        variant,
        CommentBatch("p", (_c("a", "Hello", likes=1), _c("b", "Xin chào", platform_language="vi")), complete=True),
        now=T0 + timedelta(minutes=10),
        next_poll_at=T0 + timedelta(minutes=20),
    )
    assert len(first.new) == 2 and first.to_detect == sorted(first.new)
    again = recording.record_comments(
        any_store,
        variant,
        CommentBatch("p", (_c("a", "Hello", likes=5), _c("b", "Xin chào")), complete=True),
        now=T0 + timedelta(minutes=20),
    )
    assert again.new == [] and again.edited == [] and again.deleted == [] and again.seen == 2
    rows = _rows(any_store)
    assert len(rows) == 2 and rows["a"]["like_count"] == 5
    assert rows["a"]["first_seen_at"] == T0 + timedelta(minutes=10)
    assert rows["a"]["last_seen_at"] == T0 + timedelta(minutes=20)
    assert rows["b"]["platform_language"] == "vi"
    with any_store.read() as conn:
        poll = conn.execute(select(comment_polls)).one()
    assert poll.last_polled_at == T0 + timedelta(minutes=20) and poll.error_class is None


def test_an_edit_keeps_every_text_and_asks_for_detection_again(any_store: Store) -> None:
    variant = _variant(any_store)
    recording.record_comments(any_store, variant, CommentBatch("p", (_c("a", "Wann?"),)), now=T0)
    comment_id = feedback.list_comments(any_store)[0].id
    with any_store.write() as conn:  # as detection would have set it
        conn.execute(comments.update().values(language="de", language_confidence=0.9, language_source="detected"))
    edited = recording.record_comments(
        any_store, variant, CommentBatch("p", (_c("a", "Wann? Morgen?"),)), now=T0 + timedelta(hours=1)
    )
    recording.record_comments(
        any_store, variant, CommentBatch("p", (_c("a", "Wann? Morgen!"),)), now=T0 + timedelta(hours=2)
    )
    assert edited.edited == [comment_id] and edited.to_detect == [comment_id]
    history = feedback.revisions(any_store, comment_id)
    assert [(r.number, r.text) for r in history] == [(1, "Wann?"), (2, "Wann? Morgen?"), (3, "Wann? Morgen!")]
    assert history[0].seen_at == T0 and history[2].seen_at == T0 + timedelta(hours=2)
    shown = feedback.get_comment(any_store, comment_id)
    assert shown.edited and shown.edited_at == T0 + timedelta(hours=2) and shown.text == "Wann? Morgen!"
    assert shown.language is None  # detected again from the new text


def test_a_language_a_person_set_survives_an_edit(any_store: Store) -> None:
    variant = _variant(any_store)
    recording.record_comments(any_store, variant, CommentBatch("p", (_c("a", "ok"),)), now=T0)
    comment_id = feedback.list_comments(any_store)[0].id
    reading.set_language(any_store, comment_id, "vi")
    recording.record_comments(any_store, variant, CommentBatch("p", (_c("a", "ok nhé"),)), now=T0 + timedelta(hours=1))
    shown = feedback.get_comment(any_store, comment_id)
    assert shown.language == "vi" and shown.language_source == LanguageSource.PERSON.value


def test_only_a_complete_fetch_marks_a_missing_comment_deleted(any_store: Store) -> None:
    variant = _variant(any_store)
    both = (_c("a", "Stays"), _c("b", "Goes"))
    recording.record_comments(any_store, variant, CommentBatch("p", both, complete=True), now=T0)
    partial = recording.record_comments(
        any_store, variant, CommentBatch("p", both[:1], complete=False), now=T0 + timedelta(hours=1)
    )
    assert partial.deleted == [] and _rows(any_store)["b"]["deleted_at"] is None
    recording.record_failure(
        any_store, variant, now=T0 + timedelta(hours=2), error_class="retryable", error="X was away.", next_poll_at=None
    )
    assert _rows(any_store)["b"]["deleted_at"] is None and _rows(any_store)["b"]["text"] == "Goes"
    complete = recording.record_comments(
        any_store, variant, CommentBatch("p", both[:1], complete=True), now=T0 + timedelta(hours=3)
    )
    rows = _rows(any_store)
    assert complete.deleted == [rows["b"]["id"]] and rows["b"]["deleted_at"] == T0 + timedelta(hours=3)
    assert rows["b"]["text"] == "Goes" and rows["a"]["deleted_at"] is None  # marked, not erased
    assert feedback.count_comments(any_store, feedback.FeedbackFilter(include_deleted=False)) == (1, 1)
    back = recording.record_comments(
        any_store, variant, CommentBatch("p", both, complete=True), now=T0 + timedelta(hours=4)
    )
    assert back.restored == [rows["b"]["id"]] and _rows(any_store)["b"]["deleted_at"] is None


def test_a_failure_is_shown_and_a_success_clears_it(any_store: Store) -> None:
    variant = _variant(any_store)
    recording.record_failure(
        any_store,
        variant,
        now=T0,
        error_class="access_level",
        error="Replies on X are not available on this X access level: change it.",
        next_poll_at=T0 + timedelta(days=1),
    )
    [problem] = feedback.collection_problems(any_store)
    assert problem.error_class == "access_level" and problem.error.startswith("Replies on X are not available")
    recording.record_comments(any_store, variant, CommentBatch("p", (), newest_id="9"), now=T0 + timedelta(days=1))
    assert feedback.collection_problems(any_store) == []
    with any_store.read() as conn:
        assert conn.execute(select(comment_polls.c.newest_remote_id)).scalar() == "9"
    recording.record_comments(any_store, variant, CommentBatch("p", ()), now=T0 + timedelta(days=2))
    with any_store.read() as conn:  # a fetch that names no newest id keeps the known one
        assert conn.execute(select(comment_polls.c.newest_remote_id)).scalar() == "9"


def test_duplicates_in_one_answer_and_hostile_values_are_recorded_once_and_safely(any_store: Store) -> None:
    variant = _variant(any_store)
    batch = CommentBatch(
        "p",
        (
            _c("a", "first copy"),
            _c("a", "second copy"),
            _c("x" * 101, "an id no column holds"),
            FetchedComment("n", "nul\x00byte", datetime(2027, 1, 1, tzinfo=UTC), author_name="N" * 500),
        ),
    )
    recorded = recording.record_comments(any_store, variant, batch, now=T0)
    rows = _rows(any_store)
    assert len(recorded.new) == 2 and set(rows) == {"a", "n"}
    assert rows["a"]["text"] == "second copy" and rows["n"]["text"] == "nulbyte"
    assert len(str(rows["n"]["author_name"])) == 200
    with any_store.read() as conn:
        assert conn.execute(select(func.count()).select_from(comments)).scalar() == 2
