"""Fixtures: a live emulator on 127.0.0.1 and accounts pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from connectors.base import AccountContext, MediaItem
from connectors.facebook import FacebookConnector, forget_refused_metrics
from connectors.sandbox import Sandbox
from connectors.x import XConnector
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


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A running emulator, stopped after the test."""
    with Sandbox(seed=7) as running:
        yield running
    # A later emulator may get the same port: it must not inherit the metrics this one retired.
    forget_refused_metrics()


def x_account(sandbox: Sandbox, **overrides: str) -> AccountContext:
    """An X account with OAuth 1.0a keys, pointed at the sandbox."""
    keys = {**X_KEYS, **overrides}
    return AccountContext("Embassy X", "x", sandbox.base_url, None, {k: Secret(v) for k, v in keys.items()})


def fb_account(sandbox: Sandbox, token: str = PAGE_TOKEN) -> AccountContext:
    """A Facebook Page account pointed at the sandbox."""
    return AccountContext("Embassy Page", "facebook", sandbox.base_url, PAGE_ID, {"page_token": Secret(token)})


@pytest.fixture
def x(sandbox: Sandbox) -> XConnector:
    """An X connector bound to the sandbox (short timeout for the timeout tests)."""
    return XConnector(x_account(sandbox), timeout=5)


@pytest.fixture
def fb(sandbox: Sandbox) -> FacebookConnector:
    """A Facebook connector bound to the sandbox."""
    return FacebookConnector(fb_account(sandbox), timeout=5)


@pytest.fixture
def png(tmp_path: Path) -> MediaItem:
    """A small PNG image with alt text."""
    path = tmp_path / "flag.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return MediaItem(str(path), "image/png", path.stat().st_size, alt_text="The national flag")


@pytest.fixture
def jpeg(tmp_path: Path) -> MediaItem:
    """A small JPEG image without alt text."""
    path = tmp_path / "visit.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    return MediaItem(str(path), "image/jpeg", path.stat().st_size)
