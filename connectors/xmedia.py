"""X's chunked media upload for GIFs and videos (the one-shot upload takes images only).

``POST /2/media/upload/initialize`` (JSON ``media_type``, ``total_bytes``, ``media_category``),
``POST /2/media/upload/{id}/append`` (multipart ``segment_index``, ``media``) for each chunk,
``POST /2/media/upload/{id}/finalize``; when the answer carries ``processing_info``,
``GET /2/media/upload?command=STATUS&media_id=`` after ``check_after_secs`` until its ``state`` is
``succeeded`` (or ``failed``). Only then may a post carry the media id.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from connectors._http import scrub
from connectors.answers import clean, missing_id
from connectors.base import InvalidContentError, MediaItem, RetryableError
from connectors.x_errors import check_status, translate

#: Bytes per append (X takes chunks up to 5 MB).
CHUNK = 4 * 1024 * 1024
#: The longest total wait for X to process one file before giving up for now (seconds).
PROCESSING_LIMIT = 600.0
#: Bounds on one wait, whatever ``check_after_secs`` says.
_MIN_WAIT, _MAX_WAIT = 1.0, 60.0


@dataclass(frozen=True)
class MediaSession:
    """What the upload needs from the connector: its session, the endpoint, the auth, a way to wait."""

    session: requests.Session
    endpoint: str  # https://api.twitter.com/2/media/upload (rewritten to the account's API base)
    auth: Callable[[], dict[str, Any]]
    sleep: Callable[[float], None]


def _kind(category: str) -> str:
    return "GIF" if category == "tweet_gif" else "video"


def upload_chunked(media: MediaSession, item: MediaItem, category: str) -> str:
    """Upload a GIF or video in chunks, read from its file one at a time (a 512 MB video is never
    whole in memory), and wait until X has processed it; its media id."""
    name = Path(item.path).name
    kind = _kind(category)
    action = f"upload the {kind} {name}"
    try:
        media_id = _initialize(media, item, _size(item.path), category, action)
        # Closed on any failure too: the generator holds the file open until it is closed.
        with contextlib.closing(_chunks(item.path)) as chunks:
            for index, chunk in enumerate(chunks):
                response = media.session.post(
                    f"{media.endpoint}/{media_id}/append",
                    data={"segment_index": str(index)},
                    files={"media": (name, chunk, "application/octet-stream")},
                    **media.auth(),
                )
                check_status(response)
        response = media.session.post(f"{media.endpoint}/{media_id}/finalize", **media.auth())
        check_status(response)
        info = _processing_info(response.json())
        waited = 0.0
        while info is not None and info.get("state") != "succeeded":
            if info.get("state") == "failed":
                raise InvalidContentError(_failure(info, kind, name))
            if waited >= PROCESSING_LIMIT:
                raise RetryableError(
                    f"X was still processing the {kind} {name} after {PROCESSING_LIMIT:g} seconds: try again later."
                )
            wait = _wait(info)
            media.sleep(wait)
            waited += wait
            response = media.session.get(
                media.endpoint, params={"command": "STATUS", "media_id": media_id}, **media.auth()
            )
            check_status(response)
            info = _processing_info(response.json()) or {"state": "succeeded"}
        return media_id
    except Exception as exc:
        raise translate(exc, action) from None


def _unreadable(path: str, exc: OSError) -> InvalidContentError:
    return InvalidContentError(f"Cannot read the file {Path(path).name}: {exc.strerror}.")


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _chunks(path: str) -> Generator[bytes, None, None]:
    """The file's bytes, :data:`CHUNK` at a time (a refusal names the file when it cannot be read)."""
    try:
        with Path(path).open("rb") as handle:
            yield from iter(lambda: handle.read(CHUNK), b"")
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _initialize(media: MediaSession, item: MediaItem, size: int, category: str, action: str) -> str:
    response = media.session.post(
        f"{media.endpoint}/initialize",
        json={"media_type": item.mime_type, "total_bytes": size, "media_category": category},
        **media.auth(),
    )
    check_status(response)
    body = response.json()
    data = body.get("data") if isinstance(body, dict) else None
    media_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(media_id, str | int) or isinstance(media_id, bool) or not str(media_id).isdigit():
        raise RetryableError(missing_id("X", action, body))
    return str(media_id)


def _processing_info(body: Any) -> dict[str, Any] | None:
    """``data.processing_info`` of a finalize or status answer (``None``: the media is ready)."""
    data = body.get("data") if isinstance(body, dict) else None
    info = data.get("processing_info") if isinstance(data, dict) else None
    return info if isinstance(info, dict) else None


def _wait(info: dict[str, Any]) -> float:
    after = info.get("check_after_secs")
    seconds = float(after) if isinstance(after, int | float) and not isinstance(after, bool) else _MIN_WAIT
    return min(_MAX_WAIT, max(_MIN_WAIT, seconds))


def _failure(info: dict[str, Any], kind: str, name: str) -> str:
    """One sentence for a file X could not process."""
    found = info.get("error")
    error: dict[str, Any] = found if isinstance(found, dict) else {}
    said = clean(scrub(str(error.get("message") or ""))).strip().rstrip(".")
    reason = f" ({said})" if said else ""
    return f"X could not process the {kind} {name}{reason}: export it again (MP4 H.264 for video) and retry."
