"""The Facebook Page connector, on python-facebook-api (``pyfacebook``) with one pinned Graph version."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import requests
from pyfacebook import GraphAPI

from connectors import textrules
from connectors._http import DEFAULT_TIMEOUT, install_log_redaction, mount, remember_secrets
from connectors.base import (
    AccountContext,
    AuthenticationError,
    CheckResult,
    Identity,
    InvalidContentError,
    MediaItem,
    Metrics,
    OutgoingPost,
    Published,
    RateLimit,
    RateLimitedError,
)
from connectors.facebook_errors import is_invalid_metric, translate
from core.secrets import Secret

log = logging.getLogger(__name__)

#: The one Graph API version every call uses (v25.0 is supported until July 2028).
GRAPH_VERSION = "v25.0"
REAL_HOST = "https://graph.facebook.com"
BATCH = 50  # ids per ``GET /?ids=``
ENGAGEMENT_FIELDS = "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)"
#: Post insights that still exist (the post_impressions* family was removed in 2025).
INSIGHT_METRICS = ("post_media_view", "post_total_media_view_unique", "post_clicks", "post_reactions_by_type_total")
T = TypeVar("T")


def _graph(base: str | None, token: str, timeout: float) -> GraphAPI:
    root = (base or REAL_HOST).rstrip("/")
    api = GraphAPI(
        access_token=token,
        version=GRAPH_VERSION,
        base_url=root + "/",
        access_token_url=f"{root}/{GRAPH_VERSION}/oauth/access_token",
        sleep_on_rate_limit=False,  # the scheduler decides when to retry, not a sleep inside a call
        timeout=int(timeout),
    )
    mount(api.session, REAL_HOST, base, timeout)
    return api


class FacebookConnector:
    """Text, links, photos, deletion and metrics for one Facebook Page."""

    platform = "facebook"

    def __init__(self, account: AccountContext, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        install_log_redaction()
        self.account = account
        remember_secrets(secret.reveal() for secret in account.credentials.values())
        token = account.credentials.get("page_token")
        if token is None:
            raise AuthenticationError(
                f"The Facebook account {account.name!r} has no Page token: store one with "
                "'communique account set-secret NAME page_token'."
            )
        if not account.external_id:
            raise AuthenticationError(f"The Facebook account {account.name!r} has no Page id.")
        self.page_id = account.external_id
        self.api = _graph(account.api_base, token.reveal(), timeout)
        self.api.session.hooks["response"].append(self._remember)
        self._last_status: int | None = None
        self._rate_limit: RateLimit | None = None

    # --- plumbing -------------------------------------------------------------------------

    def _remember(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        self._last_status = response.status_code
        usage = _usage(response.headers)
        if usage is not None:
            percent, minutes = usage
            resets_at = datetime.now(tz=UTC) + timedelta(minutes=minutes) if minutes else None
            self._rate_limit = RateLimit(limit=100, remaining=max(0, 100 - percent), resets_at=resets_at)

    def _call(self, action: str, call: Callable[[], T]) -> T:
        self._last_status = None
        try:
            return call()
        except Exception as exc:
            error = translate(exc, action, self._last_status)
        if isinstance(error, RateLimitedError) and self._rate_limit and self._rate_limit.resets_at:
            # Graph says when access comes back (X-Business-Use-Case-Usage): wait that long.
            error.reset_at = self._rate_limit.resets_at
            error.retry_after = max(0.0, (error.reset_at - datetime.now(tz=UTC)).total_seconds())
        raise error

    def _url(self, remote_id: str) -> str:
        if self.account.api_base:  # practice mode: the emulator shows the post
            return f"{self.account.api_base.rstrip('/')}/__sandbox/facebook/posts/{remote_id}"
        page, _, post = remote_id.partition("_")
        return f"https://www.facebook.com/{page}/posts/{post or page}"

    # --- the contract ---------------------------------------------------------------------

    def check(self, post: OutgoingPost) -> CheckResult:
        """Length (63,206 characters), media types and sizes."""
        return textrules.check_facebook(post.text, post.media, link=post.link)

    def publish(self, post: OutgoingPost) -> Published:
        """Text and link (``/feed``), one photo (``/photos``) or several (unpublished photos + ``attached_media``)."""
        result = self.check(post)
        if not result.ok:
            raise InvalidContentError(" ".join(result.problems))
        message = post.text
        if post.media and post.link and post.link not in message:
            message = f"{message}\n{post.link}".strip()  # a photo post has no link field
        if len(post.media) == 1:
            answer = self._photo(post.media[0], message, published=True)
            return Published(
                remote_id=str(answer["post_id"]), url=self._url(str(answer["post_id"])), extra_ids=(str(answer["id"]),)
            )
        form: dict[str, str] = {"message": message}
        photo_ids = [str(self._photo(item, "", published=False)["id"]) for item in post.media]
        for index, photo_id in enumerate(photo_ids):
            form[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
        if post.link and not post.media:
            form["link"] = post.link
        answer = self._call("publish", lambda: self.api.post_object(self.page_id, "feed", data=form))
        remote_id = str(answer["id"])
        return Published(remote_id=remote_id, url=self._url(remote_id), extra_ids=tuple(photo_ids))

    def _photo(self, item: MediaItem, message: str, *, published: bool) -> dict[str, Any]:
        try:
            data = Path(item.path).read_bytes()
        except OSError as exc:
            raise InvalidContentError(f"Cannot read the image {Path(item.path).name}: {exc.strerror}.") from None
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
        """The Page the token can act for (``GET /{page-id}?fields=id,name``)."""
        page = self._call("verify the Page", lambda: self.api.get_object(self.page_id, fields="id,name"))
        return Identity(remote_id=str(page["id"]), name=str(page.get("name", "")))

    def find_published(self, post: OutgoingPost, since: datetime) -> Published | None:
        """The post if the Page's published posts since ``since`` include its text."""
        wanted = textrules.comparable(post.text)
        answer = self._call(
            "look for the post",
            lambda: self.api.get_connection(
                self.page_id,
                "published_posts",
                fields="id,message,created_time",
                since=int(since.timestamp()),
                limit=100,
            ),
        )
        for item in answer.get("data", []):
            if textrules.comparable(str(item.get("message", ""))) == wanted:
                return Published(remote_id=str(item["id"]), url=self._url(str(item["id"])))
        return None

    def fetch_metrics(self, remote_ids: Sequence[str]) -> list[Metrics]:
        """Reactions, comments, shares and insights, 50 posts a call; a removed metric only goes missing."""
        found: list[Metrics] = []
        for start in range(0, len(remote_ids), BATCH):
            found.extend(self._metrics_batch(list(remote_ids[start : start + BATCH])))
        return found

    def _many(self, ids: list[str], fields: str) -> dict[str, Any] | None:
        """``GET /?ids=...&fields=...``; ``None`` when Graph refuses an insights metric."""
        self._last_status = None
        try:
            answer: dict[str, Any] = self.api.get_objects(ids=",".join(ids), fields=fields)
        except Exception as exc:
            if is_invalid_metric(exc):
                return None
            raise translate(exc, "read metrics", self._last_status) from None
        return answer

    def _metrics_batch(self, ids: list[str]) -> list[Metrics]:
        metrics_field = f"insights.metric({','.join(INSIGHT_METRICS)})"
        missing: list[str] = []
        answer = self._many(ids, f"{ENGAGEMENT_FIELDS},{metrics_field}")
        if answer is not None:
            insights = {i: _insight_values(answer.get(i, {})) for i in ids}
        else:
            # Facebook retired a metric: ask for each on its own so that the others still arrive.
            answer = self._many(ids, ENGAGEMENT_FIELDS) or {}
            insights = {i: {} for i in ids}
            for metric in INSIGHT_METRICS:
                part = self._many(ids, f"insights.metric({metric})")
                if part is None:
                    log.info("Facebook no longer offers the insights metric %s.", metric)
                    missing.append(metric)
                    continue
                for i in ids:
                    insights[i].update(_insight_values(part.get(i, {})))
        return [_metrics(i, answer.get(i, {}), insights[i], tuple(missing)) for i in ids]

    def rate_limit(self) -> RateLimit | None:
        """Usage read from ``X-App-Usage``/``X-Business-Use-Case-Usage``: limit 100 (percent), remaining."""
        return self._rate_limit


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


def _metrics(remote_id: str, item: dict[str, Any], insights: dict[str, Any], missing: tuple[str, ...]) -> Metrics:
    if not item:
        return Metrics(remote_id=remote_id, missing=("post",))
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
    )


def exchange_page_token(
    user_token: Secret,
    *,
    app_id: str,
    app_secret: Secret,
    page_id: str,
    api_base: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Secret:
    """A long-lived Page token from a (short-lived) user token: first a long-lived user token, then
    the Page's token through it. A Page token obtained this way does not expire."""
    install_log_redaction()
    remember_secrets([user_token.reveal(), app_secret.reveal()])
    api = _graph(api_base, user_token.reveal(), timeout)
    api.app_id, api.app_secret = app_id, app_secret.reveal()
    try:
        long_lived = str(api.exchange_long_lived_user_access_token(user_token.reveal())["access_token"])
        remember_secrets([long_lived])
        page_token = str(api.exchange_page_access_token(page_id, access_token=long_lived))
        remember_secrets([page_token])
    except Exception as exc:
        raise translate(exc, "get a Page token") from None
    return Secret(page_token)
