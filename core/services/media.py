"""Media attached to posts: checked by content, copied into the app's media folder.

Files are copied (content-addressed by SHA-256) so that a draft keeps its images when the
original is moved or deleted. Platform-specific limits (size, count) are checked by the
connectors; here only what no platform accepts is refused.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select

from core import paths, plaintext
from core.domain import Media
from core.errors import UserError
from core.services import media_store
from core.store.tables import media
from core.words import Msg

#: The largest file any supported platform takes (X video: 512 MB).
MAX_BYTES = 512 * 1024 * 1024
MAX_FILES = 10
MAX_ALT_TEXT = 1000

# Magic numbers: the type is read from the content, never trusted from the name.
_SIGNATURES: list[tuple[bytes, int, str, str]] = [
    (b"\xff\xd8\xff", 0, "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png", ".png"),
    (b"GIF87a", 0, "image/gif", ".gif"),
    (b"GIF89a", 0, "image/gif", ".gif"),
    (b"WEBP", 8, "image/webp", ".webp"),
    (b"ftyp", 4, "video/mp4", ".mp4"),
]


@dataclass(frozen=True)
class CheckedMedia:
    """A file that passed the checks, not yet copied: ``source`` is the user's own file."""

    source: Path
    mime_type: str
    extension: str
    size_bytes: int
    sha256: str
    alt_text: str


@dataclass(frozen=True)
class PreparedMedia:
    """A checked file already copied into the media folder."""

    path: Path
    mime_type: str
    size_bytes: int
    sha256: str
    alt_text: str


def sniff_type(head: bytes) -> tuple[str, str] | None:
    """``(mime type, extension)`` for a supported file's first bytes, else ``None``."""
    for magic, offset, mime, ext in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            if mime == "image/webp" and not head.startswith(b"RIFF"):
                continue
            return mime, ext
    return None


def check_files(files: Sequence[tuple[str, str]]) -> list[CheckedMedia]:
    """Check ``(path, alt_text)`` pairs without copying anything; :class:`UserError` on the first bad one."""
    if len(files) > MAX_FILES:
        raise UserError(Msg("A post can carry at most {max_files} media files.", max_files=MAX_FILES))
    return [_check_file(raw_path, alt_text) for raw_path, alt_text in files]


def _check_file(raw_path: str, alt_text: str) -> CheckedMedia:
    source = Path(raw_path).expanduser()
    if not source.is_file():  # a draft's attachment recorded on another machine: this machine's copy
        source = media_store.copy_here(source) or source
    if not source.is_file():
        raise UserError(Msg("The media file {raw_path!r} does not exist or is not a file.", raw_path=raw_path))
    size = source.stat().st_size
    if size == 0:
        raise UserError(Msg("The media file {source!r} is empty.", source=source.name))
    if size > MAX_BYTES:
        raise UserError(Msg("The media file {source!r} is larger than 512 MB.", source=source.name))
    if len(alt_text) > MAX_ALT_TEXT:
        raise UserError(
            Msg(
                "The alt text of {source!r} is longer than {max_alt_text} characters.",
                source=source.name,
                max_alt_text=MAX_ALT_TEXT,
            )
        )
    plaintext.refuse_controls(alt_text, Msg("The alt text of {name!r}", name=source.name))
    with source.open("rb") as handle:
        kind = sniff_type(handle.read(16))
    if kind is None:
        raise UserError(
            Msg("{source!r} is not a supported image or video (JPEG, PNG, GIF, WebP or MP4).", source=source.name)
        )
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return CheckedMedia(source, kind[0], kind[1], size, digest.hexdigest(), alt_text.strip())


def copy_in(checked: Sequence[CheckedMedia]) -> tuple[list[PreparedMedia], list[Path]]:
    """Copy checked files into the media folder: what to attach, and the files this call created
    (for :func:`discard` when the write they belong to is refused after all)."""
    prepared: list[PreparedMedia] = []
    created: list[Path] = []
    try:
        for item in checked:
            target = paths.subdir("media") / f"{item.sha256}{item.extension}"
            if not target.exists():
                partial = target.with_suffix(target.suffix + ".part")
                shutil.copyfile(item.source, partial)
                partial.replace(target)
                created.append(target)
            prepared.append(PreparedMedia(target, item.mime_type, item.size_bytes, item.sha256, item.alt_text))
    except OSError as exc:
        discard(created)
        raise UserError(
            Msg("Cannot copy the media file into Communiqué's folder: {strerror}.", strerror=exc.strerror)
        ) from None
    return prepared, created


def discard(created: Sequence[Path]) -> None:
    """Remove files :func:`copy_in` created for a write that did not happen."""
    for path in created:
        path.unlink(missing_ok=True)


def prepare_files(files: Sequence[tuple[str, str]]) -> list[PreparedMedia]:
    """Check and copy ``(path, alt_text)`` pairs; raise :class:`UserError` on the first bad one."""
    return copy_in(check_files(files))[0]


def insert_media(conn: Connection, post_id: int, files: Sequence[PreparedMedia], now: datetime) -> None:
    """Attach prepared files to a post, in order, and store their content (once per hash).

    The content goes in the same transaction as the rows, so that a worker on another machine
    always finds the bytes of what a post names (see :mod:`core.services.media_store`). The rows
    go first: on a team database a login may store a blob only once it sees a row naming it.
    """
    for position, item in enumerate(files):
        conn.execute(
            media.insert().values(
                post_id=post_id,
                position=position,
                path=str(item.path),
                mime_type=item.mime_type,
                size_bytes=item.size_bytes,
                sha256=item.sha256,
                alt_text=item.alt_text,
                created_at=now,
            )
        )
    # In hash order, as every writer of contents goes: two attachments of the same files in
    # another order never wait on each other's rows (a video's row is held while it streams in).
    for item in sorted({item.sha256: item for item in files}.values(), key=lambda item: item.sha256):
        media_store.put_file(conn, item.path, item.sha256, item.mime_type, now)


def fetch_media(conn: Connection, post_ids: Sequence[int]) -> dict[int, list[Media]]:
    """Media of each post, in position order."""
    rows = conn.execute(select(media).where(media.c.post_id.in_(post_ids)).order_by(media.c.post_id, media.c.position))
    found: dict[int, list[Media]] = {}
    for row in rows:
        m = row._mapping
        found.setdefault(m["post_id"], []).append(
            Media(
                id=m["id"],
                post_id=m["post_id"],
                position=m["position"],
                path=m["path"],
                mime_type=m["mime_type"],
                size_bytes=m["size_bytes"],
                sha256=m["sha256"],
                alt_text=m["alt_text"],
            )
        )
    return found
