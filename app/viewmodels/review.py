"""The review of a post's variants: flags, counters, the scheduling gate, edits and one-sentence retranslation.

The view functions compute what each variant pane shows; the work functions (``save_text``,
``set_reviewed``, ``retranslate``, ``load_terms``) run in operations and return outcomes the
pane renders, an edit conflict included (it is an outcome to show, not a failure).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.viewmodels.composer import Count, count
from core import platforms
from core.domain import Post, TextOrigin, Variant, VariantStatus
from core.errors import EditConflictError, UserError
from core.merge import Clash, Merged, merge3
from core.services import posts
from core.store import Store
from translation import glossary, quality, review, spans
from translation.glossary import GlossaryTerm
from translation.sentences import RuleSentencizer
from translation.service import TranslationService


@dataclass(frozen=True)
class VariantView:
    """One variant as its pane shows it."""

    variant: Variant
    timezone: str  # the account's zone (its wall clock for scheduling)
    count: Count
    flags: tuple[quality.Flag, ...]
    untranslated: bool  # another language, still holding the source text
    repeating: bool  # the template of an active recurrence


def _protected(pieces: Sequence[spans.Piece]) -> list[str]:
    found = spans.protected_texts(pieces)
    return found + [p.replacement for p in pieces if p.kind is spans.Kind.FORCED and p.replacement]


def flags_for(post: Post, variant: Variant, entries: Sequence[GlossaryTerm] = ()) -> tuple[quality.Flag, ...]:
    """The quality flags of ``variant``'s text now (so a person's edit is judged too)."""
    rule = platforms.length_rule(variant.platform)
    limit, length = rule if rule is not None else (None, None)
    if variant.language == post.source_language:
        return tuple(
            quality.check(post.text, variant.text, post.source_language, variant.language, limit=limit, length=length)
        )
    pieces = spans.split(post.text, [e.as_span_term() for e in entries])
    return tuple(
        quality.check(
            post.text,
            variant.text,
            post.source_language,
            variant.language,
            protected=_protected(pieces),
            prose_length=sum(len(core) for core in spans.prose_cores(pieces)),
            limit=limit,
            length=length,
        )
    )


def variant_views(
    post: Post,
    zones: Mapping[int, str],
    terms: Mapping[str, Sequence[GlossaryTerm]] | None = None,
    repeating: Iterable[int] = (),
) -> list[VariantView]:
    """A view per variant of ``post`` (``zones``: account id -> time zone), cancelled ones left out."""
    repeats = set(repeating)
    found = []
    for v in post.variants:
        if v.status is VariantStatus.CANCELLED:
            continue
        entries = (terms or {}).get(v.language, ())
        untranslated = v.language != post.source_language and v.text_origin is TextOrigin.SOURCE
        found.append(
            VariantView(
                variant=v,
                timezone=zones.get(v.account_id) or v.schedule_zone or "UTC",
                count=count(v.account_name, v.platform, v.text),
                flags=flags_for(post, v, entries),
                untranslated=untranslated,
                repeating=v.id in repeats,
            )
        )
    return found


@dataclass(frozen=True)
class Gate:
    """Whether the post may be scheduled now, and if not, every reason."""

    nothing_open: bool = False
    over: tuple[Count, ...] = ()
    unreviewed: tuple[str, ...] = ()
    unsaved: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool:
        """True when nothing stands in the way."""
        return not (self.nothing_open or self.over or self.unreviewed or self.unsaved)


def schedulable(view: VariantView) -> bool:
    """Whether "Schedule" acts on this variant (open and not a recurrence's template)."""
    return view.variant.is_open and not view.repeating


def schedule_gate(views: Sequence[VariantView], unsaved: Iterable[int] = ()) -> Gate:
    """Blocked while a target is over its limit, not reviewed, or has edits not saved yet (``unsaved``: ids)."""
    chosen = [v for v in views if schedulable(v)]
    if not chosen:
        return Gate(nothing_open=True)
    pending = set(unsaved)
    return Gate(
        over=tuple(v.count for v in chosen if v.count.over),
        unreviewed=tuple(v.variant.account_name for v in chosen if not v.variant.reviewed),
        unsaved=tuple(v.variant.account_name for v in chosen if v.variant.id in pending),
    )


def action_gate(view: VariantView, *, unsaved: bool = False) -> Gate:
    """The same rule for one variant's own actions ("Publish now", "Repeat")."""
    if not view.variant.is_open:
        return Gate(nothing_open=True)
    name = view.variant.account_name
    return Gate(
        over=(view.count,) if view.count.over else (),
        unreviewed=() if view.variant.reviewed else (name,),
        unsaved=(name,) if unsaved else (),
    )


# --- highlighting ---------------------------------------------------------------------------------


def source_terms(entries: Iterable[GlossaryTerm]) -> tuple[spans.Term, ...]:
    """Glossary terms as they appear in the source text."""
    return tuple(dict.fromkeys(e.as_span_term() for e in entries))


def target_terms(entries: Iterable[GlossaryTerm]) -> tuple[spans.Term, ...]:
    """Glossary terms as they appear in a translation: kept as written, or their forced translation."""
    found = [spans.Term(e.translation or e.term, None, e.case_sensitive) for e in entries]
    return tuple(dict.fromkeys(found))


def load_terms(store: Store, source: str, targets: Iterable[str]) -> dict[str, list[GlossaryTerm]]:
    """The glossary entries of each pair ``source`` -> target, in one read."""
    with store.read() as conn:
        return {t: glossary.terms_for_pair(conn, source, t) for t in dict.fromkeys(targets) if t != source}


# --- edits ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """Someone changed the variant after it was shown: both texts, and the version there now.

    ``base`` is the text both edits started from (empty when unknown): with it, edits to
    different words merge into one text (:func:`core.merge.merge3`).
    """

    variant_id: int
    mine: str
    theirs: str
    version: int
    base: str = ""

    def merged(self) -> Merged:
        """Both edits in one text, with the places both changed differently (mine kept there)."""
        if not self.base:
            return Merged(self.mine, (Clash(0, len(self.mine), self.mine, self.theirs),))
        return merge3(self.base, self.mine, self.theirs)


@dataclass(frozen=True)
class EditOutcome:
    """A saved variant, or the conflict that kept it from being saved."""

    variant: Variant | None = None
    conflict: Conflict | None = None


def _conflict(error: EditConflictError, base: str) -> EditOutcome:
    return EditOutcome(
        conflict=Conflict(error.variant_id, error.attempted_text, error.current_text, error.current_version, base)
    )


def save_text(
    store: Store, variant_id: int, text: str, shown_version: int, *, reviewed: bool, base: str = ""
) -> EditOutcome:
    """Store a person's text (remembered as their translation) if the variant is still at ``shown_version``.

    ``base`` is the text shown before the person edited it, kept in a conflict so that it can be merged.
    """
    try:
        return EditOutcome(
            review.correct_variant(store, variant_id, text, expected_version=shown_version, reviewed=reviewed)
        )
    except EditConflictError as error:
        return _conflict(error, base)


def set_reviewed(store: Store, shown: Variant, text: str, *, reviewed: bool) -> EditOutcome:
    """Mark (or unmark) ``shown`` reviewed; an edited text is saved with the mark, an untouched one keeps its origin."""
    if text.strip() != shown.text:
        return save_text(store, shown.id, text, shown.version, reviewed=reviewed, base=shown.text)
    try:
        return EditOutcome(
            posts.edit_variant(
                store,
                shown.id,
                text=shown.text,
                expected_version=shown.version,
                origin=shown.text_origin,
                translation_path=shown.translation_path,
                reviewed=reviewed,
            )
        )
    except EditConflictError as error:
        return _conflict(error, shown.text)


# --- one sentence again ---------------------------------------------------------------------------


def sentence_bounds(text: str, language: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, as the rule splitter sees them."""
    bounds: list[tuple[int, int]] = []
    position = 0
    for sentence in RuleSentencizer(language).split_sentences(text):
        start = text.find(sentence, position)
        if start < 0:  # the splitter strips; a sentence it changed cannot be placed
            break
        bounds.append((start, start + len(sentence)))
        position = start + len(sentence)
    return bounds


@dataclass(frozen=True)
class Retranslation:
    """The source sentence to translate again, and the span of the variant it replaces."""

    source_sentence: str
    start: int
    end: int


def plan_retranslation(
    source_text: str, source_language: str, variant_text: str, target_language: str, cursor: int
) -> Retranslation:
    """The sentence under ``cursor`` in the variant, paired with the source sentence at the same place."""
    targets = sentence_bounds(variant_text, target_language)
    sources = sentence_bounds(source_text, source_language)
    index = next((i for i, (start, end) in enumerate(targets) if start <= cursor <= end), None)
    if index is None:
        raise UserError("Put the cursor in the sentence to translate again.")
    if len(targets) != len(sources):
        raise UserError(
            f"The translation has {len(targets)} sentences and the source {len(sources)}, so they cannot be "
            "paired; edit the sentence by hand or translate the whole post again."
        )
    start, end = targets[index]
    source_start, source_end = sources[index]
    return Retranslation(source_text[source_start:source_end], start, end)


def retranslate(store: Store, plan: Retranslation, source_language: str, target_language: str) -> str:
    """A fresh machine translation of the plan's source sentence (the memory's earlier answer is not reused)."""
    service = TranslationService(store)
    return service.translate(plan.source_sentence, source_language, [target_language], use_memory=False)[0].text


def apply_retranslation(variant_text: str, plan: Retranslation, translated: str) -> str:
    """``variant_text`` with the planned sentence replaced by ``translated``."""
    return variant_text[: plan.start] + translated.strip() + variant_text[plan.end :]
