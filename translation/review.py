"""The review workflow: fill a post's variants with translations, and learn from people's edits.

:func:`translate_post` writes a machine translation into every open variant whose language
differs from the post's and whose text is still the untranslated source (or, on request, an
earlier machine translation); a variant a person has written is never overwritten.
:func:`correct_variant` stores a person's text in a variant and remembers it in the translation
memory, so that the same post text is translated that way from then on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from core import platforms, queries
from core.domain import OPEN_STATUSES, TextOrigin, Variant
from core.errors import ConflictError, EditConflictError
from core.services import posts
from core.store import Store
from translation import memory
from translation.engine import Engine
from translation.quality import LengthFunction
from translation.service import TranslationResult, TranslationService

#: A platform's length rule: ``(limit, length function)``, or ``None`` when it has none.
LimitFor = Callable[[str], tuple[int, LengthFunction] | None]


def _wanted(variant: Variant, source_language: str, origins: set[TextOrigin]) -> bool:
    return variant.status in OPEN_STATUSES and variant.language != source_language and variant.text_origin in origins


def translate_post(
    store: Store,
    post_id: int,
    *,
    engine: Engine | None = None,
    limit_for: LimitFor | None = None,
    force: bool = False,
    actor: str | None = None,
) -> list[TranslationResult]:
    """Translate a post into each open variant's language and store it there, unreviewed.

    Variants still holding the source text are filled; with ``force``, earlier machine
    translations are redone too. Variants in the post's own language and variants a person
    wrote are left alone. Returns one result per variant filled (``variant_id`` set), flagged
    against the variant's platform length rule (``limit_for``, default
    :func:`core.platforms.length_rule`).
    """
    post = queries.get_post(store, post_id)
    origins = {TextOrigin.SOURCE} | ({TextOrigin.MACHINE} if force else set())
    todo = [v for v in post.variants if _wanted(v, post.source_language, origins)]
    if not todo:
        return []
    rule_for = limit_for or platforms.length_rule
    service = TranslationService(store, engine)
    # One batched call per platform rule (the flags depend on it); the memory serves repeats.
    by_rule: dict[str, list[Variant]] = {}
    for variant in todo:
        by_rule.setdefault(variant.platform, []).append(variant)
    results: list[TranslationResult] = []
    for platform, group in by_rule.items():
        rule = rule_for(platform)
        limit, length = rule if rule is not None else (None, None)
        languages = list(dict.fromkeys(v.language for v in group))
        translated = service.translate(post.text, post.source_language, languages, limit=limit, length=length)
        by_language = {r.target_language: r for r in translated}
        for variant in group:
            result = by_language[variant.language]
            if _store_translation(store, variant, result, post.source_language, origins, actor):
                results.append(dataclasses.replace(result, variant_id=variant.id))
    order = {v.id: i for i, v in enumerate(post.variants)}
    return sorted(results, key=lambda r: order.get(r.variant_id or 0, 0))


def _store_translation(
    store: Store,
    variant: Variant,
    result: TranslationResult,
    source_language: str,
    origins: set[TextOrigin],
    actor: str | None,
) -> bool:
    """Write ``result`` into ``variant`` unless a person changed it while it was being translated.

    The write is conditional on the version that was translated, in the same transaction as
    the check, so an edit landing at any moment after the read wins. A change that left the
    text as it was (a reschedule) is not a reason to drop the translation: it is tried once
    more against the new version.
    """
    expected = variant.version
    for _ in range(2):
        try:
            posts.edit_variant(
                store,
                variant.id,
                text=result.text,
                expected_version=expected,
                origin=TextOrigin.MACHINE,
                translation_path=">".join(result.path),
                reviewed=False,
                actor=actor,
            )
            return True
        except EditConflictError as conflict:
            current = queries.get_variant(store, variant.id)
            if conflict.current_text != variant.text or not _wanted(current, source_language, origins):
                return False  # a person's text (or a new source text) is there now: it stays
            expected = current.version
        except ConflictError:
            return False  # published, publishing or cancelled meanwhile
    return False


def correct_variant(
    store: Store,
    variant_id: int,
    text: str,
    *,
    expected_version: int | None,
    reviewed: bool = True,
    actor: str | None = None,
) -> Variant:
    """Store a person's text in a variant (marked human, reviewed by default) and remember it.

    ``expected_version`` is the version the person was looking at (see
    :func:`core.services.posts.edit_variant`): a stale one raises :class:`EditConflictError`.
    When the variant is a translation (its language differs from the post's), the text is
    remembered as the human translation of the post's text, preferred by later translations.
    """
    variant = queries.get_variant(store, variant_id)
    post = queries.get_post(store, variant.post_id)
    edited = posts.edit_variant(
        store,
        variant_id,
        text=text,
        expected_version=expected_version,
        origin=TextOrigin.HUMAN,
        reviewed=reviewed,
        actor=actor,
    )
    if edited.language != post.source_language:
        memory.remember_correction(store, post.source_language, edited.language, post.text, edited.text, actor=actor)
    return edited
