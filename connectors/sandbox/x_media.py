"""X's chunked media upload, as the v2 API answers it: initialize, append, finalize, status.

GIFs and videos go through it (the one-shot ``POST /2/media/upload`` takes images only). After
finalize a GIF or video is processed: ``processing_info`` says ``pending``, then ``in_progress``,
then ``succeeded`` (or ``failed``, with an ``error``) on successive status checks, each asking the
client to wait ``check_after_secs``. A post refuses media that is not processed yet, and takes
up to 4 photos, or 1 GIF, or 1 video.
"""

from __future__ import annotations

from typing import Any

from connectors.sandbox.http import Request, Response, json_response, sniff_image
from connectors.sandbox.state import MediaRecord, SandboxState
from connectors.textrules import X_CATEGORY_IMAGE, X_MEDIA, x_media_category, x_media_mix_problem

PROBLEMS = "https://api.twitter.com/2/problems/"
#: Seconds X asks a client to wait between two status checks, in the emulator.
CHECK_AFTER_SECS = 1
EXPIRES_AFTER_SECS = 86400
#: The processing states a finalized GIF or video goes through, one per status check.
_NEXT_STATE = {"pending": "in_progress", "in_progress": "succeeded"}


def invalid(detail: str) -> Response:
    """X's 400 for an invalid request, with ``detail`` as its message."""
    return json_response(
        400,
        {
            "errors": [{"message": detail}],
            "title": "Invalid Request",
            "detail": "One or more parameters to your request was invalid.",
            "type": PROBLEMS + "invalid-request",
        },
    )


def _processing_info(record: MediaRecord) -> dict[str, Any]:
    info: dict[str, Any] = {"state": record.state}
    if record.state in ("pending", "in_progress"):
        info["check_after_secs"] = CHECK_AFTER_SECS
        info["progress_percent"] = 0 if record.state == "pending" else 50
    elif record.state == "succeeded":
        info["progress_percent"] = 100
    else:
        info["error"] = {"code": 1, "name": "InvalidMedia", "message": "Unsupported or corrupt media file."}
    return info


def _media_json(record: MediaRecord, *, processing: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": record.id,
        "media_key": f"{'16' if record.mime_type == 'image/gif' else '7'}_{record.id}",
        "size": record.size,
        "expires_after_secs": EXPIRES_AFTER_SECS,
    }
    if processing:
        data["processing_info"] = _processing_info(record)
    return {"data": data}


def _session(state: SandboxState, user: str, media_id: str) -> MediaRecord | None:
    record = state.media.get(media_id)
    return record if record is not None and record.account == user and record.platform == "x" else None


def initialize(state: SandboxState, request: Request, user: str) -> Response:
    """``POST /2/media/upload/initialize``: JSON ``media_type``, ``total_bytes``, ``media_category``."""
    body = request.json()
    if not isinstance(body, dict):
        return invalid("The request body is not JSON.")
    mime = str(body.get("media_type") or "")
    category = str(body.get("media_category") or "")
    total = body.get("total_bytes")
    largest = X_MEDIA.get(mime)
    if largest is None:
        return invalid(f"Unsupported media type {mime}.")
    if not isinstance(total, int) or isinstance(total, bool) or not 0 < total <= largest:
        return invalid(f"total_bytes must be between 1 and {largest}.")
    if category != x_media_category(mime):
        return invalid(f"media_category {category or 'none'} does not match media_type {mime}.")
    media_id = state.new_id()
    state.add_media(MediaRecord(media_id, "x", user, mime, 0, state="uploading", category=category, total=total))
    return json_response(
        200, {"data": {"id": media_id, "media_key": f"3_{media_id}", "expires_after_secs": EXPIRES_AFTER_SECS}}
    )


def append(state: SandboxState, request: Request, user: str, media_id: str) -> Response:
    """``POST /2/media/upload/{id}/append``: multipart ``segment_index`` and ``media``."""
    record = _session(state, user, media_id)
    if record is None or record.state != "uploading":
        return invalid("Your media ID is invalid.")
    upload = request.files.get("media")
    try:
        index = int(request.form.get("segment_index", ""))
    except ValueError:
        return invalid("segment_index must be a number from 0 to 999.")
    if upload is None or not 0 <= index <= 999:
        return invalid("The `media` part and a segment_index from 0 to 999 are required.")
    record.chunks[index] = upload.data
    return json_response(200, {"data": {"expires_at": int(state.now()) + EXPIRES_AFTER_SECS}})


def finalize(state: SandboxState, request: Request, user: str, media_id: str) -> Response:
    """``POST /2/media/upload/{id}/finalize``: the file whole; GIFs and videos then start processing."""
    record = _session(state, user, media_id)
    if record is None or record.state != "uploading":
        return invalid("Your media ID is invalid.")
    data = b"".join(record.chunks[i] for i in sorted(record.chunks))
    if len(data) != record.total:
        return invalid(f"File size {len(data)} does not match total_bytes {record.total}.")
    if sniff_image(data) != record.mime_type:
        return invalid(f"The file is not of media_type {record.mime_type}.")
    record.chunks = {}
    record.size = len(data)
    record.state = "failed" if state.fail_media_processing else "pending"
    if record.category == X_CATEGORY_IMAGE:
        record.state = "succeeded"
    return json_response(200, _media_json(record, processing=record.category != X_CATEGORY_IMAGE))


def status(state: SandboxState, request: Request, user: str) -> Response:
    """``GET /2/media/upload?command=STATUS&media_id=``: where processing stands (it moves on one step)."""
    record = _session(state, user, request.query.get("media_id") or "")
    if record is None or record.state == "uploading":
        return invalid("Your media ID is invalid.")
    record.state = _NEXT_STATE.get(record.state, record.state)
    return json_response(200, _media_json(record, processing=True))


def attach_problem(state: SandboxState, user: str, media_ids: list[str]) -> str | None:
    """Why a post cannot carry these media ids, ``None`` when it can."""
    records = [state.media.get(m) for m in media_ids]
    if any(r is None or r.platform != "x" for r in records):
        return "Your media IDs are invalid."
    ready = [r for r in records if r is not None]
    if any(r.state != "succeeded" for r in ready):
        return "Your media is not ready: wait until its processing_info state is succeeded."
    return x_media_mix_problem([r.mime_type for r in ready])
