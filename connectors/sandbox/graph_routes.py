"""The Graph API endpoints the Facebook connector uses, answered in Graph's own shapes.

Tokens belong to someone, as on Graph (see :meth:`SandboxState.graph_identity`): a Page token
answers ``GET /me`` with its Page, a user token with a user. Duplicates: a text post with the
message of a live text post is refused (code 506); photo posts (one photo, or several through
``attached_media``) with the same message are accepted, as Facebook does, and do not count.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from connectors.sandbox.http import Request, Response, html_response, json_response, sniff_image
from connectors.sandbox.state import (
    DEFAULT_PAGE,
    GRAPH_USER,
    PAGE_TOKEN_PREFIX,
    MediaRecord,
    PostRecord,
    RateLimitedBucketError,
    SandboxState,
    Window,
)
from connectors.textrules import FACEBOOK_LIMIT, FACEBOOK_MEDIA

_VERSIONED = re.compile(r"^/v\d+\.\d+(/.*)?$")


def graph_error(
    status: int,
    message: str,
    code: int,
    *,
    kind: str = "OAuthException",
    subcode: int | None = None,
    transient: bool = False,
) -> Response:
    """An error in Graph's shape."""
    error: dict[str, Any] = {"message": message, "type": kind, "code": code, "fbtrace_id": secrets.token_urlsafe(8)}
    if subcode is not None:
        error["error_subcode"] = subcode
    if transient:
        error["is_transient"] = True
    return json_response(status, {"error": error})


def fault_response(kind: str) -> Response:
    """A fault in Graph's shapes."""
    if kind == "429":
        return graph_error(403, "(#4) Application request limit reached", 4, transient=True)
    if kind == "auth":
        return _expired()
    if kind == "policy":
        return graph_error(
            400,
            "It looks like you were misusing this feature by going too fast. You've been temporarily blocked "
            "from using it.",
            368,
        )
    if kind == "permission":
        return graph_error(
            403,
            "(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin "
            "with sufficient administrative permission",
            200,
        )
    if kind == "500":
        return graph_error(500, "An unknown error occurred", 1, transient=True)
    return html_response(int(kind), "Service Unavailable" if kind == "503" else "Bad Gateway")


def error_body() -> dict[str, Any]:
    """An error in Graph's shape, as a ``200 OK`` may carry one (code 100, which reads as invalid content)."""
    return {
        "error": {
            "message": "(#100) Invalid parameter",
            "type": "OAuthException",
            "code": 100,
            "fbtrace_id": secrets.token_urlsafe(8),
        }
    }


def _expired() -> Response:
    return graph_error(
        400, "Error validating access token: Session has expired on Friday, 20-Nov-26 10:00:00 PST.", 190, subcode=463
    )


def _unsupported(object_id: str, verb: str = "get") -> Response:
    return graph_error(
        400,
        f"Unsupported {verb} request. Object with ID '{object_id}' does not exist, cannot be loaded due to missing "
        "permissions, or does not support this operation.",
        100,
        kind="GraphMethodException",
        subcode=33,
    )


def _usage_headers(window: Window, page: str, now: float) -> dict[str, str]:
    used = window.limit - window.remaining
    percent = min(100, used * 100 // max(1, window.limit))
    minutes = 0 if window.remaining else max(1, -(-(window.reset - int(now)) // 60))
    app = {"call_count": percent, "total_cputime": percent // 2, "total_time": percent // 2}
    business = {page: [{"type": "pages", **app, "estimated_time_to_regain_access": minutes}]}
    return {"X-App-Usage": json.dumps(app), "X-Business-Use-Case-Usage": json.dumps(business)}


def _time(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def handle(state: SandboxState, request: Request, fault: str | None) -> Response:
    """Answer one Graph request (``/vNN.N/...`` or ``/oauth/access_token``)."""
    found = _VERSIONED.match(request.path)
    rest = (found.group(1) or "/") if found else request.path
    parts = [p for p in rest.split("/") if p]
    if parts == ["oauth", "access_token"]:
        return _exchange(state, request)
    token = request.param("access_token")
    if not token:
        return graph_error(400, "An access token is required to request this resource.", 104)
    if state.token_expired(token) or fault == "auth":
        return _expired()
    named = _page_named(state, parts)
    kind, owner = state.graph_identity(token, named)
    page = named or (owner if kind == "page" else "app")  # usage is counted per Page
    try:
        window = state.hit("facebook", "calls", page)
    except RateLimitedBucketError as limited:
        answer = graph_error(403, "(#32) Page request limit reached", 32)
        answer.headers.update(_usage_headers(Window(limited.limit, 0, limited.reset), page, state.now()))
        return answer
    answer = fault_response(fault) if fault is not None else _route(state, request, parts, token)
    if fault == "429":  # the usage headers of a limit that is reached: 100 % and when access returns
        window = Window(window.limit, 0, window.reset)
    answer.headers.update(_usage_headers(window, page, state.now()))
    return answer


def _page_named(state: SandboxState, parts: list[str]) -> str | None:
    """The Page a request's path names (a Page id, or the Page of a post or photo id), if any."""
    if not parts or parts[0] == "me":
        return None
    record = state.posts.get(parts[0])
    if record is not None:
        return record.account if record.platform == "facebook" else None
    head = parts[0].split("_")[0]
    return head if head.isdigit() else None


def _route(state: SandboxState, request: Request, parts: list[str], token: str) -> Response:
    method = request.method
    if method == "GET" and not parts:
        return _many(state, request)
    if method == "GET" and len(parts) == 1:
        return _object(state, request, parts[0], token)
    if method == "DELETE" and len(parts) == 1:
        return json_response(200, {"success": True}) if state.delete(parts[0]) else _unsupported(parts[0], "delete")
    if len(parts) == 2:
        object_id, edge = parts
        if method == "POST" and edge == "feed":
            return _publish(state, request, object_id)
        if method == "POST" and edge == "photos":
            return _photo(state, request, object_id)
        if method == "GET" and edge in ("feed", "published_posts"):
            return _feed(state, request, object_id)
        if method == "GET" and edge == "insights":
            return _insights_edge(state, request, object_id)
        if method == "GET" and edge == "comments":
            from connectors.sandbox import graph_comments  # it builds on this module's helpers

            return graph_comments.comments(state, request, object_id)
        if method == "GET" and edge == "accounts":
            return _accounts(state)
    return _unsupported("/".join(parts), method.lower())


def split_fields(fields: str) -> list[str]:
    """Top-level comma-separated fields, keeping ``a.b(c,d)`` expansions whole."""
    found: list[str] = []
    depth = 0
    current = ""
    for char in fields:
        if char == "," and depth == 0:
            found.append(current.strip())
            current = ""
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current += char
    if current.strip():
        found.append(current.strip())
    return found


def _field_name(field: str) -> str:
    return re.split(r"[.(]", field, maxsplit=1)[0]


def _metrics_of(field: str) -> list[str]:
    found = re.search(r"metric\(([^)]*)\)", field)
    return [m.strip() for m in found.group(1).split(",") if m.strip()] if found else []


class _InvalidMetricError(Exception):
    """An insights request Graph refuses; ``answer`` is its error (by default the invalid-metric one)."""

    def __init__(self, answer: Response | None = None) -> None:
        super().__init__("insights refused")
        self.answer = answer


#: Graph's error subcode for insights asked about a Page with fewer than 100 likes.
FEW_LIKES_SUBCODE = 2874008


def insights_refused(why: str) -> Response:
    """Graph's refusal of a Page's insights: no read_insights permission (#10), or under 100 likes."""
    if why == "few-likes":
        return graph_error(
            400,
            "(#100) Insights are only available for Pages with 100 or more likes.",
            100,
            subcode=FEW_LIKES_SUBCODE,
        )
    return graph_error(
        400,
        "(#10) This endpoint requires the 'read_insights' permission, and a Page access token of a person "
        "who can perform the ANALYZE task on the Page.",
        10,
    )


def _post_json(state: SandboxState, record: PostRecord, fields: list[str]) -> dict[str, Any]:
    counts = state.engagement(record)
    data: dict[str, Any] = {"id": record.id}
    for field in fields or ["created_time", "message"]:
        name = _field_name(field)
        if name == "message" and record.text:
            data["message"] = record.text
        elif name == "created_time":
            data["created_time"] = _time(record.created_at)
        elif name == "permalink_url":
            data["permalink_url"] = f"https://www.facebook.com/{record.id.replace('_', '/posts/')}"
        elif name == "shares" and counts["reposts"]:
            data["shares"] = {"count": counts["reposts"]}  # absent when zero, as on Facebook
        elif name == "reactions":
            data["reactions"] = {"data": [], "summary": {"total_count": counts["likes"], "viewer_reaction": "NONE"}}
        elif name == "comments":
            data["comments"] = {
                "data": [],
                "summary": {"order": "ranked", "total_count": counts["replies"], "can_comment": True},
            }
        elif name == "insights":
            data["insights"] = {"data": _insights(state, record, _metrics_of(field))}
    return data


def _insights(state: SandboxState, record: PostRecord, metrics: list[str]) -> list[dict[str, Any]]:
    counts = state.engagement(record)
    values = {
        "post_media_view": counts["impressions"],
        "post_total_media_view_unique": counts["unique_views"],
        "post_clicks": counts["clicks"],
        "post_reactions_by_type_total": {"like": counts["likes"]},
    }
    why = state.insights_refusal(record.account)
    if why is not None:
        raise _InvalidMetricError(insights_refused(why))
    for metric in metrics:
        if not state.valid_metric(metric, record.account):
            raise _InvalidMetricError()
    return [
        {
            "name": metric,
            "period": "lifetime",
            "values": [{"value": values[metric]}],
            "title": metric.replace("_", " ").capitalize(),
            "description": f"Lifetime: {metric}",
            "id": f"{record.id}/insights/{metric}/lifetime",
        }
        for metric in metrics
    ]


def _invalid_metric() -> Response:
    return graph_error(400, "(#100) The value must be a valid insights metric", 100)


def _many(state: SandboxState, request: Request) -> Response:
    ids = [i for i in (request.param("ids") or "").split(",") if i]
    if not ids or len(ids) > 50:
        return graph_error(400, "(#100) The parameter ids is required and takes at most 50 ids", 100)
    fields = split_fields(request.param("fields") or "")
    aliases = [i for i in ids if not re.fullmatch(r"\d+(_\d+)?", i)]  # names, not ids: Graph lists them all
    if aliases:
        return graph_error(404, f"(#803) Some of the aliases you requested do not exist: {','.join(aliases)}", 803)
    answer: dict[str, Any] = {}
    for object_id in ids:
        record = state.get(object_id)
        if record is None or record.platform != "facebook":
            return _unsupported(object_id)  # the whole request fails, naming the first id it does not know
        try:
            answer[object_id] = _post_json(state, record, fields)
        except _InvalidMetricError as refused:
            return refused.answer or _invalid_metric()
    return json_response(200, answer)


def _page_token(state: SandboxState, page: str) -> str:
    """The Page token the emulator hands out for ``page`` (and remembers as that Page's)."""
    token = PAGE_TOKEN_PREFIX + page
    state.issue_graph_token(token, "page", page)
    return token


def _object(state: SandboxState, request: Request, object_id: str, token: str) -> Response:
    fields = split_fields(request.param("fields") or "")
    if object_id.isdigit() and state.get(object_id) is None:  # a Page
        data: dict[str, Any] = {"id": object_id, "name": f"Sandbox Page {object_id}"}
        if "access_token" in fields:
            data["access_token"] = _page_token(state, object_id)
        return json_response(200, data)
    if object_id == "me":  # whoever the token belongs to
        kind, owner = state.graph_identity(token)
        name = "Sandbox user" if kind == "user" else f"Sandbox Page {owner}"
        return json_response(200, {"id": owner, "name": name})
    record = state.get(object_id)
    if record is None or record.platform != "facebook":
        return _unsupported(object_id)
    try:
        return json_response(200, _post_json(state, record, fields))
    except _InvalidMetricError as refused:
        return refused.answer or _invalid_metric()


def _insights_edge(state: SandboxState, request: Request, object_id: str) -> Response:
    record = state.get(object_id)
    if record is None or record.platform != "facebook":
        return _unsupported(object_id)
    metrics = [m for m in (request.param("metric") or "").split(",") if m]
    try:
        return json_response(200, {"data": _insights(state, record, metrics)})
    except _InvalidMetricError as refused:
        return refused.answer or _invalid_metric()


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def _offset(cursor: str) -> int:
    """The position a cursor stands for (``ValueError`` when it is not one of ours)."""
    text = base64.urlsafe_b64decode(cursor.encode()).decode()
    if not text.startswith("offset:"):
        raise ValueError(cursor)
    return int(text[len("offset:") :])


def _feed(state: SandboxState, request: Request, page: str) -> Response:
    """A Page's posts, newest first, in pages of ``limit`` (at most 100) with cursor paging: ``paging.next``
    is the address of the following page, present only when there is one."""
    try:
        since = float(request.param("since")) if request.param("since") else None  # type: ignore[arg-type]
        limit = max(1, min(100, int(request.param("limit") or 25)))
        offset = _offset(request.param("after") or "") if request.param("after") else 0
    except ValueError:
        return graph_error(400, "(#100) since and limit must be numbers, and after a cursor from paging", 100)
    records = state.timeline("facebook", page, since)
    shown = records[offset : offset + limit]
    fields = split_fields(request.param("fields") or "")
    paging: dict[str, Any] = {}
    if shown:
        paging["cursors"] = {"before": _cursor(offset), "after": _cursor(offset + len(shown))}
    if offset + len(shown) < len(records):
        query = {**request.query, "after": _cursor(offset + len(shown))}
        paging["next"] = f"http://{request.headers.get('host', '127.0.0.1')}{request.path}?{urlencode(query)}"
    return json_response(200, {"data": [_post_json(state, r, fields) for r in shown], "paging": paging})


def _accounts(state: SandboxState) -> Response:
    page = DEFAULT_PAGE
    return json_response(
        200,
        {
            "data": [
                {
                    "id": page,
                    "name": f"Sandbox Page {page}",
                    "access_token": _page_token(state, page),
                    "category": "Government organization",
                    "tasks": ["CREATE_CONTENT", "MANAGE", "MODERATE"],
                }
            ],
            "paging": {},
        },
    )


def _exchange(state: SandboxState, request: Request) -> Response:
    """A long-lived user token for a short-lived one; both are user tokens from then on."""
    short = request.param("fb_exchange_token") or ""
    if request.param("grant_type") != "fb_exchange_token" or not short:
        return graph_error(400, "Missing grant_type or fb_exchange_token parameter", 100)
    if state.token_expired(short):
        return _expired()
    long_lived = f"sandbox-long-lived-{secrets.token_hex(8)}"
    for token in (short, long_lived):
        state.issue_graph_token(token, *GRAPH_USER)
    return json_response(200, {"access_token": long_lived, "token_type": "bearer", "expires_in": 5183944})


def _publish(state: SandboxState, request: Request, page: str) -> Response:
    message = request.param("message") or ""
    link = request.param("link")
    media: list[str] = []
    for key in sorted(k for k in request.form if k.startswith("attached_media")):
        try:
            media.append(str(json.loads(request.form[key])["media_fbid"]))
        except (ValueError, KeyError, TypeError):
            return graph_error(400, f"(#100) {key} must be a JSON object with media_fbid", 100)
    if not message and not link and not media:
        return graph_error(400, "(#100) Missing message or attachment", 100)
    if len(message) > FACEBOOK_LIMIT:
        return graph_error(400, "(#100) The message is too long", 100)
    for media_id in media:
        record = state.get(media_id)
        if record is None or record.kind != "photo" or record.account != page:
            return graph_error(400, f"(#100) Invalid attached_media: {media_id}", 100)
    if not media and state.duplicate_of("facebook", page, message, text_posts=True) is not None:
        return _duplicate()
    published = (request.param("published") or "true").lower() != "false"
    record = state.add_post(
        PostRecord(
            "facebook",
            f"{page}_{state.new_id()}",
            page,
            message,
            state.now(),
            link=link,
            media_ids=media,
            published=published,
        )
    )
    return json_response(200, {"id": record.id})


def _duplicate() -> Response:
    return graph_error(400, "(#506) Duplicate status message", 506, subcode=1455006)


def _photo(state: SandboxState, request: Request, page: str) -> Response:
    """One photo: unpublished (for ``attached_media``) or a photo post. Everything is checked before
    anything is kept, so a refused upload leaves no photo behind. Facebook accepts a photo post with
    the same message as an earlier one, so no duplicate check here."""
    upload = request.files.get("source")
    if upload is None and not request.param("url"):
        return graph_error(400, "(#324) Requires upload file", 324)
    mime = "image/jpeg"
    if upload is not None:
        mime = sniff_image(upload.data)
        largest = FACEBOOK_MEDIA.get(mime)
        if largest is None or len(upload.data) > largest:
            return graph_error(400, "(#324) Missing or invalid image file", 324)
    published = (request.param("published") or "true").lower() != "false"
    message = request.param("message") or request.param("caption") or ""
    if len(message) > FACEBOOK_LIMIT:
        return graph_error(400, "(#100) The message is too long", 100)
    photo_id = state.new_id()
    size = len(upload.data) if upload else 0
    state.add_media(
        MediaRecord(photo_id, "facebook", page, mime, size, alt_text=request.param("alt_text_custom") or "")
    )
    state.add_post(PostRecord("facebook", photo_id, page, message, state.now(), kind="photo", published=False))
    if not published:
        return json_response(200, {"id": photo_id})
    post = state.add_post(
        PostRecord("facebook", f"{page}_{state.new_id()}", page, message, state.now(), media_ids=[photo_id])
    )
    return json_response(200, {"id": photo_id, "post_id": post.id})
