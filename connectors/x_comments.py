"""Replies to an X post: its conversation, read through tweepy's recent search.

``GET /2/tweets/search/recent?query=conversation_id:ID`` finds every post of the conversation of
the last seven days, newest first, 100 a page (``next_token``); ``since_id`` keeps only newer
ones, so a poll after the first reads only what is new. The post itself and the account's own
posts in it (thread parts, its answers) are left out: they are not the audience's.

An edit on X is a new post with a new id; ``edit_history_tweet_ids`` lists every version, the
first being the original. A reply is kept under that first id, so that its edits update one
comment instead of adding new ones.

Search is not part of every access level: X then answers 403 with ``"reason":
"client-not-enrolled"`` and ``"required_enrollment"``, raised here as
:class:`~connectors.base.AccessLevelError` with a sentence saying what to do.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, TypeVar

import tweepy

from connectors.base import AccessLevelError, CommentBatch, FetchedComment
from connectors.x import snowflake_time
from connectors.x_errors import required_enrollment

log = logging.getLogger(__name__)
T = TypeVar("T")

#: What one page asks X for.
TWEET_FIELDS = [
    "author_id",
    "created_at",
    "conversation_id",
    "in_reply_to_user_id",
    "referenced_tweets",
    "lang",
    "public_metrics",
    "edit_history_tweet_ids",
]
USER_FIELDS = ["name", "username"]
PAGE_SIZE = 100  # X's largest page
#: Pages read per post and poll at most: a fetch cut short here is not complete (deletes nothing).
MAX_PAGES = 20
#: How far back recent search reaches; a post older than this (less a margin for clock skew) may
#: have replies search no longer finds, so a fetch of it is never complete.
SEARCH_WINDOW = timedelta(days=7) - timedelta(hours=1)

#: The sentence shown where replies cannot be read (the Feedback screen, ``feedback list``).
NOT_AVAILABLE = (
    "Replies on X are not available on this X access level: the account's developer App may not search recent "
    "posts{said}. Move its Project to an access level that includes search (in the X developer console), "
    "then wait for the next daily check; publishing and the other counts are not affected."
)

#: Runs one request for ``action``, turning a failure into a connector error.
Caller = Callable[[str, Callable[[], Any]], Any]


def not_enrolled(exc: BaseException) -> AccessLevelError | None:
    """The :class:`AccessLevelError` for X's 403 ``client-not-enrolled`` answer, ``None`` for anything else."""
    if not isinstance(exc, tweepy.Forbidden):
        return None
    required = required_enrollment(getattr(exc, "response", None))
    if required is None:
        return None
    said = f' (X says it needs "{required}")' if required else ""
    return AccessLevelError(NOT_AVAILABLE.format(said=said), status=403, code="client-not-enrolled")


def fetch_replies(
    client: tweepy.Client,
    remote_id: str,
    *,
    since_id: str | None,
    user_auth: bool,
    call: Caller,
    own_id: str | None = None,
    now: datetime | None = None,
) -> CommentBatch:
    """The replies to post ``remote_id`` (newer than ``since_id`` when given).

    ``call`` runs each request and translates its failures (the connector's own ``_call``);
    ``own_id``: the account's X user id when known (else read from the conversation).
    """
    tweets: list[Any] = []
    users: dict[str, Any] = {}
    newest: str | None = None
    token: str | None = None
    for _ in range(MAX_PAGES):
        response = call("read the replies", partial(_page, client, remote_id, since_id, token, user_auth))
        for user in (response.includes or {}).get("users", []) or []:
            users[str(user.id)] = user
        tweets.extend(response.data or [])
        meta = response.meta or {}
        newest = newest or (str(meta["newest_id"]) if meta.get("newest_id") else None)
        token = meta.get("next_token")
        if not token:
            break
    else:
        log.info("X post %s has more replies than %d pages; the rest are read next time.", remote_id, MAX_PAGES)
        return CommentBatch(remote_id, _replies(remote_id, tweets, users, own_id), complete=False)
    moment = now or datetime.now(UTC)
    written = snowflake_time(remote_id)
    complete = since_id is None and written is not None and moment - written < SEARCH_WINDOW
    return CommentBatch(remote_id, _replies(remote_id, tweets, users, own_id), complete=complete, newest_id=newest)


def _page(client: tweepy.Client, remote_id: str, since_id: str | None, token: str | None, user_auth: bool) -> Any:
    """One page of the conversation; X's ``client-not-enrolled`` refusal as :class:`AccessLevelError`."""
    params: dict[str, Any] = {
        "tweet_fields": TWEET_FIELDS,
        "expansions": ["author_id"],
        "user_fields": USER_FIELDS,
        "max_results": PAGE_SIZE,
    }
    if since_id:
        params["since_id"] = since_id
    if token:
        params["next_token"] = token
    try:
        return client.search_recent_tweets(f"conversation_id:{remote_id}", user_auth=user_auth, **params)
    except tweepy.Forbidden as exc:
        refused = not_enrolled(exc)
        if refused is not None:
            raise refused from None
        raise


def _replies(
    remote_id: str, tweets: list[Any], users: dict[str, Any], own_id: str | None
) -> tuple[FetchedComment, ...]:
    """The audience's replies among the conversation's posts, each under its first id."""
    first_of: dict[str, str] = {}
    for tweet in tweets:
        history = [str(i) for i in (getattr(tweet, "edit_history_tweet_ids", None) or [tweet.id])]
        for version in history:
            first_of[version] = history[0]
    own = own_id or _owner(remote_id, tweets)
    found: dict[str, FetchedComment] = {}
    for tweet in tweets:
        version = str(tweet.id)
        first = first_of.get(version, version)
        author = str(tweet.author_id) if tweet.author_id is not None else None
        if first == remote_id or version == remote_id or (own is not None and author == own):
            continue
        parent = _replied_to(tweet)
        user = users.get(author or "")
        metrics = tweet.public_metrics or {}
        lang = str(tweet.lang or "")
        found[first] = FetchedComment(
            remote_id=first,
            text=html.unescape(str(tweet.text)),  # X escapes &, < and > in ``text``
            created_at=snowflake_time(first) or _aware(tweet.created_at),
            author_name=str(getattr(user, "name", "") or getattr(user, "username", "") or ""),
            author_id=author,
            parent_remote_id=None if parent in (None, remote_id) else first_of.get(parent, parent),
            like_count=_count(metrics.get("like_count")),
            reply_count=_count(metrics.get("reply_count")),
            platform_language=lang if lang and lang != "und" and len(lang) <= 8 else None,
            edited=first != version,
            version_id=version,
        )
    return tuple(found.values())


def _owner(remote_id: str, tweets: list[Any]) -> str | None:
    """The post's author, as the conversation shows it: the post itself, or whom its direct replies answer."""
    for tweet in tweets:
        if str(tweet.id) == remote_id and tweet.author_id is not None:
            return str(tweet.author_id)
    for tweet in tweets:
        if _replied_to(tweet) == remote_id and tweet.in_reply_to_user_id is not None:
            return str(tweet.in_reply_to_user_id)
    return None


def _replied_to(tweet: Any) -> str | None:
    for reference in getattr(tweet, "referenced_tweets", None) or []:
        if reference.type == "replied_to":
            return str(reference.id)
    return None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _aware(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.now(UTC)
