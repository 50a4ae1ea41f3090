"""Media content in the store: written when a file is attached, read back where the file is not.

A file attached to a post is copied into the attaching machine's media folder
(:mod:`core.services.media`) *and* its bytes are stored once per SHA-256 in ``media_blobs``, in
the transaction that attaches it. On a team database the worker publishing the post runs on
another machine: there the recorded path is absent (or names another machine's file), so the
bytes are read from the store into a local cache folder keyed by the hash, verified, and
reused by every variant and every later post with the same content.

The local file is used first when it is there with the recorded content: on the embedded store
nothing changes, and the database is read only by a machine that lacks the file, once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from core import paths, timeutil
from core.errors import UserError
from core.publishable import MediaShape
from core.store import Store
from core.store.tables import media, media_blobs
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


def put(conn: Connection, sha256: str, content: bytes, mime_type: str, now: datetime | None = None) -> None:
    """Store ``content`` under ``sha256`` in the caller's transaction, unless it is there already.

    ``INSERT ... ON CONFLICT DO NOTHING`` rather than a look first: on a team database the same
    content may be stored under another group's post, which this login cannot see.
    """
    if hashlib.sha256(content).hexdigest() != sha256:
        raise ValueError(f"content does not hash to {sha256}")
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(media_blobs)
        .values(
            sha256=sha256,
            content=content,
            size_bytes=len(content),
            mime_type=mime_type,
            created_at=now or timeutil.now_utc(),
        )
        .on_conflict_do_nothing(index_elements=[media_blobs.c.sha256])
    )
    conn.execute(statement)


def put_file(conn: Connection, path: Path, sha256: str, mime_type: str, now: datetime | None = None) -> None:
    """Store the file at ``path`` (a checked copy in the media folder) under ``sha256``.

    A :class:`UserError` when it cannot be read or no longer has that content; the caller's
    transaction then writes nothing, so a post never names content the store lacks.
    """
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UserError(
            Msg("Cannot read the media file {name}: {reason}.", name=path.name, reason=exc.strerror or str(exc))
        ) from None
    if hashlib.sha256(content).hexdigest() != sha256:
        raise UserError(
            Msg("The media file {name} changed while it was being attached; attach it again.", name=path.name)
        )
    put(conn, sha256, content, mime_type, now)


def has(conn: Connection, sha256: str) -> bool:
    """Whether the store holds (and this login may read) the content ``sha256``."""
    return conn.execute(select(media_blobs.c.sha256).where(media_blobs.c.sha256 == sha256)).first() is not None


def read(conn: Connection, sha256: str) -> bytes | None:
    """The stored content ``sha256``, or ``None``."""
    found = conn.execute(select(media_blobs.c.content).where(media_blobs.c.sha256 == sha256)).scalar()
    return bytes(found) if found is not None else None


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
        return cached
    with store.read() as conn:
        content = read(conn, sha256)
    if content is None:
        raise MediaMissingError(
            Msg(
                "The file {name} is not on this computer and not in the database: "
                "attach it again from the computer that has it.",
                name=recorded.name,
            )
        )
    if hashlib.sha256(content).hexdigest() != sha256:  # a damaged row: never publish other bytes
        raise MediaMissingError(Msg("The stored copy of {name} is damaged: attach the file again.", name=recorded.name))
    # A private temporary name, then an atomic rename: two publishers never see half a file.
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    try:
        partial.write_bytes(content)
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
    for path in dict.fromkeys(recorded):
        named = content_name(path)
        # Already stored: skip the hashing (a draft is saved at every pause in typing).
        if named is None or has(conn, named[0]) or not _verified(Path(path), named[0]):
            continue
        put_file(conn, Path(path), named[0], named[1], now)
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
