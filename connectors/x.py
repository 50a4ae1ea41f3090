"""The X connector, on tweepy's v2 ``Client``.

tweepy hard-codes https://api.twitter.com; a URL-rewriting adapter on ``client.session`` sends
the same calls to the account's API base (the local emulator in tests and practice mode). tweepy
has no v2 media upload, so images go through the same session to ``/2/media/upload``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import requests
import tweepy
from requests_oauthlib import OAuth1

from connectors import textrules, xlength, xmedia
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
    CommentBatch,
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
from connectors.x_errors import OAUTH1_NEEDED, check_status, daily_cap, translate
from core import practice
from core.secrets import Secret
from core.words import Msg

log = logging.getLogger(__name__)
REAL_HOST = "https://api.twitter.com"
LOOKUP_BATCH = 100  # ids per GET /2/tweets
_OAUTH1_FIELDS = ("api_key", "api_secret", "access_token", "access_secret")
_PUBLIC_FIELDS = ("public_metrics",)
_PRIVATE_FIELDS = ("non_public_metrics", "organic_metrics")
#: Non-public metrics are asked for only for posts younger than this (X gives them for 30 days).
PRIVATE_METRICS_AGE = timedelta(days=29)
#: X's snowflake epoch (2010-11-04T01:42:54.657Z) in milliseconds: a post id holds its creation time.
SNOWFLAKE_EPOCH_MS = 1288834974657
#: Ids that decode to before 2015-01-01 are not read as snowflakes (see :func:`snowflake_time`).
SNOWFLAKE_TRUSTED_FROM_MS = 1420070400000
NO_PUBLIC_METRICS = (
    "X sent no public metrics for this post (it may have renamed the field): likes, reposts and views are missing."
)
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
    #: Credentials read (an account may still hold one) but refused, with the sentence saying what to store
    #: instead: forms leave them out, and ``account set-secret`` refuses them.
    refused_credentials: ClassVar[Mapping[str, str]] = {"bearer_token": OAUTH1_NEEDED}
    external_id_rule = ExternalIdRule("user id", required=False)

    def __init__(
        self,
        account: AccountContext,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Bind to ``account``; ``timeout`` bounds each wait for bytes, ``deadline`` each whole call;
        ``sleep`` waits between two checks of a GIF or video X is processing."""
        install_log_redaction()
        self._sleep = sleep
        self.account = account
        creds = oauth1_keys(account)
        remember_secrets(secret.reveal() for secret in account.credentials.values())
        key, secret = creds["api_key"].reveal(), creds["api_secret"].reveal()
        token, token_secret = creds["access_token"].reveal(), creds["access_secret"].reveal()
        self.client = tweepy.Client(
            consumer_key=key, consumer_secret=secret, access_token=token, access_token_secret=token_secret
        )
        # Every call in user context: OAuth 1.0a keys do not expire, and X wants a user to post.
        self._user_auth = True
        self._oauth1 = OAuth1(key, client_secret=secret, resource_owner_key=token, resource_owner_secret=token_secret)
        self._api_base = (account.api_base or REAL_HOST).rstrip("/")
        self._session: requests.Session = self.client.session
        mount(self._session, REAL_HOST, account.api_base, timeout, deadline)
        self._session.hooks["response"].append(self._remember_limits)
        self._rate_limit: RateLimit | None = None
        self._me: Identity | None = None
        #: Posts X refused non-public metrics for (not the account's, or too old): not asked again.
        self._no_private: set[str] = set()

    # --- plumbing -------------------------------------------------------------------------

    def _remember_limits(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        daily = daily_cap(response.headers)
        if daily is not None:  # a spent 24-hour cap holds the account until the daily reset, not the 15-minute one
            self._rate_limit = RateLimit(limit=None, remaining=0, resets_at=epoch_to_utc(daily[1]))
            return
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
        return {"auth": self._oauth1}

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
            raise InvalidContentError(Msg.joined(result.problems))
        media_ids = [self._upload(item) for item in post.media]
        parts = self._parts(post)
        started = datetime.now(UTC) - CLOCK_SLACK
        ids: list[str] = []
        for index, text in enumerate(parts):
            create = partial(
                _create,
                self.client,
                text=text,  # always sent: an empty string for a post of media alone, as the spec says
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
        """Upload one file and return its media id: images in one request, GIFs and videos in chunks."""
        category = textrules.x_media_category(item.mime_type)
        if category == textrules.X_CATEGORY_IMAGE:  # at most 5 MB: one request
            try:
                data = Path(item.path).read_bytes()
            except OSError as exc:
                raise InvalidContentError(f"Cannot read the file {Path(item.path).name}: {exc.strerror}.") from None
            media_id = self._call("upload an image", lambda: self._upload_image(item, data))
        else:
            media_id = xmedia.upload_chunked(self._media_session(), item, category)
        if item.alt_text:
            self._call("describe the media", lambda: self._describe(media_id, item.alt_text))
        return media_id

    def _upload_image(self, item: MediaItem, data: bytes) -> str:
        response = self._session.post(
            f"{REAL_HOST}/2/media/upload",
            files={"media": (Path(item.path).name, data, item.mime_type)},
            data={"media_category": textrules.X_CATEGORY_IMAGE},
            **self._auth_kwargs(),
        )
        check_status(response)
        return _id_in(response.json(), "upload an image")

    def _describe(self, media_id: str, alt_text: str) -> None:
        meta = self._session.post(
            f"{REAL_HOST}/2/media/metadata",
            json={"id": media_id, "metadata": {"alt_text": {"text": alt_text}}},
            **self._auth_kwargs(),
        )
        check_status(meta)

    def _media_session(self) -> xmedia.MediaSession:
        return xmedia.MediaSession(self._session, f"{REAL_HOST}/2/media/upload", self._auth_kwargs, self._sleep)

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

    def fetch_comments(self, remote_id: str, *, since_id: str | None = None) -> CommentBatch:
        """The replies to the post (newer than ``since_id`` when given): see :mod:`connectors.x_comments`.

        Raises :class:`~connectors.base.AccessLevelError` when the account's access level has no search.
        """
        from connectors import x_comments  # it imports this module (snowflake ids)

        return x_comments.fetch_replies(
            self.client,
            remote_id,
            since_id=since_id,
            user_auth=self._user_auth,
            call=self._call,
            own_id=self.account.external_id or (self._me.remote_id if self._me else None),
        )

    def fetch_metrics(self, remote_ids: Sequence[str]) -> list[Metrics]:
        """Metrics, 100 posts a call; non-public counts where the account may see them.

        X gives non-public and organic metrics only for the token owner's own posts of the last 30
        days, and for any other post it answers one error per refused sub-field and *no data* for
        the post. So private fields are asked for only for posts younger than
        :data:`PRIVATE_METRICS_AGE` (read from the snowflake id) that X has not refused before, and
        the posts X refuses them for are asked for again with public metrics alone.
        """
        found: list[Metrics] = []
        for start in range(0, len(remote_ids), LOOKUP_BATCH):
            found.extend(self._metrics_batch(list(remote_ids[start : start + LOOKUP_BATCH])))
        return found

    def _metrics_batch(self, ids: list[str]) -> list[Metrics]:
        now = datetime.now(UTC)
        private = [i for i in ids if i not in self._no_private and private_metrics_possible(i, now)]
        tweets: dict[str, Any] = {}
        refused: set[str] = set()
        if private:
            tweets, refused = self._lookup(private, [*_PUBLIC_FIELDS, *_PRIVATE_FIELDS])
            refused -= tweets.keys()
            if refused:
                log.info("X refused non-public metrics for %d post(s); reading their public metrics.", len(refused))
                self._no_private.update(refused)
        public = [i for i in ids if i not in private or i in refused]
        if public:
            tweets.update(self._lookup(public, list(_PUBLIC_FIELDS))[0])
        return [_metrics(i, tweets.get(i), private=i in private and i not in refused) for i in ids]

    def _lookup(self, ids: list[str], fields: list[str]) -> tuple[dict[str, Any], set[str]]:
        """``GET /2/tweets``: the posts that came back by id, and the ids X refused a field for."""
        response = self._call(
            "read metrics",
            lambda: self.client.get_tweets(ids, tweet_fields=fields, user_auth=self._user_auth),
        )
        tweets = {str(t.id): t for t in response.data or []}
        refused = {
            str(error.get("resource_id") or error.get("value"))
            for error in response.errors or []
            if isinstance(error, dict) and "not-authorized-for-field" in str(error.get("type", ""))
        }
        return tweets, refused

    def rate_limit(self) -> RateLimit | None:
        """The state read from the last answer's ``x-rate-limit-*`` headers."""
        return self._rate_limit


def oauth1_keys(account: AccountContext) -> Mapping[str, Secret]:
    """The account's four OAuth 1.0a user keys; an :class:`AuthenticationError` saying what to store without them.

    A bearer token alone is refused: an OAuth 2.0 user token expires two hours after it is issued
    (refreshing it needs ``offline.access`` and a refresh token, which this app does not keep), and an
    app-only one cannot post. The one exception is the practice token that practice accounts on the
    emulator stored as a bearer token before they moved to OAuth 1.0a: it stands for all four keys,
    so those accounts keep working (it is a published constant, and the emulator is all it opens).
    """
    creds = account.credentials
    if all(field in creds for field in _OAUTH1_FIELDS):
        return creds
    bearer = creds.get("bearer_token")
    if account.api_base and bearer is not None and bearer.reveal() == practice.PRACTICE_TOKEN:
        return {field: Secret(practice.PRACTICE_TOKEN) for field in _OAUTH1_FIELDS}
    raise AuthenticationError(OAUTH1_NEEDED)


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


def private_metrics_possible(remote_id: str, now: datetime) -> bool:
    """Whether X may still give non-public metrics for a post: younger than :data:`PRIVATE_METRICS_AGE`
    by its snowflake id (an id that is no snowflake is given the benefit of the doubt)."""
    created = snowflake_time(remote_id)
    return created is None or now - created < PRIVATE_METRICS_AGE


def snowflake_time(remote_id: str) -> datetime | None:
    """When X created the post with this id, read from the snowflake; ``None`` when it is not one."""
    if not remote_id.isdigit():
        return None
    millis = (int(remote_id) >> 22) + SNOWFLAKE_EPOCH_MS
    if millis < SNOWFLAKE_TRUSTED_FROM_MS:
        # A small number: no post this app published is that old, so it is read as no snowflake at all.
        return None
    try:
        return datetime.fromtimestamp(millis / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _metrics(remote_id: str, tweet: Any, *, private: bool) -> Metrics:
    """A post's metrics; ``private``: whether its non-public counts were asked for and given."""
    if tweet is None:
        return Metrics(remote_id=remote_id, missing=(MISSING_POST,))
    missing = [] if private else list(_PRIVATE_FIELDS)
    notes: list[str] = []
    if tweet.public_metrics is None:
        # X drops a field name it does not know without a word: say so rather than show nothing.
        log.warning("X sent no public_metrics for post %s.", remote_id)
        missing.insert(0, "public_metrics")
        notes.append(NO_PUBLIC_METRICS)
    public: dict[str, int] = dict(tweet.public_metrics or {})
    counts: dict[str, int] = dict(tweet.non_public_metrics or {}) if private else {}
    raw: dict[str, int | float | None] = {f"public.{k}": v for k, v in public.items()}
    raw.update({f"non_public.{k}": v for k, v in counts.items()})
    return Metrics(
        remote_id=remote_id,
        reactions=public.get("like_count"),
        shares=_sum(public.get("retweet_count"), public.get("quote_count")),
        replies=public.get("reply_count"),
        impressions=public.get("impression_count", counts.get("impression_count")),
        clicks=counts.get("url_link_clicks"),
        raw=raw,
        missing=tuple(sorted(missing)),
        notes=tuple(notes),
    )


def _sum(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None
