"""The Feedback screen without Qt: its filters as a query, the loads, and what a row needs said.

The filters read a period on the officer's calendar (presets or two dates), one account, one
language (``und``: not detected yet), unread only, and words in the comment or its author's name.
A load reads the newest page of comments (keyset, as the Audit screen pages), how many match and
how many of them are unread, the unread count of every comment (the sidebar's badge), the
accounts and languages the lists offer, and why collection fails on an account. Translation runs
for the rows on screen that have none in the reader's language (or an outdated one): detection
first for rows whose language is not known, then :func:`translation.comments.translate_comments`.
Everything here runs in operations on a pool thread; the widgets only show the results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

# Preset and Zone are named here too: the page and the tests read them as this module's.
from app.changes import OwnSerials
from app.viewmodels.periods import PeriodFilter, Zone
from app.viewmodels.periods import Preset as Preset
from core import languages, queries, timeutil
from core.domain import LanguageSource
from core.errors import UserError
from core.queries import feedback
from core.queries.analytics import Scope
from core.queries.feedback import (
    CollectionProblem,
    Comment,
    CommentPage,
    Cursor,
    FeedbackFilter,
    Revision,
)
from core.reports import comments as comment_report
from core.reports.comments import CommentCounts
from core.services import comments as comments_service
from core.services import feedback as feedback_service
from core.store import Store

if TYPE_CHECKING:
    from translation.comments import CommentTranslationReport

T = TypeVar("T")

#: Below this detector confidence a row's language carries the "uncertain" mark.
UNCERTAIN_BELOW = 0.6


@dataclass(frozen=True)
class Filters(PeriodFilter):
    """What the person chose above the list (the period, when the comment was written, then the lists).

    ``None`` and ``""`` mean "any".
    """

    account_id: int | None = None
    language: str | None = None  # UNKNOWN_LANGUAGE: not detected yet
    unread: bool = False
    text: str = ""

    def query(self, today: date, zone: Zone) -> FeedbackFilter:
        """The feedback query these filters select, the days read on the officer's clock."""
        since, until = self.bounds(today, zone)
        return FeedbackFilter(
            account_ids=(self.account_id,) if self.account_id is not None else (),
            languages=(self.language,) if self.language else (),
            since=since,
            until=until,
            unread=self.unread,
            text=self.text.strip(),
        )


# --- what a row says ---------------------------------------------------------------------------------


def uncertain(comment: Comment) -> bool:
    """Whether the row's language is a guess worth checking: a weak detection, or only the platform's say."""
    if comment.language is None:
        return False  # shown as unknown, not as an uncertain language
    if comment.language_source == LanguageSource.PERSON:
        return False  # a reader said so
    if comment.language_source == LanguageSource.PLATFORM:
        return True
    return comment.language_confidence is not None and comment.language_confidence < UNCERTAIN_BELOW


def needs_translation(comment: Comment, reader: str) -> bool:
    """Whether ``comment`` should be (re)translated into ``reader``: unknown language, none, or outdated."""
    if comment.language == reader:
        return False
    translation = comment.translation
    return translation is None or translation.language != reader or translation.stale


def shown_text(comment: Comment, reader: str, *, original: bool = False) -> str:
    """The text a row shows: the translation into ``reader`` when there is one (unless ``original``)."""
    translation = comment.translation
    if not original and comment.language != reader and translation is not None and translation.language == reader:
        return translation.text
    return comment.text


def one_line(text: str) -> str:
    """``text`` on one line (a table cell); the detail pane keeps its line breaks."""
    return " ".join(text.split())


# --- loads (on a pool thread) --------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountChoice:
    """An account the filter offers, and the zone its rows' times are shown in."""

    id: int
    name: str
    platform: str
    timezone: str


@dataclass(frozen=True)
class Loaded:
    """One load: a page of comments, the counts, and what the filter lists and the problem lines show."""

    page: CommentPage
    total: int
    unread: int  # of those matching the filters
    unread_all: int  # every unread comment, whatever the filters (the sidebar's count)
    accounts: list[AccountChoice] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    problems: list[CollectionProblem] = field(default_factory=list)


def load(store: Store, flt: FeedbackFilter, reader: str, limit: int = feedback.PAGE_SIZE) -> Loaded:
    """The first page of ``flt``'s comments (translations into ``reader``) and everything around it."""
    total, unread = feedback.count_comments(store, flt)
    return Loaded(
        page=feedback.comment_page(store, flt, reader_language=reader, limit=limit),
        total=total,
        unread=unread,
        unread_all=unread_count(store),
        accounts=[AccountChoice(a.id, a.name, a.platform, a.timezone) for a in queries.list_accounts(store)],
        languages=feedback.languages_seen(store),
        problems=feedback.collection_problems(store),
    )


def load_more(
    store: Store, flt: FeedbackFilter, after: Cursor, reader: str, limit: int = feedback.PAGE_SIZE
) -> CommentPage:
    """The page after ``after``."""
    return feedback.comment_page(store, flt, reader_language=reader, after=after, limit=limit)


def unread_count(store: Store) -> int:
    """How many comments nobody has read, on every account."""
    return feedback.count_comments(store, FeedbackFilter(unread=True))[1]


@dataclass(frozen=True)
class Detail:
    """What the detail pane shows of one comment: itself (with its translation) and its texts over time."""

    comment: Comment
    revisions: list[Revision]


def load_detail(store: Store, comment_id: int, reader: str) -> Detail:
    """``comment_id`` with its translation into ``reader`` and its edit history."""
    return Detail(
        feedback.get_comment(store, comment_id, reader_language=reader), feedback.revisions(store, comment_id)
    )


def reread(store: Store, comment_ids: Iterable[int], reader: str) -> list[Comment]:
    """``comment_ids`` read again (after a translation or a change of language); gone ones left out."""
    found = []
    for comment_id in comment_ids:
        try:
            found.append(feedback.get_comment(store, comment_id, reader_language=reader))
        except UserError:  # deleted from the store meanwhile (its variant was removed)
            continue
    return found


# --- changes (on a pool thread) ------------------------------------------------------------------------


def as_own(own: OwnSerials, work: Callable[[], T]) -> T:
    """Run ``work`` (a screen's own act on comments) and remember the counter values it wrote as
    the window's own, so that the feed does not reload the screen for what it shows already."""
    with comments_service.serials_written(lambda serial: own.add([serial])):
        return work()


def mark(store: Store, comment_ids: Sequence[int], *, read: bool) -> int:
    """Mark ``comment_ids`` read or unread; how many changed."""
    return feedback_service.mark_read(store, comment_ids, read=read)


def marked(comment: Comment, *, read: bool, now: datetime | None = None) -> Comment:
    """``comment`` as it reads after being marked (the row is updated in place, not reloaded)."""
    if read == (not comment.unread):
        return comment
    if read:
        return replace(comment, read_at=now or timeutil.now_utc())
    return replace(comment, read_at=None, read_by=None)


@dataclass(frozen=True)
class Translated:
    """A translation pass over some comments: the rows read again, and what could not be translated."""

    rows: list[Comment]
    report: CommentTranslationReport | None


def translate(store: Store, rows: Sequence[Comment], reader: str) -> Translated:
    """Detect the language of the ``rows`` not detected yet, translate them all into ``reader``, read them again.

    Only rows whose language is unknown are detected: a detection already made (or a person's
    choice) stands. The translation engine loads here, on the pool thread (never on the GUI thread).
    """
    ids = list(dict.fromkeys(row.id for row in rows))
    if not ids:
        return Translated([], None)
    from translation.comments import detect_languages, translate_comments
    from translation.service import TranslationService

    undetected = [row.id for row in rows if row.language is None]
    if undetected:
        detect_languages(store, undetected)
    report = translate_comments(store, TranslationService(store), reader, ids)
    return Translated(reread(store, ids, reader), report)


def set_language(store: Store, comment_id: int, code: str, reader: str) -> Translated:
    """Say which language ``comment_id`` is in, then translate it again from that language into ``reader``."""
    feedback_service.set_language(store, comment_id, code)
    comment = feedback.get_comment(store, comment_id, reader_language=reader)
    if not needs_translation(comment, reader):
        return Translated([comment], None)
    return translate(store, [comment], reader)


# --- what could not be translated -------------------------------------------------------------------


def untranslated(report: CommentTranslationReport | None) -> list[str]:
    """The sentences a translation pass left for the reader: the packs to install, then other problems.

    Each is a :class:`core.words.Msg` (or plain text) that the page words in the interface's language.
    """
    return [] if report is None else report.messages


# --- the dashboard's comments tile ------------------------------------------------------------------------


def load_counts(store: Store, scope: Scope, posts: int = comment_report.MOST_COMMENTED) -> CommentCounts:
    """The comments the dashboard's scope covers: totals, per language, the most commented posts."""
    return comment_report.comment_counts(store, scope, posts=posts)


def language_label(code: str) -> str:
    """``Japanese (ja)``; the code alone for one the app does not know. Not-detected rows are worded by the widget."""
    name = languages.name(code)
    return code if name == code else f"{name} ({code})"
