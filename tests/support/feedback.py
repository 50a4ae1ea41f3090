"""Comments written straight into the store, as the collector would leave them, for the Feedback tests.

The tests of the screen and of the reports need comments in several languages, some read, some
edited or deleted, some translated, and a collection that failed; they need no platform. Rows go
into the comment tables directly (the collector's own tests cover how they get there).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core import timeutil
from core.queries.feedback import text_hash
from core.services import posts
from core.store import Store
from core.store.tables import comment_polls, comment_revisions, comment_translations, comments, variants


def published(store: Store, text: str, account: str, *, at: datetime | None = None) -> int:
    """A post's one variant on ``account``, marked published (with its web address); the variant's id."""
    post = posts.create_post(store, text=text, accounts=[account])
    variant_id = post.variants[0].id
    with store.write() as conn:
        conn.execute(
            variants.update()
            .where(variants.c.id == variant_id)
            .values(
                status="published",
                remote_id=f"r{variant_id}",
                remote_url=f"https://example.org/posts/{variant_id}",
                published_at=at or timeutil.now_utc() - timedelta(days=1),
            )
        )
    return variant_id


@dataclass(frozen=True)
class Written:
    """A comment to write: its text and how the platform, the detector and the readers left it."""

    text: str
    author: str = "Reader"
    language: str | None = None
    confidence: float | None = 0.95
    source: str | None = "detected"
    ago: timedelta = timedelta(hours=1)
    read_by: str | None = None
    deleted: bool = False
    earlier: tuple[str, ...] = ()  # the texts it had before (it was edited)
    translations: tuple[tuple[str, str], ...] = ()  # (language, text), made from the current text
    likes: int | None = None


def add_comment(store: Store, variant_id: int, comment: Written, *, now: datetime | None = None) -> int:
    """Write ``comment`` on ``variant_id`` as collected; its id."""
    moment = now or timeutil.now_utc()
    written_at = moment - comment.ago
    with store.write() as conn:
        account_id = conn.execute(variants.select().where(variants.c.id == variant_id)).one().account_id
        count = conn.execute(comments.select().with_only_columns(comments.c.id)).all()
        comment_id = int(
            conn.execute(
                comments.insert().values(
                    variant_id=variant_id,
                    account_id=account_id,
                    remote_id=f"c{len(count) + 1}",
                    author_name=comment.author,
                    text=comment.text,
                    language=comment.language,
                    language_confidence=comment.confidence if comment.language else None,
                    language_source=comment.source if comment.language else None,
                    created_at=written_at,
                    edited_at=moment - comment.ago / 2 if comment.earlier else None,
                    deleted_at=moment if comment.deleted else None,
                    first_seen_at=written_at,
                    last_seen_at=moment,
                    read_at=moment if comment.read_by else None,
                    read_by=comment.read_by,
                    like_count=comment.likes,
                )
            ).inserted_primary_key[0]
        )
        for number, text in enumerate((*comment.earlier, comment.text), start=1):
            conn.execute(
                comment_revisions.insert().values(
                    comment_id=comment_id, number=number, text=text, seen_at=written_at + timedelta(minutes=number)
                )
            )
        for language, text in comment.translations:
            conn.execute(
                comment_translations.insert().values(
                    comment_id=comment_id,
                    language=language,
                    source_language=comment.language or "en",
                    text=text,
                    translation_path=f"{comment.language}->{language}",
                    source_sha256=text_hash(comment.text),
                    created_at=moment,
                )
            )
    return comment_id


def collection_failed(store: Store, variant_id: int, error_class: str, error: str) -> None:
    """Record that the last collection of ``variant_id``'s comments failed, and why."""
    with store.write() as conn:
        conn.execute(
            comment_polls.insert().values(
                variant_id=variant_id, last_polled_at=timeutil.now_utc(), error_class=error_class, error=error
            )
        )


def sample_inbox(store: Store) -> dict[str, int]:
    """Six comments on three posts of the app tests' press accounts (Hanoi (X), Tokyo (X), London (FB)).

    Newest first: translated and unread, read by bao, uncertain, edited, deleted, and one 40 days old
    whose language is not detected; five are unread. Returns the comments' and two variants' ids.
    """
    hanoi = published(store, "Hội nghị thượng đỉnh ASEAN tại Hà Nội", "Hanoi (X)")
    tokyo = published(store, "東京での首脳会談", "Tokyo (X)")
    london = published(store, "The summit opens in Hanoi", "London (FB)")
    made = {
        "hanoi_post": hanoi,
        "tokyo_post": tokyo,
        "thanks": add_comment(
            store,
            tokyo,
            Written(
                "ありがとうございます", author="Sato", language="ja", translations=(("en", "Thank you very much"),)
            ),
        ),
        "ministry": add_comment(
            store,
            hanoi,
            Written(
                "Cảm ơn Bộ Ngoại giao",
                author="Lan",
                language="vi",
                read_by="bao",
                ago=timedelta(hours=2),
                translations=(("en", "Thanks to the Ministry"),),
            ),
        ),
        "great": add_comment(
            store,
            london,
            Written("Great news from Hanoi", author="Jane", language="en", confidence=0.41, ago=timedelta(hours=3)),
        ),
        "edited": add_comment(
            store,
            hanoi,
            Written(
                "Tin rất tốt",
                author="Minh",
                language="vi",
                earlier=("Tin tốt",),
                ago=timedelta(hours=4),
                translations=(("en", "Very good news"),),
            ),
        ),
        "deleted": add_comment(
            store,
            tokyo,
            Written(
                "削除されたコメント",
                author="Kenji",
                language="ja",
                deleted=True,
                ago=timedelta(hours=5),
                translations=(("en", "A removed comment"),),
            ),
        ),
        "old": add_comment(store, london, Written("ok", author="Old", ago=timedelta(days=40))),
    }
    return made
