"""Turn python-facebook-api and requests failures into the connector error classes."""

from __future__ import annotations

import re

import requests
from pyfacebook import FacebookError, LibraryError

from connectors._http import BAD_ADDRESS_ERRORS, DeadlineExceededError, RedirectRefusedError, is_broken_exchange, scrub
from connectors.answers import clean, error_in_success, redirect_message
from connectors.base import (
    AuthenticationError,
    ConnectorError,
    DuplicateContentError,
    InvalidContentError,
    PermanentError,
    PolicyBlockedError,
    RateLimitedError,
    RetryableError,
)

AUTH_CODES = {102, 190}
RATE_CODES = {4, 17, 32, 613, 80001, 80005}
POLICY_CODES = {368}
PERMISSION_CODES = {10} | set(range(200, 300))
MISSING_CODE = 803  # "Some of the aliases you requested do not exist: a,b"
TRANSIENT_CODES = {1, 2}
INVALID_CODES = {100, 324, 352}
DUPLICATE_CODES = {506}


def is_invalid_metric(exc: Exception) -> bool:
    """Whether Graph refused an insights metric (removed or unknown)."""
    return (
        isinstance(exc, FacebookError)
        and getattr(exc, "code", None) == 100
        and "metric" in str(getattr(exc, "message", ""))
    )


#: Graph's error subcode for insights of a Page with fewer than 100 likes.
FEW_LIKES_SUBCODE = 2874008
#: Kinds of insights refusal (see :func:`insights_refusal`).
METRIC_REFUSED, NO_PERMISSION, FEW_LIKES = "metric", "permission", "few-likes"


def insights_refusal(exc: Exception) -> str | None:
    """How Graph refused the insights of a request that asked for them, ``None`` for any other failure.

    :data:`METRIC_REFUSED`: one metric is removed or unknown (code 100 naming a metric).
    :data:`NO_PERMISSION`: the token may not read insights (code 10, or a 200-299 permission code,
    naming insights: the read_insights permission, or the ANALYZE task on the Page).
    :data:`FEW_LIKES`: the Page has fewer than 100 likes (subcode 2874008).
    Only meaningful for a request that asked for insights: the same codes elsewhere are real failures.
    """
    if not isinstance(exc, FacebookError):
        return None
    code = getattr(exc, "code", None)
    message = str(getattr(exc, "message", "")).lower()
    if getattr(exc, "error_subcode", None) == FEW_LIKES_SUBCODE or "100 or more likes" in message:
        return FEW_LIKES
    if code in PERMISSION_CODES and ("insights" in message or "analyze" in message):
        return NO_PERMISSION
    if is_invalid_metric(exc):
        return METRIC_REFUSED
    return None


_QUOTED_ID = re.compile(r"Object with ID '([^']+)'")


def missing_objects(exc: Exception) -> set[str] | None:
    """For Graph's "this object does not exist" refusal (code 100 subcode 33, or 803), the ids its
    message names (perhaps none); ``None`` for any other failure.

    Graph refuses a whole ``GET /?ids=`` when one of the ids is gone, so the caller drops the
    named ids (or, when none is named, narrows the batch down) and asks again for the others.
    """
    if not isinstance(exc, FacebookError):
        return None
    code = getattr(exc, "code", None)
    message = str(getattr(exc, "message", ""))
    if code == 100 and getattr(exc, "error_subcode", None) == 33:
        return set(_QUOTED_ID.findall(message))
    if code == MISSING_CODE:
        _, _, listed = message.rpartition(":")
        return {i.strip() for i in listed.split(",") if i.strip()}
    return None


def _said(exc: Exception) -> str:
    """What Graph's error says, scrubbed of secrets and control characters."""
    return clean(scrub(str(getattr(exc, "message", ""))))


def translate(exc: Exception, action: str, last_status: int | None = None) -> ConnectorError:
    """The connector error for a failure while doing ``action``."""
    if isinstance(exc, ConnectorError):
        return exc
    if isinstance(exc, RedirectRefusedError):
        return RetryableError(redirect_message("Facebook", action, exc), status=exc.status)
    if isinstance(exc, DeadlineExceededError):
        return RetryableError(
            f"Facebook did not finish answering within {exc.deadline:g} seconds while trying to {action}."
        )
    if isinstance(exc, requests.Timeout):
        return RetryableError(f"Facebook did not answer in time while trying to {action}.")
    if isinstance(exc, requests.ConnectionError):
        return RetryableError(f"The connection to Facebook was lost while trying to {action}.")
    if isinstance(exc, BAD_ADDRESS_ERRORS):
        return PermanentError(f"The account's API address is not a valid URL: {scrub(str(exc))}")
    if isinstance(exc, FacebookError) and last_status is not None and 200 <= last_status < 300:
        # An error in a success answer: Graph may well have acted (the post created) before it went wrong,
        # so the error's code (100 reads as "change the text") must not be trusted as final.
        return RetryableError(error_in_success("Facebook", action, last_status, _said(exc)), status=last_status)
    if isinstance(exc, FacebookError):
        code = getattr(exc, "code", None)
        said = _said(exc)
        code_int = code if isinstance(code, int) else -1
        if code_int in AUTH_CODES:
            return AuthenticationError(
                "Facebook refused the Page token (expired or revoked): reconnect the Page.",
                status=last_status,
                code=code,
            )
        if code_int in RATE_CODES:
            # When access comes back is in the usage headers, not the body: the connector adds it.
            return RateLimitedError(
                f"Facebook's rate limit is reached; try to {action} again later. Facebook said: {said}",
                status=last_status,
                code=code,
            )
        if code_int in DUPLICATE_CODES:
            return DuplicateContentError("Facebook refuses the same text twice: change the text.", code=code)
        if code_int in PERMISSION_CODES:
            return PolicyBlockedError(
                f"The Page token lacks a permission Facebook requires to {action}: reconnect the Page and grant "
                f"pages_manage_posts and pages_read_engagement. Facebook said: {said}",
                status=last_status,
                code=code,
            )
        if code_int in POLICY_CODES:
            return PolicyBlockedError(f"Facebook blocked the request to {action}. Facebook said: {said}", code=code)
        if code_int in TRANSIENT_CODES or getattr(exc, "is_transient", False):
            return RetryableError(f"Facebook had a temporary error while trying to {action}.", code=code)
        if missing_objects(exc) is not None:
            return PermanentError(f"Facebook does not know this object. Facebook said: {said}", code=code)
        if code_int in INVALID_CODES:
            return InvalidContentError(f"Facebook refused the content. Facebook said: {said}", code=code)
        return PermanentError(f"Facebook refused to {action}. Facebook said: {said}", status=last_status, code=code)
    if isinstance(exc, LibraryError | ValueError):
        # Not JSON: a proxy's error page (502/503) or a malformed answer.
        if last_status is not None and last_status >= 500:
            return RetryableError(
                f"Facebook had a server error ({last_status}) while trying to {action}.", status=last_status
            )
        return RetryableError(
            f"Facebook sent an answer that could not be read while trying to {action}.", status=last_status
        )
    if is_broken_exchange(exc):
        # The answer broke off (or never came whole): whether Facebook acted is unknown, so this is not final.
        # (pyfacebook passes requests' exceptions through, except HTTPError, which it wraps in a LibraryError.)
        return RetryableError(f"The connection to Facebook broke off while trying to {action}.", status=last_status)
    return PermanentError(f"Could not {action} on Facebook: {type(exc).__name__}: {scrub(str(exc))}")
