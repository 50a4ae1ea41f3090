"""The first start: a practice workspace that translates and publishes at once, or real accounts."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import first_start
from app.first_start import WelcomeDialog, needs_welcome
from connectors.sandbox import Sandbox
from connectors.services import verify_account
from core import practice, queries, settings, timeutil
from core.domain import VariantStatus
from core.queries import engagement
from core.services import accounts, posts
from core.store import Store, open_store
from scheduler.connections import ConnectorPool, default_factory
from scheduler.events import EventBus
from scheduler.poller import Poller
from scheduler.services import publish_now
from tests.support.argos_packs import build_pack
from translation import packs
from translation.practice_packs import is_practice
from translation.service import TranslationService

WAIT_MS = 60_000


@pytest.fixture
def practice_off(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> None:
    """Not in practice mode yet; the mode the welcome turns on is undone after the test."""
    monkeypatch.setenv(practice.PRACTICE_ENV, "")  # empty: unset for the app, restored by monkeypatch
    monkeypatch.setenv(practice.PRACTICE_URL_ENV, sandbox.base_url)  # never the shared default port
    monkeypatch.setattr(first_start, "_practice_chosen_here", False)


def _welcome(qtbot: QtBot, store: Store) -> WelcomeDialog:
    dialog = WelcomeDialog(store)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.packs_text.text()), timeout=WAIT_MS)
    return dialog


@pytest.mark.usefixtures("practice_off")
def test_the_practice_workspace_has_accounts_packs_and_translates_through_them(qtbot: QtBot, store: Store) -> None:
    assert needs_welcome(store)
    dialog = _welcome(qtbot, store)
    assert "No language pack is installed yet" in dialog.packs_text.text()
    dialog.practice_button.click()
    assert dialog.busy and not dialog.later_button.isEnabled()
    dialog.reject()  # closing while it works does nothing: the workspace is finished, not cut off
    qtbot.waitUntil(lambda: dialog.workspace is not None, timeout=WAIT_MS)
    workspace = dialog.store
    try:
        assert practice.enabled() and settings.load().practice is True
        assert workspace is not store and workspace.url.endswith("practice.sqlite3")
        assert not dialog.open_button.isHidden() and dialog.progress.value() == dialog.progress.maximum()
        assert "Ready: 4 practice accounts and 6 practice language packs." in dialog.status.text()
        made = queries.list_accounts(workspace)
        assert {(a.platform, a.language, a.timezone) for a in made} == {
            ("facebook", "vi", "Asia/Ho_Chi_Minh"),
            ("x", "en", "Europe/London"),
            ("x", "ja", "Asia/Tokyo"),
            ("x", "uk", "Europe/Kyiv"),
        }
        installed = packs.list_packs()
        assert len(installed) == 6 and all(is_practice(p) for p in installed)
        results = TranslationService(workspace).translate("Chào mừng đại sứ quán hôm nay.", "vi", ["ja", "uk", "en"])
        assert [r.path for r in results] == [("vi", "en", "ja"), ("vi", "en", "uk"), ("vi", "en")]
        assert all(r.text.strip() for r in results)
        # Every practice account talks to the emulator with practice tokens: no credentials needed.
        assert verify_account(workspace, "Practice X (ja)").identity.name.startswith("Sandbox user")
        assert verify_account(workspace, "Practice Page (vi)").identity.remote_id
        assert first_start.practice_chosen_here()
        assert "en -> ja" in dialog.packs_text.text() and dialog.real_text.isHidden()
        dialog.open_button.click()
        assert dialog.result() == WelcomeDialog.DialogCode.Accepted and dialog.start_page is None
    finally:
        workspace.dispose()


@pytest.mark.usefixtures("practice_off")
def test_real_packs_are_kept_and_real_accounts_open_accounts(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    packs.install_pack(build_pack(tmp_path, "en", "vi"))
    dialog = _welcome(qtbot, store)
    assert dialog.packs_text.text() == "Language packs installed: en -> vi."
    dialog.real_button.click()
    assert dialog.start_page == "accounts" and dialog.store is store
    assert not practice.enabled() and os.environ.get(practice.PRACTICE_ENV) == ""


@pytest.mark.usefixtures("practice_off")
def test_a_workspace_that_cannot_be_made_leaves_the_mode_as_it_was(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.errors import UserError

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise UserError("The disk is full.")

    monkeypatch.setattr("app.first_start.install_practice_packs", broken)
    dialog = _welcome(qtbot, store)
    dialog.practice_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.status.text() == "The disk is full." and dialog.store is store
    assert not practice.enabled() and settings.load().practice is False
    assert dialog.practice_button.isEnabled()


def test_practice_forced_off_by_the_environment_is_said(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(practice.PRACTICE_ENV, "0")
    dialog = _welcome(qtbot, store)
    assert not dialog.practice_button.isEnabled() and practice.PRACTICE_ENV in dialog.practice_text.text()


def test_a_store_with_an_account_gets_no_welcome(store: Store) -> None:
    accounts.add_account(store, name="London", platform="x", language="en", timezone="Europe/London")
    assert not needs_welcome(store)


@pytest.mark.usefixtures("practice_off")
def test_a_practice_post_is_published_on_the_emulator_and_its_engagement_read(
    qtbot: QtBot, store: Store, sandbox: Sandbox
) -> None:
    dialog = _welcome(qtbot, store)
    dialog.practice_button.click()
    qtbot.waitUntil(lambda: dialog.workspace is not None, timeout=WAIT_MS)
    workspace = dialog.store
    try:
        (result,) = TranslationService(workspace).translate("Chào mừng đại sứ quán hôm nay.", "vi", ["ja"])
        post = posts.create_post(workspace, text=result.text, accounts=["Practice X (ja)"], source_language="ja")
        outcome = publish_now(workspace, post.variants[0].id)
        assert outcome is not None and outcome.status is VariantStatus.PUBLISHED
        assert [p["text"] for p in sandbox.posts("x")] == [result.text]
        later = timeutil.now_utc() + timedelta(days=1)
        poller = Poller(workspace, ConnectorPool(workspace, default_factory), clock=lambda: later, bus=EventBus())
        assert poller.poll_due().polled == 1
        assert engagement.series(workspace, post.variants[0].id)
    finally:
        workspace.dispose()


@pytest.mark.usefixtures("practice_off")
def test_in_practice_mode_the_workspace_is_made_in_the_open_practice_database(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    opened = open_store()
    try:
        assert opened.url.endswith("practice.sqlite3") and needs_welcome(opened)
        dialog = _welcome(qtbot, opened)
        dialog.practice_button.click()
        qtbot.waitUntil(lambda: dialog.workspace is not None, timeout=WAIT_MS)
        assert dialog.store is opened and len(queries.list_accounts(opened)) == 4
        assert not first_start.practice_chosen_here()  # the person's environment chose it
    finally:
        opened.dispose()
