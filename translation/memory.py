"""Translation memory: machine translations reused, human corrections preferred.

A machine translation is reused only for the same engine, model version (pack version and
archive fingerprint, along the whole pivot path) and language pair. A human correction is
remembered for the pair whatever the engine, and wins over any machine translation.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from core import languages
from core.errors import UserError
from core.services import audit
from core.store import Store
from core.store.tables import translation_memory as tm
from core.timeutil import now_utc

MACHINE = "machine"
HUMAN = "human"
#: Engine and model version of human entries: they apply to every engine.
ANY = "*"
_VERSION_LENGTH = 40


@dataclass(frozen=True)
class Hit:
    """A remembered translation."""

    id: int
    target_text: str
    origin: str


def source_hash(text: str) -> str:
    """The key of a source text (SHA-256 of its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fit_version(version: str) -> str:
    """A model version that fits the column (long pivot paths are hashed)."""
    if len(version) <= _VERSION_LENGTH:
        return version
    return "h:" + hashlib.sha256(version.encode("utf-8")).hexdigest()[: _VERSION_LENGTH - 2]


_LOOKUP = select(tm.c.id, tm.c.source_hash, tm.c.source_text, tm.c.target_text, tm.c.origin).where(
    tm.c.source_language == bindparam("source"),
    tm.c.target_language == bindparam("target"),
    tm.c.source_hash.in_(bindparam("hashes", expanding=True)),
    or_(
        tm.c.origin == HUMAN,
        and_(tm.c.origin == MACHINE, tm.c.engine == bindparam("engine"), tm.c.model_version == bindparam("version")),
    ),
)
_COUNT_HIT = tm.update().where(tm.c.id == bindparam("hit_id")).values(hits=tm.c.hits + 1)
_KEY = ("engine", "model_version", "source_language", "target_language", "source_hash", "origin")


def lookup(
    conn: Connection, engine: str, model_version: str, source: str, target: str, texts: Sequence[str]
) -> dict[str, Hit]:
    """Remembered translations of ``texts``: a human correction first, else this engine's own."""
    if not texts:
        return {}
    by_hash = {source_hash(t): t for t in texts}
    found: dict[str, Hit] = {}
    parameters = {
        "source": source,
        "target": target,
        "hashes": list(by_hash),
        "engine": engine,
        "version": fit_version(model_version),
    }
    for row in conn.execute(_LOOKUP, parameters):
        text = by_hash.get(row.source_hash)
        if text is None or row.source_text != text:  # guard against a hash collision
            continue
        current = found.get(text)
        if current is None or (row.origin == HUMAN and current.origin != HUMAN):
            found[text] = Hit(row.id, row.target_text, row.origin)
    return found


@functools.cache
def _upsert_statement(dialect: str) -> Any:
    """One INSERT ... ON CONFLICT DO UPDATE for SQLite and PostgreSQL (built once: it is costly)."""
    if dialect not in ("sqlite", "postgresql"):
        return None
    statement = (sqlite if dialect == "sqlite" else postgresql).insert(tm)
    return statement.on_conflict_do_update(
        index_elements=[tm.c[name] for name in _KEY],
        set_={
            "target_text": statement.excluded.target_text,
            "source_text": statement.excluded.source_text,
            "updated_at": statement.excluded.updated_at,
        },
    )


def _upsert(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    now = now_utc()
    values = [{**row, "hits": 0, "created_at": now, "updated_at": now} for row in rows]
    statement = _upsert_statement(conn.dialect.name)
    if statement is not None:
        conn.execute(statement, values)
        return
    for row in values:  # any other database: look, then insert or update
        key = and_(*(tm.c[name] == row[name] for name in _KEY))
        existing = conn.execute(select(tm.c.id).where(key)).first()
        if existing is None:
            conn.execute(tm.insert().values(**row))
        else:
            conn.execute(
                tm.update()
                .where(tm.c.id == existing.id)
                .values(target_text=row["target_text"], source_text=row["source_text"], updated_at=now)
            )


def machine_rows(
    engine: str, model_version: str, source: str, target: str, pairs: Sequence[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Rows for :func:`save` from (source text, machine translation) pairs."""
    version = fit_version(model_version)
    return [
        {
            "engine": engine,
            "model_version": version,
            "source_language": source,
            "target_language": target,
            "source_hash": source_hash(text),
            "source_text": text,
            "target_text": translated,
            "origin": MACHINE,
        }
        for text, translated in pairs
    ]


def save(store: Store, rows: Sequence[dict[str, Any]], hits: Iterable[Hit] = ()) -> None:
    """Store new translations and count reused ones, in one write transaction."""
    hit_ids = sorted({hit.id for hit in hits})
    if not rows and not hit_ids:
        return
    with store.write() as conn:
        _upsert(conn, list(rows))
        if hit_ids:
            conn.execute(_COUNT_HIT, [{"hit_id": hit_id} for hit_id in hit_ids])


def remember_machine(
    store: Store, engine: str, model_version: str, source: str, target: str, pairs: Sequence[tuple[str, str]]
) -> None:
    """Store machine translations (source text, translation) for reuse."""
    save(store, machine_rows(engine, model_version, source, target, pairs))


def remember_correction(
    store: Store,
    source_language: str,
    target_language: str,
    source_text: str,
    corrected: str,
    *,
    actor: str | None = None,
) -> None:
    """Remember a person's translation of ``source_text``; it is preferred from now on (audited)."""
    source = languages.normalize(source_language)
    target = languages.normalize(target_language)
    if not source_text.strip() or not corrected.strip():
        raise UserError("A corrected translation and its source text cannot be empty.")
    row = {
        "engine": ANY,
        "model_version": ANY,
        "source_language": source,
        "target_language": target,
        "source_hash": source_hash(source_text),
        "source_text": source_text,
        "target_text": corrected,
        "origin": HUMAN,
    }
    with store.write() as conn:
        _upsert(conn, [row])
        entry_id = conn.execute(select(tm.c.id).where(and_(*(tm.c[name] == row[name] for name in _KEY)))).scalar()
        audit.record(
            conn,
            actor=actor or audit.default_actor(),
            action="correct",
            entity="translation_memory",
            entity_id=entry_id,
            details={"from": source, "to": target, "source_hash": row["source_hash"]},
        )
