"""Checking a pack archive entry by entry before anything is extracted.

Argos Translate extracts whatever a zip holds, so a hostile archive could write outside the
packs folder (``../``, absolute paths, links) or fill the disk (a zip bomb). These checks refuse
such archives with one sentence; :mod:`translation.packs` extracts only what they accept.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from core.errors import UserError
from core.words import Msg

# Limits far above any real pack (the largest Argos packs are a few hundred MB unpacked).
MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_ENTRY_BYTES = 2 * 1024**3
#: The largest ``metadata.json`` taken (Argos's own are under 2 KB); read before every listing,
#: so a huge one would slow every command.
MAX_METADATA_BYTES = 64 * 1024
MAX_RATIO = 200  # uncompressed/compressed, for entries over 1 MiB: a zip bomb, not a model
_CHUNK = 1024 * 1024


def _is_link_or_special(info: zipfile.ZipInfo) -> bool:
    kind = stat.S_IFMT(info.external_attr >> 16)
    # Archives made without Unix attributes leave the type bits at zero: a plain file.
    return kind not in (0, stat.S_IFREG, stat.S_IFDIR)


def _safe_parts(name: str, label: str) -> tuple[str, ...]:
    if "\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise UserError(
            Msg("{label} is refused: the entry {name!r} points outside the pack folder.", label=label, name=name)
        )
    parts = tuple(part for part in PurePosixPath(name).parts if part not in ("", "."))
    if not parts or ".." in parts:
        raise UserError(
            Msg("{label} is refused: the entry {name!r} points outside the pack folder.", label=label, name=name)
        )
    return parts


def check_entries(archive: zipfile.ZipFile, label: str) -> tuple[str, list[tuple[zipfile.ZipInfo, tuple[str, ...]]]]:
    """Refuse hostile archives; return the top folder and each file with its path inside it.

    ``label`` names the file in messages ("The file 'x.argosmodel'").
    """
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise UserError(
            Msg(
                "{label} is refused: it holds {length} files, more than a language pack has.",
                label=label,
                length=len(entries),
            )
        )
    total = 0
    tops: set[str] = set()
    files = []
    for info in entries:
        parts = _safe_parts(info.filename, label)
        if _is_link_or_special(info):
            raise UserError(
                Msg(
                    "{label} is refused: the entry {filename!r} is a link or a special file.",
                    label=label,
                    filename=info.filename,
                )
            )
        if info.flag_bits & 0x1:
            raise UserError(
                Msg("{label} is refused: the entry {filename!r} is encrypted.", label=label, filename=info.filename)
            )
        tops.add(parts[0])
        if info.is_dir():
            continue
        if len(parts) < 2:
            raise UserError(Msg("{label} is not a language pack: files must sit inside one folder.", label=label))
        if parts[1:] == ("metadata.json",) and info.file_size > MAX_METADATA_BYTES:
            raise UserError(
                Msg(
                    "{label} is refused: its metadata.json is {file_size:,} bytes, more than the {most} KB a "
                    "pack's description needs.",
                    label=label,
                    file_size=info.file_size,
                    most=MAX_METADATA_BYTES // 1024,
                )
            )
        if info.file_size > MAX_ENTRY_BYTES or (
            info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise UserError(
                Msg(
                    "{label} is refused: the entry {filename!r} unpacks to an absurd size.",
                    label=label,
                    filename=info.filename,
                )
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UserError(
                Msg(
                    "{label} is refused: it unpacks to more than {most} GiB.",
                    label=label,
                    most=MAX_TOTAL_BYTES // 1024**3,
                )
            )
        files.append((info, parts[1:]))
    if len(tops) != 1:
        raise UserError(Msg("{label} is not a language pack: it must hold exactly one folder.", label=label))
    return tops.pop(), files


#: What reading a damaged archive raises (a bad CRC, a truncated or garbled deflate stream...).
DAMAGED_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    NotImplementedError,
)


def unreadable(label: str, exc: BaseException) -> UserError:
    """The sentence for an archive that cannot be read or unpacked (``label`` names the file)."""
    if isinstance(exc, OSError):
        return UserError(Msg("{label} cannot be unpacked: {reason}.", label=label, reason=exc.strerror or exc))
    return UserError(Msg("{label} is damaged ({reason}): download it again.", label=label, reason=exc))


def extract(
    archive: zipfile.ZipFile, files: list[tuple[zipfile.ZipInfo, tuple[str, ...]]], dest: Path, label: str
) -> None:
    """Write the files :func:`check_entries` accepted under ``dest``, counting the bytes really written.

    ``label`` names the file in messages ("The file 'x.argosmodel'"): every failure is one
    sentence that says which pack file it was.
    """
    for info, parts in files:
        target = dest.joinpath(*parts)
        written = 0
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # Count the bytes really written: a header may lie about the size.
            with archive.open(info) as source, target.open("wb") as out:
                while chunk := source.read(_CHUNK):
                    written += len(chunk)
                    if written > info.file_size:
                        raise UserError(
                            Msg(
                                "{label} is damaged: the entry {filename!r} is larger than its header says; "
                                "download it again.",
                                label=label,
                                filename=info.filename,
                            )
                        )
                    out.write(chunk)
        except (*DAMAGED_ARCHIVE_ERRORS, OSError) as exc:
            raise unreadable(label, exc) from None
