"""The Facebook Page connector, on python-facebook-api (``pyfacebook``) with one pinned Graph version."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar, TypeVar
from urllib.parse import parse_qs, urlsplit

import requests
from pyfacebook import GraphAPI

from connectors import textrules
from connectors._http import (
    DEFAULT_DEADLINE,
    DEFAULT_TIMEOUT,
    install_log_redaction,
    mount,
    remember_secrets,
    retry_after,
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
    FetchedComment,
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
from connectors.facebook_errors import (
    FEW_LIKES,
    METRIC_REFUSED,
    NO_PERMISSION,
    insights_refusal,
    missing_objects,
    translate,
)
from core.secrets import Secret
from core.words import Msg, in_app

log = logging.getLogger(__name__)

#: The one Graph API version every call uses (v25.0 is supported until July 2028).
GRAPH_VERSION = "v25.0"
REAL_HOST = "https://graph.facebook.com"
BATCH = 50  # ids per ``GET /?ids=``
ENGAGEMENT_FIELDS = "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)"
#: Post insights that still exist (the post_impressions* family was removed in 2025).
INSIGHT_METRICS = ("post_media_view", "post_total_media_view_unique", "post_clicks", "post_reactions_by_type_total")
LOOKUP_PAGES = 10  # pages of 100 published posts read back at most: a crash is recovered within minutes
#: The fields of a comment read for the Feedback screen (``parent``: the comment it answers, in ``filter=stream``).
COMMENT_FIELDS = "id,from,message,created_time,like_count,comment_count,parent"
COMMENT_PAGE = 100  # comments per page (Graph's largest)
#: Pages of comments read per post and poll at most: a fetch cut short here is not complete (deletes nothing).
COMMENT_PAGES = 50
T = TypeVar("T")

#: Where a refusal holds: (API root, Graph version, Page id). Graph refuses a metric for one Page
#: too (a Page not eligible for insights), so a refusal must not stop that metric for other Pages.
_MetricsKey = tuple[str, str, str]

#: Insights metrics Graph refused, per :data:`_MetricsKey`, for the life of the process: a refused
#: metric is not asked for again, so it costs its extra calls once per Page rather than every poll.
_REFUSED_METRICS: dict[_MetricsKey, set[str]] = {}
_REFUSED_LOCK = threading.Lock()


def _refused_metrics(key: _MetricsKey) -> frozenset[str]:
    with _REFUSED_LOCK:
        return frozenset(_REFUSED_METRICS.get(key, ()))


def _refuse_metric(key: _MetricsKey, metric: str) -> None:
    with _REFUSED_LOCK:
        _REFUSED_METRICS.setdefault(key, set()).add(metric)


def forget_refused_metrics() -> None:
    """Ask for every insights metric again (after Graph restored one, or the emulator was reset)."""
    with _REFUSED_LOCK:
        _REFUSED_METRICS.clear()
        _NO_INSIGHTS.clear()


class _LastAnswer(threading.local):
    """The status and headers of the answer the current thread received last.

    A connector is shared by the scheduler's publisher threads; the response hook runs in the
    thread that made the request, so each thread sees only its own answers here.
    """

    status: int | None = None
    headers: Mapping[str, str] | None = None


class _MetricRefusedError(Exception):
    """Graph refused the insights of the request: ``kind`` says how (see :func:`insights_refusal`)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


#: How long a Page whose insights Graph refused as a whole is not asked for them again (the person
#: may grant read_insights, or the Page pass 100 likes, meanwhile).
INSIGHTS_RETRY = timedelta(hours=6)
#: Per :data:`_MetricsKey`: why Graph refused all of that Page's insights, and until when not to ask.
_NO_INSIGHTS: dict[_MetricsKey, tuple[str, datetime]] = {}

#: The sentence a snapshot carries when a Page's insights are refused as a whole, by refusal kind.
INSIGHTS_ADVICE = {
    NO_PERMISSION: (
        "Facebook refuses this Page's insights (views, clicks) to its token: reconnect the Page as a person "
        "who can perform the ANALYZE task on it, granting read_insights; reactions, comments and shares still arrive."
    ),
    FEW_LIKES: (
        "Facebook gives insights (views, clicks) only for Pages with 100 or more likes: they stay missing until "
        "the Page has them; reactions, comments and shares still arrive."
    ),
}


def _insights_off(key: _MetricsKey, now: datetime) -> str | None:
    """Why the Page's insights are refused as a whole, while that is still remembered."""
    with _REFUSED_LOCK:
        found = _NO_INSIGHTS.get(key)
        if found is None or found[1] <= now:
            _NO_INSIGHTS.pop(key, None)
            return None
        return found[0]


def _turn_insights_off(key: _MetricsKey, kind: str, now: datetime) -> None:
    with _REFUSED_LOCK:
        _NO_INSIGHTS[key] = (kind, now + INSIGHTS_RETRY)


def _graph(base: str | None, token: str, timeout: float, deadline: float = DEFAULT_DEADLINE) -> GraphAPI:
    root = (base or REAL_HOST).rstrip("/")
    api = GraphAPI(
        access_token=token,
        version=GRAPH_VERSION,
        base_url=root + "/",
        access_token_url=f"{root}/{GRAPH_VERSION}/oauth/access_token",
        sleep_on_rate_limit=False,  # the scheduler decides when to retry, not a sleep inside a call
        timeout=int(timeout),
    )
    mount(api.session, REAL_HOST, base, timeout, deadline)
    return api


class FacebookConnector:
    """Text, links, photos, deletion and metrics for one Facebook Page."""

    platform = "facebook"
    # The platform as core sees it (see the Connector Protocol).
    length_limit = textrules.FACEBOOK_LIMIT
    length_unit = "characters"
    text_length = staticmethod(len)
    credential_fields: ClassVar[Mapping[str, str]] = {"page_token": "COMMUNIQUE_FB_PAGE_TOKEN"}
    external_id_rule = ExternalIdRule("Page id")

    def __init__(
        self, account: AccountContext, *, timeout: float = DEFAULT_TIMEOUT, deadline: float = DEFAULT_DEADLINE
    ) -> None:
        """Bind to ``account``'s Page; ``timeout`` bounds each wait for bytes, ``deadline`` each whole call."""
        install_log_redaction()
        self.account = account
        remember_secrets(secret.reveal() for secret in account.credentials.values())
        token = account.credentials.get("page_token")
        if token is None:
            raise AuthenticationError(
                Msg(
                    "The Facebook account {name!r} has no Page token: store one with "
                    "'communique account set-secret NAME page_token'.",
                    name=account.name,
                    app=in_app(
                        "The Facebook account {name!r} has no Page token: add it with Edit… on the Accounts screen."
                    ),
                )
            )
        if not account.external_id:
            raise AuthenticationError(Msg("The Facebook account {name!r} has no Page id.", name=account.name))
        self.page_id = account.external_id
        self.api = _graph(account.api_base, token.reveal(), timeout, deadline)
        self.api.session.hooks["response"].append(self._remember)
        self._metrics_key: _MetricsKey = ((account.api_base or REAL_HOST).rstrip("/"), GRAPH_VERSION, self.page_id)
        self._last = _LastAnswer()
        self._rate_limit: RateLimit | None = None

    # --- plumbing -------------------------------------------------------------------------

    def _remember(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        self._last.status = response.status_code
        self._last.headers = response.headers
        usage = _usage(response.headers)
        if usage is not None:
            percent, minutes = usage
            resets_at = datetime.now(tz=UTC) + timedelta(minutes=minutes) if minutes else None
            self._rate_limit = RateLimit(limit=100, remaining=max(0, 100 - percent), resets_at=resets_at)

    def _call(self, action: str, call: Callable[[], T]) -> T:
        self._forget_last_answer()
        try:
            return call()
        except Exception as exc:
            error = self._error(exc, action)
        raise error

    def _forget_last_answer(self) -> None:
        # A call that gets no answer (timeout, refused connection) must not read an earlier one's.
        self._last.status, self._last.headers = None, None

    def _error(self, exc: Exception, action: str) -> ConnectorError:
        """The connector error for ``exc``, with the wait the failing answer's headers ask for.

        A rate limit waits until the usage headers' ``estimated_time_to_regain_access``; a server
        error waits for its ``Retry-After``. Only the failing answer counts (an earlier answer's
        headers say nothing about this one); without either, ``retry_after`` stays ``None``.
        """
        error = translate(exc, action, self._last.status)
        headers = self._last.headers
        if isinstance(error, RateLimitedError):
            usage = _usage(headers) if headers is not None else None
            if usage is not None and usage[1]:
                error.retry_after = usage[1] * 60.0
                error.reset_at = datetime.now(tz=UTC) + timedelta(seconds=error.retry_after)
            else:
                error.retry_after = retry_after(headers)
        elif isinstance(error, RetryableError) and error.retry_after is None:
            error.retry_after = retry_after(headers)
        return error

    def _url(self, remote_id: str) -> str:
        if self.account.api_base:  # practice mode: the emulator shows the post
            return f"{self.account.api_base.rstrip('/')}/__sandbox/facebook/posts/{remote_id}"
        page, _, post = remote_id.partition("_")
        return f"https://www.facebook.com/{page}/posts/{post or page}"

    # --- the contract ---------------------------------------------------------------------

    @staticmethod
    def check(post: OutgoingPost) -> CheckResult:
        """Length (63,206 characters), media types and sizes; needs no account."""
        return textrules.check_facebook(post.text, post.media, link=post.link)

    def publish(self, post: OutgoingPost) -> Published:
        """Text and link (``/feed``), one photo (``/photos``) or several (unpublished photos + ``attached_media``)."""
        result = self.check(post)
        if not result.ok:
            raise InvalidContentError(Msg.joined(result.problems))
        message = _message(post)
        if len(post.media) == 1:
            answer = self._photo(post.media[0], message, published=True)
            post_id = _id_of(answer, "publish", "post_id")
            return Published(remote_id=post_id, url=self._url(post_id), extra_ids=(_id_of(answer, "publish"),))
        form: dict[str, str] = {"message": message}
        photo_ids = [_id_of(self._photo(item, "", published=False), "upload a photo") for item in post.media]
        for index, photo_id in enumerate(photo_ids):
            form[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
        if post.link and not post.media:
            form["link"] = post.link
        answer = self._call("publish", lambda: self.api.post_object(self.page_id, "feed", data=form))
        remote_id = _id_of(answer, "publish")
        return Published(remote_id=remote_id, url=self._url(remote_id), extra_ids=tuple(photo_ids))

    def _photo(self, item: MediaItem, message: str, *, published: bool) -> dict[str, Any]:
        try:
            data = Path(item.path).read_bytes()
        except OSError as exc:
            raise InvalidContentError(
                Msg("Cannot read the image {name}: {strerror}.", name=Path(item.path).name, strerror=exc.strerror)
            ) from None
        form = {"published": "true" if published else "false"}
        if message:
            form["message"] = message
        if item.alt_text:
            form["alt_text_custom"] = item.alt_text
        files = {"source": (Path(item.path).name, data, item.mime_type)}
        answer: dict[str, Any] = self._call(
            "upload a photo", lambda: self.api.post_object(self.page_id, "photos", data=form, files=files)
        )
        return answer

    def delete(self, remote_id: str) -> None:
        """Delete a post."""
        self._call("delete", lambda: self.api.delete_object(remote_id))

    def verify(self) -> Identity:
        """The Page, when the token is this Page's own Page token (``GET /{page-id}``, then ``GET /me``).

        Any valid token can read a public Page, so the Page alone proves nothing: a user token, or
        another Page's token, would pass and then fail at the first publish. ``/me`` answers with
        the token's owner, which must be the Page.
        """
        page = self._call("verify the Page", lambda: self.api.get_object(self.page_id, fields="id,name"))
        owner = self._call("verify the Page token", lambda: self.api.get_object("me", fields="id,name"))
        if str(owner.get("id")) != self.page_id:
            name = self.account.name
            raise AuthenticationError(
                Msg(
                    "The token stored for the Facebook account {name!r} belongs to {owner!r} (id {owner_id}), not to "
                    "the Page {page_id}: store this Page's own Page token with "
                    'communique account set-secret "{name}" page_token.',
                    name=name,
                    owner=owner.get("name") or "someone",
                    owner_id=owner.get("id"),
                    page_id=self.page_id,
                    app=in_app(
                        "The token stored for the Facebook account {name!r} belongs to {owner!r} (id {owner_id}), not "
                        "to the Page {page_id}: store this Page's own Page token with Edit… on the Accounts screen."
                    ),
                )
            )
        return Identity(remote_id=str(page["id"]), name=str(page.get("name") or owner.get("name") or ""))

    def find_published(self, post: OutgoingPost, since: datetime) -> Published | None:
        """The post if the Page's published posts since ``since`` include its message as sent.

        Reads back at most ``LOOKUP_PAGES`` pages of 100 posts. A post without a message (photos
        alone, a bare link) cannot be told apart from another such post: when the Page has one since
        ``since`` it is not claimed, and the error says to look (see :func:`~connectors.base.unrecognisable_post`).
        """
        wanted = _comparable(_message(post))
        textless = False
        for item in self._published_posts(since):
            text = _comparable(str(item.get("message") or ""))
            if wanted and text == wanted:
                return Published(remote_id=str(item["id"]), url=self._url(str(item["id"])))
            textless = textless or not text
        if not wanted and textless:
            raise unrecognisable_post("Facebook")
        return None

    def _published_posts(self, since: datetime) -> Iterator[dict[str, Any]]:
        """The Page's published posts since ``since``, newest first, following Graph's ``paging.next``."""
        params: dict[str, Any] = {"fields": "id,message,created_time", "since": int(since.timestamp()), "limit": 100}
        for _ in range(LOOKUP_PAGES):
            answer = self._call(
                "look for the post",
                lambda p=params: self.api.get_connection(self.page_id, "published_posts", **p),  # type: ignore[misc]
            )
            data = answer.get("data") or []
            yield from data
            following = (answer.get("paging") or {}).get("next")
            if not following or not data:
                return
            # The next page's address carries its cursor (and the token, which the client adds itself).
            query = parse_qs(urlsplit(str(following)).query)
            params = {key: values[-1] for key, values in query.items() if key != "access_token"}

    def fetch_comments(self, remote_id: str, *, since_id: str | None = None) -> CommentBatch:
        """Every comment on the post, replies to comments included (``GET /{post-id}/comments`` with
        ``filter=stream``, oldest first, 100 a page, following ``paging.cursors.after``).

        Graph has no "newer than" for comments, so ``since_id`` is ignored and each fetch reads them
        all: it is complete (a comment missing from it was deleted) unless it stopped after
        :data:`COMMENT_PAGES` pages. The Page's own comments (its answers) are left out: they are not
        the audience's. Graph shows an edited comment under the same id with its new message.
        """
        params: dict[str, Any] = {
            "fields": COMMENT_FIELDS,
            "filter": "stream",
            "order": "chronological",
            "limit": COMMENT_PAGE,
        }
        found: dict[str, FetchedComment] = {}
        for _ in range(COMMENT_PAGES):
            answer = self._call(
                "read the comments",
                lambda p=params: self.api.get_connection(remote_id, "comments", **p),  # type: ignore[misc]
            )
            data = answer.get("data") if isinstance(answer, dict) else None
            if not isinstance(data, list):
                raise RetryableError("Facebook sent an answer without comments while trying to read the comments.")
            for item in data:
                comment = _comment(item) if isinstance(item, dict) else None
                if comment is not None and comment.author_id != self.page_id:
                    found[comment.remote_id] = comment
            paging = answer.get("paging") or {}
            after = (paging.get("cursors") or {}).get("after")
            if not paging.get("next") or not after or not data:
                return CommentBatch(remote_id, tuple(found.values()), complete=True)
            params = {**params, "after": str(after)}
        log.info("Facebook post %s has more than %d comments; the rest are read next time.", remote_id, len(found))
        return CommentBatch(remote_id, tuple(found.values()), complete=False)

    def fetch_metrics(self, remote_ids: Sequence[str]) -> list[Metrics]:
        """Reactions, comments, shares and insights, 50 posts a call.

        A refused metric only goes missing (and is not asked for this Page again by this process); a deleted
        post only goes missing too (``missing == ("post",)``), the others of its batch still arrive.
        """
        found: list[Metrics] = []
        for start in range(0, len(remote_ids), BATCH):
            found.extend(self._metrics_batch(list(remote_ids[start : start + BATCH])))
        return found

    def _objects(self, ids: list[str], fields: str, gone: set[str]) -> dict[str, Any]:
        """``GET /?ids=...&fields=...`` for the ids not in ``gone``.

        Graph refuses the whole request when one id no longer exists. The ids its error names are
        added to ``gone`` and the rest asked again; when it names none, the batch is halved until
        the culprits are found. Raises :class:`_MetricRefusedError` when an insights metric is refused.
        """
        found: dict[str, Any] = {}
        pending = [ids]
        while pending:
            chunk = [i for i in pending.pop() if i not in gone]
            if not chunk:
                continue
            self._forget_last_answer()
            try:
                found.update(self.api.get_objects(ids=",".join(chunk), fields=fields))
                continue
            except Exception as exc:
                refusal = insights_refusal(exc) if "insights" in fields else None
                if refusal is not None:
                    raise _MetricRefusedError(refusal) from None
                named = missing_objects(exc)
                if named is None:
                    raise self._error(exc, "read metrics") from None
            named &= set(chunk)
            if named:
                log.info("Facebook no longer has %d of the posts asked for.", len(named))
                gone.update(named)
                pending.append(chunk)
            elif len(chunk) == 1:
                gone.add(chunk[0])
            else:
                half = len(chunk) // 2
                pending.extend([chunk[half:], chunk[:half]])
        return found

    def _metrics_batch(self, ids: list[str]) -> list[Metrics]:
        """One batch: engagement and insights in one request when Graph allows; on any insights refusal
        the engagement counts alone, and insights marked missing with what to do about them."""
        gone: set[str] = set()
        now = datetime.now(UTC)
        off = _insights_off(self._metrics_key, now)
        if off is not None:
            answer = self._objects(ids, ENGAGEMENT_FIELDS, gone)
            return [
                _metrics(i, {} if i in gone else answer.get(i, {}), {}, INSIGHT_METRICS, (INSIGHTS_ADVICE[off],))
                for i in ids
            ]
        refused = set(_refused_metrics(self._metrics_key))
        wanted = [m for m in INSIGHT_METRICS if m not in refused]
        try:
            answer = self._objects(ids, _fields(wanted), gone)
            insights = {i: _insight_values(answer.get(i, {})) for i in ids}
        except _MetricRefusedError as first:
            # Insights refused: the engagement counts alone first, so that they arrive whatever follows.
            answer = self._objects(ids, ENGAGEMENT_FIELDS, gone)
            insights = {i: {} for i in ids}
            kind = first.kind
            if kind == METRIC_REFUSED:
                # One metric refused (retired, or not for this Page): ask for each on its own so the others arrive.
                kind = self._metrics_one_by_one(ids, wanted, gone, insights, refused)
            if kind != METRIC_REFUSED:
                log.info("Facebook refuses the insights of the Page %s (%s).", self.page_id, kind)
                _turn_insights_off(self._metrics_key, kind, now)
                return [
                    _metrics(i, {} if i in gone else answer.get(i, {}), {}, INSIGHT_METRICS, (INSIGHTS_ADVICE[kind],))
                    for i in ids
                ]
        missing = tuple(m for m in INSIGHT_METRICS if m in refused)
        notes = (_removed_note(missing),) if missing else ()
        return [_metrics(i, {} if i in gone else answer.get(i, {}), insights[i], missing, notes) for i in ids]

    def _metrics_one_by_one(
        self, ids: list[str], wanted: list[str], gone: set[str], insights: dict[str, dict[str, Any]], refused: set[str]
    ) -> str:
        """Each metric on its own into ``insights``; the refused ones into ``refused`` (and remembered).
        Returns :data:`METRIC_REFUSED`, or the kind of a refusal of all the Page's insights."""
        for metric in wanted:
            try:
                part = self._objects(ids, _fields([metric], engagement=False), gone)
            except _MetricRefusedError as refusal:
                if refusal.kind != METRIC_REFUSED:
                    return refusal.kind
                log.info("Facebook refuses the insights metric %s for the Page %s.", metric, self.page_id)
                _refuse_metric(self._metrics_key, metric)
                refused.add(metric)
                continue
            for i in ids:
                insights[i].update(_insight_values(part.get(i, {})))
        return METRIC_REFUSED

    def rate_limit(self) -> RateLimit | None:
        """Usage read from ``X-App-Usage``/``X-Business-Use-Case-Usage``: limit 100 (percent), remaining."""
        return self._rate_limit


def _id_of(answer: Any, action: str, key: str = "id") -> str:
    """``answer[key]``, an id Graph gave; an unknown outcome (looked up before a retry) when absent."""
    value = answer.get(key) if isinstance(answer, dict) else None
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value)
    raise RetryableError(missing_id("Facebook", action, answer))


def _comment(item: dict[str, Any]) -> FetchedComment | None:
    """One comment of Graph's answer; ``None`` for one without an id or a readable time (logged)."""
    comment_id = item.get("id")
    try:
        created = datetime.strptime(str(item.get("created_time")), "%Y-%m-%dT%H:%M:%S%z").astimezone(UTC)
    except ValueError:
        created = None
    if not isinstance(comment_id, str | int) or isinstance(comment_id, bool) or created is None:
        log.warning("Facebook sent a comment without an id or a time; it is skipped.")
        return None
    author: dict[str, Any] = item["from"] if isinstance(item.get("from"), dict) else {}
    parent: dict[str, Any] = item["parent"] if isinstance(item.get("parent"), dict) else {}
    return FetchedComment(
        remote_id=str(comment_id),
        text=str(item.get("message") or ""),
        created_at=created,
        # Graph leaves ``from`` out for people who have not allowed apps to see them.
        author_name=str(author.get("name") or ""),
        author_id=str(author["id"]) if author.get("id") is not None else None,
        parent_remote_id=str(parent["id"]) if parent.get("id") is not None else None,
        like_count=_count(item.get("like_count")),
        reply_count=_count(item.get("comment_count")),
    )


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _message(post: OutgoingPost) -> str:
    """The message this post is (or was) sent with."""
    return textrules.facebook_message(post.text, post.link, photos=bool(post.media))


def _comparable(message: str) -> str:
    # Facebook keeps a message as sent (no link rewriting, no escaping): compare links literally.
    return textrules.comparable(message, keep_links=True)


def _fields(metrics: Sequence[str], *, engagement: bool = True) -> str:
    """The ``fields`` of a metrics request: engagement counts and/or the given insights metrics."""
    parts = [ENGAGEMENT_FIELDS] if engagement else []
    if metrics:
        parts.append(f"insights.metric({','.join(metrics)})")
    return ",".join(parts)


def _usage(headers: Any) -> tuple[int, int] | None:
    """The highest usage percentage in Graph's usage headers, and the minutes until access returns."""
    highest: int | None = None
    minutes = 0
    for name in ("X-App-Usage", "X-Business-Use-Case-Usage"):
        raw = headers.get(name)
        if not raw:
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        entries = [value] if name == "X-App-Usage" else [e for group in value.values() for e in group]
        for entry in entries:
            for key in ("call_count", "total_cputime", "total_time"):
                number = entry.get(key)
                if isinstance(number, int | float):
                    highest = max(highest or 0, int(number))
            regain = entry.get("estimated_time_to_regain_access")
            if isinstance(regain, int | float):
                minutes = max(minutes, int(regain))
    return None if highest is None else (highest, minutes)


def _insight_values(item: dict[str, Any]) -> dict[str, Any]:
    return {i["name"]: i["values"][0]["value"] for i in (item.get("insights") or {}).get("data", []) if i.get("values")}


def _removed_note(metrics: Sequence[str]) -> str:
    """The sentence for insights metrics Graph no longer gives for this Page."""
    return f"Facebook no longer gives {', '.join(metrics)} for this Page: the other counts still arrive."


def _metrics(
    remote_id: str,
    item: dict[str, Any],
    insights: dict[str, Any],
    missing: tuple[str, ...],
    notes: tuple[str, ...] = (),
) -> Metrics:
    if not item:
        return Metrics(remote_id=remote_id, missing=(MISSING_POST,))
    reactions = (item.get("reactions") or {}).get("summary", {}).get("total_count")
    comments = (item.get("comments") or {}).get("summary", {}).get("total_count")
    shares = (item.get("shares") or {}).get("count", 0)  # absent when nobody shared
    raw: dict[str, int | float | None] = {k: v for k, v in insights.items() if isinstance(v, int | float)}
    return Metrics(
        remote_id=remote_id,
        reactions=reactions,
        shares=shares,
        replies=comments,
        impressions=insights.get("post_media_view"),
        clicks=insights.get("post_clicks"),
        raw=raw,
        missing=missing,
        notes=notes,
    )


def exchange_page_token(
    user_token: Secret,
    *,
    app_id: str,
    app_secret: Secret,
    page_id: str,
    api_base: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
) -> Secret:
    """A long-lived Page token from a (short-lived) user token: first a long-lived user token, then
    the Page's token through it. A Page token obtained this way does not expire."""
    install_log_redaction()
    remember_secrets([user_token.reveal(), app_secret.reveal()])
    api = _graph(api_base, user_token.reveal(), timeout, deadline)
    api.app_id, api.app_secret = app_id, app_secret.reveal()
    try:
        long_lived = str(api.exchange_long_lived_user_access_token(user_token.reveal())["access_token"])
        remember_secrets([long_lived])
        page_token = str(api.exchange_page_access_token(page_id, access_token=long_lived))
        remember_secrets([page_token])
    except Exception as exc:
        raise translate(exc, "get a Page token") from None
    return Secret(page_token)
