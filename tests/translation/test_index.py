"""The Argos index: a bounded look-up offline, downloads with progress and cancel (real HTTP)."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from core.errors import UserError
from translation import index, packs


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.routes.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(pack_files: dict[str, Path]) -> Iterator[str]:
    """A local HTTP server with an index listing one pack (the en -> vi pack file)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    entries = [
        {
            "type": "translate",
            "from_code": "en",
            "to_code": "vi",
            "from_name": "English",
            "to_name": "Vietnamese",
            "package_version": "1.0",
            "links": [f"{base}/missing.argosmodel", f"{base}/en_vi.argosmodel"],
        },
        {"type": "sbd", "from_code": "en"},
    ]
    _Handler.routes = {
        "/index.json": json.dumps(entries).encode(),
        "/en_vi.argosmodel": pack_files["en-vi"].read_bytes(),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_offline_lookup_fails_fast_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(index.INDEX_URL_ENV, f"http://127.0.0.1:{_closed_port()}/index.json")
    started = time.monotonic()
    with pytest.raises(UserError, match=r"Cannot reach the language pack index .* offline") as caught:
        index.fetch_index()
    # Argos's own look-up retries for about 34 s before a RecursionError; a refused connection
    # ends this one at once. The bound leaves room for a loaded machine.
    assert time.monotonic() - started < 10
    assert "communique lang install" in str(caught.value)


@pytest.fixture
def slow_resolver(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Name look-ups hang for 60 s (a DNS server that never answers), then fail.

    Connection timeouts do not cover getaddrinfo; only the look-up's own deadline can.
    """
    released = threading.Event()

    def hanging_getaddrinfo(*_args: object, **_kwargs: object) -> list[object]:
        released.wait(60)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", hanging_getaddrinfo)
    yield
    released.set()  # the abandoned look-up threads end now rather than in a minute


@pytest.mark.usefixtures("slow_resolver")
def test_a_slow_resolver_cannot_hold_up_the_lookup() -> None:
    started = time.monotonic()
    with pytest.raises(UserError, match=r"Cannot reach the language pack index at packs\.example\.org .* offline"):
        index.fetch_index("http://packs.example.org/index.json", timeout=1)
    assert time.monotonic() - started < 10  # the resolver alone would take 60 s


@pytest.mark.usefixtures("slow_resolver")
def test_a_slow_resolver_cannot_hold_up_a_download() -> None:
    started = time.monotonic()
    with pytest.raises(UserError, match="Cannot reach"):
        index.download_pack(["http://packs.example.org/en_vi.argosmodel"], timeout=1, max_seconds=30)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(index.DownloadCancelledError):  # Cancel works while the name is looked up
        index.download_pack(["http://packs.example.org/en_vi.argosmodel"], timeout=30, cancel=cancel)
    assert time.monotonic() - started < 15
    assert packs.list_packs() == []


def test_a_silent_server_is_bounded_by_the_timeout() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()  # accepts connections, never answers
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/index.json"
        with pytest.raises(UserError, match="Cannot reach"):
            index.fetch_index(url, timeout=0.5)


def test_only_http_addresses_are_fetched() -> None:
    with pytest.raises(UserError, match="only http and https"):
        index.fetch_index("file:///etc/passwd")


def test_index_lists_translation_packs(server: str) -> None:
    found = index.fetch_index(f"{server}/index.json")
    assert [(p.from_code, p.to_code, p.to_name, p.version) for p in found] == [("en", "vi", "Vietnamese", "1.0")]


def test_download_installs_with_progress(server: str, pack_files: dict[str, Path]) -> None:
    (available,) = index.fetch_index(f"{server}/index.json")
    seen: list[tuple[int, int | None]] = []
    pack = index.download_pack(available, progress=lambda done, total: seen.append((done, total)))
    assert (pack.from_code, pack.to_code) == ("en", "vi")
    assert [(p.from_code, p.to_code) for p in packs.list_packs()] == [("en", "vi")]
    size = pack_files["en-vi"].stat().st_size
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert list(packs.staging_dir().iterdir()) == []


def test_cancelled_download_installs_nothing(server: str) -> None:
    (available,) = index.fetch_index(f"{server}/index.json")
    cancel = threading.Event()

    def progress(done: int, total: int | None) -> None:
        if done:
            cancel.set()  # the user presses Cancel after the first chunk

    with pytest.raises(index.DownloadCancelledError, match="cancelled"):
        index.download_pack(available, progress=progress, cancel=cancel)
    assert packs.list_packs() == []
    assert list(packs.staging_dir().iterdir()) == []


def test_unreachable_download_is_reported(server: str) -> None:
    with pytest.raises(UserError, match="Cannot reach"):
        index.download_pack([f"http://127.0.0.1:{_closed_port()}/x.argosmodel"], timeout=2)
    assert packs.list_packs() == []


class _Trickle:
    """A raw HTTP server that announces a large body, then sends it one byte at a time, forever."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/slow"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n[")
                while not self.stop.wait(0.01):
                    conn.sendall(b" ")
            except OSError:
                pass  # the client gave up: what the tests want

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        self.listener.close()


@pytest.fixture
def trickle() -> Iterator[_Trickle]:
    """A server that never finishes but never goes quiet long enough for a socket timeout."""
    server = _Trickle()
    yield server
    server.close()


def test_a_trickling_index_is_bounded_by_the_overall_timeout(trickle: _Trickle) -> None:
    # Each byte arrives well within the socket timeout; only an overall deadline ends this.
    with pytest.raises(index.DeadlineError, match="did not arrive within 1 s"):
        index.fetch_index(trickle.url, timeout=1.0)


def test_a_trickling_download_is_bounded_and_installs_nothing(trickle: _Trickle) -> None:
    with pytest.raises(index.DeadlineError, match="took longer than 1 s"):
        index.download_pack([trickle.url], timeout=5, max_seconds=1)
    assert packs.list_packs() == []
    assert not packs.staging_dir().exists() or list(packs.staging_dir().iterdir()) == []


def test_cancel_takes_effect_during_a_trickling_download(trickle: _Trickle) -> None:
    cancel = threading.Event()
    received: list[int] = []

    def progress(done: int, total: int | None) -> None:
        received.append(done)
        if done >= 10:
            cancel.set()

    with pytest.raises(index.DownloadCancelledError):
        index.download_pack([trickle.url], progress=progress, cancel=cancel, timeout=5, max_seconds=600)
    assert received[-1] < 1000  # stopped after a few bytes, not after a 256 KiB read
    assert packs.list_packs() == []


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf")])
def test_timeouts_must_be_finite_and_positive(bad: float) -> None:
    with pytest.raises(UserError, match="number of seconds above zero"):
        index.fetch_index("http://127.0.0.1:9/index.json", timeout=bad)
    with pytest.raises(UserError, match="number of seconds above zero"):
        index.download_pack(["http://127.0.0.1:9/x.argosmodel"], timeout=bad)


def test_an_invalid_address_is_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(index.INDEX_URL_ENV, "http://[::1")
    with pytest.raises(UserError, match=r"'http://\[::1' is not a valid web address"):
        index.fetch_index()


def _serve_links(server: str, routes: dict[str, bytes], pair: tuple[str, str]) -> index.AvailablePack:
    _Handler.routes = _Handler.routes | routes
    return index.AvailablePack(pair[0], pair[0], pair[1], pair[1], "1.0", tuple(f"{server}{r}" for r in routes))


def test_a_link_serving_something_else_is_skipped_for_the_next(server: str, pack_files: dict[str, Path]) -> None:
    listed = _serve_links(
        server,
        {
            "/error-page.argosmodel": b"<html>rate limited</html>",
            "/mirror.argosmodel": pack_files["en-vi"].read_bytes(),
        },
        ("en", "vi"),
    )
    pack = index.download_pack(listed)
    assert (pack.from_code, pack.to_code) == ("en", "vi")


def test_a_download_of_another_pair_is_refused(server: str, pack_files: dict[str, Path]) -> None:
    packs.install_pack(pack_files["vi-en"])
    listed = _serve_links(server, {"/en_ja.argosmodel": pack_files["en-vi"].read_bytes()}, ("en", "ja"))
    with pytest.raises(UserError, match="is a pack from en to vi, not the en -> ja pack asked for"):
        index.download_pack(listed)
    assert [(p.from_code, p.to_code) for p in packs.list_packs()] == [("vi", "en")]


def test_a_pair_is_found_in_the_index_downloaded_and_installed(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(index.INDEX_URL_ENV, f"{server}/index.json")
    with pytest.raises(UserError, match="The index has no pack from en to ja"):
        index.download_pair("en", "ja")
    assert packs.list_packs() == []

    pack = index.download_pair("EN", "vi")

    assert (pack.from_code, pack.to_code) == ("en", "vi")
    assert [(p.from_code, p.to_code) for p in packs.list_packs()] == [("en", "vi")]
