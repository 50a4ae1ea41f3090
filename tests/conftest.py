"""Suite-wide fixtures: every test gets its own data folder, database and keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

# Qt must know before it starts that there is no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.store import Store, open_store  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``COMMUNIQUE_HOME`` (and XDG folders) per test; no shared state leaks in."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("COMMUNIQUE_HOME", str(home))
    monkeypatch.delenv("COMMUNIQUE_DB", raising=False)
    monkeypatch.setenv("COMMUNIQUE_USER", "tester")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    for variable in [v for v in os.environ if v.startswith(("COMMUNIQUE_X_", "COMMUNIQUE_FB_"))]:
        monkeypatch.delenv(variable)
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring in place of the OS one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def store(isolated_home: Path) -> Iterator[Store]:
    """A migrated SQLite store in the test's data folder."""
    opened = open_store()
    yield opened
    opened.dispose()
