"""Accounts of the connector tests: fake credentials, pointed at a running emulator."""

from __future__ import annotations

from connectors.base import AccountContext
from connectors.sandbox import Sandbox
from core.secrets import Secret

# Distinctive fake credentials, so a test can grep for them anywhere.
X_KEYS = {
    "api_key": "xkey-AAAA1111-fake",
    "api_secret": "xsecret-BBBB2222-fake",
    "access_token": "xtoken-CCCC3333-fake",
    "access_secret": "xtokensecret-DDDD4444-fake",
}
PAGE_ID = "100000000000002"
PAGE_TOKEN = "fbpage-EEEE5555-fake"


def x_account(sandbox: Sandbox, **overrides: str) -> AccountContext:
    """An X account with OAuth 1.0a keys, pointed at the sandbox."""
    keys = {**X_KEYS, **overrides}
    return AccountContext("Embassy X", "x", sandbox.base_url, None, {k: Secret(v) for k, v in keys.items()})


def fb_account(sandbox: Sandbox, token: str = PAGE_TOKEN) -> AccountContext:
    """A Facebook Page account pointed at the sandbox."""
    return AccountContext("Embassy Page", "facebook", sandbox.base_url, PAGE_ID, {"page_token": Secret(token)})
