"""The desktop app: the main window shows the store, and ``communique`` alone opens it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.main_window import MainWindow
from core.services import accounts, posts
from core.store import Store
from tests.support.cli import SCRIPT

ROOT = Path(__file__).resolve().parents[2]


def test_main_window_lists_posts_with_each_variants_status(qtbot: QtBot, store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.add_account(
        store, name="Hanoi", platform="facebook", language="vi", timezone="Asia/Ho_Chi_Minh", external_id="1"
    )
    posts.create_post(store, text="Xin chào", accounts=["Hanoi"])
    posts.create_post(
        store, text="こんにちは", accounts=["Tokyo"], at=datetime(2099, 1, 1, 9), now=datetime(2026, 1, 1, tzinfo=UTC)
    )
    window = MainWindow(store)
    qtbot.addWidget(window)
    model = window.posts_model
    assert model.rowCount() == 2
    texts = [model.item(row, 2).text() for row in range(2)]
    statuses = [model.item(row, 3).text() for row in range(2)]
    assert texts == ["こんにちは", "Xin chào"]
    assert statuses == ["Tokyo: scheduled", "Hanoi: draft"]
    assert "2 post(s), 2 account(s)" in window.summary.text()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Posts", "&Accounts", "&Help"]


def test_practice_mode_cannot_be_mistaken_for_the_real_thing(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = MainWindow(store)
    qtbot.addWidget(real)
    assert real.windowTitle() == "Communiqué" and real.practice_banner.isHidden()
    monkeypatch.setenv("COMMUNIQUE_PRACTICE", "1")
    training = MainWindow(store)
    qtbot.addWidget(training)
    assert "PRACTICE" in training.windowTitle()
    assert not training.practice_banner.isHidden() and "nothing is published" in training.practice_banner.text()


def test_refresh_shows_posts_created_elsewhere(qtbot: QtBot, store: Store) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.posts_model.rowCount() == 0
    posts.create_post(store, text="新しい投稿", accounts=["Tokyo"])  # e.g. from the CLI
    window.refresh_action.trigger()
    assert window.posts_model.rowCount() == 1


def test_running_without_arguments_opens_the_window(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = {
        **os.environ,
        "COMMUNIQUE_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "COMMUNIQUE_QUIT_AFTER_MS": "300",
        "COMMUNIQUE_SCREENSHOT": str(shot),
    }
    # The installed console script, as `make run` starts it.
    result = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "home" / "communique.sqlite3").exists()


def test_without_a_display_the_app_says_so_instead_of_aborting(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    env["COMMUNIQUE_HOME"] = str(tmp_path / "home")
    result = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("communique: There is no display") and result.stderr.count("\n") == 1
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr


def test_an_unusable_database_stops_the_app_with_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a database")
    env = {
        **os.environ,
        "COMMUNIQUE_HOME": str(tmp_path / "home"),
        "COMMUNIQUE_DB": f"sqlite:///{tmp_path / 'notes.txt'}",
        "QT_QPA_PLATFORM": "offscreen",
        "COMMUNIQUE_QUIT_AFTER_MS": "300",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 2
    assert "file is not a database" in result.stderr
    assert "Traceback" not in result.stderr
