"""Tiny real language packs, built once per test session (see tests/support/argos_packs.py)."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.argos_packs import build_pack
from tests.support.engines import CountingEngine
from translation import packs

#: Pairs built for the session: pivots through English, a direct pair, a pack without a splitter.
PAIRS = [("vi", "en"), ("en", "vi"), ("en", "ja"), ("en", "de"), ("en", "hi"), ("en", "uk"), ("ja", "en")]

NAMES = {"en": "English", "vi": "Vietnamese", "ja": "Japanese", "de": "German", "hi": "Hindi", "uk": "Ukrainian"}


@pytest.fixture(scope="session")
def pack_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``.argosmodel`` files keyed ``"vi-en"``; plus ``"en-vi@2"`` (a new version) and
    ``"en-fr-nosplit"`` (a pack without a MiniSBD splitter)."""
    out = tmp_path_factory.mktemp("packs")
    files = {f"{a}-{b}": build_pack(out, a, b, from_name=NAMES.get(a), to_name=NAMES.get(b)) for a, b in PAIRS}
    files["en-vi@2"] = build_pack(out, "en", "vi", version="2.0", from_name="English", to_name="Vietnamese")
    files["en-fr-nosplit"] = build_pack(out, "en", "fr", splitter=False)
    return files


@pytest.fixture
def install(pack_files: dict[str, Path]) -> Callable[..., list[packs.PackInfo]]:
    """Install packs by key into the test's data folder."""

    def _install(*keys: str) -> list[packs.PackInfo]:
        return [packs.install_pack(pack_files[key]) for key in keys]

    return _install


@pytest.fixture
def counting_engine() -> CountingEngine:
    """A fresh :class:`CountingEngine`."""
    return CountingEngine()


class SocketUsedError(AssertionError):
    """Raised by the patched socket functions."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Make any outgoing connection fail loudly (and remember that one was tried)."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise SocketUsedError(f"network used: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
