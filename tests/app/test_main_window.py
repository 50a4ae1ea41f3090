"""The desktop app's shell: the screens, the practice banner, errors, notices, and ``communique`` alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import i18n
from app.changes import POSTS
from app.main_window import SCREENS, MainWindow
from app.qt import QApplication
from app.views import PAGES
from core.errors import UserError
from core.store import Store
from tests.support.cli import SCRIPT

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store, watch=False)
    qtbot.addWidget(window)
    return window


def test_the_sidebar_lists_every_screen_and_ctrl_numbers_open_them(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    keys = [page.key for page in PAGES]
    assert keys == ["compose", "queue", "calendar", "engagement", "accounts", "packs", "settings", "audit", "feedback"]
    titles = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert titles == [
        "Compose",
        "Queue",
        "Calendar",
        "Engagement",
        "Accounts",
        "Language packs",
        "Settings",
        "Audit",
        "Feedback",
    ]
    for number, key in enumerate(keys, start=1):
        action = window.go_actions[key]
        assert action.shortcut().toString() == f"Ctrl+{number}"
        action.trigger()
        assert window.current_page().key == key


def test_practice_mode_cannot_be_mistaken_for_the_real_thing(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _window(qtbot, store)
    assert real.windowTitle() == "Communiqué" and real.practice_banner.isHidden()
    monkeypatch.setenv("COMMUNIQUE_PRACTICE", "1")
    training = _window(qtbot, store)
    assert "PRACTICE" in training.windowTitle()
    assert not training.practice_banner.isHidden() and "nothing is published" in training.practice_banner.text()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_shell_lists_the_screens_as_the_pages_name_them(
    qtbot: QtBot, store: Store, qapp: QApplication, language: str
) -> None:
    """The window painted at start, before the screens exist, names them as they will name themselves."""
    i18n.switch_language(qapp, language)
    try:
        shell = MainWindow()
        qtbot.addWidget(shell)
        named = [shell.sidebar.item(row).text() for row in range(shell.sidebar.count())]
        assert [key for key, _context, _title in SCREENS] == [page.key for page in PAGES]
        assert named == [page.title() for page in _window(qtbot, store).pages.values()]
    finally:
        i18n.switch_language(qapp, "en")


def test_the_shell_says_it_is_opening_the_database_then_opens_on_compose(qtbot: QtBot, store: Store) -> None:
    shell = MainWindow()
    qtbot.addWidget(shell)
    assert not shell.opened and shell.windowTitle() == "Communiqué"
    assert shell.statusBar().currentMessage() == "Opening the database…"
    assert not shell.refresh_action.isEnabled() and not shell.go_actions["queue"].isEnabled()
    shell.open(store, watch=False)
    assert shell.opened and shell.current_page().key == "compose" and not shell.current_page().stale
    assert shell.statusBar().currentMessage() == "Ready" and store.url in shell.database_label.text()
    shell.go_actions["queue"].trigger()
    assert shell.current_page().key == "queue"


def test_the_window_is_painted_before_the_database_and_the_cli_are_loaded() -> None:
    """What the start paints first needs Qt and the settings only (bench/gui.py times it)."""
    code = (
        "import sys, main, app.main, app.main_window\n"
        "heavy = ('sqlalchemy', 'alembic', 'cli', 'scheduler', 'connectors', 'translation', 'app.views')\n"
        "print(sorted({m for m in sys.modules for h in heavy if m == h or m.startswith(h + '.')}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_failed_operation_shows_its_sentence_and_blocks_nothing(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    window.show()

    def refuse(_progress: object) -> None:
        raise UserError("The post text is empty; write something to publish.")

    window.ctx.op(refuse, changes=POSTS).run()
    qtbot.waitUntil(window.error_bar.isVisible, timeout=10_000)  # other pages' loads may finish first
    assert window.error_text.text() == "The post text is empty; write something to publish."


def test_an_unexpected_error_is_a_sentence_not_a_traceback(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    window.show()

    def crash(_progress: object) -> None:
        raise KeyError("internal")

    window.ctx.op(crash).run()
    qtbot.waitUntil(window.error_bar.isVisible, timeout=10_000)
    assert window.error_text.text() == "Something went wrong (KeyError); the details are in the log."


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
