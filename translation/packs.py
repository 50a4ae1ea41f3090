"""Language packs in the app's data folder: list, validated atomic install, remove.

A pack is an Argos Translate ``.argosmodel`` zip holding one folder with ``metadata.json``, a
tokenizer and a CTranslate2 model. Argos Translate itself extracts whatever the zip holds, so a
hostile archive could write outside the folder and one folder without ``metadata.json`` breaks
listing for every language. Here an archive is checked entry by entry, extracted into a staging
folder next to the packs folder, checked again, and only then renamed into place: a refused or
failed install leaves the packs already installed as they were.

Listing reads ``metadata.json`` directly and never imports Argos Translate, so it is cheap.
Downloading from the Argos index lives in :mod:`translation.index`.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from core import languages, paths
from core.errors import NotFoundError, UserError
from core.timeutil import now_utc

PACKS_FOLDER = "packs"
#: Written into each installed pack: where it came from and a fingerprint of the archive.
INSTALL_INFO = ".communique-pack.json"

# Limits far above any real pack (the largest Argos packs are a few hundred MB unpacked).
MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_ENTRY_BYTES = 2 * 1024**3
MAX_RATIO = 200  # uncompressed/compressed, for entries over 1 MiB: a zip bomb, not a model
_CODE_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_CHUNK = 1024 * 1024

_lock = threading.RLock()
_listeners: list[Callable[[], None]] = []
_listing_cache: tuple[tuple[Path, int], list[PackInfo]] | None = None


@dataclass(frozen=True)
class PackInfo:
    """An installed language pack."""

    from_code: str
    from_name: str
    to_code: str
    to_name: str
    version: str
    path: Path
    #: True when the pack carries its own MiniSBD sentence splitter (``minisbd/<lang>.onnx``).
    has_splitter: bool
    #: The first 12 hex digits of the archive's SHA-256 ("" for a folder copied by hand).
    fingerprint: str

    @property
    def model_version(self) -> str:
        """Version plus fingerprint: changes when the pack is replaced, even at the same version."""
        return f"{self.version}:{self.fingerprint}" if self.fingerprint else self.version

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly view."""
        return {
            "from": self.from_code,
            "from_name": self.from_name,
            "to": self.to_code,
            "to_name": self.to_name,
            "version": self.version,
            "splitter": "minisbd" if self.has_splitter else "built-in rules",
            "fingerprint": self.fingerprint,
            "path": str(self.path),
        }


def on_change(callback: Callable[[], None]) -> None:
    """Call ``callback`` after every install or removal (the engine drops its caches)."""
    _listeners.append(callback)


def _changed() -> None:
    _remember_listing(None, [])
    for callback in _listeners:
        callback()


def packs_dir() -> Path:
    """The folder holding installed packs (``<COMMUNIQUE_HOME>/packs``)."""
    return paths.subdir(PACKS_FOLDER)


def staging_dir() -> Path:
    """Where installs and downloads are prepared before being renamed into place."""
    # A sibling of the packs folder: same file system (renames are atomic), but never listed.
    return paths.subdir(PACKS_FOLDER + ".staging")


def _folder_name(from_code: str, to_code: str) -> str:
    return f"translate-{from_code}_{to_code}"


def _language_name(metadata: dict[str, Any], key: str, code: str) -> str:
    value = metadata.get(key)
    if isinstance(value, str) and value.strip() and value.strip().upper() != code.upper():
        return value.strip()
    return languages.name(code)


def _read_pack(folder: Path) -> PackInfo | None:
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(metadata, dict) or metadata.get("type", "translate") != "translate":
        return None
    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    if not isinstance(from_code, str) or not isinstance(to_code, str):
        return None
    fingerprint = ""
    try:
        info = json.loads((folder / INSTALL_INFO).read_text(encoding="utf-8"))
        fingerprint = str(info.get("sha256", ""))[:12]
    except (OSError, ValueError, AttributeError):
        pass
    splitter_dir = folder / "minisbd"
    return PackInfo(
        from_code=from_code,
        from_name=_language_name(metadata, "from_name", from_code),
        to_code=to_code,
        to_name=_language_name(metadata, "to_name", to_code),
        version=str(metadata.get("package_version", "")),
        path=folder,
        has_splitter=splitter_dir.is_dir() and any(splitter_dir.glob("*.onnx")),
        fingerprint=fingerprint,
    )


def list_packs() -> list[PackInfo]:
    """Installed packs, sorted by pair. Folders that are not packs are skipped."""
    folder = packs_dir()
    # Every install and removal renames a folder in or out, which changes the folder's mtime:
    # a cheap key that spares reading every metadata.json on each translation.
    key = (folder, folder.stat().st_mtime_ns)
    with _lock:
        if _listing_cache is not None and _listing_cache[0] == key:
            return list(_listing_cache[1])
    found = []
    for child in sorted(folder.iterdir()):
        if child.is_dir() and not child.name.startswith("."):
            pack = _read_pack(child)
            if pack is not None:
                found.append(pack)
    result = sorted(found, key=lambda p: (p.from_code, p.to_code))
    _remember_listing(key, result)
    return list(result)


def _remember_listing(key: tuple[Path, int] | None, listing: list[PackInfo]) -> None:
    global _listing_cache
    with _lock:
        _listing_cache = None if key is None else (key, listing)


def find_pack(from_code: str, to_code: str) -> PackInfo | None:
    """The installed pack for a direct pair, if any."""
    for pack in list_packs():
        if pack.from_code == from_code and pack.to_code == to_code:
            return pack
    return None


def _is_link_or_special(info: zipfile.ZipInfo) -> bool:
    kind = stat.S_IFMT(info.external_attr >> 16)
    # Archives made without Unix attributes leave the type bits at zero: a plain file.
    return kind not in (0, stat.S_IFREG, stat.S_IFDIR)


def _safe_parts(name: str, label: str) -> tuple[str, ...]:
    if "\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise UserError(f"{label} is refused: the entry {name!r} points outside the pack folder.")
    parts = tuple(part for part in PurePosixPath(name).parts if part not in ("", "."))
    if not parts or ".." in parts:
        raise UserError(f"{label} is refused: the entry {name!r} points outside the pack folder.")
    return parts


def _check_entries(archive: zipfile.ZipFile, label: str) -> tuple[str, list[tuple[zipfile.ZipInfo, tuple[str, ...]]]]:
    """Refuse hostile archives; return the top folder and each file with its path inside it."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise UserError(f"{label} is refused: it holds {len(entries)} files, more than a language pack has.")
    total = 0
    tops: set[str] = set()
    files = []
    for info in entries:
        parts = _safe_parts(info.filename, label)
        if _is_link_or_special(info):
            raise UserError(f"{label} is refused: the entry {info.filename!r} is a link or a special file.")
        if info.flag_bits & 0x1:
            raise UserError(f"{label} is refused: the entry {info.filename!r} is encrypted.")
        tops.add(parts[0])
        if info.is_dir():
            continue
        if len(parts) < 2:
            raise UserError(f"{label} is not a language pack: files must sit inside one folder.")
        if info.file_size > MAX_ENTRY_BYTES or (
            info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise UserError(f"{label} is refused: the entry {info.filename!r} unpacks to an absurd size.")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UserError(f"{label} is refused: it unpacks to more than {MAX_TOTAL_BYTES // 1024**3} GiB.")
        files.append((info, parts[1:]))
    if len(tops) != 1:
        raise UserError(f"{label} is not a language pack: it must hold exactly one folder.")
    return tops.pop(), files


def _extract(archive: zipfile.ZipFile, files: list[tuple[zipfile.ZipInfo, tuple[str, ...]]], dest: Path) -> None:
    for info, parts in files:
        target = dest.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        # Count the bytes really written: a header may lie about the size.
        with archive.open(info) as source, target.open("wb") as out:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > info.file_size:
                    raise UserError(f"The entry {info.filename!r} is larger than its header says.")
                out.write(chunk)


def _check_metadata(folder: Path, label: str) -> dict[str, Any]:
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{label} is not a language pack: it has no metadata.json.") from None
    except (OSError, ValueError):
        raise UserError(f"{label} is not a language pack: its metadata.json is not valid JSON.") from None
    if not isinstance(metadata, dict):
        raise UserError(f"{label} is not a language pack: its metadata.json is not an object.")
    if metadata.get("type", "translate") != "translate":
        raise UserError(f"{label} is a {metadata.get('type')!r} package, not a translation pack.")
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not _CODE_RE.match(value):
            raise UserError(f"{label} is not a language pack: metadata.json has no valid {key}.")
    if metadata["from_code"] == metadata["to_code"]:
        raise UserError(f"{label} is not a language pack: it translates {metadata['from_code']} into itself.")
    if not (folder / "sentencepiece.model").is_file() and not (folder / "bpe.model").is_file():
        raise UserError(f"{label} is not a language pack: it has no tokenizer (sentencepiece.model).")
    if not (folder / "model" / "model.bin").is_file():
        raise UserError(f"{label} is not a language pack: it has no model/model.bin.")
    if (folder / "sentencepiece.model").is_file():
        import sentencepiece

        try:
            sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
        except (RuntimeError, OSError):
            raise UserError(f"{label} is damaged: its tokenizer cannot be read.") from None
    return metadata


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def install_pack(file: Path | str) -> PackInfo:
    """Validate ``file`` (a ``.argosmodel``) and install it, replacing the pack of the same pair.

    Raises :class:`UserError` with one sentence for anything that is not a sound pack; nothing
    installed before is touched then.
    """
    path = Path(file).expanduser()
    label = f"The file {path.name!r}"
    if not path.exists():
        raise UserError(f"The language pack file {str(path)!r} does not exist.")
    if not path.is_file():
        raise UserError(f"{str(path)!r} is a folder, not a language pack file (.argosmodel).")
    if not zipfile.is_zipfile(path):
        raise UserError(f"{label} is not a language pack: it is not a zip archive.")
    staging = Path(tempfile.mkdtemp(prefix="install-", dir=staging_dir()))
    try:
        folder = staging / "pack"
        try:
            with zipfile.ZipFile(path) as archive:
                _top, files = _check_entries(archive, label)
                _extract(archive, files, folder)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
            raise UserError(f"{label} is damaged ({exc}): download it again.") from None
        except OSError as exc:
            raise UserError(f"{label} cannot be unpacked: {exc.strerror or exc}.") from None
        metadata = _check_metadata(folder, label)
        info = {"sha256": _sha256(path), "source": path.name, "installed_at": now_utc().isoformat()}
        (folder / INSTALL_INFO).write_text(json.dumps(info), encoding="utf-8")
        target = packs_dir() / _folder_name(metadata["from_code"], metadata["to_code"])
        with _lock:
            previous = find_pack(metadata["from_code"], metadata["to_code"])
            if previous is not None and previous.path != target:
                previous.path.replace(staging / "previous")  # a folder copied in by hand
            if target.exists():
                target.replace(staging / "old")
            folder.replace(target)
        _changed()
        pack = _read_pack(target)
        assert pack is not None  # checked above
        return pack
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove_pack(from_code: str, to_code: str) -> PackInfo:
    """Remove the installed pack for a direct pair."""
    pack = find_pack(from_code, to_code)
    if pack is None:
        raise NotFoundError(f"No language pack from {from_code} to {to_code} is installed.")
    trash = Path(tempfile.mkdtemp(prefix="remove-", dir=staging_dir()))
    with _lock:
        pack.path.replace(trash / "pack")
    shutil.rmtree(trash, ignore_errors=True)
    _changed()
    return pack
