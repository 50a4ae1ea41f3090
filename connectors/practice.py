"""Practice mode for connectors: every account talks to the local emulator, with practice tokens.

:func:`practice_context` replaces an account's API base and credentials (see
:mod:`core.practice`); :func:`ensure_sandbox` makes sure an emulator answers there, starting one
in this process when none does, so the app, the worker and ``communique publish`` all work in
practice mode without a separate ``communique sandbox serve``.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from connectors.base import AccountContext
from core import platforms, practice
from core.domain import Account
from core.platforms import refused_credentials
from core.secrets import Secret

if TYPE_CHECKING:
    from connectors.sandbox import Sandbox

_lock = threading.Lock()
_running: dict[str, Sandbox] = {}


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def ensure_sandbox(url: str) -> None:
    """Start an emulator on ``url``'s port in this process unless one already answers there."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", int(parts.port or 80)
    with _lock:
        if url in _running or _answers(host, port):
            return
        try:
            # Practice posts are made by people typing: refuse identical text as the platforms do.
            # Imported here: the emulator (about 40 ms of modules) is loaded only when practice starts it.
            from connectors.sandbox import Sandbox

            _running[url] = Sandbox(host=host, port=port).start()
        except OSError:
            # Another process bound the port between the check and now: its emulator serves us.
            if not _answers(host, port):
                raise


def stop_sandboxes() -> None:
    """Stop the emulators this process started (tests, and the app when it quits)."""
    with _lock:
        for sandbox in _running.values():
            sandbox.stop()
        _running.clear()


def practice_fields(platform: str, fields: Sequence[str] | None = None) -> list[str]:
    """The credential fields a practice account fills with the practice token: every one its connector
    declares, except those it refuses (practice X accounts hold the four OAuth 1.0a keys)."""
    names = list(fields if fields is not None else platforms.spec(platform).credential_fields)
    refused = refused_credentials(platform)
    return [name for name in names if name not in refused]


def _practice_credentials(platform: str, fields: Sequence[str] | None) -> dict[str, Secret]:
    return {name: Secret(practice.PRACTICE_TOKEN) for name in practice_fields(platform, fields)}


def practice_context(account: Account, fields: Sequence[str] | None) -> AccountContext:
    """``account`` as practice mode sends it: to the emulator, never with its real credentials."""
    url = practice.sandbox_url()
    ensure_sandbox(url)
    return AccountContext(
        name=account.name,
        platform=account.platform,
        api_base=url,
        external_id=account.external_id,
        credentials=_practice_credentials(account.platform, fields),
    )
