"""The X API v2 endpoints the X connector uses, answered in X's own shapes.

Texts come back as X returns them: stored NFC-normalised, with ``&``, ``<`` and ``>`` HTML-escaped
in ``text``, and with a ``https://t.co/...`` link added at the end of a post with media (the
emulator's record, ``GET /__sandbox/posts``, keeps the plain NFC text).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from connectors.sandbox import x_media
from connectors.sandbox.http import Request, Response, html_response, json_response, sniff_image
from connectors.sandbox.state import MediaRecord, PostRecord, RateLimitedBucketError, SandboxState, Window, user_id_for
from connectors.textrules import X_CATEGORY_IMAGE, X_MEDIA, x_media_category
from connectors.xlength import X_LIMIT, x_weighted_length

_OAUTH_TOKEN = re.compile(r'oauth_token="([^"]*)"')
PROBLEMS = "https://api.twitter.com/2/problems/"
#: Non-public and organic metrics exist for the token owner's own posts of the last 30 days only.
PRIVATE_METRICS_DAYS = 30
PRIVATE_SUBFIELDS = {
    "non_public_metrics": ("impression_count", "url_link_clicks", "user_profile_clicks"),
    "organic_metrics": (
        "impression_count",
        "like_count",
        "reply_count",
        "retweet_count",
        "url_link_clicks",
        "user_profile_clicks",
    ),
}
APP_ONLY_PREFIX = "app-only"


def is_app_only(token: str | None) -> bool:
    """Whether a bearer token is an app-only one (it reads public data; it cannot post or read private metrics)."""
    return bool(token) and str(token).startswith(APP_ONLY_PREFIX)


def _problem(status: int, title: str, detail: str, kind: str = "about:blank", **extra: Any) -> dict[str, Any]:
    return {"title": title, "detail": detail, "type": kind, "status": status, **extra}


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def token_of(request: Request) -> str | None:
    """The user's token: the OAuth 1.0a ``oauth_token`` or the OAuth 2.0 bearer token."""
    header = request.headers.get("authorization", "")
    if header.startswith("Bearer "):
        return header[len("Bearer ") :].strip() or None
    if header.startswith("OAuth "):
        found = _OAUTH_TOKEN.search(header)
        return found.group(1) if found and found.group(1) else None
    return None


def public_metrics(counts: dict[str, int]) -> dict[str, int]:
    """A post's ``public_metrics`` as X returns them, from the emulator's engagement counts."""
    return {
        "retweet_count": counts["reposts"],
        "reply_count": counts["replies"],
        "like_count": counts["likes"],
        "quote_count": counts["quotes"],
        "bookmark_count": counts["bookmarks"],
        "impression_count": counts["impressions"],
    }


def display_text(record: PostRecord) -> str:
    """The ``text`` X returns for a post: ``&``, ``<`` and ``>`` HTML-escaped (and nothing else), and
    for a post with media a ``https://t.co/...`` link to the media added at the end."""
    text = record.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if record.media_ids:
        text = f"{text} {media_link(record.id)}"
    return text


def media_link(tweet_id: str) -> str:
    """The stable short link X adds to the text of a post with media."""
    return "https://t.co/" + hashlib.sha256(tweet_id.encode()).hexdigest()[:10]


def _rate_headers(window: Window) -> dict[str, str]:
    return {
        "x-rate-limit-limit": str(window.limit),
        "x-rate-limit-remaining": str(window.remaining),
        "x-rate-limit-reset": str(window.reset),
    }


def fault_response(kind: str) -> Response:
    """A fault in X's shapes."""
    if kind == "429":
        return json_response(429, _problem(429, "Too Many Requests", "Too Many Requests"))
    if kind == "auth":
        return json_response(401, _problem(401, "Unauthorized", "Unauthorized"))
    if kind == "policy":
        return json_response(403, _problem(403, "Forbidden", "You are not permitted to perform this action."))
    if kind == "permission":
        return json_response(
            403,
            _problem(
                403,
                "Unsupported Authentication",
                "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.",
                PROBLEMS + "oauth1-permissions",
            ),
        )
    if kind == "500":
        return json_response(500, _problem(500, "Internal Server Error", "Something went wrong. Try again later."))
    return html_response(int(kind), "Service Unavailable" if kind == "503" else "Bad Gateway")


def error_body() -> dict[str, Any]:
    """An error in X's shape, as a ``200 OK`` may carry one (``errors[]`` and no ``data``)."""
    return {
        "errors": [
            {
                "title": "Invalid Request",
                "detail": "One or more parameters to your request was invalid.",
                "type": PROBLEMS + "invalid-request",
            }
        ]
    }


_ROUTES: list[tuple[str, re.Pattern[str], str, str]] = [
    ("POST", re.compile(r"^/2/tweets$"), "create", "_create"),
    ("DELETE", re.compile(r"^/2/tweets/(\d+)$"), "delete", "_delete"),
    ("GET", re.compile(r"^/2/tweets$"), "lookup", "_lookup"),
    ("GET", re.compile(r"^/2/tweets/(\d+)$"), "lookup", "_lookup_one"),
    ("GET", re.compile(r"^/2/users/me$"), "me", "_me"),
    ("GET", re.compile(r"^/2/users/(\d+)/tweets$"), "timeline", "_timeline"),
    ("GET", re.compile(r"^/2/tweets/search/recent$"), "search", "_search"),
    ("POST", re.compile(r"^/2/media/upload$"), "media", "_upload"),
    ("POST", re.compile(r"^/2/media/upload/initialize$"), "media", "_initialize"),
    ("POST", re.compile(r"^/2/media/upload/(\d+)/append$"), "media", "_append"),
    ("POST", re.compile(r"^/2/media/upload/(\d+)/finalize$"), "media", "_finalize"),
    ("GET", re.compile(r"^/2/media/upload$"), "media", "_status"),
    ("POST", re.compile(r"^/2/media/metadata$"), "media", "_metadata"),
]


def handle(state: SandboxState, request: Request, fault: str | None) -> Response:
    """Answer one request under ``/2/``."""
    for method, pattern, bucket, name in _ROUTES:
        found = pattern.match(request.path)
        if not found or method != request.method:
            continue
        token = token_of(request)
        if token is None:
            return json_response(401, _problem(401, "Unauthorized", "Unauthorized"))
        bearer = request.headers.get("authorization", "").startswith("Bearer ")
        if state.token_expired(token) or fault == "auth" or (bearer and state.bearer_expired(token)):
            return fault_response("auth")
        if bearer and is_app_only(token) and (method != "GET" or bucket == "me"):  # /2/users/me needs a user
            return _app_only_refused()
        user = user_id_for(token)
        if state.out_of_credits(user):
            return _no_credits(user)
        required = state.enrollment_missing(user)
        if required is not None:
            return _not_enrolled(required)
        try:
            window = state.hit("x", bucket, user)
            daily = _daily_caps(state, user) if bucket == "create" else {}
        except RateLimitedBucketError as limited:
            answer = fault_response("429")
            answer.headers.update(_rate_headers(Window(limited.limit, 0, limited.reset)))
            answer.headers.update(limited.headers)
            return answer
        answer = fault_response(fault) if fault is not None else globals()[name](state, request, user, *found.groups())
        answer.headers.update(_rate_headers(window))
        answer.headers.update(daily)
        return answer
    return json_response(404, _problem(404, "Not Found", f"No route {request.method} {request.path}."))


def _daily_headers(prefix: str, window: Window) -> dict[str, str]:
    return {
        f"{prefix}-24hour-limit": str(window.limit),
        f"{prefix}-24hour-remaining": str(window.remaining),
        f"{prefix}-24hour-reset": str(window.reset),
    }


def _daily_caps(state: SandboxState, user: str) -> dict[str, str]:
    """Count a post against X's 24-hour caps, per user and per app; their headers, or the 429 of a spent cap.

    A spent cap raises :class:`RateLimitedBucketError` with the 24-hour headers of both caps attached
    (the 15-minute window may well have calls left: the client must read the daily headers)."""
    headers: dict[str, str] = {}
    for bucket, who, prefix in (("create-day-user", user, "x-user-limit"), ("create-day-app", "app", "x-app-limit")):
        try:
            headers.update(_daily_headers(prefix, state.hit("x", bucket, who)))
        except RateLimitedBucketError as limited:
            limited.headers = {**headers, **_daily_headers(prefix, Window(limited.limit, 0, limited.reset))}
            raise
    return headers


def _app_only_refused() -> Response:
    return json_response(
        403,
        _problem(
            403,
            "Unsupported Authentication",
            "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported "
            "authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
            PROBLEMS + "unsupported-authentication",
        ),
    )


def _not_enrolled(required: str) -> Response:
    """X's answer when the developer App's access level does not include the endpoint."""
    return json_response(
        403,
        {
            "client_id": "31832043",
            "detail": "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens "
            "from a Twitter developer App that is attached to a Project. You can create a project via the "
            "developer portal.",
            "registration_url": "https://developer.twitter.com/en/docs/projects/overview",
            "title": "Client Forbidden",
            "required_enrollment": required,
            "reason": "client-not-enrolled",
            "type": PROBLEMS + "client-forbidden",
        },
    )


def _no_credits(user: str) -> Response:
    """X's answer on every endpoint once a pay-per-use developer account has no credits left."""
    return json_response(
        402,
        {
            "title": "CreditsDepleted",
            "detail": f"Your enrolled account [{user}] does not have any credits to fulfill this request.",
            "type": PROBLEMS + "credits",
        },
    )


_invalid = x_media.invalid  # one wording of X's 400 for both route modules


def _create(state: SandboxState, request: Request, user: str) -> Response:
    body = request.json()
    if not isinstance(body, dict):
        return _invalid("The request body is not JSON.")
    if not isinstance(body.get("text"), str):
        # The spec sends ``text`` on every post (an empty string for media alone).
        return _invalid("The `text` field is required: send an empty string for a post of media alone.")
    text = unicodedata.normalize("NFC", body["text"])  # X stores (and compares) NFC text
    media_ids = [str(m) for m in (body.get("media") or {}).get("media_ids", [])]
    reply_to = (body.get("reply") or {}).get("in_reply_to_tweet_id")
    if not text and not media_ids:
        return _invalid("Tweet text or media is required.")
    if x_weighted_length(text) > X_LIMIT:
        return json_response(
            403,
            _problem(
                403,
                "Forbidden",
                "Your Tweet text is too long. For more information on how to get longer Tweets, visit https://help.x.com.",
            ),
        )
    problem = x_media.attach_problem(state, user, media_ids) if media_ids else None
    if problem is not None:
        return _invalid(problem)
    if reply_to is not None and state.get(str(reply_to)) is None:
        return json_response(
            403, _problem(403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.")
        )
    if state.duplicate_of("x", user, text) is not None:
        return json_response(
            403, _problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.")
        )
    record = state.add_post(
        PostRecord(
            platform="x",
            id=state.new_id(),
            account=user,
            text=text,
            created_at=state.now(),
            media_ids=media_ids,
            reply_to=str(reply_to) if reply_to is not None else None,
        )
    )
    return json_response(
        201, {"data": {"id": record.id, "text": display_text(record), "edit_history_tweet_ids": [record.id]}}
    )


def _delete(state: SandboxState, request: Request, user: str, tweet_id: str) -> Response:
    record = state.get(tweet_id)
    if record is None:
        return json_response(
            404,
            _problem(
                404, "Not Found Error", f"Could not find tweet with id: [{tweet_id}].", PROBLEMS + "resource-not-found"
            ),
        )
    if record.account != user:
        return json_response(
            403, _problem(403, "Forbidden", "You are not allowed to delete a Tweet that is not yours.")
        )
    state.delete(tweet_id)
    return json_response(200, {"data": {"deleted": True}})


def _field_refusal(tweet_id: str, field: str, parameter: str) -> dict[str, Any]:
    """X's error for one refused sub-field of one post (``not-authorized-for-field``)."""
    return {
        "resource_type": "tweet",
        "field": field,
        "parameter": parameter,
        "resource_id": tweet_id,
        "title": "Field Authorization Error",
        "section": "data",
        "detail": f"Sorry, you are not authorized to access '{field}' on the Tweet with {parameter} : [{tweet_id}].",
        "value": tweet_id,
        "type": PROBLEMS + "not-authorized-for-field",
    }


def _tweet_json(
    state: SandboxState,
    record: PostRecord,
    fields: set[str],
    user: str,
    *,
    token: str = "",
    parameter: str = "ids",
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A post in X's shape with the requested ``fields``, and the errors of the fields refused."""
    data: dict[str, Any] = {"id": record.id, "text": display_text(record), "edit_history_tweet_ids": [record.id]}
    errors: list[dict[str, Any]] = []
    counts = state.engagement(record)
    if "created_at" in fields:
        data["created_at"] = _iso(record.created_at)
    if "referenced_tweets" in fields and record.reply_to is not None:
        data["referenced_tweets"] = [{"type": "replied_to", "id": record.reply_to}]
    if "in_reply_to_user_id" in fields and record.reply_to is not None:
        parent = state.posts.get(record.reply_to)
        if parent is not None:
            data["in_reply_to_user_id"] = parent.account
    if "attachments" in fields and record.media_ids:
        data["attachments"] = {"media_keys": [f"3_{m}" for m in record.media_ids]}
    if "author_id" in fields:
        data["author_id"] = record.account
    if "public_metrics" in fields:
        data["public_metrics"] = public_metrics(counts)
    own_and_recent = record.account == user and state.now() - record.created_at <= PRIVATE_METRICS_DAYS * 86400
    for private, subfields in PRIVATE_SUBFIELDS.items():
        if private not in fields:
            continue
        if not own_and_recent or is_app_only(token):
            # X refuses each sub-field on its own, and then returns no ``data`` for the post at all.
            errors.extend(_field_refusal(record.id, f"{private}.{sub}", parameter) for sub in subfields)
            continue
        values = {
            "impression_count": counts["impressions"],
            "url_link_clicks": counts["clicks"],
            "user_profile_clicks": counts["profile_clicks"],
            "like_count": counts["likes"],
            "reply_count": counts["replies"],
            "retweet_count": counts["reposts"],
        }
        data[private] = {sub: values[sub] for sub in subfields}
    return data, errors


def _fields(state: SandboxState, request: Request) -> set[str]:
    """The post fields asked for, under the current name (``post.fields``) or the legacy one
    (``tweet.fields``); X drops names it does not know without a word."""
    named = ",".join(request.query.get(name) or "" for name in state.x_field_params)
    return {f for f in named.split(",") if f}


def _lookup(state: SandboxState, request: Request, user: str) -> Response:
    ids = [i for i in (request.query.get("ids") or "").split(",") if i]
    if not ids or len(ids) > 100:
        return _invalid("The `ids` query parameter takes 1 to 100 ids.")
    data: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for tweet_id in ids:
        record = state.get(tweet_id) if record_is_x(state, tweet_id) else None
        if record is None:
            errors.append(
                {
                    "value": tweet_id,
                    "detail": f"Could not find tweet with ids: [{tweet_id}].",
                    "title": "Not Found Error",
                    "resource_type": "tweet",
                    "parameter": "ids",
                    "resource_id": tweet_id,
                    "type": PROBLEMS + "resource-not-found",
                }
            )
            continue
        item, item_errors = _tweet_json(state, record, _fields(state, request), user, token=token_of(request) or "")
        if not item_errors:
            data.append(item)
        errors.extend(item_errors)
    answer: dict[str, Any] = {"data": data} if data else {}
    if errors:
        answer["errors"] = errors
    return json_response(200, answer)


def record_is_x(state: SandboxState, tweet_id: str) -> bool:
    """Whether ``tweet_id`` names an X post (not a Facebook one)."""
    record = state.get(tweet_id)
    return record is not None and record.platform == "x"


def _lookup_one(state: SandboxState, request: Request, user: str, tweet_id: str) -> Response:
    record = state.get(tweet_id) if record_is_x(state, tweet_id) else None
    if record is None:
        return json_response(
            200,
            {
                "errors": [
                    {
                        "value": tweet_id,
                        "detail": f"Could not find tweet with id: [{tweet_id}].",
                        "title": "Not Found Error",
                        "resource_type": "tweet",
                        "parameter": "id",
                        "resource_id": tweet_id,
                        "type": PROBLEMS + "resource-not-found",
                    }
                ]
            },
        )
    item, errors = _tweet_json(
        state, record, _fields(state, request), user, token=token_of(request) or "", parameter="id"
    )
    return json_response(200, {"errors": errors} if errors else {"data": item})


def _me(state: SandboxState, request: Request, user: str) -> Response:
    return json_response(
        200, {"data": {"id": user, "name": f"Sandbox user {user[-4:]}", "username": f"sandbox_{user[-6:]}"}}
    )


def _timeline(state: SandboxState, request: Request, user: str, owner: str) -> Response:
    since: float | None = None
    if request.query.get("start_time"):
        try:
            since = datetime.fromisoformat(request.query["start_time"].replace("Z", "+00:00")).timestamp()
        except ValueError:
            return _invalid("The `start_time` query parameter is not an ISO 8601 time.")
    try:
        size = max(5, min(100, int(request.query.get("max_results") or 10)))
        offset = int(request.query.get("pagination_token") or 0)
    except ValueError:
        return _invalid("The `max_results` and `pagination_token` query parameters must be numbers.")
    records = state.timeline("x", owner, since)
    page = records[offset : offset + size]
    data = [_tweet_json(state, r, _fields(state, request), user)[0] for r in page]
    meta: dict[str, Any] = {"result_count": len(data)}
    if page:
        meta.update(newest_id=page[0].id, oldest_id=page[-1].id)
    if offset + size < len(records):
        meta["next_token"] = str(offset + size)
    return json_response(200, {"data": data, "meta": meta} if data else {"meta": meta})


def _upload(state: SandboxState, request: Request, user: str) -> Response:
    upload = request.files.get("media")
    if upload is None:
        return _invalid("The `media` part is required.")
    mime = sniff_image(upload.data)
    largest = X_MEDIA.get(mime)
    if largest is None:
        return _invalid(f"Unsupported media type {mime}.")
    if x_media_category(mime) != X_CATEGORY_IMAGE:
        return _invalid(f"{mime} needs the chunked upload (initialize, append, finalize), not the one-shot upload.")
    if len(upload.data) > largest:
        return _invalid(f"File size exceeds {largest} bytes.")
    media_id = state.new_id()
    state.add_media(MediaRecord(media_id, "x", user, mime, len(upload.data)))
    return json_response(
        200,
        {
            "data": {
                "id": media_id,
                "media_key": f"3_{media_id}",
                "size": len(upload.data),
                "expires_after_secs": 86400,
                "image": {"image_type": mime, "w": 1, "h": 1},
            }
        },
    )


def _search(state: SandboxState, request: Request, user: str) -> Response:
    """Replies to a post (``conversation_id:`` search): see :mod:`connectors.sandbox.x_search`."""
    from connectors.sandbox import x_search  # it builds on this module's helpers

    return x_search.search(state, request, user)


_initialize = x_media.initialize
_append = x_media.append
_finalize = x_media.finalize
_status = x_media.status


def _metadata(state: SandboxState, request: Request, user: str) -> Response:
    body = request.json()
    if not isinstance(body, dict):
        return _invalid("The request body is not JSON.")
    media_id = str(body.get("id") or "")
    text = str(((body.get("metadata") or {}).get("alt_text") or {}).get("text") or "")
    if len(text) > 1000:
        return _invalid("The alt text is longer than 1000 characters.")
    if not state.set_alt_text(media_id, text):
        return _invalid("Your media ID is invalid.")
    return json_response(200, {"data": {"id": media_id, "associated_metadata": {"alt_text": {"text": text}}}})
