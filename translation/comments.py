"""The audience's comments: their languages detected, then translated into a reader's language.

Both run after the collector has stored new comments (:mod:`core.services.comments`), in the
worker or a background task, never on the GUI thread. Translation goes through the same
pipeline as outgoing posts (:class:`~translation.service.TranslationService`: protected spans,
glossary, translation memory), with every comment of a batch planned first and then sent to the
engine together, one call per language pair and pivot leg, so that a thousand comments are not
a thousand engine calls.

A translation remembers the hash of the text it was made from (``source_sha256``): after an
edit it no longer matches, and the next pass translates the comment again. A deleted comment is
translated like any other: its text stays for the record. Nothing here sends anything anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, bindparam, or_, select

from core import languages
from core.domain import LanguageSource
from core.errors import UserError, message_of
from core.queries.feedback import text_hash
from core.services import comments as recording
from core.store import Store
from core.store.tables import comment_translations, comments
from core.timeutil import now_utc
from core.words import Msg, in_app
from translation import detect, memory
from translation.engine import snapshot
from translation.service import Plan, TranslationService

# Translation uses the pipeline's steps (``plan``, ``run_plans``, ``finish``) as
# TranslationService.translate does for one text into several languages; here for many texts
# into one language, so that every comment of a batch shares the engine calls.

#: Comments read, detected or written per statement (well under every database's parameter limit).
CHUNK = 500
#: Comments planned and sent through the engine together: large enough that each language pair
#: is one engine call for a whole collection, small enough to bound the memory a backlog takes.
BATCH = 2000

_PERSON = LanguageSource.PERSON.value


# --- language detection -----------------------------------------------------------------------


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _detection_pages(store: Store, comment_ids: Sequence[int] | None) -> Iterator[list[Any]]:
    """Rows (id, text, platform_language) to detect, a page at a time; a person's choice is never among them."""
    not_person = or_(comments.c.language_source.is_(None), comments.c.language_source != _PERSON)
    columns = select(comments.c.id, comments.c.text, comments.c.platform_language).where(not_person)
    if comment_ids is not None:
        for chunk in _chunks(comment_ids):
            with store.read() as conn:
                yield list(conn.execute(columns.where(comments.c.id.in_(chunk)).order_by(comments.c.id)))
        return
    after = 0
    while True:  # every comment whose language is not known yet, by id (keyset: unknowns stay NULL)
        query = columns.where(comments.c.language.is_(None), comments.c.id > after).order_by(comments.c.id)
        with store.read() as conn:
            rows = list(conn.execute(query.limit(CHUNK)))
        if not rows:
            return
        yield rows
        after = rows[-1].id


# Guarded twice: a person may name the language meanwhile, and the collector may record an edit
# (whose own detection then comes after this one's).
_SET_LANGUAGE = (
    comments.update()
    .where(
        comments.c.id == bindparam("b_id"),
        comments.c.text == bindparam("b_text"),
        or_(comments.c.language_source.is_(None), comments.c.language_source != _PERSON),
    )
    .values(
        language=bindparam("b_language"),
        language_confidence=bindparam("b_confidence"),
        language_source=bindparam("b_source"),
    )
)


def detect_languages(store: Store, comment_ids: Sequence[int] | None = None) -> int:
    """Detect the language of ``comment_ids`` (default: every comment whose language is unknown).

    A language a person set is kept. The platform's guess (``platform_language``) is taken when
    the detector is unsure; a comment neither can name keeps (or gets back) an unknown language.
    Returns how many of the comments got a language.
    """
    named = 0
    for rows in _detection_pages(store, comment_ids):
        found = detect.detect_many((row.text, row.platform_language) for row in rows)
        known: list[dict[str, Any]] = []
        unknown: list[dict[str, Any]] = []
        for row, detection in zip(rows, found, strict=True):
            values: dict[str, Any] = {"b_id": row.id, "b_text": row.text}
            if detection.language is None:  # unknown: no confidence or source to keep either
                unknown.append(values | {"b_language": None, "b_confidence": None, "b_source": None})
            else:
                confidence = round(detection.confidence, 4)
                source = detection.source.value
                known.append(
                    values | {"b_language": detection.language, "b_confidence": confidence, "b_source": source}
                )
        with store.write() as conn:
            if known:
                named += int(conn.execute(_SET_LANGUAGE, known).rowcount or 0)
            if unknown:
                conn.execute(_SET_LANGUAGE, unknown)
            if known:  # last: every writer takes the counter's row after its comments' rows
                recording.note_activity(conn)  # the Feedback screen shows each comment's language
    return named


# --- translation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingPack:
    """Comments left untranslated because no installed pack (or pair of packs) makes the pair."""

    source: str
    target: str
    comments: int
    #: One sentence for the reader: which pack to install, and where (a :class:`~core.words.Msg`).
    message: str


@dataclass(frozen=True)
class CommentTranslationReport:
    """What one translation pass did."""

    target: str
    #: Comments whose translation was stored (new or redone).
    translated: int = 0
    #: Of those, comments every segment of which came from the translation memory.
    from_memory: int = 0
    #: Distinct prose segments sent to the engine (not in memory); a pivoted one goes through two legs.
    engine_segments: int = 0
    missing: tuple[MissingPack, ...] = ()
    #: A sentence each for packs that are installed but could not translate (damaged, replaced).
    problems: tuple[str, ...] = ()

    @property
    def messages(self) -> list[str]:
        """Every sentence a reader should see: the packs to install, then other problems."""
        return [m.message for m in self.missing] + list(self.problems)


@dataclass
class _Candidate:
    id: int
    text: str
    language: str
    plan: Plan | None = None


def missing_pack_sentence(source: str, target: str, pairs: set[tuple[str, str]], pivot: str = "en") -> Msg:
    """Which pack to install so that ``source`` comments can be read in ``target``, in one sentence.

    The app's wording sends the reader to the Language packs screen, the CLI's to ``lang install``.
    When one leg through ``pivot`` is already installed, the other leg is named as a way too.
    """
    names = {
        "source": source,
        "target": target,
        "source_name": languages.name(source),
        "target_name": languages.name(target),
        "pivot": pivot,
        "pivot_name": languages.name(pivot),
    }
    if pivot in (source, target):
        return Msg(
            "No language pack for {source} -> {target} ({source_name} into {target_name}): install one with "
            "'communique lang install FILE'.",
            app=in_app(
                "No language pack for {source} -> {target} ({source_name} into {target_name}): install one on the "
                "Language packs screen."
            ),
            **names,
        )
    if (source, pivot) in pairs or (pivot, target) in pairs:
        leg = f"{pivot} -> {target}" if (source, pivot) in pairs else f"{source} -> {pivot}"
        return Msg(
            "No language pack for {source} -> {target} ({source_name} into {target_name}): install one with "
            "'communique lang install FILE' ({source} -> {target}, or {leg} to go through {pivot_name}).",
            app=in_app(
                "No language pack for {source} -> {target} ({source_name} into {target_name}): install one on the "
                "Language packs screen ({source} -> {target}, or {leg} to go through {pivot_name})."
            ),
            leg=leg,
            **names,
        )
    return Msg(
        "No language pack for {source} -> {target} ({source_name} into {target_name}): install one with "
        "'communique lang install FILE' ({source} -> {target}, or {source} -> {pivot} and {pivot} -> {target}).",
        app=in_app(
            "No language pack for {source} -> {target} ({source_name} into {target_name}): install one on the "
            "Language packs screen ({source} -> {target}, or {source} -> {pivot} and {pivot} -> {target})."
        ),
        **names,
    )


def _needs_translation(row: Any) -> bool:
    if row.source_sha256 is None or row.source_language != row.language:
        return True
    return bool(row.source_sha256 != text_hash(row.text))


def _candidates(store: Store, target: str, comment_ids: Sequence[int] | None, limit: int | None) -> list[_Candidate]:
    """Comments in a known language other than ``target`` with no translation into it, or a stale one; newest first."""
    ct = comment_translations
    joined = comments.outerjoin(ct, and_(ct.c.comment_id == comments.c.id, ct.c.language == target))
    query = (
        select(
            comments.c.id,
            comments.c.text,
            comments.c.language,
            comments.c.created_at,
            ct.c.source_sha256,
            ct.c.source_language,
        )
        .select_from(joined)
        .where(
            comments.c.language.is_not(None),
            comments.c.language != target,
            # A translation can be stale only if the comment's text or language changed since it
            # was made: the collector sets ``edited_at`` on every change of text, so a comment
            # never edited whose translation is from its language needs no hash.
            or_(
                ct.c.comment_id.is_(None),
                ct.c.source_language != comments.c.language,
                comments.c.edited_at.is_not(None),
            ),
        )
        .order_by(comments.c.created_at.desc(), comments.c.id.desc())
    )
    wanted = None if limit is None else max(0, limit)
    found: list[tuple[Any, _Candidate]] = []
    with store.read() as conn:
        if comment_ids is None:
            for row in conn.execute(query):
                if wanted is not None and len(found) >= wanted:
                    break  # newest first already: the rest can wait for the next pass
                if _needs_translation(row):
                    found.append((row.created_at, _Candidate(row.id, row.text, row.language)))
        else:
            for chunk in _chunks(comment_ids):
                for row in conn.execute(query.where(comments.c.id.in_(chunk))):
                    if _needs_translation(row):
                        found.append((row.created_at, _Candidate(row.id, row.text, row.language)))
            found.sort(key=lambda pair: (pair[0], pair[1].id), reverse=True)
    chosen = [candidate for _created, candidate in found]
    return chosen if wanted is None else chosen[:wanted]


def translate_comments(
    store: Store,
    service: TranslationService,
    target: str,
    comment_ids: Sequence[int] | None = None,
    *,
    limit: int | None = None,
) -> CommentTranslationReport:
    """Translate comments into ``target`` (a reader's language) and store each translation.

    Which: ``comment_ids`` (default: every comment), those whose language is known and is not
    ``target``, with no translation into ``target`` yet or one made from an earlier text; at
    most ``limit`` of them, newest first. The glossary and translation memory are ``store``'s.
    They go through the engine :data:`BATCH` at a time, each batch stored before the next
    begins. A language pair no installed pack makes never fails the pass: its comments wait,
    and the report says which pack to install; the other comments are translated.
    """
    target = languages.normalize(target)
    candidates = _candidates(store, target, comment_ids, limit)
    report = CommentTranslationReport(target)
    missing: dict[str, MissingPack] = {}
    for start in range(0, len(candidates), BATCH):
        done = _translate_batch(store, service, target, candidates[start : start + BATCH], missing)
        report = CommentTranslationReport(
            target=target,
            translated=report.translated + done.translated,
            from_memory=report.from_memory + done.from_memory,
            engine_segments=report.engine_segments + done.engine_segments,
            problems=report.problems + done.problems,
        )
    return replace(report, missing=tuple(missing[source] for source in sorted(missing)))


def _translate_batch(
    store: Store,
    service: TranslationService,
    target: str,
    candidates: list[_Candidate],
    missing: dict[str, MissingPack],
) -> CommentTranslationReport:
    """Plan every comment of the batch, run the plans through the engine together, store the results."""
    by_source: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        by_source.setdefault(candidate.language, []).append(candidate)
    problems: list[str] = []
    with snapshot(service.engine):  # routes, model versions and models from one pack listing
        pairs = service.engine.pairs()
        routes: dict[str, list[str]] = {}
        for source, group in sorted(by_source.items()):
            try:
                routes[source] = service.route(source, target)
            except UserError:  # no pack, or a code no pack can have
                count = len(group) + (missing[source].comments if source in missing else 0)
                sentence = missing_pack_sentence(source, target, pairs, service.pivot)
                missing[source] = MissingPack(source, target, count, sentence)
        with store.read() as conn:  # glossary and memory for every comment in one read
            for source, route in routes.items():
                for candidate in by_source[source]:
                    candidate.plan = service.plan(conn, candidate.text, source, target, route, True)
        planned = {source: by_source[source] for source in routes}
        done = _run(service, planned, problems)
    return _store_results(store, service, target, done, problems)


def _run(service: TranslationService, planned: dict[str, list[_Candidate]], problems: list[str]) -> list[_Candidate]:
    """Every plan through the engine at once; if a pack fails, each source language alone, to keep the rest."""
    everything = [c for group in planned.values() for c in group]
    try:
        service.run_plans([c.plan for c in everything if c.plan is not None])
        return everything
    except UserError:
        for candidate in everything:  # start again from the segments the memory did not have
            if candidate.plan is not None:
                candidate.plan.current = list(candidate.plan.misses)
    done: list[_Candidate] = []
    for source, group in planned.items():
        try:
            service.run_plans([c.plan for c in group if c.plan is not None])
        except UserError as error:
            problems.append(
                Msg(
                    "Comments in {language} ({count}) were not translated: {reason}",
                    count=len(group),
                    language=languages.name(source),
                    reason=message_of(error),
                )
            )
            continue
        done.extend(group)
    return done


def _store_results(
    store: Store, service: TranslationService, target: str, done: list[_Candidate], problems: list[str]
) -> CommentTranslationReport:
    rows: list[dict[str, Any]] = []
    remembered: dict[tuple[str, str], dict[str, str]] = {}
    used: list[memory.Hit] = []
    engine_segments: set[tuple[str, str]] = set()
    from_memory = 0
    created = now_utc()
    for candidate in done:
        plan = candidate.plan
        assert plan is not None  # only planned candidates are run
        result = service.finish(candidate.text, candidate.language, plan, None, None)
        if plan.human is None:
            fresh = remembered.setdefault((candidate.language, plan.version), {})
            fresh.update(zip(plan.misses, plan.current, strict=True))
            engine_segments.update((candidate.language, m) for m in plan.misses)
            used.extend(plan.hits.values())
        else:
            used.append(plan.human)
        from_memory += result.origin in (memory.HUMAN, "memory")
        rows.append(
            {
                "comment_id": candidate.id,
                "language": target,
                "source_language": candidate.language,
                "text": result.text,
                "translation_path": "->".join(result.path),
                "source_sha256": text_hash(candidate.text),
                "created_at": created,
                "_text": candidate.text,
            }
        )
    memory_rows = [
        row
        for (source, version), pairs in remembered.items()
        for row in memory.machine_rows(service.engine.name, version, source, target, list(pairs.items()))
    ]
    memory.save(store, memory_rows, used)
    written = _write(store, target, rows)
    return CommentTranslationReport(
        target=target,
        translated=written,
        from_memory=from_memory,
        engine_segments=len(engine_segments),
        problems=tuple(problems),
    )


def _write(store: Store, target: str, rows: list[dict[str, Any]]) -> int:
    """Replace the translations into ``target`` of comments whose text and language are still the ones translated.

    One write transaction for the whole batch (statements of :data:`CHUNK` rows each).
    """
    if not rows:
        return 0
    ct = comment_translations
    with store.write() as conn:
        current: dict[int, tuple[str, str | None]] = {}
        for ids in _chunks([row["comment_id"] for row in rows]):
            query = select(comments.c.id, comments.c.text, comments.c.language).where(comments.c.id.in_(ids))
            current.update((row.id, (row.text, row.language)) for row in conn.execute(query))
        # An edit or a person's correction made meanwhile: that comment waits for the next pass.
        keep = [
            {k: v for k, v in row.items() if k != "_text"}
            for row in rows
            if current.get(row["comment_id"]) == (row["_text"], row["source_language"])
        ]
        for ids in _chunks([row["comment_id"] for row in keep]):
            conn.execute(ct.delete().where(ct.c.comment_id.in_(ids), ct.c.language == target))
        if keep:
            conn.execute(ct.insert(), keep)
    return len(keep)
