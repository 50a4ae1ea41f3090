"""The Argos pack index: a bounded look-up, and downloads with progress and cancel.

Argos Translate's own ``get_available_packages`` retries without a bound when offline (about
34 s, then a RecursionError). Here one request with a short timeout either answers or fails
with one sentence that tells the user what to do instead.

A socket timeout only bounds each single read, and a server that trickles one byte at a time
never trips it; so every read takes what has arrived (``read1``) and the whole exchange is
also bounded by a deadline, with ``cancel`` checked after every read. Nor does it cover the
name look-up (``getaddrinfo``), which a slow or absent DNS resolver can hold for tens of
seconds: connecting runs in a daemon thread that the caller stops waiting for at the deadline
(the index look-up runs there whole), so a look-up fails in seconds whatever the resolver does.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from core import languages
from core.errors import UserError
from core.words import Msg, in_app
from translation import packs
from translation.archive import MAX_TOTAL_BYTES

#: Override with the full URL of an ``index.json`` (a mirror, or a local test server).
INDEX_URL_ENV = "COMMUNIQUE_PACK_INDEX"
DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_TIMEOUT_S = 5.0
DOWNLOAD_TIMEOUT_S = 30.0
#: The longest a whole download may take (the largest packs are a few hundred MB).
DOWNLOAD_MAX_S = 3600.0
MAX_INDEX_BYTES = 10 * 1024 * 1024
_CHUNK = 256 * 1024

#: Progress: bytes received so far and the total when the server announced it.
Progress = Callable[[int, int | None], None]
_T = TypeVar("_T")


class DownloadCancelledError(UserError):
    """The user cancelled a download; nothing was installed."""


class StalledError(UserError):
    """A download whose server sent its headers, then nothing for longer than the timeout."""


class DeadlineError(UserError):
    """A look-up or download took longer than its overall time limit."""


def check_seconds(value: float, what: str = "The timeout") -> float:
    """``value`` if it is a finite number of seconds above zero, else :class:`UserError`."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise UserError(Msg("{what} must be a number of seconds above zero, such as 5.", what=what))
    return float(value)


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
    try:
        scheme = urlsplit(url).scheme
    except ValueError:  # e.g. "http://[::1": an unclosed IPv6 address
        raise UserError(Msg("{url!r} is not a valid web address.", url=url)) from None
    if scheme not in ("http", "https"):
        raise UserError(Msg("Refusing to fetch {url!r}: only http and https addresses are allowed.", url=url))
    return url


def _unreachable(url: str, exc: BaseException) -> UserError:
    reason = getattr(exc, "reason", None) or exc
    return UserError(
        Msg(
            "Cannot reach the language pack index at {host} ({reason}); "
            "you may be offline: install a .argosmodel file with 'communique lang install FILE' instead.",
            host=urlsplit(url).netloc or url,
            reason=reason,
            app=in_app(
                "Cannot reach the language pack index at {host} ({reason}); "
                "you may be offline: install a .argosmodel file with “Install from file…” instead."
            ),
        )
    )


def _cancelled(cancel: threading.Event | Callable[[], bool] | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def _read_all(
    response: Any,
    out: Callable[[bytes], object],
    *,
    deadline: float,
    limit: int,
    on_chunk: Callable[[int], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
) -> int:
    """Read ``response`` to its end into ``out``; stop at ``deadline``, ``limit`` bytes or ``cancel``."""
    received = 0
    while True:
        if _cancelled(cancel):
            raise DownloadCancelledError(Msg("The download was cancelled; nothing was installed."))
        if time.monotonic() > deadline:
            raise DeadlineError(Msg("The transfer took longer than its time limit and was stopped."))
        chunk = response.read1(_CHUNK)
        if not chunk:
            return received
        received += len(chunk)
        if received > limit:
            return received
        out(chunk)
        if on_chunk is not None:
            on_chunk(received)


class _NoAnswerError(Exception):
    """:func:`_within` stopped waiting."""


def _within(
    seconds: float,
    work: Callable[[], _T],
    *,
    cancel: threading.Event | Callable[[], bool] | None = None,
    abandon: Callable[[_T], object] | None = None,
) -> _T:
    """``work()`` run in a daemon thread, waited for at most ``seconds`` (and until ``cancel``).

    Raises :class:`_NoAnswerError` when the time is up; the thread then finishes on its own
    (a daemon never holds up the app's exit), and ``abandon`` is called with what it returns
    late (to close a connection nobody will read).
    """
    lock = threading.Lock()
    outcome: list[tuple[bool, Any]] = []
    given_up = False

    def run() -> None:
        try:
            result: tuple[bool, Any] = (True, work())
        except BaseException as exc:  # handed to the waiting caller, who raises it
            result = (False, exc)
        with lock:
            outcome.append(result)
            late = given_up
        if late and result[0] and abandon is not None:
            abandon(result[1])

    worker = threading.Thread(target=run, name="communique-network", daemon=True)
    worker.start()
    end = time.monotonic() + seconds
    while True:
        worker.join(min(0.05, max(0.0, end - time.monotonic())))
        with lock:
            if outcome:
                succeeded, value = outcome[0]
                if succeeded:
                    return cast(_T, value)
                raise value
            if _cancelled(cancel) or time.monotonic() >= end:
                given_up = True
        if given_up:
            if _cancelled(cancel):
                raise DownloadCancelledError(Msg("The download was cancelled; nothing was installed."))
            raise _NoAnswerError


def _open(url: str, timeout: float, deadline: float, cancel: threading.Event | Callable[[], bool] | None) -> Any:
    """``urlopen``, name look-up included, bounded by ``timeout`` and ``deadline``."""
    left = deadline - time.monotonic()
    try:
        if left <= 0:
            raise _NoAnswerError
        return _within(
            min(timeout, left),
            lambda: urllib.request.urlopen(url, timeout=timeout),
            cancel=cancel,
            abandon=lambda response: response.close(),
        )
    except _NoAnswerError:
        if left < timeout:  # the whole download's time is up, not this connection's
            raise DeadlineError(Msg("The transfer took longer than its time limit and was stopped.")) from None
        raise TimeoutError(f"no answer within {timeout:g} s") from None


def _fetch(url: str, timeout: float, deadline: float, connected: threading.Event) -> tuple[int, bytes]:
    parts: list[bytes] = []
    with urllib.request.urlopen(url, timeout=timeout) as response:
        connected.set()
        received = _read_all(response, parts.append, deadline=deadline, limit=MAX_INDEX_BYTES)
    return received, b"".join(parts)


def fetch_index(url: str | None = None, *, timeout: float = INDEX_TIMEOUT_S) -> list[AvailablePack]:
    """The translation packs the index lists; one request, bounded by ``timeout`` seconds in all."""
    url = _check_url(url or index_url())
    deadline = time.monotonic() + check_seconds(timeout)
    connected = threading.Event()
    try:
        received, data = _within(timeout, lambda: _fetch(url, timeout, deadline, connected))
    except (DeadlineError, _NoAnswerError) as exc:
        if isinstance(exc, DeadlineError) or connected.is_set():
            raise DeadlineError(
                Msg("The language pack index at {url} did not arrive within {timeout:g} s.", url=url, timeout=timeout)
            ) from None
        raise _unreachable(url, TimeoutError(f"no answer within {timeout:g} s")) from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise _unreachable(url, exc) from None
    if received > MAX_INDEX_BYTES:
        raise UserError(Msg("The language pack index at {url} is too large to be an index.", url=url))
    try:
        entries = json.loads(data)
    except ValueError:
        raise UserError(Msg("The language pack index at {url} is not valid JSON.", url=url)) from None
    if not isinstance(entries, list):
        raise UserError(Msg("The language pack index at {url} is not a list of packs.", url=url))
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
                from_name=packs.shown(entry.get("from_name") or languages.name(from_code)),
                to_code=to_code,
                to_name=packs.shown(entry.get("to_name") or languages.name(to_code)),
                version=packs.shown(entry.get("package_version", "")),
                links=links,
            )
        )
    return sorted(found, key=lambda p: (p.from_code, p.to_code))


def _download_one(
    url: str,
    dest: Path,
    progress: Progress | None,
    cancel: threading.Event | Callable[[], bool] | None,
    timeout: float,
    deadline: float,
) -> None:
    if _cancelled(cancel):
        raise DownloadCancelledError(Msg("The download was cancelled; nothing was installed."))
    with _open(_check_url(url), timeout, deadline, cancel) as response, dest.open("wb") as out:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None

        def report(done: int) -> None:
            if progress is not None:
                progress(done, total)

        report(0)
        try:
            received = _read_all(
                response, out.write, deadline=deadline, limit=MAX_TOTAL_BYTES, on_chunk=report, cancel=cancel
            )
        except TimeoutError:  # the server answered, then went quiet: a stall, not a lost connection
            raise StalledError(
                Msg(
                    "The download from {host} stopped: nothing arrived for {timeout:g} s after it began; "
                    "nothing was installed.",
                    host=urlsplit(url).netloc or url,
                    timeout=timeout,
                )
            ) from None
        if received > MAX_TOTAL_BYTES:
            raise UserError(Msg("The download from {url} is larger than any language pack; it was stopped.", url=url))


def download_pack(
    pack: AvailablePack | Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    timeout: float = DOWNLOAD_TIMEOUT_S,
    max_seconds: float = DOWNLOAD_MAX_S,
    expected: tuple[str, str] | None = None,
) -> packs.PackInfo:
    """Download a pack (trying each link in turn) and install it like a file.

    ``timeout`` bounds each network operation and ``max_seconds`` the whole download. ``cancel``
    is checked after every read: a set event (or a callable returning true) stops the download
    with :class:`DownloadCancelledError` and removes the partial file. A link that serves
    something other than the pack (an error page, another pair) is skipped for the next one.
    ``expected`` defaults to the pair of an :class:`AvailablePack`.
    """
    links = pack.links if isinstance(pack, AvailablePack) else tuple(pack)
    if expected is None and isinstance(pack, AvailablePack):
        expected = (pack.from_code, pack.to_code)
    if not links:
        raise UserError(Msg("The index lists no download address for this pack."))
    deadline = time.monotonic() + check_seconds(max_seconds, "The download time limit")
    check_seconds(timeout)
    folder = packs.new_staging("download-")
    dest = folder / "pack.argosmodel"
    last_error: BaseException | None = None
    try:
        for url in links:
            try:
                _download_one(url, dest, progress, cancel, timeout, deadline)
                return packs.install_pack(dest, expected=expected)
            except DownloadCancelledError:
                raise
            except DeadlineError:
                raise DeadlineError(
                    Msg(
                        "The download took longer than {max_seconds:g} s and was stopped; nothing was installed.",
                        max_seconds=max_seconds,
                    )
                ) from None
            except UserError as exc:  # not a pack, or not this pair: the next link may serve it
                last_error = exc
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                last_error = exc
        if isinstance(last_error, UserError):
            raise last_error
        assert last_error is not None
        raise _unreachable(links[-1], last_error)
    finally:
        packs.release_staging(folder)


def download_pair(
    from_code: str,
    to_code: str,
    *,
    index_timeout: float = INDEX_TIMEOUT_S,
    progress: Progress | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
) -> packs.PackInfo:
    """Find the pack for ``from_code`` -> ``to_code`` in the index, download it and install it.

    A :class:`UserError` when the index cannot be read (offline: install a file instead), has no
    such pack, or the download fails; nothing is installed then.
    """
    source, target = languages.normalize(from_code), languages.normalize(to_code)
    wanted = [p for p in fetch_index(timeout=index_timeout) if (p.from_code, p.to_code) == (source, target)]
    if not wanted:
        raise UserError(Msg("The index has no pack from {source} to {target}.", source=source, target=target))
    return download_pack(wanted[0], progress=progress, cancel=cancel, expected=(source, target))
