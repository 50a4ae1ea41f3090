"""The audience's comments as the Feedback screen reads them: filters, pages, counts, read state.

Each read is compared with a naive filter, in Python, of every comment the store holds.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from core.comments import CommentBatch, FetchedComment
from core.errors import NotFoundError, UserError
from core.queries import feedback
from core.queries.feedback import UNKNOWN_LANGUAGE, FeedbackFilter
from core.services import accounts
from core.services import comments as recording
from core.services import feedback as feedback_service
from core.store import Store
from core.store.tables import comment_polls, comment_revisions, comment_translations, comments, variants
from tests.support.feedback import published
from tests.support.team import Team
from translation.comments import detect_languages

START = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
LANGUAGES = ("vi", "en", "ja", None)  # None: not detected yet


@pytest.fixture
def inbox(any_store: Store) -> tuple[Store, dict[str, int], list[int]]:
    """Two accounts, three published variants, 40 comments in four languages over 40 hours."""
    ids = {
        name: accounts.add_account(any_store, name=name, platform="x", language=lang, timezone=zone).id
        for name, lang, zone in (("Hà Nội", "vi", "Asia/Ho_Chi_Minh"), ("Tokyo", "ja", "Asia/Tokyo"))
    }
    chosen = [
        published(any_store, "Hội nghị thượng đỉnh", "Hà Nội"),
        published(any_store, "Summit in Tokyo", "Tokyo"),
        published(any_store, "Another Tokyo post", "Tokyo"),
    ]
    with any_store.write() as conn:
        for n in range(40):
            variant_id = chosen[n % 3]
            account_id = ids["Hà Nội"] if n % 3 == 0 else ids["Tokyo"]
            conn.execute(
                comments.insert().values(
                    variant_id=variant_id,
                    account_id=account_id,
                    remote_id=f"c{n}",
                    author_name=f"Reader {n % 5}",
                    text=f"comment number {n}" + (" 100%_sure" if n % 7 == 0 else ""),
                    language=LANGUAGES[n % 4],
                    # Two comments share each time: pages must break ties by id, never lose one.
                    created_at=START + timedelta(hours=n // 2),
                    first_seen_at=START,
                    last_seen_at=START,
                    deleted_at=START if n % 10 == 9 else None,
                )
            )
    return any_store, ids, chosen


def _naive(store: Store, flt: FeedbackFilter) -> list[int]:
    """The ids ``flt`` selects, newest first, as a person reading every row would pick them."""
    with store.read() as conn:
        rows = list(conn.execute(comments.select().join(variants, variants.c.id == comments.c.variant_id)))
        post_of = dict(conn.execute(variants.select().with_only_columns(variants.c.id, variants.c.post_id)).all())
    chosen = [
        r
        for r in rows
        if (not flt.account_ids or r.account_id in flt.account_ids)
        and (not flt.languages or (r.language or UNKNOWN_LANGUAGE) in flt.languages)
        and (flt.since is None or r.created_at >= flt.since)
        and (flt.until is None or r.created_at < flt.until)
        and (not flt.unread or r.read_at is None)
        and (flt.post_id is None or post_of[r.variant_id] == flt.post_id)
        and (flt.include_deleted or r.deleted_at is None)
        and (not flt.text or flt.text.lower() in (r.text + " " + r.author_name).lower())
    ]
    chosen.sort(key=lambda r: (r.created_at, r.id), reverse=True)
    return [r.id for r in chosen]


@pytest.mark.parametrize(
    "flt",
    [
        FeedbackFilter(),
        FeedbackFilter(languages=("vi", UNKNOWN_LANGUAGE)),
        FeedbackFilter(languages=("ja",), include_deleted=False),
        FeedbackFilter(since=START + timedelta(hours=5), until=START + timedelta(hours=12)),
        FeedbackFilter(text="100%_"),
        FeedbackFilter(text="reader 3"),
    ],
)
def test_pages_read_newest_first_give_exactly_what_a_naive_filter_gives(
    inbox: tuple[Store, dict[str, int], list[int]], flt: FeedbackFilter
) -> None:
    store, _ids, _variants = inbox
    seen: list[int] = []
    page = feedback.comment_page(store, flt, limit=7)
    seen.extend(c.id for c in page.rows)
    while page.next is not None:
        page = feedback.comment_page(store, flt, after=page.next, limit=7)
        seen.extend(c.id for c in page.rows)
    assert seen == _naive(store, flt)
    assert seen  # every case selects something, so an empty read cannot pass
    assert [c.id for c in feedback.list_comments(store, flt)] == seen


def test_filters_by_account_post_and_unread(inbox: tuple[Store, dict[str, int], list[int]]) -> None:
    store, ids, chosen = inbox
    tokyo = FeedbackFilter(account_ids=(ids["Tokyo"],))
    assert {c.account_name for c in feedback.list_comments(store, tokyo)} == {"Tokyo"}
    post_id = feedback.list_comments(store, FeedbackFilter(variant_id=chosen[1]))[0].post_id
    by_post = FeedbackFilter(post_id=post_id)
    assert feedback.list_comments(store, by_post) and [c.id for c in feedback.list_comments(store, by_post)] == _naive(
        store, by_post
    )
    first_three = [c.id for c in feedback.list_comments(store, limit=3)]
    assert feedback_service.mark_read(store, first_three, actor="bao") == 3
    assert feedback_service.mark_read(store, first_three, actor="chloe") == 0  # already read: kept as bao's
    unread = FeedbackFilter(unread=True)
    assert [c.id for c in feedback.list_comments(store, unread)] == _naive(store, unread)
    assert not set(first_three) & {c.id for c in feedback.list_comments(store, unread)}
    assert {feedback.get_comment(store, i).read_by for i in first_three} == {"bao"}
    assert feedback.count_comments(store) == (40, 37)
    assert feedback_service.mark_read(store, first_three[:1], read=False) == 1
    assert feedback.count_comments(store) == (40, 38)


def test_counts_per_post_and_language_match_the_rows(inbox: tuple[Store, dict[str, int], list[int]]) -> None:
    store, _ids, _variants = inbox
    feedback_service.mark_read(store, [c.id for c in feedback.list_comments(store, limit=5)])
    everything = feedback.list_comments(store)
    by_language = Counter(c.language or UNKNOWN_LANGUAGE for c in everything)
    unread_by_language = Counter(c.language or UNKNOWN_LANGUAGE for c in everything if c.unread)
    assert {(n.language, n.total, n.unread) for n in feedback.counts_by_language(store)} == {
        (code, total, unread_by_language[code]) for code, total in by_language.items()
    }
    by_post = Counter(c.post_id for c in everything)
    counted = feedback.counts_by_post(store)
    assert {(n.post_id, n.total) for n in counted} == set(by_post.items())
    assert [n.total for n in counted] == sorted((n.total for n in counted), reverse=True)
    assert feedback.languages_seen(store) == ["en", "ja", "vi"]


def test_a_translation_is_the_readers_and_goes_stale_when_the_comment_is_edited(
    inbox: tuple[Store, dict[str, int], list[int]],
) -> None:
    store, _ids, _variants = inbox
    target = feedback.list_comments(store, FeedbackFilter(languages=("ja",)))[0]
    with store.write() as conn:
        conn.execute(
            comment_translations.insert().values(
                comment_id=target.id,
                language="vi",
                source_language="ja",
                text="bình luận",
                translation_path="ja->en->vi",
                source_sha256=feedback.text_hash(target.text),
                created_at=START,
            )
        )
    fresh = feedback.get_comment(store, target.id, reader_language="vi").translation
    assert fresh is not None and fresh.text == "bình luận" and not fresh.stale and fresh.path == "ja->en->vi"
    assert feedback.get_comment(store, target.id, reader_language="en").translation is None
    assert feedback.get_comment(store, target.id).translation is None
    with store.write() as conn:
        conn.execute(comments.update().where(comments.c.id == target.id).values(text="edited words"))
    stale = feedback.get_comment(store, target.id, reader_language="vi").translation
    assert stale is not None and stale.stale


def test_a_language_set_by_hand_is_kept_and_drops_translations_from_the_wrong_one(
    inbox: tuple[Store, dict[str, int], list[int]],
) -> None:
    store, _ids, _variants = inbox
    target = feedback.list_comments(store, FeedbackFilter(languages=(UNKNOWN_LANGUAGE,)))[0]
    with store.write() as conn:
        conn.execute(
            comment_translations.insert().values(
                comment_id=target.id, language="vi", source_language="en", text="x", source_sha256="0", created_at=START
            )
        )
    feedback_service.set_language(store, target.id, " DE ")
    after = feedback.get_comment(store, target.id, reader_language="vi")
    assert (after.language, after.language_source, after.translation) == ("de", "person", None)
    with pytest.raises(UserError, match="Unknown language code"):
        feedback_service.set_language(store, target.id, "klingon")
    with pytest.raises(NotFoundError, match="no comment 99999"):
        feedback_service.set_language(store, 99999, "de")


def test_revisions_and_collection_problems(inbox: tuple[Store, dict[str, int], list[int]]) -> None:
    store, _ids, chosen = inbox
    target = feedback.list_comments(store)[0]
    with store.write() as conn:
        for number, words in ((2, "second"), (1, "first")):
            conn.execute(
                comment_revisions.insert().values(
                    comment_id=target.id, number=number, text=words, seen_at=START + timedelta(hours=number)
                )
            )
        for variant_id in chosen[1:]:
            conn.execute(
                comment_polls.insert().values(
                    variant_id=variant_id, error_class="access_level", error="Not on this access level."
                )
            )
        conn.execute(comment_polls.insert().values(variant_id=chosen[0]))  # a healthy collection
    assert [(r.number, r.text) for r in feedback.revisions(store, target.id)] == [(1, "first"), (2, "second")]
    [problem] = feedback.collection_problems(store)
    assert (problem.account_name, problem.error_class, problem.variants) == ("Tokyo", "access_level", 2)


def test_the_activity_stamp_moves_with_what_the_screens_show_and_not_with_a_routine_read(
    inbox: tuple[Store, dict[str, int], list[int]],
) -> None:
    store, _ids, chosen = inbox
    variant = chosen[0]
    later = START + timedelta(days=3)

    def fetch(*texts: tuple[str, str], at: datetime) -> None:
        batch = CommentBatch(
            "p", tuple(FetchedComment(rid, words, START, author_name="Reader") for rid, words in texts), complete=True
        )
        recording.record_comments(store, variant, batch, now=at)

    shown = feedback.list_comments(store, FeedbackFilter(variant_id=variant))
    held = [(c.remote_id, c.text) for c in shown if not c.deleted]
    fetch(*held, at=later)  # the collector's routine read: nothing new
    stamps = [feedback.activity_stamp(store)]
    fetch(*held, at=later + timedelta(minutes=5))
    assert feedback.activity_stamp(store) == stamps[-1]

    def moved() -> bool:
        stamps.append(feedback.activity_stamp(store))
        return stamps[-1] != stamps[-2]

    held.append(("new", "A new comment"))
    fetch(*held, at=later + timedelta(minutes=10))
    assert moved()  # collected
    assert detect_languages(store) > 0
    assert moved()  # its language found
    held[-1] = ("new", "A new comment, edited")
    fetch(*held, at=later + timedelta(minutes=15))
    assert moved()  # edited
    fetch(*held[:-1], at=later + timedelta(minutes=20))
    assert moved()  # deleted
    target = next(c.id for c in feedback.list_comments(store) if c.unread)
    feedback_service.mark_read(store, [target], read=True)
    assert moved()  # read
    feedback_service.mark_read(store, [target], read=False)
    assert moved()  # unread again
    feedback_service.set_language(store, target, "de")
    assert moved()  # its language set by a reader

    def fail(minutes: int) -> None:
        at = later + timedelta(minutes=minutes)
        recording.record_failure(store, variant, now=at, error_class="rate_limited", error="Later.", next_poll_at=None)

    fail(25)
    assert moved()  # a failing collection
    fail(26)
    assert not moved()  # failing again the same way: the screens' line is the same
    fetch(*held[:-1], at=later + timedelta(minutes=30))
    assert moved()  # and its recovery


def test_bad_periods_are_refused_in_a_sentence(inbox: tuple[Store, dict[str, int], list[int]]) -> None:
    store, _ids, _variants = inbox
    with pytest.raises(UserError, match="ends before it begins"):
        feedback.list_comments(store, FeedbackFilter(since=START, until=START))
    with pytest.raises(UserError, match="needs its time zone"):
        feedback.list_comments(store, FeedbackFilter(since=datetime(2027, 3, 1)))
    with pytest.raises(UserError, match="no comment 4242"):
        feedback.get_comment(store, 4242)


@pytest.mark.postgres
def test_in_a_team_each_login_reads_only_its_groups_comments(team: Team) -> None:
    owner = team.owner
    made = {
        name: published(team.store(login), f"Post for {name}", name)
        for name, login in (("Tokyo", "officer"), ("Berlin", "berlin"))
    }
    with owner.write() as conn:
        pairs = conn.execute(variants.select().with_only_columns(variants.c.id, variants.c.account_id)).all()
        account_of = {variant_id: account_id for variant_id, account_id in pairs}
        for name, variant_id in made.items():
            conn.execute(
                comments.insert().values(
                    variant_id=variant_id,
                    account_id=account_of[variant_id],
                    remote_id=f"c-{name}",
                    text=f"Hello {name}",
                    created_at=START,
                    first_seen_at=START,
                    last_seen_at=START,
                )
            )
    assert {c.text for c in feedback.list_comments(team.store("officer"))} == {"Hello Tokyo"}
    assert {c.text for c in feedback.list_comments(team.store("berlin"))} == {"Hello Berlin"}
    assert {c.text for c in feedback.list_comments(team.store("admin"))} == {"Hello Tokyo", "Hello Berlin"}
    berlin_comment = feedback.list_comments(team.store("berlin"))[0].id
    # Marking another group's comment read changes nothing: the row is not there for this login.
    assert feedback_service.mark_read(team.store("officer"), [berlin_comment]) == 0
    assert feedback.get_comment(owner, berlin_comment).unread
