"""Fixtures: a live emulator on 127.0.0.1 and accounts pointed at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from connectors.base import MediaItem
from connectors.facebook import FacebookConnector
from connectors.sandbox import Sandbox
from connectors.x import XConnector
from tests.support.connector_accounts import fb_account, x_account


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
