"""The Language packs screen: install with progress, refuse corrupt or hostile files, say what is missing."""

from __future__ import annotations

import http.server
import json
import os
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from pytestqt.qtbot import QtBot

from app.changes import PACKS
from app.context import AppContext
from app.views.packs import PacksPage
from core.services import accounts
from core.store import Store
from tests.support.argos_packs import build_pack
from translation import packs
from translation.practice_packs import install_practice_packs

WAIT_MS = 15_000


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> PacksPage:
    shown = PacksPage(ctx)
    qtbot.addWidget(shown)
    return shown


class _IndexHandler(http.server.BaseHTTPRequestHandler):
    """An index with one pack; ``/slow.argosmodel`` trickles until the client goes away."""

    routes: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow.argosmodel":
            self.send_response(200)
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"x" * 4096)
                    time.sleep(0.05)
            except OSError:
                pass  # the download was cancelled
            return
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
def index_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A local index listing en -> vi (a real pack file) and en -> de (a download that never ends)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _IndexHandler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    entry = {"type": "translate", "from_name": "English", "package_version": "1.0"}
    entries = [
        {**entry, "from_code": "en", "to_code": "vi", "to_name": "Vietnamese", "links": [f"{base}/en_vi.argosmodel"]},
        {**entry, "from_code": "en", "to_code": "de", "to_name": "German", "links": [f"{base}/slow.argosmodel"]},
    ]
    _IndexHandler.routes = {
        "/index.json": json.dumps(entries).encode(),
        "/en_vi.argosmodel": build_pack(tmp_path, "en", "vi").read_bytes(),
    }
    monkeypatch.setenv("COMMUNIQUE_PACK_INDEX", f"{base}/index.json")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def _pairs(page: PacksPage) -> list[tuple[str, str]]:
    return [(p.from_code, p.to_code) for p in page.model.rows]


def test_a_good_pack_installs_with_the_progress_bar_reaching_the_end(
    qtbot: QtBot, page: PacksPage, tmp_path: Path
) -> None:
    page.install_file(str(build_pack(tmp_path, "en", "vi")))
    assert page.cancel_button.isEnabled() and not page.install_button.isEnabled()
    qtbot.waitUntil(lambda: _pairs(page) == [("en", "vi")], timeout=WAIT_MS)
    assert page.progress.maximum() == 1 and page.progress.value() == page.progress.maximum()
    assert page.status.text() == "Installed en -> vi (version 1.0)."
    assert page.install_button.isEnabled() and not page.cancel_button.isEnabled()
    model = page.model
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "en — English",
        "vi — Vietnamese",
        "1.0",
        "its own (MiniSBD)",
    ]


@pytest.mark.parametrize("kind", ["random bytes", "path traversal"])
def test_a_corrupt_or_hostile_pack_is_refused_and_the_list_stays_intact(
    qtbot: QtBot, page: PacksPage, tmp_path: Path, kind: str
) -> None:
    packs.install_pack(build_pack(tmp_path, "en", "vi"))
    page.refresh()
    qtbot.waitUntil(lambda: _pairs(page) == [("en", "vi")], timeout=WAIT_MS)
    bad = tmp_path / "bad.argosmodel"
    if kind == "random bytes":
        bad.write_bytes(os.urandom(4096))
        expected = "it is not a zip archive"
    else:
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("pack/metadata.json", "{}")
            archive.writestr("pack/../../escaped.txt", "owned")
        expected = "points outside the pack folder"
    page.install_file(str(bad))
    qtbot.waitUntil(lambda: page.running is None, timeout=WAIT_MS)
    assert expected in page.status.text() and page.progress.value() == 0
    assert _pairs(page) == [("en", "vi")]
    assert [(p.from_code, p.to_code) for p in packs.list_packs()] == [("en", "vi")]
    assert not list(tmp_path.parent.rglob("escaped.txt"))


def test_the_missing_packs_for_the_accounts_languages_are_named(
    qtbot: QtBot, page: PacksPage, store: Store, tmp_path: Path
) -> None:
    accounts.add_account(
        store, name="Hanoi", platform="facebook", language="vi", timezone="Asia/Ho_Chi_Minh", external_id="1"
    )
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    page.refresh()
    qtbot.waitUntil(lambda: bool(page.missing), timeout=WAIT_MS)
    text = page.missing_label.text()
    assert "No language pack for ja -> vi: install one, or ja -> en and en -> vi to go through English." in text
    assert "No language pack for vi -> ja" in text and "Install from file" in text
    install_practice_packs(["vi", "ja"])  # as another process would: the feed reports the change
    page.show()
    page.ctx.hub.changed.emit(PACKS, None)
    qtbot.waitUntil(lambda: len(page.model.rows) == 4, timeout=WAIT_MS)
    assert page.missing == [] and page.missing_label.isHidden()
    notes = {page.model.data(page.model.index(row, 4)) for row in range(4)}
    assert notes == {"Practice pack: its translations are gibberish"}


def test_download_says_it_needs_the_internet_and_fails_fast_offline(
    qtbot: QtBot, page: PacksPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "needs the internet" in page.download_note.text()
    monkeypatch.setenv("COMMUNIQUE_PACK_INDEX", "http://127.0.0.1:9/index.json")  # nothing listens there
    page.download_from.setText("en")
    page.download_to.setText("de")
    started = time.monotonic()
    page.download()
    qtbot.waitUntil(lambda: page.running is None, timeout=WAIT_MS)
    assert time.monotonic() - started < 10
    assert "index" in page.status.text().lower() and "Traceback" not in page.status.text()
    assert packs.list_packs() == []


def test_a_pack_can_be_removed(qtbot: QtBot, page: PacksPage, tmp_path: Path) -> None:
    packs.install_pack(build_pack(tmp_path, "en", "vi"))
    page.refresh()
    qtbot.waitUntil(lambda: bool(page.model.rows), timeout=WAIT_MS)
    page.confirm = lambda _question: True  # type: ignore[method-assign]
    page.table.selectRow(0)
    assert page.remove_button.isEnabled()
    page.remove_selected()
    qtbot.waitUntil(lambda: page.model.rows == [], timeout=WAIT_MS)
    assert packs.list_packs() == [] and page.status.text() == "Removed en -> vi."


def test_a_download_installs_with_progress_and_a_slow_one_can_be_cancelled(
    qtbot: QtBot, page: PacksPage, index_server: str
) -> None:
    page.download_from.setText("en")
    page.download_to.setText("vi")
    page.download()
    qtbot.waitUntil(lambda: _pairs(page) == [("en", "vi")], timeout=WAIT_MS)
    assert page.status.text() == "Installed en -> vi (version 1.0)." and page.progress.value() == 1
    page.download_to.setText("de")
    page.download()
    qtbot.waitUntil(lambda: page.progress.maximum() > 1 and page.progress.value() > 0, timeout=WAIT_MS)
    assert page.cancel_button.isEnabled()
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.running is None, timeout=WAIT_MS)
    assert "ancel" in page.status.text() and _pairs(page) == [("en", "vi")]
