"""Moving a desk to the team server: copy an embedded database into a team database, without loss.

Every table is copied with its ids (posts, variants, attempts, engagement, the audit trail), in
foreign-key order, in **one transaction on the team database**; before that transaction commits,
every row is read back and compared with the original, table by table in key order. A
difference rolls everything back and says which table and row, so a copy is either whole and
verified or absent. PostgreSQL's id sequences are moved past the copied ids, so the next post
made on the team server does not collide with a copied one.

Running it again is safe: a team database that already holds exactly this content is reported
as such (nothing is written twice); one that holds anything else is refused, because merging two
desks' histories silently would mix their ids and audit trails.

The keyring's credentials stay on this computer: the database keeps only references to them
(see the README's team section). The media files' contents go along (``media_blobs``): the
ones this computer still has but did not store yet are stored first
(:func:`core.services.media_store.upload_missing`), so that the team's worker can publish them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import zip_longest
from typing import Any

from sqlalchemy import Connection, Integer, Table, func, select, text
from sqlalchemy.exc import DBAPIError

from core.errors import ConfigurationError, ConflictError
from core.services import media_store
from core.store import Store
from core.store.engine import mask_url
from core.store.opening import open_store
from core.store.tables import comment_activity, media_blob_chunks, media_blobs, metadata
from core.words import Msg

#: Rows read and written per round trip.
BATCH = 1000
#: The same for media contents (each up to the largest file a platform takes): a few at a time.
BLOB_BATCH = 4

#: Reports ``(table, rows done, rows in the table)`` as the copy goes.
CopyProgress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class CopyReport:
    """What a copy did: the rows of each table, and whether the target already held them."""

    target: str  # the team database's URL, password hidden
    rows: dict[str, int]
    already_there: bool  # a re-run: the team database held exactly this content; nothing was written

    @property
    def total(self) -> int:
        """Rows in all tables."""
        return sum(self.rows.values())


class CopyMismatchError(ConflictError):
    """The team database does not read back what was written (the copy was rolled back)."""


def _tables() -> list[Table]:
    # Parents before children: foreign keys hold at every insert. Media contents last: on a team
    # database a login that is not the owner may store one only once a media row names it.
    # The comments' change counter is each database's own (every database starts with its row).
    last, own = [media_blobs, media_blob_chunks], [comment_activity]
    return [t for t in metadata.sorted_tables if all(t is not table for table in last + own)] + last


def _ordered(table: Table) -> Any:
    return select(table).order_by(*table.primary_key.columns)


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _batches(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    result = conn.execution_options(stream_results=True).execute(_ordered(table))
    while rows := result.fetchmany(BLOB_BATCH if table is media_blob_chunks else BATCH):
        yield [dict(row._mapping) for row in rows]


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    for batch in _batches(conn, table):
        yield from batch


def _comparable(value: Any) -> Any:
    # SQLite gives naive UTC back where PostgreSQL gives aware times: the same instant is the same value.
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _first_difference(source: Connection, target: Connection, table: Table) -> str | None:
    """Where ``table`` differs between the two databases (``None``: row for row the same)."""
    key = [c.name for c in table.primary_key.columns]
    for mine, theirs in zip_longest(_rows(source, table), _rows(target, table)):
        if mine is None:
            return "it has rows the original does not"
        if theirs is None:
            return f"row {[mine[k] for k in key]} is missing"
        for column, value in mine.items():
            if _comparable(value) != _comparable(theirs.get(column)):
                return f"row {[mine[k] for k in key]} differs in {column!r}"
    return None


def _differences(source: Connection, target: Connection) -> list[str]:
    found = []
    for table in _tables():
        where = _first_difference(source, target, table)
        if where is not None:
            found.append(f"{table.name}: {where}")
    return found


def _move_sequences(conn: Connection) -> None:
    """Set each PostgreSQL id sequence past the largest copied id."""
    for table in _tables():
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        column = key[0].name
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"), {"table": table.name, "column": column}
        ).scalar_one()
        if sequence is None:
            continue
        largest = conn.execute(select(func.max(table.c[column]))).scalar_one()
        # setval(seq, n, is_called): the next id is n + 1, or 1 for a table copied empty.
        conn.execute(
            text("SELECT setval(:sequence, :value, :called)"),
            {"sequence": sequence, "value": largest or 1, "called": largest is not None},
        )


def copy_to_team(source: Store, target_url: str, *, progress: CopyProgress | None = None) -> CopyReport:
    """Copy everything in ``source`` into the (migrated, empty) database at ``target_url``, verified.

    Raises :class:`ConflictError` when the target already holds other content, and
    :class:`CopyMismatchError` when it does not read back what was written (nothing is left).
    """
    shown = mask_url(target_url)
    target = open_store(target_url)  # reachable, and migrated to this code's schema
    try:
        if target.engine.url == source.engine.url:
            raise ConflictError(Msg("The team database is the database in use; choose another one to copy into."))
        media_store.upload_missing(source)
        with source.read() as src:
            rows = {table.name: _count(src, table) for table in _tables()}
            with target.read() as dst:
                held = sum(_count(dst, table) for table in _tables())
                if held:
                    if not _differences(src, dst):
                        return CopyReport(shown, rows, already_there=True)
                    raise ConflictError(
                        Msg(
                            "The team database {shown} already holds other posts or accounts ({held} rows); "
                            "copy into an empty database, so that two desks' histories are never mixed.",
                            shown=shown,
                            held=held,
                        )
                    )
            try:
                with target.write() as dst:
                    for table in _tables():
                        done = 0
                        for batch in _batches(src, table):
                            dst.execute(table.insert(), batch)
                            done += len(batch)
                            if progress is not None:
                                progress(table.name, done, rows[table.name])
                    if target.engine.dialect.name == "postgresql":
                        _move_sequences(dst)
                    differences = _differences(src, dst)
                    if differences:  # raising here rolls the whole copy back
                        raise CopyMismatchError(
                            Msg(
                                "The copy did not read back as written ({names}); nothing was kept in the team "
                                "database.",
                                names="; ".join(differences[:3]),
                            )
                        )
            except DBAPIError as exc:
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
                password = target.engine.url.password
                if password:
                    reason = reason.replace(str(password), "***")
                raise ConfigurationError(
                    Msg("Copying into {shown} failed, nothing was kept: {reason}.", shown=shown, reason=reason)
                ) from None
        return CopyReport(shown, rows, already_there=False)
    finally:
        target.dispose()
