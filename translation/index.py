"""The Argos pack index: a bounded look-up, and downloads with progress and cancel.

Argos Translate's own ``get_available_packages`` retries without a bound when offline (about
34 s, then a RecursionError). Here one request with a short timeout either answers or fails
with one sentence that tells the user what to do instead.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from core import languages
from core.errors import UserError
from translation import packs

#: Override with the full URL of an ``index.json`` (a mirror, or a local test server).
INDEX_URL_ENV = "COMMUNIQUE_PACK_INDEX"
DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_TIMEOUT_S = 5.0
DOWNLOAD_TIMEOUT_S = 30.0
MAX_INDEX_BYTES = 10 * 1024 * 1024
_CHUNK = 256 * 1024

#: Progress: bytes received so far and the total when the server announced it.
Progress = Callable[[int, int | None], None]


class DownloadCancelledError(UserError):
    """The user cancelled a download; nothing was installed."""


@dataclass(frozen=True)
class AvailablePack:
    """A pack listed in the index."""

    from_code: str
    from_name: str
    to_code: str
    to_name: str
    version: str
    links: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly view."""
        return {
            "from": self.from_code,
            "from_name": self.from_name,
            "to": self.to_code,
            "to_name": self.to_name,
            "version": self.version,
            "links": list(self.links),
        }


def index_url() -> str:
    """The index URL in use."""
    return os.environ.get(INDEX_URL_ENV) or DEFAULT_INDEX_URL


def _check_url(url: str) -> str:
    if urlsplit(url).scheme not in ("http", "https"):
        raise UserError(f"Refusing to fetch {url!r}: only http and https addresses are allowed.")
    return url


def _unreachable(url: str, exc: BaseException) -> UserError:
    reason = getattr(exc, "reason", None) or exc
    return UserError(
        f"Cannot reach the language pack index at {urlsplit(url).netloc or url} ({reason}); "
        "you may be offline: install a .argosmodel file with 'communique lang install FILE' instead."
    )


def fetch_index(url: str | None = None, *, timeout: float = INDEX_TIMEOUT_S) -> list[AvailablePack]:
    """The translation packs the index lists; one request, bounded by ``timeout`` seconds."""
    url = _check_url(url or index_url())
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read(MAX_INDEX_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise _unreachable(url, exc) from None
    if len(data) > MAX_INDEX_BYTES:
        raise UserError(f"The language pack index at {url} is too large to be an index.")
    try:
        entries = json.loads(data)
    except ValueError:
        raise UserError(f"The language pack index at {url} is not valid JSON.") from None
    if not isinstance(entries, list):
        raise UserError(f"The language pack index at {url} is not a list of packs.")
    found = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
            continue
        from_code, to_code = entry.get("from_code"), entry.get("to_code")
        if not isinstance(from_code, str) or not isinstance(to_code, str):
            continue
        links = tuple(link for link in entry.get("links", []) if isinstance(link, str))
        found.append(
            AvailablePack(
                from_code=from_code,
                from_name=str(entry.get("from_name") or languages.name(from_code)),
                to_code=to_code,
                to_name=str(entry.get("to_name") or languages.name(to_code)),
                version=str(entry.get("package_version", "")),
                links=links,
            )
        )
    return sorted(found, key=lambda p: (p.from_code, p.to_code))


def _cancelled(cancel: threading.Event | Callable[[], bool] | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def _download_one(
    url: str, dest: Path, progress: Progress | None, cancel: threading.Event | Callable[[], bool] | None, timeout: float
) -> None:
    with urllib.request.urlopen(_check_url(url), timeout=timeout) as response, dest.open("wb") as out:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        received = 0
        if progress is not None:
            progress(0, total)
        while True:
            if _cancelled(cancel):
                raise DownloadCancelledError("The download was cancelled; nothing was installed.")
            chunk = response.read(_CHUNK)
            if not chunk:
                break
            out.write(chunk)
            received += len(chunk)
            if received > packs.MAX_TOTAL_BYTES:
                raise UserError(f"The download from {url} is larger than any language pack; it was stopped.")
            if progress is not None:
                progress(received, total)


def download_pack(
    pack: AvailablePack | Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    timeout: float = DOWNLOAD_TIMEOUT_S,
) -> packs.PackInfo:
    """Download a pack (trying each link in turn) and install it like a file.

    ``cancel`` is checked between chunks: a set event (or a callable returning true) stops the
    download with :class:`DownloadCancelledError` and removes the partial file.
    """
    links = pack.links if isinstance(pack, AvailablePack) else tuple(pack)
    if not links:
        raise UserError("The index lists no download address for this pack.")
    folder = Path(tempfile.mkdtemp(prefix="download-", dir=packs.staging_dir()))
    dest = folder / "pack.argosmodel"
    last_error: BaseException | None = None
    try:
        for url in links:
            try:
                _download_one(url, dest, progress, cancel, timeout)
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                last_error = exc
                continue
            return packs.install_pack(dest)
        assert last_error is not None
        raise _unreachable(links[-1], last_error)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
