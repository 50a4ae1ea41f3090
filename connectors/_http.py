"""HTTP plumbing shared by the connectors: base-URL rewriting, timeouts, header reading, log scrubbing."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from core.secrets import redact

#: Seconds to wait for a connection, then for an answer. The clients set none by default.
DEFAULT_TIMEOUT = 30.0


class RewritingAdapter(HTTPAdapter):
    """Sends requests for ``real_host`` to ``api_base`` instead, and always with a timeout.

    tweepy hard-codes https://api.twitter.com; mounting this on its ``session`` points the same
    calls at another server (the local emulator, or a proxy).
    """

    def __init__(self, real_host: str, api_base: str | None, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(max_retries=0)
        self.real_host = real_host.rstrip("/")
        self.api_base = api_base.rstrip("/") if api_base else None
        self.timeout = timeout

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if self.api_base and request.url and request.url.startswith(self.real_host):
            request.url = self.api_base + request.url[len(self.real_host) :]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def mount(session: requests.Session, real_host: str, api_base: str | None, timeout: float) -> None:
    """Mount a :class:`RewritingAdapter` for ``real_host`` (and the base's own scheme) on ``session``."""
    adapter = RewritingAdapter(real_host, api_base, timeout)
    session.mount(real_host.rstrip("/") + "/", adapter)
    if api_base:
        session.mount(api_base.rstrip("/") + "/", adapter)


def header_int(headers: Mapping[str, str], name: str) -> int | None:
    """An integer header, or ``None`` when absent or malformed."""
    value = headers.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def epoch_to_utc(value: int | None) -> datetime | None:
    """Epoch seconds as an aware UTC datetime."""
    return datetime.fromtimestamp(value, tz=UTC) if value is not None else None


_seen: set[str] = set()
_seen_lock = threading.Lock()


def remember_secrets(values: Iterable[str]) -> None:
    """Register secret values a connector holds, so that :func:`scrub` removes them too.

    :func:`core.secrets.redact` knows the values read from the keyring; a connector may also be
    handed values directly (a token exchange, a test), and those must not leak either.
    """
    with _seen_lock:
        _seen.update(v for v in values if len(v) >= 6)


def scrub(text: str) -> str:
    """``text`` without any secret value this process has seen."""
    cleaned = redact(text)
    with _seen_lock:
        values = sorted(_seen, key=len, reverse=True)
    for value in values:
        cleaned = cleaned.replace(value, "***")
    return cleaned


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
