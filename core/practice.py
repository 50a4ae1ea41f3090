"""Practice mode: staff train on the real app without anything reaching a real platform.

With ``COMMUNIQUE_PRACTICE=1``, ``communique --practice ...`` or ``practice = true`` in the
settings file (:mod:`core.settings`), every command, the worker and the app work on a separate
practice database in ``COMMUNIQUE_HOME``, and every account talks to the local platform
emulator instead of its platform, with practice tokens instead of its real credentials.
Nothing posted in practice can become public, and nothing in the practice database can be
mistaken for (or change) the real schedule.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
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

_lock = threading.Lock()
#: The settings file's flag as this process first read it, per settings file.
_from_file: dict[Path, bool] = {}


def enabled() -> bool:
    """Whether this process runs in practice mode.

    ``COMMUNIQUE_PRACTICE`` decides when it is set (1/0, true/false, yes/no, on/off; anything
    else is a :class:`ConfigurationError`); otherwise the settings file's ``practice`` flag does.
    The file's flag is read once per process (and data folder): a process must never change
    mode halfway, or a real store would be published to the emulator (or practice posts for real).
    """
    from core import settings  # settings live in paths.home(), and core.paths imports this module

    forced = settings.flag_from_environment(PRACTICE_ENV)
    if forced is not None:
        return forced
    file = settings.path()
    with _lock:
        decided = _from_file.get(file)
        if decided is None:
            decided = _from_file[file] = settings.load().practice
        return decided


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
