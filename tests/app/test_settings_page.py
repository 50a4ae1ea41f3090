"""The Settings screen: a database tested before it is saved, forced values greyed out, the language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import first_start, i18n
from app.changes import Changes
from app.context import AppContext
from app.qt import QApplication
from app.views.settings import LOCAL, TEAM, SettingsPage
from core import queries, settings
from core.services import accounts, posts
from core.store.opening import open_store

WAIT_MS = 15_000


def _page(qtbot: QtBot, ctx: AppContext) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT_MS)
    return page


def _team(page: SettingsPage, url: str) -> None:
    page.where.setCurrentIndex(TEAM)
    page.url_edit.setEnabled(True)
    page.url_edit.setText(url)


def test_a_url_with_a_password_is_refused_with_the_core_s_sentence(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    assert page.where.currentIndex() == LOCAL
    _team(page, "postgresql://press:hunter2secret@db.example.org/communique")
    page.save_database()
    qtbot.waitUntil(lambda: "password" in page.database_status.text(), timeout=WAIT_MS)
    assert "cannot be saved with a password in it" in page.database_status.text()
    assert "hunter2secret" not in page.database_status.text()
    assert settings.load().database_url is None and page.save_database_button.isEnabled()


def test_a_bad_database_is_refused_and_a_good_one_is_tested_then_saved(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    page = _page(qtbot, ctx)
    (tmp_path / "notes.txt").write_text("not a database")
    _team(page, f"sqlite:///{tmp_path / 'notes.txt'}")
    page.save_database()
    qtbot.waitUntil(lambda: "not a database" in page.database_status.text(), timeout=WAIT_MS)
    assert settings.load().database_url is None
    good = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    _team(page, good)
    with qtbot.waitSignal(ctx.hub.changed, timeout=WAIT_MS) as changed:
        page.save_database()
    assert changed.args is not None and changed.args[0] == Changes(settings=True)
    assert "answered" in page.database_status.text()
    assert settings.load().database_url == good and ctx.settings.database_url == good
    assert page.where.currentIndex() == TEAM and page.url_edit.text() == good
    page.where.setCurrentIndex(LOCAL)
    page.where.activated.emit(LOCAL)  # as a person choosing "This computer"
    qtbot.waitUntil(lambda: settings.load().database_url is None, timeout=WAIT_MS)


def test_a_value_forced_by_the_environment_is_greyed_out_with_its_variable(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_PUBLISH_IN_APP", "0")
    monkeypatch.setenv("COMMUNIQUE_DB", "postgresql://press:hunter2secret@db.example.org/communique")
    page = _page(qtbot, ctx)
    assert not page.publish_check.isEnabled() and not page.publish_check.isChecked()
    assert "COMMUNIQUE_PUBLISH_IN_APP" in page.publish_note.text()
    assert not page.url_edit.isEnabled() and not page.save_database_button.isEnabled()
    assert "COMMUNIQUE_DB" in page.database_note.text()
    assert "hunter2secret" not in page.url_edit.text() and "***" in page.url_edit.text()
    assert page.practice_check.isEnabled()


def test_publishing_and_practice_are_saved_for_the_next_start(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    assert page.publish_check.isChecked()
    page.publish_check.click()
    qtbot.waitUntil(lambda: settings.load().publish_in_app is False, timeout=WAIT_MS)
    assert "next" in page.publish_note.text()
    page.practice_check.click()
    qtbot.waitUntil(lambda: settings.load().practice is True, timeout=WAIT_MS)
    assert "next" in page.practice_note.text()


def test_the_interface_language_switches_at_once(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    app = QApplication.instance()
    assert app is not None
    index = page.language_combo.findData("vi")
    assert index > 0
    try:
        page.language_combo.setCurrentIndex(index)
        page.language_combo.activated.emit(index)
        # The switch follows the save, on the GUI thread: the file can be written a moment before it.
        qtbot.waitUntil(lambda: i18n.current_language(app) == "vi", timeout=WAIT_MS)
        assert settings.load().interface_language == "vi"
    finally:
        i18n.switch_language(app, "en")  # other tests read English


def test_practice_mode_chosen_in_the_welcome_is_not_reported_as_forced(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_PRACTICE", "1")
    assert not _page(qtbot, ctx).practice_check.isEnabled()  # the person's own environment decides
    monkeypatch.setattr(first_start, "_practice_chosen_here", True)  # the welcome set it for this process
    page = _page(qtbot, ctx)
    assert page.practice_check.isEnabled() and "COMMUNIQUE_PRACTICE" not in page.practice_note.text()


def test_moving_to_a_team_database_copies_this_computer_s_content_first(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    accounts.add_account(ctx.store, name="Embassy Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    posts.create_post(ctx.store, text="こんにちは", accounts=["Embassy Tokyo"])
    page = _page(qtbot, ctx)
    team = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    _team(page, team)
    page.copy_check.setEnabled(True)
    page.copy_check.setChecked(True)
    page.save_database()
    qtbot.waitUntil(lambda: "Copied and verified" in page.database_status.text(), timeout=WAIT_MS)
    assert settings.load().database_url == team and not page.copy_check.isChecked()
    copied = open_store(team)
    try:
        assert [a.name for a in queries.list_accounts(copied)] == ["Embassy Tokyo"]
        assert [p.text for p in queries.list_posts(copied)] == ["こんにちは"]
    finally:
        copied.dispose()


def test_a_refused_address_copies_nothing(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    accounts.add_account(ctx.store, name="Embassy Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    page = _page(qtbot, ctx)
    _team(page, f"postgresql://press:hunter2secret@127.0.0.1:1/{tmp_path.name}")
    page.copy_check.setEnabled(True)
    page.copy_check.setChecked(True)
    page.save_database()
    qtbot.waitUntil(lambda: "password" in page.database_status.text(), timeout=WAIT_MS)
    assert "hunter2secret" not in page.database_status.text() and settings.load().database_url is None
