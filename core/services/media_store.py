"""Media content in the store: written when a file is attached, read back where the file is not.

A file attached to a post is copied into the attaching machine's media folder
(:mod:`core.services.media`) *and* its bytes are stored once per SHA-256 (``media_blobs``, the
bytes in numbered pieces of :data:`CHUNK_BYTES` in ``media_blob_chunks``), in the transaction
that attaches it. On a team database the worker publishing the post runs on another machine:
there the recorded path is absent (or names another machine's file), so the bytes are read from
the store into a local cache folder keyed by the hash, verified, and reused by every variant and
every later post with the same content. Both ways go a piece at a time: a 512 MB video is never
whole in memory.

The publishing worker keeps both tidy (:func:`prune_blobs`, :func:`prune_cache`): contents no post
or draft names go after a week, cached files unused for a month.

The local file is used first when it is there with the recorded content: on the embedded store
nothing changes, and the database is read only by a machine that lacks the file, once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Text, cast, select

from core import paths, timeutil
from core.errors import UserError
from core.publishable import MediaShape
from core.store import Store
from core.store.tables import drafts, media, media_blob_chunks, media_blobs
from core.words import Msg

log = logging.getLogger(__name__)

#: The folder (under the app's home) holding files read back from the store, named by their hash.
CACHE_FOLDER = "media-cache"

#: The file name extension of each stored type (connectors send the name along with the bytes).
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "video/mp4": ".mp4",
}

_READ_CHUNK = 1 << 20
#: The most bytes of one stored piece (``media_blob_chunks``): small enough to hold in memory
#: twice over on a laptop, large enough that a 512 MB video is 128 rows.
CHUNK_BYTES = 4 << 20


class MediaMissingError(UserError):
    """A post's file is neither on this machine nor in the store (attached before media were stored)."""


@dataclass(frozen=True)
class UploadReport:
    """What :func:`upload_missing` did: contents stored, and those no file here could provide."""

    stored: int
    missing: int


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of the file at ``path`` (hex), or ``None`` when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(_READ_CHUNK), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _insert_header(conn: Connection, sha256: str, size: int, mime_type: str, now: datetime | None) -> bool:
    """Add the blob's row, or mark the one there as named now; whether it was added (its pieces follow).

    Marking it named (``named_at``) is what keeps housekeeping from deleting a content that a
    post or draft names in this very transaction: its delete re-checks ``named_at`` on a row
    changed under it (PostgreSQL), or waits for this transaction (SQLite). The insert skips a
    conflict rather than looking first: on a team database the same content may be stored under
    another group's post, which this login cannot see until its own row names it; two logins
    storing it at once, the second waits for the first, then only marks it named.
    """
    named = now or timeutil.now_utc()
    if _mark_named(conn, sha256, named):
        return False
    dialect = _dialect_module(conn)
    statement = (
        dialect.insert(media_blobs)
        .values(sha256=sha256, size_bytes=size, mime_type=mime_type, named_at=named)
        .on_conflict_do_nothing(index_elements=[media_blobs.c.sha256])
        # RETURNING, not the row count: psycopg reports 0 rows for an insert that added one.
        .returning(media_blobs.c.sha256)
    )
    if conn.execute(statement).first() is not None:
        return True
    _mark_named(conn, sha256, named)  # another transaction stored it meanwhile
    return False


def _dialect_module(conn: Connection) -> Any:
    """SQLAlchemy's dialect module for ``conn`` (its ``insert`` knows ON CONFLICT), imported when
    first needed: PostgreSQL's takes about 25 ms, which the desktop app's start-up need not pay."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql
    from sqlalchemy.dialects import sqlite

    return sqlite


def _mark_named(conn: Connection, sha256: str, named: datetime) -> bool:
    """Set the stored content's ``named_at``; whether it is stored (and this login may see it)."""
    statement = (
        media_blobs.update()
        .where(media_blobs.c.sha256 == sha256)
        .values(named_at=named)
        .returning(media_blobs.c.sha256)
    )
    return conn.execute(statement).first() is not None


def put(conn: Connection, sha256: str, content: bytes, mime_type: str, now: datetime | None = None) -> None:
    """Store ``content`` under ``sha256`` in the caller's transaction, unless it is there already."""
    if hashlib.sha256(content).hexdigest() != sha256:
        raise ValueError(f"content does not hash to {sha256}")
    if _insert_header(conn, sha256, len(content), mime_type, now):
        view = memoryview(content)
        for number, start in enumerate(range(0, len(content), CHUNK_BYTES)):
            conn.execute(
                media_blob_chunks.insert().values(
                    sha256=sha256, number=number, content=bytes(view[start : start + CHUNK_BYTES])
                )
            )


def put_file(conn: Connection, path: Path, sha256: str, mime_type: str, now: datetime | None = None) -> None:
    """Store the file at ``path`` (a checked copy in the media folder) under ``sha256``, a piece of
    :data:`CHUNK_BYTES` at a time (a video is never whole in memory).

    A :class:`UserError` when it cannot be read or no longer has that content; the caller's
    transaction then writes nothing, so a post never names content the store lacks.
    """
    digest, size = hashlib.sha256(), 0
    try:
        with path.open("rb") as handle:
            if not _insert_header(conn, sha256, 0, mime_type, now):
                return  # stored already (by this post's earlier save, another post, another login)
            for number, piece in enumerate(iter(lambda: handle.read(CHUNK_BYTES), b"")):
                digest.update(piece)
                size += len(piece)
                conn.execute(media_blob_chunks.insert().values(sha256=sha256, number=number, content=piece))
    except OSError as exc:
        raise UserError(
            Msg("Cannot read the media file {name}: {reason}.", name=path.name, reason=exc.strerror or str(exc))
        ) from None
    if digest.hexdigest() != sha256:
        raise UserError(
            Msg("The media file {name} changed while it was being attached; attach it again.", name=path.name)
        )
    conn.execute(media_blobs.update().where(media_blobs.c.sha256 == sha256).values(size_bytes=size))


def has(conn: Connection, sha256: str) -> bool:
    """Whether the store holds (and this login may read) the content ``sha256``."""
    return conn.execute(select(media_blobs.c.sha256).where(media_blobs.c.sha256 == sha256)).first() is not None


def pieces(conn: Connection, sha256: str) -> Iterator[bytes]:
    """The stored content ``sha256``, a piece at a time, in order (nothing when it is not stored).

    One query per piece: a driver that buffers a whole result (psycopg's client-side cursor)
    then holds one piece, not the whole video.
    """
    numbers = conn.execute(
        select(media_blob_chunks.c.number)
        .where(media_blob_chunks.c.sha256 == sha256)
        .order_by(media_blob_chunks.c.number)
    ).scalars()
    for number in list(numbers):
        found = conn.execute(
            select(media_blob_chunks.c.content).where(
                media_blob_chunks.c.sha256 == sha256, media_blob_chunks.c.number == number
            )
        ).scalar()
        if found is not None:
            yield bytes(found)


def read(conn: Connection, sha256: str) -> bytes | None:
    """The stored content ``sha256`` whole, or ``None`` (for small files and checks; a file on
    disk is written a piece at a time by :func:`local_file`)."""
    if not has(conn, sha256):
        return None
    return b"".join(pieces(conn, sha256))


def cache_folder() -> Path:
    """The local folder of contents read back from the store."""
    return paths.subdir(CACHE_FOLDER)


def _verified(path: Path, sha256: str) -> bool:
    return path.is_file() and file_sha256(path) == sha256


def local_file(store: Store, *, path: str, sha256: str, mime_type: str) -> Path:
    """A file on this machine with the content ``sha256``: the recorded ``path`` when it is here
    with that content, else the cache's copy, read from the store first when needed.

    Raises :class:`MediaMissingError` when the store does not have it either.
    """
    recorded = Path(path)
    if _verified(recorded, sha256):
        return recorded
    cached = cache_folder() / f"{sha256}{_EXTENSIONS.get(mime_type, '')}"
    if _verified(cached, sha256):
        cached.touch()  # in use: the cache's pruning goes by the time a file was last used
        return cached
    # A private temporary name, then an atomic rename: two publishers never see half a file.
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    try:
        digest = hashlib.sha256()
        with store.read() as conn, partial.open("wb") as handle:
            stored = has(conn, sha256)
            for piece in pieces(conn, sha256) if stored else ():
                digest.update(piece)
                handle.write(piece)
        if not stored:
            raise MediaMissingError(
                Msg(
                    "The file {name} is not on this computer and not in the database: "
                    "attach it again from the computer that has it.",
                    name=recorded.name,
                )
            )
        if digest.hexdigest() != sha256:  # a damaged or partly copied blob: never publish other bytes
            raise MediaMissingError(
                Msg("The stored copy of {name} is damaged: attach the file again.", name=recorded.name)
            )
        partial.replace(cached)
    finally:
        partial.unlink(missing_ok=True)
    log.info("media %s read from the store into %s", sha256, cached)
    return cached


def localize(store: Store, items: Sequence[MediaShape], hashes: Sequence[str]) -> tuple[MediaShape, ...]:
    """``items`` (with their contents' ``hashes``, in order) pointing at files on this machine."""
    return tuple(
        replace(item, path=str(local_file(store, path=item.path, sha256=sha256, mime_type=item.mime_type)))
        for item, sha256 in zip(items, hashes, strict=True)
    )


def upload_missing(store: Store) -> UploadReport:
    """Store the content of every media row (this login sees) whose content is not stored yet,
    from this machine's files; a file that is gone or changed is skipped (logged).

    Run on each laptop that attached files before media were stored (migration 0010 fills in
    only what the migrating machine has), and before a copy to the team database.
    """
    with store.read() as conn:
        rows = conn.execute(
            select(media.c.sha256, media.c.path, media.c.mime_type)
            .where(~select(media_blobs.c.sha256).where(media_blobs.c.sha256 == media.c.sha256).exists())
            .order_by(media.c.id)
        ).all()
    wanted = {r.sha256 for r in rows}
    stored: set[str] = set()
    for row in rows:
        if row.sha256 in stored:
            continue
        path = Path(row.path)
        if not _verified(path, row.sha256):
            log.info("media %s: %s is not here with its content; skipped", row.sha256, path)
            continue
        with store.write() as conn:
            put_file(conn, path, row.sha256, row.mime_type)
        stored.add(row.sha256)
    return UploadReport(stored=len(stored), missing=len(wanted - stored))


# --- housekeeping: contents nobody names any more ---------------------------------------------------

#: How long a stored content that no media row or draft names any more is kept after it was last
#: named (``named_at``): an image swapped out of a draft can still be put back for a week.
UNUSED_BLOB_GRACE = timedelta(days=7)
#: How long a file read back into this machine's cache stays without being used.
CACHE_UNUSED = timedelta(days=30)


def prune_blobs(store: Store, *, now: datetime | None = None, grace: timedelta = UNUSED_BLOB_GRACE) -> int:
    """Delete the stored contents that no media row and no draft names any more, last named over
    ``grace`` ago; returns how many.

    Run by the publishing worker, which sees every row: on a team database a login limited to
    its groups sees only the contents its groups name, and deletes nothing it cannot see.
    """
    named_by_media = select(media.c.id).where(media.c.sha256 == media_blobs.c.sha256).exists()
    # A draft's files are named <sha256>.<ext> in its JSON list (``drafts.media``).
    named_by_draft = select(drafts.c.id).where(cast(drafts.c.media, Text).contains(media_blobs.c.sha256)).exists()
    cutoff = (now or timeutil.now_utc()) - grace
    # One statement, its conditions on the row deleted: a content named again meanwhile (a later
    # ``named_at``, a new media row) is not deleted. Its pieces go with it (ON DELETE CASCADE).
    doomed = (
        media_blobs.delete()
        .where(media_blobs.c.named_at < cutoff, ~named_by_media, ~named_by_draft)
        .returning(media_blobs.c.sha256)
    )
    with store.write() as conn:
        deleted = len(conn.execute(doomed).all())
    if deleted:
        log.info("media: %d stored contents no post or draft names were deleted", deleted)
    return deleted


def prune_cache(*, now: datetime | None = None, unused_for: timedelta = CACHE_UNUSED) -> int:
    """Delete the files of this machine's media cache not used for ``unused_for`` (each use touches
    its file), and partial files a crash left; returns how many. A later post that needs one reads
    it from the store again."""
    folder = paths.home() / CACHE_FOLDER
    if not folder.is_dir():
        return 0
    moment = (now or timeutil.now_utc()).timestamp()
    removed = 0
    for path in folder.iterdir():
        try:
            idle = moment - path.stat().st_mtime
            # A partial file older than a day belongs to no running copy (they take seconds).
            if path.is_file() and idle > (86400 if path.suffix == ".part" else unused_for.total_seconds()):
                path.unlink()
                removed += 1
        except OSError:  # gone meanwhile, or not ours to remove: the next pass tries again
            continue
    return removed


# --- drafts: attachments recorded by path only ----------------------------------------------------


def content_name(recorded: str) -> tuple[str, str] | None:
    """``(sha256, mime type)`` that a media-folder file's name stands for (``<sha256>.png``), else ``None``."""
    path = Path(recorded)
    stem, suffix = path.stem.lower(), path.suffix.lower()
    mime = next((m for m, ext in _EXTENSIONS.items() if ext == suffix), None)
    if mime is None or len(stem) != 64 or any(c not in "0123456789abcdef" for c in stem):
        return None
    return stem, mime


def copy_here(recorded: Path) -> Path | None:
    """This machine's file with the content a media-folder path recorded on another machine names:
    the same name in this machine's media folder or cache, with that content; else ``None``."""
    named = content_name(str(recorded))
    if named is None:
        return None
    for folder in (paths.subdir("media"), cache_folder()):
        candidate = folder / recorded.name
        if _verified(candidate, named[0]):
            return candidate
    return None


def put_paths(conn: Connection, recorded: Sequence[str], now: datetime | None = None) -> int:
    """Store, in the caller's transaction, the content of each media-folder file of ``recorded``
    that is on this machine with the content its name says (a draft's attachments); returns how
    many. Call it after writing the draft row: on a team database a draft names what it may store.
    """
    stored = 0
    moment = now or timeutil.now_utc()
    # In hash order, as every writer of contents goes: two saves never wait on each other's rows.
    for path in sorted(dict.fromkeys(recorded), key=lambda p: Path(p).name):
        named = content_name(path)
        # Already stored: mark it named, skip the hashing (a draft is saved at every pause in typing).
        if named is None or _mark_named(conn, named[0], moment) or not _verified(Path(path), named[0]):
            continue
        put_file(conn, Path(path), named[0], named[1], moment)
        stored += 1
    return stored


def local_path(store: Store, recorded: str) -> str:
    """A draft's attachment as a file on this machine: ``recorded`` itself when it is here, else
    the verified copy read from the store (:func:`local_file`), so that a draft opened on another
    machine shows its images and can be sent from there.

    Raises :class:`MediaMissingError` when neither has it.
    """
    named = content_name(recorded)
    if named is None:
        if Path(recorded).is_file():
            return recorded
        raise MediaMissingError(
            Msg("The file {name} is not on this computer: attach it again.", name=Path(recorded).name)
        )
    return str(local_file(store, path=recorded, sha256=named[0], mime_type=named[1]))
