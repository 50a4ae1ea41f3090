"""HTTP plumbing shared by the connectors: base-URL rewriting, timeouts and deadlines, refused
redirects, header reading, log scrubbing."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from connectors._deadline import Watch, watched_pools
from core.secrets import redact, remember

#: Seconds to wait for a connection, then between two pieces of an answer. The clients set none by default.
DEFAULT_TIMEOUT = 30.0
#: Seconds one whole platform call may take, however steadily the server trickles its answer.
DEFAULT_DEADLINE = 120.0


class DeadlineExceededError(requests.exceptions.Timeout):
    """A platform call that did not finish within its total deadline (a server trickling its answer).

    The request may have reached the platform: the outcome is unknown, as after a timeout.
    """

    def __init__(self, deadline: float) -> None:
        super().__init__(f"no complete answer within {deadline:g} seconds")
        self.deadline = deadline


class RedirectRefusedError(requests.RequestException):
    """A platform answered 3xx. Redirects are never followed: the next request would carry the
    token (Graph sends it in the query or form) to whatever host the answer names. Whether the
    platform acted before redirecting is unknown, so the outcome is treated as unknown."""

    def __init__(self, status: int, location: str | None) -> None:
        self.status = status
        self.target_host = (urlsplit(location).hostname or "") if location else ""
        where = f" to {self.target_host}" if self.target_host else ""
        super().__init__(f"redirect {status}{where} refused")


class RewritingAdapter(HTTPAdapter):
    """Sends requests for ``real_host`` to ``api_base`` instead, always with a timeout and a total
    deadline, and never follows a redirect.

    tweepy hard-codes https://api.twitter.com; mounting this on its ``session`` points the same
    calls at another server (the local emulator, or a proxy). The clients call ``session.request``
    with requests' defaults (redirects followed, no deadline), so both rules live here, below them.
    """

    def __init__(
        self,
        real_host: str,
        api_base: str | None,
        timeout: float = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
    ) -> None:
        super().__init__(max_retries=0)
        self.real_host = real_host.rstrip("/")
        self.api_base = api_base.rstrip("/") if api_base else None
        self.timeout = timeout
        self.deadline = deadline

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        """The parent's pool manager, with connections the deadline can cut (see :mod:`connectors._deadline`)."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = watched_pools()

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if self.api_base and request.url and request.url.startswith(self.real_host):
            request.url = self.api_base + request.url[len(self.real_host) :]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        with Watch(self.deadline) as watch:
            try:
                response = super().send(request, **kwargs)
                if not kwargs.get("stream"):
                    _ = response.content  # read the body under the deadline too (requests reads it later otherwise)
            except Exception:
                if watch.expired:
                    raise DeadlineExceededError(self.deadline) from None
                raise
        if response.is_redirect or 300 <= response.status_code < 400:
            response.close()
            raise RedirectRefusedError(response.status_code, response.headers.get("Location"))
        return response


def mount(
    session: requests.Session,
    real_host: str,
    api_base: str | None,
    timeout: float,
    deadline: float = DEFAULT_DEADLINE,
) -> None:
    """Mount a :class:`RewritingAdapter` for ``real_host`` (and the base's own scheme) on ``session``."""
    adapter = RewritingAdapter(real_host, api_base, timeout, deadline)
    session.mount(real_host.rstrip("/") + "/", adapter)
    if api_base:
        session.mount(api_base.rstrip("/") + "/", adapter)
    session.max_redirects = 0  # belt and braces: a 3xx from any other adapter is not followed either


#: Refusals by requests itself before anything is sent: the account's API base is malformed.
#: Retrying cannot help, and no post can exist, so these are permanent.
BAD_ADDRESS_ERRORS = (
    requests.exceptions.InvalidURL,
    requests.exceptions.MissingSchema,
    requests.exceptions.InvalidSchema,
    requests.exceptions.URLRequired,
)


def is_broken_exchange(exc: BaseException) -> bool:
    """Whether ``exc`` is a request that got no complete HTTP answer (a connection broken mid-answer,
    a garbled body, exhausted retries...).

    The request may or may not have reached the platform, so the outcome is unknown: such a
    failure is retryable (and a publish is looked up before it is retried), never permanent.
    ``requests.ChunkedEncodingError``, ``ContentDecodingError`` and ``RetryError`` derive from
    ``RequestException`` only, not from ``ConnectionError`` or ``Timeout``.
    """
    return (
        isinstance(exc, requests.RequestException)
        and not isinstance(exc, BAD_ADDRESS_ERRORS)
        and getattr(exc, "response", None) is None
    )


def header_int(headers: Mapping[str, str], name: str) -> int | None:
    """An integer header, or ``None`` when absent or malformed."""
    value = headers.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date), or ``None`` when
    absent or unreadable (the caller then uses its own backoff)."""
    value = (headers or {}).get("Retry-After")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(tz=UTC)).total_seconds())


def epoch_to_utc(value: int | None) -> datetime | None:
    """Epoch seconds as an aware UTC datetime."""
    return datetime.fromtimestamp(value, tz=UTC) if value is not None else None


def remember_secrets(values: Iterable[str]) -> None:
    """Register secret values a connector holds with :func:`core.secrets.remember`, so that
    :func:`core.secrets.redact` (used by the scheduler and the CLI) and :func:`scrub` remove them too.

    Values read from the keyring are registered already; a connector may also be handed values
    directly (a token exchange, a test), and those must not leak either. There is one registry.
    """
    for value in values:
        remember(value)


def scrub(text: str) -> str:
    """``text`` without any secret value this process has seen (same as :func:`core.secrets.redact`)."""
    return redact(text)


class RedactingFilter(logging.Filter):
    """Scrubs every known secret from a record before any handler sees it.

    tweepy logs request headers (a bearer token among them) at DEBUG; this keeps them out of logs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to logging's own error handling
            return True
        cleaned = scrub(message)
        if cleaned != message or record.args:
            record.msg = cleaned
            record.args = None
        return True


_FILTER = RedactingFilter()
#: Loggers of the client libraries that may print request details.
#: (A logger's filters see only records logged to it by name, not its children's: list each one.)
_CLIENT_LOGGERS = (
    "tweepy.client",
    "pyfacebook.api.graph",
    "pyfacebook.ratelimit",
    "urllib3.connectionpool",
    "oauthlib",
    "oauthlib.oauth1.rfc5849",
    "oauthlib.oauth1.rfc5849.signature",
    "requests_oauthlib.oauth1_auth",
    "requests_oauthlib.oauth2_session",
    "connectors",
)


def install_log_redaction() -> None:
    """Attach the redacting filter to the client libraries' loggers (idempotent)."""
    for name in _CLIENT_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
