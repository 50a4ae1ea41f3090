"""The X connector, on tweepy's v2 ``Client``.

tweepy hard-codes https://api.twitter.com; a URL-rewriting adapter on ``client.session`` sends
the same calls to the account's API base (the local emulator in tests and practice mode). tweepy
has no v2 media upload, so images go through the same session to ``/2/media/upload``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import requests
import tweepy
from requests_oauthlib import OAuth1

from connectors import textrules, xlength
from connectors._http import (
    DEFAULT_DEADLINE,
    DEFAULT_TIMEOUT,
    epoch_to_utc,
    header_int,
    install_log_redaction,
    mount,
    remember_secrets,
)
from connectors.answers import missing_id
from connectors.base import (
    MISSING_POST,
    AccountContext,
    AuthenticationError,
    CheckResult,
    ConnectorError,
    ExternalIdRule,
    Identity,
    InvalidContentError,
    MediaItem,
    Metrics,
    OutgoingPost,
    Published,
    RateLimit,
    RateLimitedError,
    RetryableError,
    unrecognisable_post,
)
from connectors.x_errors import check_status, translate

log = logging.getLogger(__name__)
REAL_HOST = "https://api.twitter.com"
LOOKUP_BATCH = 100  # ids per GET /2/tweets
_OAUTH1_FIELDS = ("api_key", "api_secret", "access_token", "access_secret")
_PRIVATE_FIELDS = ("non_public_metrics", "organic_metrics")
#: A lost thread part is looked for from this long before the publish began: X's clock is not ours.
CLOCK_SLACK = timedelta(minutes=5)
T = TypeVar("T")


class XConnector:
    """Posts, threads, images, deletion and metrics for one X account."""

    platform = "x"
    # The platform as core sees it (see the Connector Protocol).
    length_limit = xlength.X_LIMIT
    length_unit = "weighted characters"
    text_length = staticmethod(xlength.x_weighted_length)
    credential_fields: ClassVar[Mapping[str, str]] = {
        "api_key": "COMMUNIQUE_X_API_KEY",
        "api_secret": "COMMUNIQUE_X_API_SECRET",
        "access_token": "COMMUNIQUE_X_ACCESS_TOKEN",
        "access_secret": "COMMUNIQUE_X_ACCESS_SECRET",
        "bearer_token": "COMMUNIQUE_X_BEARER_TOKEN",
    }
    external_id_rule = ExternalIdRule("user id", required=False)

    def __init__(
        self, account: AccountContext, *, timeout: float = DEFAULT_TIMEOUT, deadline: float = DEFAULT_DEADLINE
    ) -> None:
        """Bind to ``account``; ``timeout`` bounds each wait for bytes, ``deadline`` each whole call."""
        install_log_redaction()
        self.account = account
        creds = account.credentials
        remember_secrets(secret.reveal() for secret in creds.values())
        self._oauth1: OAuth1 | None = None
        if all(field in creds for field in _OAUTH1_FIELDS):
            key, secret = creds["api_key"].reveal(), creds["api_secret"].reveal()
            token, token_secret = creds["access_token"].reveal(), creds["access_secret"].reveal()
            self.client = tweepy.Client(
                consumer_key=key, consumer_secret=secret, access_token=token, access_token_secret=token_secret
            )
            self._user_auth = True
            self._oauth1 = OAuth1(
                key, client_secret=secret, resource_owner_key=token, resource_owner_secret=token_secret
            )
        elif "bearer_token" in creds:
            # An OAuth 2.0 user token travels as a bearer token; tweepy then calls without OAuth 1.0a.
            self.client = tweepy.Client(bearer_token=creds["bearer_token"].reveal())
            self._user_auth = False
        else:
            raise AuthenticationError(
                f"The X account {account.name!r} has no credentials: store api_key, api_secret, access_token and "
                "access_secret (or an OAuth 2.0 bearer_token) with 'communique account set-secret'."
            )
        self._api_base = (account.api_base or REAL_HOST).rstrip("/")
        self._session: requests.Session = self.client.session
        mount(self._session, REAL_HOST, account.api_base, timeout, deadline)
        self._session.hooks["response"].append(self._remember_limits)
        self._rate_limit: RateLimit | None = None
        self._me: Identity | None = None

    # --- plumbing -------------------------------------------------------------------------

    def _remember_limits(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        limit = header_int(response.headers, "x-rate-limit-limit")
        if limit is not None:
            self._rate_limit = RateLimit(
                limit=limit,
                remaining=header_int(response.headers, "x-rate-limit-remaining"),
                resets_at=epoch_to_utc(header_int(response.headers, "x-rate-limit-reset")),
            )

    def _call(self, action: str, call: Callable[[], T]) -> T:
        try:
            return call()
        except Exception as exc:
            raise translate(exc, action) from None

    def _auth_kwargs(self) -> dict[str, Any]:
        if self._oauth1 is not None:
            return {"auth": self._oauth1}
        return {"headers": {"Authorization": f"Bearer {self.client.bearer_token}"}}

    def _url(self, remote_id: str) -> str:
        if self.account.api_base:  # practice mode: the emulator shows the post
            return f"{self._api_base}/__sandbox/x/status/{remote_id}"
        handle = (self._me.handle if self._me else None) or "i"
        return f"https://x.com/{handle}/status/{remote_id}"

    # --- the contract ---------------------------------------------------------------------

    @staticmethod
    def check(post: OutgoingPost) -> CheckResult:
        """Weighted length (or thread split), media types and sizes; needs no account."""
        return textrules.check_x(post.text, post.media, link=post.link, as_thread=post.as_thread)

    def _parts(self, post: OutgoingPost) -> list[str]:
        body = textrules.x_text(post.text, post.link)
        return textrules.split_thread(body) if post.as_thread else [body]

    def publish(self, post: OutgoingPost) -> Published:
        """Create the post (a numbered thread when ``as_thread`` and too long); images go on the first part.

        A thread is all or nothing: when a part fails, the parts already out are deleted, and so is
        the failed part itself when its answer was lost (it may exist all the same: it is looked up
        on the timeline), so that a retry starts clean instead of being refused as a duplicate.
        """
        result = self.check(post)
        if not result.ok:
            raise InvalidContentError(" ".join(result.problems))
        media_ids = [self._upload(item) for item in post.media]
        parts = self._parts(post)
        started = datetime.now(UTC) - CLOCK_SLACK
        ids: list[str] = []
        for index, text in enumerate(parts):
            create = partial(
                _create,
                self.client,
                text=text or None,  # a post of images alone has no text field
                media_ids=media_ids if index == 0 and media_ids else None,
                in_reply_to_tweet_id=ids[-1] if ids else None,
                user_auth=self._user_auth,
            )
            try:
                ids.append(self._call("publish", create))
            except ConnectorError as error:
                if len(parts) > 1 and _maybe_sent(error):
                    ids.extend(self._lost_part(text, started, media=index == 0 and bool(media_ids)))
                self._roll_back(ids)
                raise
        return Published(remote_id=ids[0], url=self._url(ids[0]), extra_ids=tuple(ids[1:]) + tuple(media_ids))

    def _lost_part(self, text: str, since: datetime, *, media: bool) -> list[str]:
        """Ids of posts with a thread part's text, for a part whose answer was lost (best effort)."""
        wanted = textrules.comparable(text)
        try:
            return [str(tweet.id) for tweet in self._timeline(since) if _same_text(tweet, wanted, media=media)]
        except ConnectorError as exc:
            # find_published cleans such an orphan up before the retry (it deletes the parts of an incomplete thread).
            log.warning("Could not look for a thread part whose answer was lost: %s", exc.message)
            return []

    def _roll_back(self, ids: Sequence[str]) -> None:
        # A half-published thread is worse than none: remove the parts so a retry starts clean.
        for remote_id in reversed(ids):
            try:
                self.delete(remote_id)
            except ConnectorError as exc:
                log.warning("Could not remove part %s of a failed X thread: %s", remote_id, exc.message)

    def _upload(self, item: MediaItem) -> str:
        try:
            data = Path(item.path).read_bytes()
        except OSError as exc:
            raise InvalidContentError(f"Cannot read the image {Path(item.path).name}: {exc.strerror}.") from None

        def upload() -> str:
            response = self._session.post(
                f"{REAL_HOST}/2/media/upload",
                files={"media": (Path(item.path).name, data, item.mime_type)},
                data={"media_category": "tweet_gif" if item.mime_type == "image/gif" else "tweet_image"},
                **self._auth_kwargs(),
            )
            check_status(response)
            media_id = _id_in(response.json(), "upload an image")
            if item.alt_text:
                meta = self._session.post(
                    f"{REAL_HOST}/2/media/metadata",
                    json={"id": media_id, "metadata": {"alt_text": {"text": item.alt_text}}},
                    **self._auth_kwargs(),
                )
                check_status(meta)
            return media_id

        return self._call("upload an image", upload)

    def delete(self, remote_id: str) -> None:
        """Delete a post; one already gone counts as deleted."""
        try:
            self.client.delete_tweet(remote_id, user_auth=self._user_auth)
        except tweepy.NotFound:
            return
        except Exception as exc:
            raise translate(exc, "delete") from None

    def verify(self) -> Identity:
        """Whose credentials these are (``GET /2/users/me``)."""
        response = self._call("verify the account", lambda: self.client.get_me(user_auth=self._user_auth))
        user = response.data
        if user is None or not getattr(user, "id", None):
            raise RetryableError(missing_id("X", "verify the account", _body_of(response)))
        self._me = Identity(remote_id=str(user.id), name=str(user.name), handle=str(user.username))
        return self._me

    def find_published(self, post: OutgoingPost, since: datetime) -> Published | None:
        """The post if the account's timeline since ``since`` has it, else ``None``.

        A post of images without text is not claimed when the timeline has such a post since
        ``since``: nothing tells two of them apart (see :func:`~connectors.base.unrecognisable_post`).

        Texts are compared as X rewrites them (links to t.co, HTML escapes, NFC, the link added for
        media: see :func:`connectors.textrules.comparable`).

        A thread (``as_thread`` text of several parts) counts only when whole: its parts are followed
        down the reply chain, part k+1 replying to part k. When only some parts exist (the process
        died between two parts, or a part's answer was lost), those parts are deleted and ``None``
        is returned, so that :meth:`publish` starts the thread over cleanly; resuming from the last
        part found would instead depend on a partial timeline being complete and ordered. A deletion
        that fails raises its error (retryable), so that the thread is never sent twice.
        """
        parts = self._parts(post)
        wanted = [textrules.comparable(part) for part in parts]
        media = bool(post.media)
        if len(parts) == 1:
            textless = False
            for tweet in self._timeline(since):
                if not _same_text(tweet, wanted[0], media=media):
                    continue
                if not wanted[0]:  # images alone: any post of images alone looks the same
                    textless = True
                    continue
                return Published(remote_id=str(tweet.id), url=self._url(str(tweet.id)))
            if textless:
                raise unrecognisable_post("X")
            return None
        found: list[list[Any]] = [[] for _ in parts]  # part index -> posts with that part's text
        for tweet in self._timeline(since):
            for index, text in enumerate(wanted):
                if _same_text(tweet, text, media=media and index == 0):
                    found[index].append(tweet)
        chain = _whole_thread(found)
        if chain is not None:
            return Published(remote_id=chain[0], url=self._url(chain[0]), extra_ids=tuple(chain[1:]))
        pieces = sorted({str(t.id) for candidates in found for t in candidates}, key=lambda i: (len(i), i))
        if pieces:
            log.warning("Deleting %d part(s) of an incomplete X thread before it is published again.", len(pieces))
        for remote_id in reversed(pieces):  # replies before the posts they answer
            self.delete(remote_id)
        return None

    def _timeline(self, since: datetime) -> Iterator[Any]:
        """The account's posts since ``since``, newest first, at most 1,000."""
        me = self._me or self.verify()
        start = since.astimezone(UTC) if since.tzinfo else since.replace(tzinfo=UTC)
        token: str | None = None
        for _ in range(10):  # at most 1,000 posts back: a crash is recovered within minutes
            page = partial(
                self.client.get_users_tweets,
                me.remote_id,
                start_time=start,
                max_results=100,
                pagination_token=token,
                tweet_fields=["created_at", "referenced_tweets"],
                user_auth=self._user_auth,
            )
            response = self._call("look for the post", page)
            yield from response.data or []
            token = (response.meta or {}).get("next_token")
            if not token:
                return

    def fetch_metrics(self, remote_ids: Sequence[str]) -> list[Metrics]:
        """Metrics, 100 posts a call; non-public counts where the account may see them."""
        found: list[Metrics] = []
        for start in range(0, len(remote_ids), LOOKUP_BATCH):
            found.extend(self._metrics_batch(list(remote_ids[start : start + LOOKUP_BATCH])))
        return found

    def _metrics_batch(self, ids: list[str]) -> list[Metrics]:
        fields = ["public_metrics", *_PRIVATE_FIELDS]
        response = self._call(
            "read metrics",
            lambda: self.client.get_tweets(ids, tweet_fields=fields, user_auth=self._user_auth),
        )
        by_id = {str(t.id): t for t in response.data or []}
        refused: dict[str, set[str]] = {}
        for error in response.errors or []:
            if "not-authorized-for-field" in str(error.get("type", "")):
                refused.setdefault(str(error.get("resource_id")), set()).add(str(error.get("parameter")))
        return [_metrics(remote_id, by_id.get(remote_id), refused.get(remote_id, set())) for remote_id in ids]

    def rate_limit(self) -> RateLimit | None:
        """The state read from the last answer's ``x-rate-limit-*`` headers."""
        return self._rate_limit


def _create(client: tweepy.Client, **fields: Any) -> str:
    """``create_tweet``, and the id of the post it answered with (see :func:`_created_id`)."""
    return _created_id(client.create_tweet(**fields), "publish")


def _body_of(response: Any) -> Any:
    """What a tweepy ``Response`` carried, for a message (data and errors; ``None`` parts left out)."""
    return {k: v for k, v in (("data", response.data), ("errors", response.errors)) if v} or "an empty answer"


def _created_id(response: Any, action: str) -> str:
    """The id of the post a create answer names; an unknown outcome when it names none.

    A ``200`` with ``errors[]`` and no ``data`` (or ``data`` without ``id``) may follow a post that X
    did create: raising :class:`RetryableError` makes the publisher look it up before sending again.
    """
    data = getattr(response, "data", None)
    remote_id = data.get("id") if isinstance(data, dict) else None
    if isinstance(remote_id, str | int) and not isinstance(remote_id, bool) and str(remote_id).isdigit():
        return str(remote_id)
    body = _body_of(response) if hasattr(response, "data") else response
    raise RetryableError(missing_id("X", action, body))


def _id_in(body: Any, action: str) -> str:
    """``data.id`` of a JSON answer read outside tweepy (media upload), or an unknown outcome."""
    data = body.get("data") if isinstance(body, dict) else None
    remote_id = data.get("id") if isinstance(data, dict) else None
    if isinstance(remote_id, str | int) and not isinstance(remote_id, bool) and str(remote_id):
        return str(remote_id)
    raise RetryableError(missing_id("X", action, body))


def _maybe_sent(error: ConnectorError) -> bool:
    """Whether a failed create may have created the post all the same (no answer, or a server error)."""
    return isinstance(error, RetryableError) and not isinstance(error, RateLimitedError)


def _same_text(tweet: Any, wanted: str, *, media: bool) -> bool:
    """Whether a post read back from X has the text ``wanted`` (already :func:`~textrules.comparable`)."""
    return textrules.comparable(str(tweet.text), escaped=True, media_link=media) == wanted


def _replied_to(tweet: Any) -> str | None:
    for reference in getattr(tweet, "referenced_tweets", None) or []:
        if reference.type == "replied_to":
            return str(reference.id)
    return None


def _whole_thread(found: Sequence[Sequence[Any]]) -> list[str] | None:
    """Ids of a complete thread (part k+1 replying to part k) among the posts found for each part."""
    for first in found[0]:
        chain = [str(first.id)]
        for candidates in found[1:]:
            following = next((str(t.id) for t in candidates if _replied_to(t) == chain[-1]), None)
            if following is None:
                break
            chain.append(following)
        else:
            return chain
    return None


def _metrics(remote_id: str, tweet: Any, refused: set[str]) -> Metrics:
    if tweet is None:
        return Metrics(remote_id=remote_id, missing=(MISSING_POST,))
    public: dict[str, int] = dict(tweet.public_metrics or {})
    private: dict[str, int] = dict(tweet.non_public_metrics or {})
    raw: dict[str, int | float | None] = {f"public.{k}": v for k, v in public.items()}
    raw.update({f"non_public.{k}": v for k, v in private.items()})
    clicks = private.get("url_link_clicks")
    return Metrics(
        remote_id=remote_id,
        reactions=public.get("like_count"),
        shares=_sum(public.get("retweet_count"), public.get("quote_count")),
        replies=public.get("reply_count"),
        impressions=public.get("impression_count", private.get("impression_count")),
        clicks=clicks,
        raw=raw,
        missing=tuple(sorted(refused)),
    )


def _sum(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None
