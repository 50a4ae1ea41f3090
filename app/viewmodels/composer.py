"""The composer's state: the accounts to choose from, per-target counters, and its session with the store.

:class:`ComposerSession` holds the draft being edited; its methods are the work of the
composer's operations (they run on the serial task pool, one after the other, so that the draft
made by the first autosave is the one every later save updates).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from core import languages, platforms, queries
from core.domain import Account, Post
from core.errors import UserError
from core.services import drafts, media, media_store
from core.services.drafts import DraftContent, DraftMedia, Saved
from core.store import Store
from scheduler import services as scheduler_services
from translation import review
from translation.service import TranslationResult

#: Reports ``(done, total, what)``: an :class:`app.ops.Progress`'s ``report``.
Report = Callable[[int, "int | None", str], None]


@dataclass(frozen=True)
class AccountOption:
    """An account the post can go to, as the checkable list shows it."""

    id: int
    name: str
    platform: str
    language: str
    timezone: str


def account_options(accounts: Iterable[Account]) -> list[AccountOption]:
    """The accounts, as the list shows them (by name)."""
    return sorted(
        (AccountOption(a.id, a.name, a.platform, a.language, a.timezone) for a in accounts), key=lambda o: o.name
    )


@dataclass(frozen=True)
class Count:
    """One target's length against its platform's limit."""

    account: str
    platform: str
    length: int
    limit: int | None  # None: the platform states no limit
    unit: str

    @property
    def over(self) -> bool:
        """Whether the text is longer than the platform takes."""
        return self.limit is not None and self.length > self.limit


def measure(platform: str, text: str) -> tuple[int, int | None, str]:
    """``(length, limit, unit)`` of ``text`` on ``platform`` (X: weighted; a plugin: its own rule)."""
    spec = platforms.find_spec(platform)
    if spec is None:  # no connector installed for it any more: count characters, state no limit
        return len(text), None, platforms.DEFAULT_LENGTH_UNIT
    return spec.length(text), spec.length_limit, spec.length_unit


def count(account: str, platform: str, text: str) -> Count:
    """The :class:`Count` of ``text`` for one account."""
    length, limit, unit = measure(platform, text)
    return Count(account, platform, length, limit, unit)


def counters(text: str, chosen: Sequence[AccountOption]) -> list[Count]:
    """One counter per chosen account, in their order."""
    return [count(option.name, option.platform, text) for option in chosen]


def over_limit(counts: Iterable[Count]) -> list[Count]:
    """The counters past their limit."""
    return [c for c in counts if c.over]


def language_choices(options: Sequence[AccountOption]) -> list[str]:
    """Language codes for the source combo: the accounts' languages first, then every other code."""
    first = list(dict.fromkeys(o.language for o in options))
    return first + sorted(code for code in languages.LANGUAGES if code not in first)


def effective_language(chosen: str | None, targets: Sequence[AccountOption]) -> str | None:
    """The source language: the one chosen, else the first target's (as the post will get)."""
    if chosen:
        return chosen
    return targets[0].language if targets else None


@dataclass(frozen=True)
class Loaded:
    """What the composer needs at start: accounts, the draft to reopen, its post."""

    accounts: list[AccountOption]
    draft: drafts.Draft | None
    post: Post | None
    repeating: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Translated:
    """The outcome of "Translate": the saved draft, its post now, and one result per variant filled."""

    saved: Saved
    post: Post
    results: list[TranslationResult] = field(default_factory=list)
    repeating: frozenset[int] = frozenset()


def repeating_variants(store: Store, post: Post | None) -> frozenset[int]:
    """The variants of ``post`` that are templates of an active recurrence."""
    if post is None:
        return frozenset()
    ids = {v.id for v in post.variants}
    return frozenset(r.template_variant_id for r in scheduler_services.list_recurrences(store) if r.active) & ids


class ComposerSession:
    """The draft being composed; its methods run on the serial task pool, never on the GUI thread."""

    def __init__(self, draft_id: int | None = None) -> None:
        self.draft_id = draft_id

    def load(self, store: Store, *, reopen: bool) -> Loaded:
        """Accounts, and (with ``reopen``) the last unsent draft with its post."""
        options = account_options(queries.list_accounts(store))
        draft = None
        if reopen:
            draft = drafts.latest_draft(store)
            self.draft_id = draft.id if draft is not None else None
        elif self.draft_id is not None:
            draft = drafts.get_draft(store, self.draft_id)
        if draft is not None:
            draft = media_here(store, draft)
        post = queries.get_post(store, draft.post_id) if draft is not None and draft.post_id is not None else None
        return Loaded(options, draft, post, repeating_variants(store, post))

    def save(self, store: Store, content: DraftContent) -> Saved:
        """Store the composer's content (the first save makes the draft)."""
        saved = drafts.save_draft(store, self.draft_id, content)
        self.draft_id = saved.draft.id
        return saved

    def translate(self, store: Store, content: DraftContent, report: Report) -> Translated:
        """Save, make or update the post, and translate it into every target language."""
        report(0, 3, "saving")
        self.save(store, content)
        assert self.draft_id is not None
        report(1, 3, "post")
        saved = drafts.post_for_draft(store, self.draft_id)
        assert saved.post is not None
        report(2, 3, "translating")
        results = review.translate_post(store, saved.post.id)
        post = queries.get_post(store, saved.post.id)
        report(3, 3, "done")
        return Translated(saved, post, results, repeating_variants(store, post))

    def start_new(self) -> None:
        """Forget the current draft: the next save makes a new one (the old one stays in the store)."""
        self.draft_id = None

    def open(self, store: Store, draft_id: int) -> Loaded:
        """Make ``draft_id`` the draft being composed, with the accounts and its post."""
        draft = drafts.get_draft(store, draft_id)  # a NotFoundError when another window discarded it
        self.draft_id = draft.id
        return self.load(store, reopen=False)

    def discard(self, store: Store) -> bool:
        """Delete the current draft (and its post while nothing of it was scheduled); ``False`` if there was none."""
        if self.draft_id is None:
            return False
        drafts.discard_draft(store, self.draft_id)
        self.draft_id = None
        return True


@dataclass(frozen=True)
class DraftChoice:
    """One unsent draft as the drafts menu lists it."""

    id: int
    title: str  # its first line, shortened; empty when nothing was typed
    updated_at: datetime
    targets: int  # accounts ticked
    current: bool  # the one in the composer now


#: How much of a draft's first line the menu shows.
TITLE_CHARS = 60


def draft_choices(store: Store, current_id: int | None) -> list[DraftChoice]:
    """The person's unsent drafts, the most recently edited first."""
    choices = []
    for draft in drafts.list_drafts(store):
        first = next((line.strip() for line in draft.content.text.splitlines() if line.strip()), "")
        title = first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "…"
        choices.append(
            DraftChoice(draft.id, title, draft.updated_at, len(draft.content.account_ids), draft.id == current_id)
        )
    return choices


def attach(path: str) -> DraftMedia:
    """Check a file the person dropped or chose and copy it into the media folder (a :class:`UserError` if refused)."""
    prepared = media.prepare_files([(path, "")])[0]
    return DraftMedia(str(prepared.path), "")


def media_here(store: Store, draft: drafts.Draft) -> drafts.Draft:
    """``draft`` with each attachment as a file on this machine: a draft saved on another machine
    of the team names files of that machine's media folder, whose content is in the store.

    An attachment nowhere to be found keeps its path: it shows no thumbnail, and sending the draft
    refuses it with a sentence.
    """
    here = []
    for item in draft.content.media:
        try:
            here.append(replace(item, path=media_store.local_path(store, item.path)))
        except UserError:
            here.append(item)
    return replace(draft, content=replace(draft.content, media=tuple(here)))
