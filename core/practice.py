"""Practice mode: staff train on the real app without anything reaching a real platform.

With ``COMMUNIQUE_PRACTICE=1`` (or ``communique --practice ...``) every command, the worker and
the app work on a separate practice database in ``COMMUNIQUE_HOME``, and every account talks to
the local platform emulator instead of its platform, with practice tokens instead of its real
credentials. Nothing posted in practice can become public, and nothing in the practice database
can be mistaken for (or change) the real schedule.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from core.errors import ConfigurationError

PRACTICE_ENV = "COMMUNIQUE_PRACTICE"
#: Where the emulator answers in practice mode; it must be on this machine.
PRACTICE_URL_ENV = "COMMUNIQUE_PRACTICE_URL"
DEFAULT_URL = "http://127.0.0.1:8765"
#: What connectors receive as every credential field in practice mode. Tokens are redacted from
#: every message, so this must be a string no post or error would otherwise contain.
PRACTICE_TOKEN = "communique-practice-token"

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def enabled() -> bool:
    """Whether this process runs in practice mode."""
    return os.environ.get(PRACTICE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def enable() -> None:
    """Turn practice mode on for this process and the processes it starts."""
    os.environ[PRACTICE_ENV] = "1"


def sandbox_url() -> str:
    """The emulator's base URL; a :class:`ConfigurationError` unless it is a loopback address."""
    url = os.environ.get(PRACTICE_URL_ENV, "").strip() or DEFAULT_URL
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        parts, port = None, None
    # A practice URL elsewhere would send practice posts (and tokens) off the machine.
    if parts is None or parts.scheme != "http" or parts.hostname not in _LOOPBACK or port is None:
        raise ConfigurationError(
            f"{PRACTICE_URL_ENV} must be http://127.0.0.1:PORT (practice never leaves this machine), not {url!r}."
        )
    return url.rstrip("/")
