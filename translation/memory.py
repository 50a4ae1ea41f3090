"""Translation memory: machine translations reused, human corrections preferred.

A machine translation is reused only for the same engine, model version (pack version and
archive fingerprint, along the whole pivot path) and language pair. A human correction is
remembered for the pair whatever the engine, and wins over any machine translation.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, Select, Subquery, and_, bindparam, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from core import languages
from core.domain import AuditAction
from core.errors import UserError
from core.services import audit
from core.store import Store
from core.store.tables import translation_memory as tm
from core.timeutil import now_utc
from core.words import Msg

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


_COLUMNS = (tm.c.id, tm.c.source_hash, tm.c.source_text, tm.c.target_text, tm.c.origin)
_MATCH = and_(
    tm.c.source_language == bindparam("source"),
    tm.c.target_language == bindparam("target"),
    tm.c.source_hash.in_(bindparam("hashes", expanding=True)),
    or_(
        tm.c.origin == HUMAN,
        and_(tm.c.origin == MACHINE, tm.c.engine == bindparam("engine"), tm.c.model_version == bindparam("version")),
    ),
)
_LOOKUP = select(*_COLUMNS).where(_MATCH)
_COUNT_HIT = tm.update().where(tm.c.id == bindparam("hit_id")).values(hits=tm.c.hits + 1)
_KEY = ("engine", "model_version", "source_language", "target_language", "source_hash", "origin")


@functools.cache
def _guarded(guard: Subquery) -> Select[Any]:
    # The one-row guard, with every matching memory row joined on: one round trip answers both.
    return select(*guard.c, *_COLUMNS).select_from(guard.outerjoin(tm, _MATCH))


def _collect(rows: Iterable[Row[Any]], by_hash: dict[str, str]) -> dict[str, Hit]:
    found: dict[str, Hit] = {}
    for row in rows:
        text = by_hash.get(row.source_hash) if row.source_hash is not None else None
        if text is None or row.source_text != text:  # no match (outer join), or a hash collision
            continue
        current = found.get(text)
        if current is None or (row.origin == HUMAN and current.origin != HUMAN):
            found[text] = Hit(row.id, row.target_text, row.origin)
    return found


def lookup(
    conn: Connection, engine: str, model_version: str, source: str, target: str, texts: Sequence[str]
) -> dict[str, Hit]:
    """Remembered translations of ``texts``: a human correction first, else this engine's own."""
    if not texts:
        return {}
    by_hash = {source_hash(t): t for t in texts}
    parameters = {"source": source, "target": target, "hashes": list(by_hash), "engine": engine}
    return _collect(conn.execute(_LOOKUP, parameters | {"version": fit_version(model_version)}), by_hash)


def lookup_guarded(
    conn: Connection,
    engine: str,
    model_version: str,
    source: str,
    target: str,
    texts: Sequence[str],
    guard: Subquery,
) -> tuple[dict[str, Hit], Row[Any] | None]:
    """:func:`lookup`, plus the one row of ``guard`` read in the same statement.

    ``guard`` is a one-row subquery bound by ``:source`` and ``:target`` (the glossary's
    fingerprint): the pipeline checks what it cached and looks translations up at once.
    """
    by_hash = {source_hash(t): t for t in texts}
    parameters = {"source": source, "target": target, "hashes": list(by_hash), "engine": engine}
    rows = list(conn.execute(_guarded(guard), parameters | {"version": fit_version(model_version)}))
    return _collect(rows, by_hash), (rows[0] if rows else None)


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


@functools.cache
def _driver_upsert(dialect: Dialect) -> tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]]:
    """The SQLite upsert as driver SQL, its parameter order and each parameter's conversion."""
    columns = [column.name for column in tm.c if column.name != "id"]
    statement = sqlite.insert(tm).values({name: bindparam(name) for name in columns})
    compiled = statement.on_conflict_do_update(
        index_elements=[tm.c[name] for name in _KEY],
        set_={
            "target_text": statement.excluded.target_text,
            "source_text": statement.excluded.source_text,
            "updated_at": statement.excluded.updated_at,
        },
    ).compile(dialect=dialect)
    order = tuple(compiled.positiontup or ())
    # The columns' own conversions (aware UTC datetimes to SQLite's text), exactly as SQLAlchemy
    # would apply them.
    return str(compiled), order, tuple(tm.c[name].type.bind_processor(dialect) for name in order)


def _upsert(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    now = now_utc()
    values = [{**row, "hits": 0, "created_at": now, "updated_at": now} for row in rows]
    if conn.dialect.name == "sqlite":
        # Every translation with memory ends here: one executemany straight on the driver, inside
        # the store's write transaction, spares SQLAlchemy's per-statement work (a third of the
        # write's cost for a one-segment post).
        sql, order, convert = _driver_upsert(conn.dialect)
        parameters = [
            tuple(value[name] if fn is None else fn(value[name]) for name, fn in zip(order, convert, strict=True))
            for value in values
        ]
        driver = conn.connection.driver_connection
        assert driver is not None  # inside a transaction: the connection is open
        driver.executemany(sql, parameters)
        return
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
        raise UserError(Msg("A corrected translation and its source text cannot be empty."))
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
            action=AuditAction.CORRECT,
            entity="translation_memory",
            entity_id=entry_id,
            details={"from": source, "to": target, "source_hash": row["source_hash"]},
        )
