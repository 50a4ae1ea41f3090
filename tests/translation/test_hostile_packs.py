"""Hostile language packs and downloads (issue 15, items 15-18): refused at install with one
sentence, skipped with a warning when copied in by hand, shown without terminal escapes."""

from __future__ import annotations

import json
import logging
import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.errors import UserError
from translation import index, packs
from translation.archive import MAX_METADATA_BYTES
from translation.argos import ArgosEngine

Install = Callable[..., list[packs.PackInfo]]
NESTED = b"[" * 20_000 + b"]" * 20_000  # 40 KB, under the size cap, yet past any parser's recursion limit


def _members(pack_file: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack_file) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def _with_metadata(tmp_path: Path, pack_file: Path, metadata: bytes, name: str = "hostile.argosmodel") -> Path:
    members = _members(pack_file)
    key = next(n for n in members if n.endswith("/metadata.json"))
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for member, data in (members | {key: metadata}).items():
            zf.writestr(member, data)
    return path


def _metadata(pack_file: Path) -> dict[str, object]:
    members = _members(pack_file)
    loaded: dict[str, object] = json.loads(next(d for n, d in members.items() if n.endswith("/metadata.json")))
    return loaded


def _copy_by_hand(install: Install, metadata: bytes) -> None:
    """A second pack folder copied into the packs folder by hand, with ``metadata``."""
    (vi_en,) = install("vi-en")
    stray = packs.packs_dir() / "translate-en_de"
    shutil.copytree(vi_en.path, stray)
    (stray / "metadata.json").write_bytes(metadata)


# --- 15. deeply nested metadata ---------------------------------------------------------------


@pytest.mark.parametrize(
    "metadata", [NESTED, json.dumps({"from_code": "en", "x": [[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]})]
)
def test_deeply_nested_metadata_is_refused_at_install(
    tmp_path: Path, pack_files: dict[str, Path], metadata: bytes | str
) -> None:
    raw = metadata if isinstance(metadata, bytes) else metadata.encode()
    with pytest.raises(UserError, match=r"is not a language pack: its metadata\.json is nested too deeply\.$"):
        packs.install_pack(_with_metadata(tmp_path, pack_files["en-vi"], raw))
    assert packs.list_packs() == []


def test_a_hand_copied_folder_with_nested_metadata_is_skipped_with_a_warning(
    install: Install, caplog: pytest.LogCaptureFixture
) -> None:
    _copy_by_hand(install, NESTED)
    with caplog.at_level(logging.WARNING, logger="translation.packs"):
        listed = [(p.from_code, p.to_code) for p in packs.list_packs()]
    assert listed == [("vi", "en")]
    assert "translate-en_de is skipped: its metadata.json is nested too deeply" in caplog.text
    assert ArgosEngine().translate_batch(["hôm nay."], "vi", "en")[0]  # translation still works


# --- 16. oversized metadata ---------------------------------------------------------------------


def test_an_oversized_metadata_is_refused_at_install_and_skipped_when_copied(
    tmp_path: Path, pack_files: dict[str, Path], install: Install, caplog: pytest.LogCaptureFixture
) -> None:
    padded = _metadata(pack_files["en-vi"]) | {"padding": " " * (MAX_METADATA_BYTES + 1)}
    raw = json.dumps(padded).encode()
    with pytest.raises(UserError, match=r"its metadata\.json is [\d,]+ bytes, more than the 64 KB"):
        packs.install_pack(_with_metadata(tmp_path, pack_files["en-vi"], raw))
    _copy_by_hand(install, raw)
    with caplog.at_level(logging.WARNING, logger="translation.packs"):
        assert [(p.from_code, p.to_code) for p in packs.list_packs()] == [("vi", "en")]
    assert "larger than 64 KB" in caplog.text


# --- 17. terminal escapes in what is shown ----------------------------------------------------


def test_control_characters_in_pack_metadata_are_not_shown(tmp_path: Path, pack_files: dict[str, Path]) -> None:
    hostile = _metadata(pack_files["en-vi"]) | {
        "to_name": "\x1b]0;owned\x07\x1b[31mViet\x1b[0mnamese\r",
        "package_version": "1.0\x1b[2J",
    }
    pack = packs.install_pack(_with_metadata(tmp_path, pack_files["en-vi"], json.dumps(hostile).encode()))
    for shown in (pack.to_name, pack.version, *(v for p in packs.list_packs() for v in (p.to_name, p.version))):
        assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in shown), repr(shown)
    assert "Viet" in pack.to_name and pack.version.startswith("1.0")


# --- 18. what is said: a device is no folder; a stall is no lost connection ------------------------


def test_a_device_is_not_called_a_folder() -> None:
    with pytest.raises(UserError, match=r"'/dev/null' is not a regular file") as caught:
        packs.install_pack("/dev/null")
    assert "folder" not in str(caught.value)


class _Stall:
    """A server that sends the headers of a large answer, then nothing."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/pack.argosmodel"
        self.done = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        conn, _ = self.listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nPK")
            self.done.wait(30)


@pytest.fixture
def stall() -> Iterator[_Stall]:
    server = _Stall()
    yield server
    server.done.set()
    server.listener.close()


def test_a_stall_after_the_headers_is_a_timeout_not_a_lost_connection(stall: _Stall) -> None:
    started = time.monotonic()
    with pytest.raises(index.StalledError, match=r"stopped: nothing arrived for 1 s after it began") as caught:
        index.download_pack([stall.url], timeout=1, max_seconds=60)
    assert "Cannot reach" not in str(caught.value) and "offline" not in str(caught.value)
    assert time.monotonic() - started < 10
    assert packs.list_packs() == []
