"""Pack changes made by another process: the stamp changes, and this process lists the new packs."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from translation import pack_stamp, packs
from translation.argos import ArgosEngine

ROOT = Path(__file__).resolve().parents[2]
INSTALL = "import sys; from translation import packs; packs.install_pack(sys.argv[1])"
REMOVE = "import sys; from translation import packs; packs.remove_pack(sys.argv[1], sys.argv[2])"


def _in_another_process(code: str, *args: str) -> None:
    """Run ``code`` in a fresh interpreter on this test's data folder (COMMUNIQUE_HOME is inherited)."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr


def _pairs() -> list[tuple[str, str]]:
    return [(p.from_code, p.to_code) for p in packs.list_packs()]


def _as_if_untouched(folder: Path, mtime_ns: int) -> None:
    """Put the folder's modification time back: two changes within one tick of a coarse clock
    look like this, and then only the stamp can tell this process that the listing is stale."""
    os.utime(folder, ns=(mtime_ns, mtime_ns))


def test_a_pack_installed_by_another_process_is_seen_here(pack_files: dict[str, Path]) -> None:
    folder = packs.packs_dir()
    assert _pairs() == []  # listed, and so cached, in this process
    untouched = packs.generation()
    mtime = folder.stat().st_mtime_ns

    _in_another_process(INSTALL, str(pack_files["vi-en"]))

    installed = packs.generation()
    assert installed != untouched
    _as_if_untouched(folder, mtime)
    assert _pairs() == [("vi", "en")]
    assert ArgosEngine().translate_batch(["hôm nay bộ ngoại giao."], "vi", "en")[0]

    mtime = folder.stat().st_mtime_ns
    _in_another_process(REMOVE, "vi", "en")

    assert packs.generation() not in (untouched, installed)
    _as_if_untouched(folder, mtime)
    assert _pairs() == []


def test_changes_in_this_process_change_the_stamp_and_call_back(
    install: Callable[..., list[packs.PackInfo]], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(packs, "_listeners", [*packs._listeners, lambda: calls.append(packs.generation())])
    assert packs.generation() == pack_stamp.NEVER
    install("en-vi")
    packs.remove_pack("en", "vi")
    assert len(calls) == 2 and len({pack_stamp.NEVER, *calls}) == 3
    assert [int(stamp.split("-")[0]) for stamp in calls] == [1, 2]
    assert [p.name for p in packs.packs_dir().iterdir()] == [pack_stamp.FILE_NAME]  # no temporary file left


def test_two_processes_bumping_from_the_same_stamp_still_differ(tmp_path: Path) -> None:
    pack_stamp.bump(tmp_path)
    seen = pack_stamp.read(tmp_path)
    first = pack_stamp.bump(tmp_path)
    (tmp_path / pack_stamp.FILE_NAME).write_text(seen, encoding="ascii")  # the other one read `seen` too
    second = pack_stamp.bump(tmp_path)
    assert first != second and first.split("-")[0] == second.split("-")[0] == "2"


def test_a_stamp_that_cannot_be_written_does_not_fail_the_install(
    install: Callable[..., list[packs.PackInfo]], caplog: pytest.LogCaptureFixture
) -> None:
    (packs.packs_dir() / pack_stamp.FILE_NAME).mkdir()  # in the way: the stamp can be neither read nor replaced
    with caplog.at_level(logging.WARNING, logger="translation.packs"):
        install("en-vi")
    assert _pairs() == [("en", "vi")]
    assert "change stamp" in caplog.text
    assert packs.generation() == "unreadable"
