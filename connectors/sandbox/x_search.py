"""X's ``GET /2/tweets/search/recent`` for ``conversation_id:`` queries: the replies to a post.

As on X: posts of the last seven days only, newest first; ``max_results`` from 10 to 100 (10 by
default); ``since_id`` keeps the posts with a greater id; ``next_token`` pages on (it names the
last post of a page, so posts that arrive meanwhile do not shift the pages). The conversation
holds the post itself, the account's own thread parts and every reply (the emulator's audience,
:mod:`connectors.sandbox.comments`). An edited reply is shown as its newest version, with its own
id and the ids of all its versions in ``edit_history_tweet_ids``. ``expansions=author_id`` adds
``includes.users``.

An access level without search (``CommentBook.set_search_access``) answers X's 403
``client-not-enrolled`` problem, in the shape X sends it.
"""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime
from typing import Any

from connectors.sandbox.comments import CommentRecord, reply_counts
from connectors.sandbox.http import Request, Response, json_response
from connectors.sandbox.state import PostRecord, SandboxState
from connectors.sandbox.x_media import invalid
from connectors.sandbox.x_routes import PROBLEMS, display_text, public_metrics

#: How far back X's recent search reaches.
WINDOW = 7 * 86400
_CONVERSATION = re.compile(r"conversation_id:(\d+)")


def not_enrolled(client_id: str) -> Response:
    """X's answer to an endpoint the developer App's access level does not include."""
    return json_response(
        403,
        {
            "client_id": client_id,
            "detail": "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens "
            "from a Twitter developer App that is attached to a Project. You can create a project via the "
            "developer portal.",
            "registration_url": "https://developer.twitter.com/en/docs/projects/overview",
            "title": "Client Forbidden",
            "required_enrollment": "Appropriate Level of API Access",
            "reason": "client-not-enrolled",
            "type": PROBLEMS + "client-forbidden",
        },
    )


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _token(post_id: str) -> str:
    return base64.urlsafe_b64encode(f"after:{post_id}".encode()).decode().rstrip("=")


def _after(token: str) -> int:
    text = base64.urlsafe_b64decode((token + "=" * (-len(token) % 4)).encode()).decode()
    if not text.startswith("after:"):
        raise ValueError(token)
    return int(text[len("after:") :])


class _Item:
    """One post of the conversation as the search shows it."""

    def __init__(self, data: dict[str, Any], user: dict[str, str]) -> None:
        self.data = data
        self.user = user
        self.id = int(data["id"])


def _fields(request: Request) -> set[str]:
    named = ",".join(request.query.get(name) or "" for name in ("tweet.fields", "post.fields"))
    return {f for f in named.split(",") if f}


def _post_item(state: SandboxState, record: PostRecord, root: PostRecord, fields: set[str]) -> _Item:
    counts = state.engagement(record)
    data: dict[str, Any] = {"id": record.id, "text": display_text(record), "edit_history_tweet_ids": [record.id]}
    extra: dict[str, Any] = {
        "author_id": record.account,
        "created_at": _iso(record.created_at),
        "conversation_id": root.id,
        "lang": "und",
        "public_metrics": public_metrics(counts),
    }
    if record.reply_to is not None:
        extra["in_reply_to_user_id"] = record.account
        extra["referenced_tweets"] = [{"type": "replied_to", "id": record.reply_to}]
    data.update({k: v for k, v in extra.items() if k in fields})
    user = {
        "id": record.account,
        "name": f"Sandbox user {record.account[-4:]}",
        "username": f"sandbox_{record.account[-6:]}",
    }
    return _Item(data, user)


def _comment_item(
    comment: CommentRecord,
    root: PostRecord,
    by_id: dict[str, CommentRecord],
    replies: dict[str, int],
    fields: set[str],
    now: float,
) -> _Item:
    shown = comment.shown(now)
    parent = by_id.get(comment.parent_id) if comment.parent_id is not None else None
    data: dict[str, Any] = {
        "id": shown.id,
        "text": _escaped(shown.text),
        "edit_history_tweet_ids": [v.id for v in comment.history(now)],
    }
    extra: dict[str, Any] = {
        "author_id": comment.author_id,
        "created_at": _iso(shown.at),  # an edit is a new post, written when it was edited
        "conversation_id": root.id,
        "in_reply_to_user_id": parent.author_id if parent is not None else root.account,
        "referenced_tweets": [{"type": "replied_to", "id": comment.parent_id or root.id}],
        "lang": comment.language,
        "public_metrics": {
            "retweet_count": 0,
            "reply_count": replies.get(comment.id, 0),
            "like_count": comment.like_count(now),
            "quote_count": 0,
            "bookmark_count": 0,
            "impression_count": comment.like_count(now) * 40,
        },
    }
    data.update({k: v for k, v in extra.items() if k in fields})
    return _Item(data, {"id": comment.author_id, "name": comment.author_name, "username": comment.username})


def _conversation(state: SandboxState, root: PostRecord, fields: set[str], now: float) -> list[_Item]:
    """The post, its thread parts and the replies shown at ``now``, newest first."""
    items = [_post_item(state, root, root, fields)]
    chain = {root.id}
    for record in sorted((r for r in list(state.posts.values()) if r.platform == "x"), key=lambda r: int(r.id)):
        if record.reply_to in chain and record.deleted_at is None and record.published:
            chain.add(record.id)
            items.append(_post_item(state, record, root, fields))
    everything = state.comments.visible(root, state.post_zone(root), now)
    by_id = {c.id: c for c in everything}
    replies = reply_counts(everything, now)
    items.extend(_comment_item(c, root, by_id, replies, fields, now) for c in everything)
    created = {item.id: item for item in items}
    return sorted(created.values(), key=lambda item: item.id, reverse=True)


def search(state: SandboxState, request: Request, user: str) -> Response:
    """``GET /2/tweets/search/recent``: only ``conversation_id:ID`` is understood; any other query finds nothing."""
    if not state.comments.search_allowed(user):
        return not_enrolled(str(20_000_000 + int(user) % 10_000_000))
    query = request.query.get("query") or ""
    if not query.strip():
        return invalid("The `query` query parameter can not be empty.")
    try:
        size = int(request.query.get("max_results") or 10)
        since = int(request.query["since_id"]) if request.query.get("since_id") else None
        after = _after(request.query["next_token"]) if request.query.get("next_token") else None
    except ValueError:
        return invalid("The `since_id`, `max_results` and `next_token` query parameters are not valid.")
    if not 10 <= size <= 100:
        return invalid(f"The `max_results` query parameter value [{size}] is not between 10 and 100")
    found = _CONVERSATION.search(query)
    root = state.get(found.group(1)) if found else None
    now = state.now()
    items: list[_Item] = []
    if root is not None and root.platform == "x":
        fields = _fields(request)
        horizon = now - WINDOW
        for item in _conversation(state, root, fields | {"created_at"}, now):
            written = datetime.fromisoformat(item.data["created_at"].replace("Z", "+00:00")).timestamp()
            if (
                written < horizon
                or (since is not None and item.id <= since)
                or (after is not None and item.id >= after)
            ):
                continue
            if "created_at" not in fields:
                item.data.pop("created_at")
            items.append(item)
    page = items[:size]
    meta: dict[str, Any] = {"result_count": len(page)}
    if page:
        meta.update(newest_id=page[0].data["id"], oldest_id=page[-1].data["id"])
    if len(items) > len(page):
        meta["next_token"] = _token(page[-1].data["id"])
    answer: dict[str, Any] = {"meta": meta}
    if page:
        answer["data"] = [item.data for item in page]
        if "author_id" in (request.query.get("expansions") or "").split(","):
            users = {item.user["id"]: item.user for item in page}
            answer["includes"] = {"users": list(users.values())}
    return json_response(200, answer)
