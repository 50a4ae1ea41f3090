"""Graph's ``GET /{post-id}/comments`` edge, answered in Graph's shapes.

As on Graph: ``filter=toplevel`` (the default) lists the comments on the post, ``filter=stream``
every comment including replies to comments (each with its ``parent`` when asked for);
``order`` ``chronological`` (the default) or ``reverse_chronological``; ``limit`` (25 by
default, at most 100) and cursor paging (``paging.cursors.after``, ``paging.next`` only when
more follow); ``summary=true`` adds the total. A cursor names the last comment of a page (its
time and id), so comments that arrive or go while a client pages neither repeat nor slip out.
A deleted post answers Graph's "does not exist" error (code 100, subcode 33).
"""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

from connectors.sandbox.comments import CommentRecord, reply_counts
from connectors.sandbox.graph_routes import _time, _unsupported, graph_error, split_fields
from connectors.sandbox.http import Request, Response, json_response
from connectors.sandbox.state import SandboxState

DEFAULT_FIELDS = ["created_time", "from", "message", "id"]
FILTERS = ("toplevel", "stream")
ORDERS = ("chronological", "reverse_chronological")


def _cursor(comment: CommentRecord) -> str:
    return base64.urlsafe_b64encode(f"{comment.created_at!r}:{comment.id}".encode()).decode()


def _position(cursor: str) -> tuple[float, str]:
    """The (time, id) a cursor names; ``ValueError`` when it is not one of ours."""
    text = base64.urlsafe_b64decode(cursor.encode()).decode()
    moment, _, comment_id = text.partition(":")
    if not comment_id:
        raise ValueError(cursor)
    return float(moment), comment_id


def _json(comment: CommentRecord, fields: list[str], replies: dict[str, int], now: float) -> dict[str, Any]:
    data: dict[str, Any] = {"id": comment.id}
    for name in fields:
        if name == "message":
            data["message"] = comment.shown(now).text
        elif name == "created_time":
            data["created_time"] = _time(comment.created_at)
        elif name == "from":
            data["from"] = {"name": comment.author_name, "id": comment.author_id}
        elif name == "like_count":
            data["like_count"] = comment.like_count(now)
        elif name == "comment_count":
            data["comment_count"] = replies.get(comment.id, 0)
        elif name == "parent" and comment.parent_id is not None:
            data["parent"] = {"id": comment.parent_id}
        elif name == "can_comment":
            data["can_comment"] = comment.parent_id is None
    return data


def comments(state: SandboxState, request: Request, object_id: str) -> Response:
    """``GET /{post-id}/comments``."""
    record = state.get(object_id)
    if record is None or record.platform != "facebook" or record.kind != "post":
        return _unsupported(object_id)
    chosen = request.param("filter") or "toplevel"
    order = request.param("order") or "chronological"
    if chosen not in FILTERS or order not in ORDERS:
        return graph_error(
            400, "(#100) filter must be toplevel or stream, and order chronological or reverse_chronological", 100
        )
    try:
        limit = max(1, min(100, int(request.param("limit") or 25)))
        after = _position(request.param("after") or "") if request.param("after") else None
    except ValueError:
        return graph_error(400, "(#100) limit must be a number, and after a cursor from paging", 100)
    now = state.now()
    everything = state.comments.visible(record, state.post_zone(record), now)
    shown = [c for c in everything if chosen == "stream" or c.parent_id is None]
    if order == "reverse_chronological":
        shown.reverse()
    if after is not None:
        key = (after[0], after[1])
        forward = order == "chronological"
        shown = [c for c in shown if ((c.created_at, c.id) > key) == forward and (c.created_at, c.id) != key]
    page = shown[:limit]
    fields = [f.split(".")[0].split("{")[0] for f in split_fields(request.param("fields") or "")] or DEFAULT_FIELDS
    paging: dict[str, Any] = {}
    if page:
        paging["cursors"] = {"before": _cursor(page[0]), "after": _cursor(page[-1])}
    if len(shown) > len(page):
        query = {**request.query, "after": _cursor(page[-1])}
        paging["next"] = f"http://{request.headers.get('host', '127.0.0.1')}{request.path}?{urlencode(query)}"
    replies = reply_counts(everything, now)
    answer: dict[str, Any] = {"data": [_json(c, fields, replies, now) for c in page], "paging": paging}
    if (request.param("summary") or "").lower() in ("true", "1"):
        total = sum(1 for c in everything if chosen == "stream" or c.parent_id is None)
        answer["summary"] = {"order": order, "total_count": total, "can_comment": True}
    return json_response(200, answer)
