"""Language packs in the app's data folder: list, validated atomic install, remove.

A pack is an Argos Translate ``.argosmodel`` zip holding one folder with ``metadata.json``, a
tokenizer and a CTranslate2 model. Argos Translate itself extracts whatever the zip holds, so a
hostile archive could write outside the folder and one folder without ``metadata.json`` breaks
listing for every language. Here an archive is checked entry by entry (:mod:`translation.archive`),
extracted into a staging folder inside the packs folder (``packs/.staging``: same file system,
never listed), checked again (the CTranslate2 model and the MiniSBD splitters are loaded once),
and only then renamed into place. A refused or failed install leaves the packs already installed as they were: the
renames that replace a pack are undone when a later one fails.

Listing reads ``metadata.json`` directly and never imports Argos Translate, so it is cheap.
Downloading from the Argos index lives in :mod:`translation.index`.

Every install and removal also changes the packs folder's stamp (:mod:`translation.pack_stamp`),
so that other processes learn of it: :func:`generation` is cheap enough for a window to poll on
a timer, and this process's listing is read again whenever the stamp has changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import languages, paths, plaintext
from core.errors import NotFoundError, UserError, message_of
from core.process import pid_alive
from core.timeutil import now_utc
from core.words import Msg
from translation import pack_stamp
from translation.archive import DAMAGED_ARCHIVE_ERRORS, MAX_METADATA_BYTES, check_entries, extract, unreadable

log = logging.getLogger(__name__)

PACKS_FOLDER = "packs"
#: Written into each installed pack: where it came from and a fingerprint of the archive.
INSTALL_INFO = ".communique-pack.json"

_CHUNK = 1024 * 1024

_STAGING = ".staging"
_STAGING_PREFIXES = ("install-", "download-", "remove-")
#: Marks a staging folder holding the only copy of a pack after a failed rollback: never deleted.
_KEEP = ".keep"
#: The packs folder, its modification time and its stamp when a listing was read.
_ListingKey = tuple[Path, int, str]

_lock = threading.RLock()
#: Staging folders this process is using right now (never cleaned as stale).
_active_staging: set[Path] = set()
_listeners: list[Callable[[], None]] = []
#: The last listing, under the key it was read with (see :func:`list_packs`).
_listing_cache: tuple[_ListingKey, list[PackInfo]] | None = None
_resolved_dir: tuple[tuple[str | None, ...], Path] | None = None


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
    """Call ``callback`` after every install or removal by this process (the engine drops its caches).

    Changes made by other processes are not called back: poll :func:`generation` for those.
    """
    _listeners.append(callback)


def generation() -> str:
    """A stamp that changes after every install or removal of a pack by any process on this machine.

    One small file read: a window can poll it on a timer and refresh its pack list (and the
    translations it offers) when the value differs from the last one it saw.
    """
    return pack_stamp.read(packs_dir())


def _changed() -> None:
    _remember_listing(None, [])
    try:
        pack_stamp.bump(packs_dir())
    except OSError:
        # The pack is in place either way; other processes still notice the folder's new mtime
        # when they next list, only a window polling generation() misses this change.
        log.warning("Could not update the language packs' change stamp", exc_info=True)
    for callback in _listeners:
        callback()


def _home_key() -> tuple[str | None, ...]:
    # What paths.home() depends on: the app's variable (and the working folder when that is
    # relative), else the platform's data folder. os.path: no Path objects on this hot path.
    configured = os.environ.get(paths.HOME_ENV)
    if configured:
        relative = not os.path.isabs(os.path.expanduser(configured))  # noqa: PTH111, PTH117
        return (configured, os.getcwd() if relative else None)  # noqa: PTH109
    return (None, os.environ.get("XDG_DATA_HOME"), os.environ.get("HOME"))


def packs_dir() -> Path:
    """The folder holding installed packs (``<COMMUNIQUE_HOME>/packs``), created on demand."""
    global _resolved_dir
    key = _home_key()
    resolved = _resolved_dir
    # Resolved once per data folder: paths.subdir() creates and checks two folders on every call,
    # and every translation asks for this one. One stat notices a folder deleted since.
    if resolved is not None and resolved[0] == key and resolved[1].is_dir():
        return resolved[1]
    folder = paths.subdir(PACKS_FOLDER)
    _resolved_dir = (key, folder)
    return folder


def staging_dir() -> Path:
    """Where installs and downloads are prepared before being renamed into place."""
    # Inside the packs folder, so on the same file system even when packs/ is a link to another
    # disk (renames stay atomic); listing skips dot-folders.
    folder = packs_dir() / _STAGING
    folder.mkdir(exist_ok=True)
    return folder


def new_staging(prefix: str) -> Path:
    """A fresh staging folder (``prefix`` is ``install-``, ``download-`` or ``remove-``).

    The name carries this process's id so that another process can tell a folder in use from
    one left behind by a crash. Release it with :func:`release_staging`.
    """
    for attempt in range(5):
        try:
            folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=staging_dir()))
            break
        except FileNotFoundError:  # another process removed the empty staging folder just now
            if attempt == 4:
                raise
    with _lock:
        _active_staging.add(folder)
    return folder


def release_staging(folder: Path) -> None:
    """Delete a staging folder made by :func:`new_staging` (unless it holds a pack to rescue)."""
    with _lock:
        _active_staging.discard(folder)
    if not (folder / _KEEP).exists():
        shutil.rmtree(folder, ignore_errors=True)
    # An empty staging folder is removed: Argos Translate's own scan of the packs folder (its
    # CLI, pointed there by hand) fails on any folder that is not a pack.
    with contextlib.suppress(OSError):  # not empty: another install is using it
        folder.parent.rmdir()


def clean_stale_staging() -> None:
    """Delete staging folders left behind by installs and downloads that crashed or were killed."""
    for child in staging_dir().iterdir():
        if not child.name.startswith(_STAGING_PREFIXES) or (child / _KEEP).exists():
            continue
        with _lock:
            if child in _active_staging:
                continue
        owner = child.name.split("-")[1] if child.name.count("-") >= 2 else ""
        if owner.isdigit() and int(owner) != os.getpid() and pid_alive(int(owner)):
            continue  # another running process is installing
        shutil.rmtree(child, ignore_errors=True)


def _folder_name(from_code: str, to_code: str) -> str:
    return f"translate-{from_code}_{to_code}"


class _MetadataError(Exception):
    """A ``metadata.json`` that cannot be read safely; the message ends "...: <reason>"."""


def _load_metadata(folder: Path) -> Any:
    """``folder/metadata.json``, read at most :data:`MAX_METADATA_BYTES` (a huge file is refused,
    not read) and parsed; :class:`_MetadataError` for one too large, too deeply nested or not JSON.
    ``FileNotFoundError`` when absent."""
    with (folder / "metadata.json").open("rb") as handle:
        data = handle.read(MAX_METADATA_BYTES + 1)
    if len(data) > MAX_METADATA_BYTES:
        raise _MetadataError(Msg("its metadata.json is larger than {most} KB", most=MAX_METADATA_BYTES // 1024))
    try:
        value = json.loads(data.decode("utf-8"))
    except RecursionError:  # "[[[[...": the parser gives up, and so would every later reader
        raise _MetadataError(Msg("its metadata.json is nested too deeply")) from None
    except (ValueError, UnicodeDecodeError):
        raise _MetadataError(Msg("its metadata.json is not valid JSON")) from None
    if _depth(value) > _MAX_METADATA_DEPTH:  # parsed, yet writing it back (or Argos reading it) may not be
        raise _MetadataError(Msg("its metadata.json is nested too deeply"))
    return value


#: Argos's metadata is two levels deep; anything past this is not a pack's description.
_MAX_METADATA_DEPTH = 16


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion)."""
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, level = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level <= _MAX_METADATA_DEPTH:
                children = item.values() if isinstance(item, dict) else item
                pending.extend((child, level + 1) for child in children)
    return deepest


def shown(value: object) -> str:
    """Text from a pack's metadata as it may be printed: control characters (terminal escapes)
    removed, blanks collapsed."""
    return " ".join(plaintext.strip_controls(str(value)).split())


def _language_name(metadata: dict[str, Any], key: str, code: str) -> str:
    value = shown(metadata.get(key)) if isinstance(metadata.get(key), str) else ""
    if value and value.upper() != code.upper():
        return value
    return languages.name(code)


def _known_code(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return languages.normalize(value)
    except UserError:
        return None


def _read_pack(folder: Path) -> PackInfo | None:
    try:
        metadata = _load_metadata(folder)
    except OSError:
        return None
    except _MetadataError as exc:  # a folder copied in by hand: skipped, said, and nothing else breaks
        log.warning("The pack folder %s is skipped: %s.", shown(folder.name), exc)
        return None
    if not isinstance(metadata, dict) or metadata.get("type", "translate") != "translate":
        return None
    # A folder copied in by hand may spell codes "EN" or "en_US": the rest of the app (find,
    # remove, routes) only knows the normalised codes, and a code it does not know is unusable.
    from_code, to_code = _known_code(metadata.get("from_code")), _known_code(metadata.get("to_code"))
    if from_code is None or to_code is None:
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
        version=shown(metadata.get("package_version", "")),
        path=folder,
        has_splitter=splitter_dir.is_dir() and any(splitter_dir.glob("*.onnx")),
        fingerprint=fingerprint,
    )


def list_packs() -> list[PackInfo]:
    """Installed packs, sorted by pair. Folders that are not packs are skipped."""
    folder = packs_dir()
    # Every install and removal renames a folder in or out, which changes the folder's mtime,
    # and bumps the stamp: a cheap key that spares reading every metadata.json on each
    # translation. The stamp catches what the mtime can miss (two changes by another process
    # within one tick of the file system's clock); the mtime catches folders copied in by hand.
    # Both are read before the folder, so a change made meanwhile is seen on the next call.
    key = (folder, folder.stat().st_mtime_ns, pack_stamp.read(folder))
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


def _remember_listing(key: _ListingKey | None, listing: list[PackInfo]) -> None:
    global _listing_cache
    with _lock:
        _listing_cache = None if key is None else (key, listing)


def find_pack(from_code: str, to_code: str) -> PackInfo | None:
    """The installed pack for a direct pair, if any."""
    for pack in list_packs():
        if pack.from_code == from_code and pack.to_code == to_code:
            return pack
    return None


def _check_metadata(folder: Path, label: str) -> dict[str, Any]:
    try:
        metadata = _load_metadata(folder)
    except FileNotFoundError:
        raise UserError(Msg("{label} is not a language pack: it has no metadata.json.", label=label)) from None
    except OSError:
        raise UserError(Msg("{label} is not a language pack: its metadata.json cannot be read.", label=label)) from None
    except _MetadataError as exc:
        raise UserError(Msg("{label} is not a language pack: {reason}.", label=label, reason=message_of(exc))) from None
    if not isinstance(metadata, dict):
        raise UserError(Msg("{label} is not a language pack: its metadata.json is not an object.", label=label))
    if metadata.get("type", "translate") != "translate":
        raise UserError(
            Msg(
                "{label} is a {kind!r} package, not a translation pack.",
                label=label,
                kind=shown(metadata.get("type")),
            )
        )
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.strip():
            raise UserError(
                Msg("{label} is not a language pack: metadata.json has no valid {key}.", label=label, key=key)
            )
        if _known_code(value) is None:
            raise UserError(
                Msg(
                    "{label} is for the language code {value!r}, which Communiqué does not know.",
                    label=label,
                    value=value,
                )
            )
        metadata[key] = _known_code(value)
    if metadata["from_code"] == metadata["to_code"]:
        raise UserError(
            Msg(
                "{label} is not a language pack: it translates {from_code} into itself.",
                label=label,
                from_code=metadata["from_code"],
            )
        )
    if not (folder / "sentencepiece.model").is_file() and not (folder / "bpe.model").is_file():
        raise UserError(Msg("{label} is not a language pack: it has no tokenizer (sentencepiece.model).", label=label))
    if not (folder / "model" / "model.bin").is_file():
        raise UserError(Msg("{label} is not a language pack: it has no model/model.bin.", label=label))
    if (folder / "sentencepiece.model").is_file():
        import sentencepiece

        try:
            sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
        except (RuntimeError, OSError):
            raise UserError(Msg("{label} is damaged: its tokenizer cannot be read.", label=label)) from None
    return metadata


def check_loadable(folder: Path, label: str) -> None:
    """Load the pack's CTranslate2 model and each MiniSBD splitter once; refuse what fails.

    The file checks above cannot tell a truncated or foreign ``model.bin`` from a real one.
    """
    import ctranslate2

    try:
        translator = ctranslate2.Translator(str(folder / "model"), device="cpu", intra_threads=1)
    except Exception:  # CTranslate2 raises RuntimeError, ValueError... for a bad model
        raise UserError(
            Msg("{label} is damaged or made for a newer engine: its translation model cannot be loaded.", label=label)
        ) from None
    del translator
    splitters = sorted((folder / "minisbd").glob("*.onnx")) if (folder / "minisbd").is_dir() else []
    if splitters:
        import onnxruntime

        for splitter in splitters:
            try:
                onnxruntime.InferenceSession(str(splitter), providers=["CPUExecutionProvider"])
            except Exception:  # onnxruntime raises its own exception classes for a bad file
                raise UserError(
                    Msg(
                        "{label} is damaged or made for a newer engine: its sentence splitter {splitter} cannot "
                        "be loaded.",
                        label=label,
                        splitter=splitter.name,
                    )
                ) from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _swap_in(folder: Path, target: Path, previous: PackInfo | None, staging: Path, label: str) -> None:
    """Rename ``folder`` to ``target``, moving what was there aside; undo every rename on failure."""
    moved: list[tuple[Path, Path]] = []  # (where it was, where it went)
    try:
        if previous is not None and previous.path != target and previous.path.exists():
            previous.path.replace(staging / "previous")  # a folder copied in by hand
            moved.append((previous.path, staging / "previous"))
        if target.exists():
            target.replace(staging / "old")
            moved.append((target, staging / "old"))
        folder.replace(target)
    except OSError as exc:
        for origin, aside in reversed(moved):
            try:
                aside.replace(origin)
            except OSError:
                # Never delete the only copy of a pack: keep the staging folder and say where it is.
                (staging / _KEEP).touch()
                raise UserError(
                    Msg(
                        "{label} could not be put in place ({reason}) and the pack it replaced could not be "
                        "moved back: it is in {aside!r}.",
                        label=label,
                        reason=exc.strerror or exc,
                        aside=str(aside),
                    )
                ) from None
        raise UserError(
            Msg(
                "{label} could not be put in place ({reason}); the packs installed before are unchanged.",
                label=label,
                reason=exc.strerror or exc,
            )
        ) from None


def install_pack(file: Path | str, *, expected: tuple[str, str] | None = None) -> PackInfo:
    """Validate ``file`` (a ``.argosmodel``) and install it, replacing the pack of the same pair.

    ``expected`` (from, to): refuse a file that turns out to be for another pair (a download).
    Raises :class:`UserError` with one sentence for anything that is not a sound pack; nothing
    installed before is touched then.
    """
    path = Path(file).expanduser()
    label = Msg("The file {name!r}", name=path.name)
    if not path.exists():
        raise UserError(Msg("The language pack file {path!r} does not exist.", path=str(path)))
    if path.is_dir():
        raise UserError(Msg("{path!r} is a folder, not a language pack file (.argosmodel).", path=str(path)))
    if not path.is_file():  # /dev/null, a pipe, a socket
        raise UserError(
            Msg("{path!r} is not a regular file, so it cannot be a language pack file (.argosmodel).", path=str(path))
        )
    if not zipfile.is_zipfile(path):
        raise UserError(Msg("{label} is not a language pack: it is not a zip archive.", label=label))
    wanted = (languages.normalize(expected[0]), languages.normalize(expected[1])) if expected else None
    clean_stale_staging()
    staging = new_staging("install-")
    try:
        folder = staging / "pack"
        try:
            with zipfile.ZipFile(path) as archive:
                _top, files = check_entries(archive, label)
                extract(archive, files, folder, label)
        except (*DAMAGED_ARCHIVE_ERRORS, OSError) as exc:  # opening it, or reading its directory
            raise unreadable(label, exc) from None
        metadata = _check_metadata(folder, label)
        pair = (metadata["from_code"], metadata["to_code"])
        if wanted is not None and pair != wanted:
            raise UserError(
                Msg(
                    "{label} is a pack from {source} to {target}, not the {wanted_source} -> {wanted_target} pack "
                    "asked for; nothing was installed.",
                    label=label,
                    source=pair[0],
                    target=pair[1],
                    wanted_source=wanted[0],
                    wanted_target=wanted[1],
                )
            )
        check_loadable(folder, label)
        # The codes as the app spells them, so that Argos and the listing agree.
        (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
        info = {"sha256": _sha256(path), "source": path.name, "installed_at": now_utc().isoformat()}
        (folder / INSTALL_INFO).write_text(json.dumps(info), encoding="utf-8")
        target = packs_dir() / _folder_name(*pair)
        with _lock:
            previous = find_pack(*pair)
            try:
                _swap_in(folder, target, previous, staging, label)
            finally:
                _changed()
        pack = _read_pack(target)
        assert pack is not None  # checked above
        return pack
    finally:
        release_staging(staging)


def remove_pack(from_code: str, to_code: str) -> PackInfo:
    """Remove the installed pack for a direct pair."""
    pack = find_pack(from_code, to_code)
    if pack is None:
        raise NotFoundError(
            Msg("No language pack from {from_code} to {to_code} is installed.", from_code=from_code, to_code=to_code)
        )
    trash = new_staging("remove-")
    try:
        with _lock:
            pack.path.replace(trash / "pack")
    except OSError as exc:
        raise UserError(
            Msg(
                "The language pack {from_code} -> {to_code} cannot be removed: {reason}.",
                from_code=from_code,
                to_code=to_code,
                reason=exc.strerror or exc,
            )
        ) from None
    finally:
        release_staging(trash)
    _changed()
    return pack
