"""Turn tweepy and requests failures into the connector error classes."""

from __future__ import annotations

import time
from collections.abc import Mapping

import requests
import tweepy

from connectors._http import (
    BAD_ADDRESS_ERRORS,
    DeadlineExceededError,
    RedirectRefusedError,
    epoch_to_utc,
    header_int,
    is_broken_exchange,
    retry_after,
    scrub,
)
from connectors.answers import clean, redirect_message
from connectors.base import (
    AccessLevelError,
    AuthenticationError,
    BillingError,
    ConnectorError,
    DuplicateContentError,
    InvalidContentError,
    PermanentError,
    PolicyBlockedError,
    RateLimitedError,
    RetryableError,
)
from core.services.account_options import ACCESS_NO_CREDITS

APP_ONLY = (
    "The account's X token is an app-only bearer token, which can read but never post: store the account's "
    "OAuth 1.0a keys (api_key, api_secret, access_token, access_secret) with 'communique account set-secret'."
)
#: Why an X account must hold OAuth 1.0a user keys: the one sentence ``account set-secret`` and ``verify`` give.
OAUTH1_NEEDED = (
    "X accounts post here with OAuth 1.0a user keys: store api_key, api_secret, access_token and access_secret "
    "with 'communique account set-secret' (an OAuth 2.0 bearer token expires two hours after it is issued and is "
    "not refreshed here, and an app-only one cannot post at all)."
)
NO_CREDITS = (
    "X refuses every request of this account because its developer account has no credits left: add credits "
    "in the X developer console (Billing), then publish again; nothing is sent to X for the account meanwhile."
)


class CreditsDepletedError(BillingError):
    """X's 402: the pay-per-use developer account has no credits left. ``access_level`` is what it
    shows about the account's access (the scheduler keeps it for the account's screens)."""

    access_level = ACCESS_NO_CREDITS


class EnrollmentError(AccessLevelError):
    """X refuses the request at the developer App's access level (403 ``client-not-enrolled``): the App
    is not attached to a Project, or its access level does not include the endpoint. ``required`` is
    X's ``required_enrollment`` (for example "Appropriate Level of API Access")."""

    def __init__(self, message: str, *, required: str, status: int | None = 403) -> None:
        super().__init__(message, status=status)
        self.required = required
        self.access_level = f"below {required!r} (client-not-enrolled)"


#: X's 24-hour caps on post creation: header prefix -> what the cap is counted on.
DAILY_CAPS = (("x-user-limit-24hour", "account"), ("x-app-limit-24hour", "app"))


def daily_cap(headers: Mapping[str, str] | None) -> tuple[str, int] | None:
    """The spent 24-hour cap an answer's headers report (``"account"`` or ``"app"``, and its reset in
    epoch seconds; the latest when both are spent), ``None`` when neither is spent."""
    spent: list[tuple[int, str]] = []
    for prefix, who in DAILY_CAPS:
        remaining = header_int(headers or {}, f"{prefix}-remaining")
        reset = header_int(headers or {}, f"{prefix}-reset")
        if remaining is not None and remaining <= 0 and reset is not None:
            spent.append((reset, who))
    if not spent:
        return None
    reset, who = max(spent)
    return who, reset


def _detail(response: requests.Response | None) -> str:
    """X's problem ``detail`` (or its first error message), scrubbed of secrets."""
    if response is None:
        return ""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    errors = body.get("errors") or []
    first = errors[0].get("message", "") if errors and isinstance(errors[0], dict) else ""
    return clean(scrub(str(first or body.get("detail") or body.get("title") or "")))


def required_enrollment(response: requests.Response | None) -> str | None:
    """X's ``required_enrollment`` when a 403 is the ``client-not-enrolled`` one ("" when X does not
    name it), else ``None``."""
    try:
        body = response.json() if response is not None else None
    except ValueError:
        return None
    if not isinstance(body, dict) or body.get("reason") != "client-not-enrolled":
        return None
    return clean(scrub(str(body.get("required_enrollment") or "")))


def _enrollment(response: requests.Response | None) -> str | None:
    """What a ``client-not-enrolled`` 403 asks for, said in general when X does not name it; else ``None``."""
    required = required_enrollment(response)
    if required is None:
        return None
    return required or "a higher access level"


def translate(exc: Exception, action: str) -> ConnectorError:
    """The connector error for a failure while doing ``action`` ("publish", "delete"...)."""
    if isinstance(exc, ConnectorError):
        return exc
    if isinstance(exc, RedirectRefusedError):
        return RetryableError(redirect_message("X", action, exc), status=exc.status)
    if isinstance(exc, DeadlineExceededError):
        return RetryableError(f"X did not finish answering within {exc.deadline:g} seconds while trying to {action}.")
    if isinstance(exc, requests.Timeout):
        return RetryableError(f"X did not answer in time while trying to {action}.")
    if isinstance(exc, requests.ConnectionError):
        return RetryableError(f"The connection to X was lost while trying to {action}.")
    if isinstance(exc, BAD_ADDRESS_ERRORS):
        return PermanentError(f"The account's API address is not a valid URL: {scrub(str(exc))}")
    if isinstance(exc, requests.JSONDecodeError | ValueError):
        return RetryableError(f"X sent an answer that could not be read while trying to {action}.")
    if is_broken_exchange(exc):
        # The answer broke off (or never came whole): whether X acted is unknown, so this is not final.
        return RetryableError(f"The connection to X broke off while trying to {action}.")
    response: requests.Response | None = getattr(exc, "response", None)
    status = response.status_code if response is not None else None
    headers = response.headers if response is not None else None
    detail = _detail(response)
    said = f" X said: {detail}" if detail else ""
    if isinstance(exc, tweepy.TooManyRequests):
        daily = daily_cap(headers)
        if daily is not None:
            who, reset_day = daily
            return RateLimitedError(
                f"X's 24-hour cap on posts for this {who} is spent; the account is held until the daily reset.",
                reset_at=epoch_to_utc(reset_day),
                retry_after=max(0.0, reset_day - time.time()),
                status=429,
            )
        # x-rate-limit-reset says when the window reopens; without it, a Retry-After if any, else backoff.
        reset = exc.reset_time if isinstance(exc.reset_time, int) else None
        wait = max(0.0, reset - time.time()) if reset else retry_after(headers)
        return RateLimitedError(
            f"X's rate limit is reached; try to {action} again after the reset.",
            reset_at=epoch_to_utc(reset),
            retry_after=wait,
            status=429,
        )
    if isinstance(exc, tweepy.Unauthorized):
        return AuthenticationError(
            "X refused the account's credentials (expired or revoked): reconnect the account.", status=status
        )
    if isinstance(exc, tweepy.Forbidden):
        required = _enrollment(response)
        if required is not None:
            return EnrollmentError(
                f"X refuses to {action} at this account's access level: its developer App needs {required!r}. "
                "Attach the App to a Project, or change its access in the X developer console, then retry.",
                required=required,
                status=status,
            )
        if "duplicate" in detail.lower():
            return DuplicateContentError("X refuses the same text twice: change the text.", status=status)
        if "too long" in detail.lower():
            return InvalidContentError(f"The text is too long for X.{said}", status=status)
        if "not yours" in detail.lower():
            return PermanentError(f"This post belongs to another account.{said}", status=status)
        if "reply to" in detail.lower():
            return InvalidContentError(f"X refused the reply.{said}", status=status)
        if "application-only" in detail.lower():
            return AuthenticationError(APP_ONLY, status=status)
        if "permission" in detail.lower():
            return PolicyBlockedError(
                f"X says the account's app lacks the permission to {action}: give the app read and write "
                f"access in the X developer portal, then reconnect the account.{said}",
                status=status,
            )
        return PolicyBlockedError(f"X blocked the request to {action}.{said}", status=status)
    if isinstance(exc, tweepy.BadRequest):
        return InvalidContentError(f"X refused the content.{said}", status=status)
    if isinstance(exc, tweepy.NotFound):
        return PermanentError(f"X does not know this post.{said}", status=status)
    if isinstance(exc, tweepy.TwitterServerError):
        return RetryableError(
            f"X had a server error ({status}) while trying to {action}.",
            status=status,
            retry_after=retry_after(headers),
        )
    if status == 402:
        # Pay-per-use: an empty credit balance answers 402 on every endpoint until credits are added.
        return CreditsDepletedError(NO_CREDITS, status=402)
    if isinstance(exc, tweepy.HTTPException):
        return PermanentError(f"X answered {status} while trying to {action}.{said}", status=status)
    if isinstance(exc, AttributeError | TypeError | KeyError | IndexError):
        # tweepy read a success answer of a shape it does not know (a list, a Graph-style error...):
        # X may have acted, so the outcome is unknown rather than final.
        return RetryableError(f"X sent an answer of an unexpected shape while trying to {action}.")
    return PermanentError(f"Could not {action} on X: {type(exc).__name__}: {clean(scrub(str(exc)))}")


def check_status(response: requests.Response) -> None:
    """Raise the tweepy error for a failed answer to a request made outside tweepy (media upload)."""
    code = response.status_code
    errors: dict[int, type[tweepy.HTTPException]] = {
        400: tweepy.BadRequest,
        401: tweepy.Unauthorized,
        403: tweepy.Forbidden,
        404: tweepy.NotFound,
    }
    if code == 429:
        raise tweepy.TooManyRequests(response, reset_time=header_int(response.headers, "x-rate-limit-reset"))
    if code in errors:
        raise errors[code](response)
    if code >= 500:
        raise tweepy.TwitterServerError(response)
    if not 200 <= code < 300:
        raise tweepy.HTTPException(response)
