"""The glossary: per language pair, terms kept as written and terms with a forced translation.

Names and document numbers ("57-NQ/TW") are kept as written in every language; a forced
translation ("Bộ Ngoại giao" -> "Ministry of Foreign Affairs") replaces the term in one target
language. A target language of ``*`` applies to every target; an entry for the exact target
wins over a ``*`` entry for the same term.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, and_, bindparam, func, select
from sqlalchemy.exc import IntegrityError

from core import languages, plaintext
from core.domain import AuditAction
from core.errors import ConflictError, NotFoundError, UserError
from core.services import audit
from core.store import Store
from core.store.engine import new_id
from core.store.tables import glossary_terms
from core.timeutil import now_utc
from core.words import Msg
from translation.spans import Term

ANY_LANGUAGE = "*"
#: The ``entity`` of the glossary's audit events.
AUDIT_ENTITY = "glossary_term"
MAX_TERM_LENGTH = 200
_UNSET: Any = object()


@dataclass(frozen=True)
class GlossaryTerm:
    """One glossary entry."""

    id: int
    source_language: str
    target_language: str
    term: str
    #: ``None``: keep the term as written; otherwise its forced translation.
    translation: str | None
    case_sensitive: bool
    note: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly view."""
        return asdict(self)

    def as_span_term(self) -> Term:
        """The form :mod:`translation.spans` protects."""
        return Term(self.term, self.translation, self.case_sensitive)


def _row(row: Row[Any]) -> GlossaryTerm:
    return GlossaryTerm(
        id=row.id,
        source_language=row.source_language,
        target_language=row.target_language,
        term=row.term,
        translation=row.translation,
        case_sensitive=bool(row.case_sensitive),
        note=row.note,
    )


def _target(code: str) -> str:
    return ANY_LANGUAGE if code.strip() == ANY_LANGUAGE else languages.normalize(code)


def _clean_term(term: str) -> str:
    cleaned = (term or "").strip()
    if not cleaned:
        raise UserError(Msg("A glossary term cannot be empty."))
    if len(cleaned) > MAX_TERM_LENGTH or any(ch in cleaned for ch in "\r\n"):
        raise UserError(
            Msg(
                "A glossary term must be one line of at most {max_term_length} characters.",
                max_term_length=MAX_TERM_LENGTH,
            )
        )
    plaintext.refuse_controls(cleaned, "The glossary term")
    return cleaned


def _clean_translation(translation: str | None) -> str | None:
    if translation is None:
        return None
    cleaned = translation.strip()
    if not cleaned:
        raise UserError(Msg("A forced translation cannot be empty: leave it out to keep the term as written."))
    plaintext.refuse_controls(cleaned, "The forced translation")
    return cleaned


def add_term(
    store: Store,
    source_language: str,
    term: str,
    *,
    target_language: str = ANY_LANGUAGE,
    translation: str | None = None,
    case_sensitive: bool = True,
    note: str = "",
    actor: str | None = None,
) -> GlossaryTerm:
    """Add a term for a pair (``target_language="*"``: every target); recorded in the audit trail."""
    source = languages.normalize(source_language)
    target = _target(target_language)
    cleaned = _clean_term(term)
    forced = _clean_translation(translation)
    if forced is not None and target == ANY_LANGUAGE:
        raise UserError(Msg("A forced translation needs one target language, not '*'."))
    now = now_utc()
    try:
        with store.write() as conn:
            term_id = new_id(
                conn.execute(
                    glossary_terms.insert().values(
                        source_language=source,
                        target_language=target,
                        term=cleaned,
                        translation=forced,
                        case_sensitive=case_sensitive,
                        note=note,
                        created_at=now,
                        updated_at=now,
                    )
                )
            )
            audit.record(
                conn,
                actor=actor or audit.default_actor(),
                action=AuditAction.GLOSSARY_ADD,
                entity=AUDIT_ENTITY,
                entity_id=term_id,
                details={"from": source, "to": target, "term": cleaned, "translation": forced},
                at=now,
            )
    except IntegrityError:
        raise ConflictError(
            Msg(
                "The glossary already has {cleaned!r} for {source} -> {target}.",
                cleaned=cleaned,
                source=source,
                target=target,
            )
        ) from None
    finally:
        _forget()
    return get_term(store, term_id)


def get_term(store: Store, term_id: int) -> GlossaryTerm:
    """One entry by id."""
    with store.read() as conn:
        row = conn.execute(select(glossary_terms).where(glossary_terms.c.id == term_id)).first()
    if row is None:
        raise NotFoundError(Msg("There is no glossary entry number {term_id}.", term_id=term_id))
    return _row(row)


def update_term(
    store: Store,
    term_id: int,
    *,
    term: str = _UNSET,
    translation: str | None = _UNSET,
    case_sensitive: bool = _UNSET,
    note: str = _UNSET,
    actor: str | None = None,
) -> GlossaryTerm:
    """Change the given fields of an entry (``translation=None`` makes it do-not-translate); audited."""
    current = get_term(store, term_id)
    values: dict[str, Any] = {"updated_at": now_utc()}
    if term is not _UNSET:
        values["term"] = _clean_term(term)
    if translation is not _UNSET:
        values["translation"] = _clean_translation(translation)
        if values["translation"] is not None and current.target_language == ANY_LANGUAGE:
            raise UserError(Msg("A forced translation needs one target language, not '*'."))
    if case_sensitive is not _UNSET:
        values["case_sensitive"] = bool(case_sensitive)
    if note is not _UNSET:
        values["note"] = note
    try:
        with store.write() as conn:
            changed = conn.execute(glossary_terms.update().where(glossary_terms.c.id == term_id).values(**values))
            if not changed.rowcount:
                raise NotFoundError(Msg("There is no glossary entry number {term_id}.", term_id=term_id))
            audit.record(
                conn,
                actor=actor or audit.default_actor(),
                action=AuditAction.GLOSSARY_UPDATE,
                entity=AUDIT_ENTITY,
                entity_id=term_id,
                details={key: value for key, value in values.items() if key != "updated_at"},
                at=values["updated_at"],
            )
    except IntegrityError:
        raise ConflictError(Msg("The glossary already has {term!r} for this pair.", term=values.get("term"))) from None
    finally:
        _forget()
    return get_term(store, term_id)


def remove_term(store: Store, term_id: int, *, actor: str | None = None) -> None:
    """Delete an entry; recorded in the audit trail with what it said."""
    try:
        _remove(store, term_id, actor)
    finally:
        _forget()


def _remove(store: Store, term_id: int, actor: str | None) -> None:
    with store.write() as conn:
        row = conn.execute(select(glossary_terms).where(glossary_terms.c.id == term_id)).first()
        if row is None:
            raise NotFoundError(Msg("There is no glossary entry number {term_id}.", term_id=term_id))
        conn.execute(glossary_terms.delete().where(glossary_terms.c.id == term_id))
        entry = _row(row)
        audit.record(
            conn,
            actor=actor or audit.default_actor(),
            action=AuditAction.GLOSSARY_REMOVE,
            entity=AUDIT_ENTITY,
            entity_id=term_id,
            details={
                "from": entry.source_language,
                "to": entry.target_language,
                "term": entry.term,
                "translation": entry.translation,
            },
        )


def list_terms(
    store: Store, source_language: str | None = None, target_language: str | None = None
) -> list[GlossaryTerm]:
    """Entries, optionally for one source and/or target language (exact match, ``*`` included)."""
    query = select(glossary_terms).order_by(
        glossary_terms.c.source_language, glossary_terms.c.target_language, glossary_terms.c.term
    )
    if source_language is not None:
        query = query.where(glossary_terms.c.source_language == languages.normalize(source_language))
    if target_language is not None:
        query = query.where(glossary_terms.c.target_language == _target(target_language))
    with store.read() as conn:
        return [_row(row) for row in conn.execute(query)]


# The entries that apply to a pair; bound as :source and :target (the names the translation
# memory's look-up uses too, so that both can share one statement).
_APPLIES = and_(
    glossary_terms.c.source_language == bindparam("source"),
    glossary_terms.c.target_language.in_([bindparam("target"), ANY_LANGUAGE]),
)
_FOR_PAIR = select(glossary_terms).where(_APPLIES)
#: How many entries apply to a pair, the newest change and the highest id: an add, an edit or
#: a removal changes at least one of them, whichever process makes it.
_READ_FINGERPRINT = select(
    func.count().label("entries"),
    func.max(glossary_terms.c.updated_at).label("latest"),
    func.max(glossary_terms.c.id).label("top"),
).where(_APPLIES)
#: The same as a one-row subquery, to be joined into another statement.
FINGERPRINT = _READ_FINGERPRINT.subquery("glossary_fingerprint")
Fingerprint = tuple[int, datetime | None, int | None]


@dataclass(frozen=True)
class PairTerms:
    """The glossary of one pair as the pipeline uses it, with the fingerprint it was read at."""

    fingerprint: Fingerprint
    entries: tuple[GlossaryTerm, ...]
    span_terms: tuple[Term, ...]


# Per database and pair, in this process. Dropped after every change made here; a change made
# by another process shows in the fingerprint, which the pipeline reads with its memory look-up.
_cache: weakref.WeakKeyDictionary[Engine, dict[tuple[str, str], PairTerms]] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def _forget() -> None:
    with _cache_lock:
        _cache.clear()


def fingerprint_of(row: Row[Any] | None) -> Fingerprint:
    """The fingerprint in a row holding :data:`FINGERPRINT`'s columns."""
    if row is None:
        return (0, None, None)
    return (int(row.entries or 0), row.latest, row.top)


def read_fingerprint(conn: Connection, source_language: str, target_language: str) -> Fingerprint:
    """The current fingerprint of a pair's glossary (one small query)."""
    parameters = {"source": source_language, "target": target_language}
    return fingerprint_of(conn.execute(_READ_FINGERPRINT, parameters).first())


def _choose(rows: list[GlossaryTerm]) -> list[GlossaryTerm]:
    chosen: dict[str, GlossaryTerm] = {}
    for entry in sorted(rows, key=lambda e: e.target_language == ANY_LANGUAGE, reverse=True):
        chosen[entry.term if entry.case_sensitive else entry.term.casefold()] = entry
    return sorted(chosen.values(), key=lambda e: e.term)


def _read_rows(conn: Connection, source_language: str, target_language: str) -> list[Row[Any]]:
    return list(conn.execute(_FOR_PAIR, {"source": source_language, "target": target_language}))


def cached_pair_terms(conn: Connection, source_language: str, target_language: str) -> PairTerms | None:
    """What this process last read for the pair in ``conn``'s database; check its fingerprint."""
    with _cache_lock:
        return _cache.get(conn.engine, {}).get((source_language, target_language))


def load_pair_terms(conn: Connection, source_language: str, target_language: str) -> PairTerms:
    """Read a pair's glossary (and remember it, with its fingerprint, for the next translation)."""
    rows = _read_rows(conn, source_language, target_language)
    fingerprint: Fingerprint = (
        len(rows),
        max((row.updated_at for row in rows), default=None),
        max((row.id for row in rows), default=None),
    )
    entries = tuple(_choose([_row(row) for row in rows]))
    loaded = PairTerms(fingerprint, entries, tuple(entry.as_span_term() for entry in entries))
    with _cache_lock:
        _cache.setdefault(conn.engine, {})[(source_language, target_language)] = loaded
    return loaded


def terms_for_pair(store_or_conn: Store | Connection, source_language: str, target_language: str) -> list[GlossaryTerm]:
    """The entries that apply to translating ``source`` -> ``target`` (exact target over ``*``).

    Takes a store, or an open connection so that a caller reads everything in one go.
    """
    if isinstance(store_or_conn, Store):
        with store_or_conn.read() as conn:
            rows = _read_rows(conn, source_language, target_language)
    else:
        rows = _read_rows(store_or_conn, source_language, target_language)
    return _choose([_row(row) for row in rows])
