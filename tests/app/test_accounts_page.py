"""The Accounts screen: add through the form (secrets to the keyring only), verify on the emulator, remove."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import AppContext
from app.views.account_form import AccountForm
from app.views.accounts import AccountsPage
from connectors.sandbox import Sandbox
from connectors.sandbox.state import user_id_for
from core import practice, queries
from core.services import account_options, posts
from core.services import accounts as account_service
from core.store import Store
from core.store.tables import accounts, audit_events
from tests.support.connector_accounts import X_KEYS
from tests.support.memory_keyring import MemoryKeyring

WAIT_MS = 15_000


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> AccountsPage:
    shown = AccountsPage(ctx)
    qtbot.addWidget(shown)
    shown.refresh()
    return shown


def _fill_x(form: AccountForm, name: str, api_base: str) -> None:
    form.name_edit.setText(name)
    form.set_platform("x")
    form.language_box.setCurrentText("ja")
    form.zone_box.setCurrentText("Asia/Tokyo")
    form.api_base_edit.setText(api_base)
    for key, value in X_KEYS.items():
        form.credential_edits[key].setText(value)


def _add_x(qtbot: QtBot, page: AccountsPage, name: str, api_base: str) -> None:
    form = page.open_add_form()
    _fill_x(form, name, api_base)
    form.add_button.click()
    qtbot.waitUntil(lambda: name in [a.name for a in page.model.rows], timeout=WAIT_MS)
    assert not form.isVisible() and form.added is not None


def test_an_x_account_added_through_the_form_keeps_its_secrets_in_the_keyring_only(
    qtbot: QtBot, page: AccountsPage, store: Store, sandbox: Sandbox, memory_keyring: MemoryKeyring
) -> None:
    form = page.open_add_form()
    assert [form.platform_box.itemText(i) for i in range(form.platform_box.count())][:2] == ["facebook", "x"]
    form.set_platform("x")
    # OAuth 1.0a keys only: an OAuth 2.0 bearer token expires two hours after it is issued.
    assert set(form.credential_edits) == {"api_key", "api_secret", "access_token", "access_secret"}
    assert all(edit.echoMode() == edit.EchoMode.Password for edit in form.credential_edits.values())
    assert form.id_label.text() == "user id (optional)"
    form.reject()
    _add_x(qtbot, page, "Embassy X", sandbox.base_url)
    model = page.model
    assert [model.data(model.index(0, column)) for column in range(5)] == [
        "Embassy X",
        "x",
        "ja — Japanese",
        "Asia/Tokyo",
        "",
    ]
    assert set(X_KEYS.values()) <= set(memory_keyring.entries.values())
    with store.read() as conn:
        rows = [repr(tuple(row)) for row in conn.execute(select(accounts))]
        rows += [repr(tuple(row)) for row in conn.execute(select(audit_events))]
    assert rows and not any(secret in row for row in rows for secret in X_KEYS.values())
    assert "Added Embassy X" in page.result.text()


def test_the_form_shows_the_core_s_refusal_and_keeps_what_was_typed(qtbot: QtBot, page: AccountsPage) -> None:
    form = page.open_add_form()
    _fill_x(form, "Embassy X", "")
    form.zone_box.setCurrentText("Mars/Olympus")
    form.add_button.click()
    qtbot.waitUntil(lambda: bool(form.error.text()), timeout=WAIT_MS)
    assert "Unknown time zone 'Mars/Olympus'" in form.error.text()
    assert form.isVisible() and form.name_edit.text() == "Embassy X" and form.add_button.isEnabled()
    assert page.model.rows == []


def test_a_facebook_page_needs_its_page_id(qtbot: QtBot, page: AccountsPage) -> None:
    form = page.open_add_form()
    form.set_platform("facebook")
    assert form.id_label.text() == "Page id (required)" and list(form.credential_edits) == ["page_token"]
    form.name_edit.setText("Embassy Page")
    form.add_button.click()
    qtbot.waitUntil(lambda: bool(form.error.text()), timeout=WAIT_MS)
    assert "needs its id on the platform (Page id)" in form.error.text()


def test_verify_shows_the_account_s_name_on_the_platform(qtbot: QtBot, page: AccountsPage, sandbox: Sandbox) -> None:
    _add_x(qtbot, page, "Embassy X", sandbox.base_url)
    page.select("Embassy X")
    page.verify_selected()
    qtbot.waitUntil(lambda: "posts as" in page.result.text(), timeout=WAIT_MS)
    assert "Embassy X posts as Sandbox user" in page.result.text() and "(@sandbox_" in page.result.text()


def test_verify_shows_the_platform_s_sentence_when_it_refuses(
    qtbot: QtBot, page: AccountsPage, sandbox: Sandbox
) -> None:
    _add_x(qtbot, page, "Embassy X", sandbox.base_url)
    sandbox.set_faults("auth:1", times=1)
    page.select("Embassy X")
    page.verify_selected()
    qtbot.waitUntil(lambda: page.result.text().startswith("Not verified:"), timeout=WAIT_MS)
    assert "Traceback" not in page.result.text()


def test_removing_is_refused_while_posts_are_pending(
    qtbot: QtBot, page: AccountsPage, store: Store, sandbox: Sandbox, memory_keyring: MemoryKeyring
) -> None:
    _add_x(qtbot, page, "Embassy X", sandbox.base_url)
    post = posts.create_post(store, text="Hello", accounts=["Embassy X"])
    page.confirm = lambda _question: True  # type: ignore[method-assign]
    page.select("Embassy X")
    page.remove_selected()
    qtbot.waitUntil(lambda: "still has 1 post(s) to publish" in page.result.text(), timeout=WAIT_MS)
    assert [a.name for a in page.model.rows] == ["Embassy X"]
    posts.cancel_post(store, post.id)
    page.remove_selected()
    qtbot.waitUntil(lambda: page.model.rows == [], timeout=WAIT_MS)
    assert queries.list_accounts(store) == []
    assert not set(X_KEYS.values()) & set(memory_keyring.entries.values())


def test_a_practice_account_outside_practice_mode_talks_to_the_running_emulator(
    qtbot: QtBot, page: AccountsPage, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(practice.PRACTICE_URL_ENV, sandbox.base_url)
    form = page.open_add_form(practice_account=True)
    assert form.name_edit.text() == "Practice X (en)" and form.api_base_edit.text() == sandbox.base_url
    assert "emulator" in form.note.text()
    form.add_button.click()
    qtbot.waitUntil(lambda: bool(page.model.rows), timeout=WAIT_MS)
    page.select("Practice X (en)")
    page.verify_selected()
    qtbot.waitUntil(lambda: "posts as Sandbox user" in page.result.text(), timeout=WAIT_MS)


def test_in_practice_mode_a_practice_account_needs_no_credentials(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    page = AccountsPage(ctx)
    qtbot.addWidget(page)
    assert not page.mode_note.isHidden()
    form = page.open_add_form(practice_account=True)
    assert form.api_base_edit.text() == "" and all(not e.text() for e in form.credential_edits.values())
    assert "no credentials are needed" in form.note.text()
    form.set_platform("facebook")
    form.practice_button.click()
    assert form.name_edit.text() == "Practice Page (en)" and form.id_edit.text()
    form.add_button.click()
    qtbot.waitUntil(lambda: [a.platform for a in page.model.rows] == ["facebook"], timeout=WAIT_MS)


def test_editing_an_account_changes_its_zone_and_says_scheduled_posts_keep_their_moment(
    qtbot: QtBot, page: AccountsPage, store: Store
) -> None:
    account_service.add_account(store, name="Tokyo desk", platform="x", language="en", timezone="UTC")
    post = posts.create_post(store, text="Hello", accounts=["Tokyo desk"])
    posts.schedule_post(store, post.id, datetime(2031, 3, 4, 9, 0), now=datetime(2031, 1, 1, tzinfo=UTC))
    page.refresh()
    qtbot.waitUntil(lambda: [a.name for a in page.model.rows] == ["Tokyo desk"], timeout=WAIT_MS)
    assert not page.edit_button.isEnabled()  # nothing chosen yet
    page.select("Tokyo desk")
    form = page.open_edit_form()
    assert form is not None and form.zone_box.currentText() == "UTC"
    form.zone_box.setCurrentText("Asia/Tokyo")
    form.language_box.setCurrentText("ja")
    form.save_button.click()
    qtbot.waitUntil(lambda: "Asia/Tokyo" in [a.timezone for a in page.model.rows], timeout=WAIT_MS)
    assert "1 scheduled post(s) go out at the same moment" in page.result.text()
    assert (queries.get_account(store, "Tokyo desk").language, form.isVisible()) == ("ja", False)


def test_an_edit_the_core_refuses_keeps_the_form_open_with_its_sentence(
    qtbot: QtBot, page: AccountsPage, store: Store
) -> None:
    account_service.add_account(store, name="Tokyo desk", platform="x", language="ja", timezone="Asia/Tokyo")
    page.refresh()
    qtbot.waitUntil(lambda: bool(page.model.rows), timeout=WAIT_MS)
    page.select("Tokyo desk")
    form = page.open_edit_form()
    assert form is not None
    form.zone_box.setCurrentText("Asia/Atlantis")
    form.save_button.click()
    qtbot.waitUntil(lambda: "Unknown time zone" in form.error.text(), timeout=WAIT_MS)
    assert form.isVisible() and form.zone_box.currentText() == "Asia/Atlantis"
    assert queries.get_account(store, "Tokyo desk").timezone == "Asia/Tokyo"


def test_the_chosen_x_account_s_access_level_shows_on_one_line(
    qtbot: QtBot, page: AccountsPage, sandbox: Sandbox
) -> None:
    _add_x(qtbot, page, "Embassy X", sandbox.base_url)
    page.select("Embassy X")
    assert page.access_line.text() == "X access: not known yet (X shows it when it refuses a request)."
    sandbox.set_credits(user_id_for(X_KEYS["access_token"]))  # X answers 402: no credits left
    page.verify_selected()
    qtbot.waitUntil(lambda: "pay-per-use" in page.access_line.text(), timeout=WAIT_MS)
    assert "add credits in the X developer console" in page.result.text()
    assert page.access_line.text().startswith("X access: pay-per-use, no credits left (seen ")
    assert "\n" not in page.access_line.text()


def test_an_x_account_s_posts_may_go_without_their_links(qtbot: QtBot, page: AccountsPage, store: Store) -> None:
    account_service.add_account(store, name="Tokyo desk", platform="x", language="ja", timezone="Asia/Tokyo")
    account_service.add_account(store, name="Page", platform="facebook", language="ja", timezone="UTC", external_id="1")
    link_only = posts.create_post(
        store, text="https://www.mofa.go.jp/statement", accounts=["Tokyo desk"], at=datetime(2099, 1, 5, 9, 0)
    ).variants[0]
    page.refresh()
    qtbot.waitUntil(lambda: len(page.model.rows) == 2, timeout=WAIT_MS)
    page.select("Page")
    form = page.open_edit_form()
    assert form is not None and form.links_box.isHidden()  # X only: the cost of a link is X's
    form.reject()
    page.select("Tokyo desk")
    form = page.open_edit_form()
    assert form is not None and not form.links_box.isHidden()
    qtbot.waitUntil(form.links_box.isEnabled, timeout=WAIT_MS)  # the account's choice read, the person an admin
    assert form.links_box.isChecked()  # as before the choice existed
    assert "several times more" in form.links_box.toolTip()
    form.links_box.setChecked(False)
    form.save_button.click()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)
    assert account_options.options_of(store, "Tokyo desk").links_on_x is False
    # The post scheduled while links went along would go out empty now: the page says which.
    assert page.result.text().startswith("Saved Tokyo desk: its posts now go to X without their links.")
    assert f"Scheduled post(s) {link_only.id} are only a link" in page.result.text()
