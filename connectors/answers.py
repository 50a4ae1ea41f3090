"""Messages for platform answers that are not what the call expects.

A redirect, an error inside a success answer, a body without the id asked for: the platform may
have acted all the same, so each is an *unknown outcome* (a :class:`~connectors.base.RetryableError`,
which makes the publisher look the post up before anything is sent again), and each message says
in one sentence what came back, never a traceback or a secret.
"""

from __future__ import annotations

import json
import re
from typing import Any

from connectors._http import RedirectRefusedError, scrub

#: The longest piece of an answer quoted in a message.
QUOTE_LIMIT = 120
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean(text: str) -> str:
    """``text`` on one line, without control characters (a terminal escape cannot reach a screen)."""
    return _CONTROLS.sub(" ", text).strip()


def quote(value: Any) -> str:
    """A short, scrubbed rendering of an answer body (or a part of it) for a message."""
    try:
        rendered = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        rendered = repr(value)
    rendered = clean(scrub(rendered))
    return rendered if len(rendered) <= QUOTE_LIMIT else rendered[: QUOTE_LIMIT - 1] + "…"


def redirect_message(platform: str, action: str, exc: RedirectRefusedError) -> str:
    """A redirect refused: where it pointed (the host only), and that the outcome is unknown."""
    where = f" to {exc.target_host}" if exc.target_host else ""
    return (
        f"{platform} answered with a redirect ({exc.status}){where} while trying to {action}; redirects are not "
        "followed, so whether it acted is unknown."
    )


def error_in_success(platform: str, action: str, status: int, said: str) -> str:
    """An error body that came with a 2xx status."""
    detail = f" ({said})" if said else ""
    return (
        f"{platform} answered {status} with an error{detail} while trying to {action}, so whether it acted is unknown."
    )


def missing_id(platform: str, action: str, body: Any) -> str:
    """A success answer without the id the call needs."""
    return (
        f"{platform} answered the request to {action} without an id (it sent {quote(body)}), "
        "so whether it acted is unknown."
    )
