"""The Compose screen end to end: compose, translate, review, schedule, publish; limits; autosave; media."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.main_window import MainWindow
from app.qt import QApplication, QEvent, QPalette, Qt, QtCore, QtGui, QUrl
from app.views.compose import AUTOSAVE_MS, ComposePage
from app.widgets.counter import OVER_COLOUR
from connectors.sandbox import Sandbox
from core import queries, secrets
from core.domain import Account, VariantStatus
from core.services import accounts, drafts
from core.store import Store
from scheduler.backoff import RetryPolicy
from scheduler.engine import Engine, EngineSettings
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import add_account, local_in

Settle = Callable[..., None]
SOURCE = "Hôm nay bộ ngoại giao. @VNMOFA Cuộc họp hữu nghị! #ASEAN"


def _open(qtbot: QtBot, store: Store, *, owned: bool = True) -> tuple[MainWindow, ComposePage]:
    window = MainWindow(store, watch=False)
    if owned:  # closed by pytest-qt after the test
        qtbot.addWidget(window)
    window.show()
    page = window.pages["compose"]
    assert isinstance(page, ComposePage)
    qtbot.waitUntil(page.composer_box.isEnabled, timeout=10_000)
    return window, page


def _write(qtbot: QtBot, page: ComposePage, text: str, *, ticked: list[Account], language: str | None = None) -> None:
    """Tick the accounts, choose the language, type the text (non-ASCII is set, never key-clicked)."""
    for account in ticked:
        page.accounts.set_checked(account.id, True)
    if language is not None:
        index = page.language.findData(language)
        page.language.setCurrentIndex(index)
        page.language.activated.emit(index)  # what a person's choice emits
    with qtbot.waitSignal(page.draft_saved, timeout=10_000):
        page.editor.setPlainText(text)


def _translate(qtbot: QtBot, page: ComposePage) -> None:
    with qtbot.waitSignal(page.translated, timeout=60_000):
        page.translate_button.click()


def test_compose_translate_review_schedule_and_the_engine_publishes_it(
    qtbot: QtBot, store: Store, sandbox: Sandbox, clock: FakeClock, translating: object, settle: Settle
) -> None:
    tokyo = add_account(store, sandbox, name="tokyo", zone="Asia/Tokyo")
    london = accounts.add_account(
        store, name="london", platform="x", language="en", timezone="Europe/London", api_base=sandbox.base_url
    )
    for field in ("api_key", "api_secret", "access_token", "access_secret"):
        secrets.store_secret("x", "london", field, f"{field}-london-0123456789")
    window, page = _open(qtbot, store)
    _write(qtbot, page, SOURCE, ticked=[london, tokyo], language="vi")
    assert page.language.currentData() == "vi"

    _translate(qtbot, page)
    panes = {p.view.variant.account_name: p for p in page.review.panes.values()}
    assert set(panes) == {"london", "tokyo"}
    assert [p.view.variant.text_origin.value for p in panes.values()] == ["machine", "machine"]
    assert not page.review.schedule_button.isEnabled()
    assert "Not reviewed yet: london, tokyo." in page.review.gate_reason.text()

    edited = "Today the ministry. @VNMOFA A friendly meeting! #ASEAN"
    panes["london"].editor.setPlainText(edited)
    assert "Edits not saved yet: london." in page.review.gate_reason.text()
    panes["london"].save_button.click()
    settle(window)
    for name in ("london", "tokyo"):
        panes[name].reviewed.setChecked(True)
        settle(window)
    assert page.review.schedule_button.isEnabled(), page.review.gate_reason.text()

    due = clock.now + timedelta(hours=2)
    panes["london"].schedule.set_local(local_in("Europe/London", due))
    panes["tokyo"].schedule.set_local(local_in("Asia/Tokyo", due))
    assert "your time" in panes["tokyo"].schedule.officer.text()
    page.review.schedule_button.click()
    settle(window)

    # Every variant is on its way, so the draft is sent and the composer is ready for the next post.
    assert page.editor.toPlainText() == "" and not page.review.panes
    assert drafts.latest_draft(store) is None
    post = queries.list_posts(store)[0]
    by_name = {v.account_name: v for v in post.variants}
    assert {v.status for v in post.variants} == {VariantStatus.SCHEDULED}
    assert by_name["london"].scheduled_at == due and by_name["tokyo"].scheduled_at == due
    assert by_name["london"].text == edited and by_name["london"].reviewed

    clock.set(due)
    engine = Engine(
        store, clock=clock, settings=EngineSettings(retry=RetryPolicy(max_attempts=3)), rng=random.Random(7)
    )
    try:
        engine.sweep()
    finally:
        engine.stop()
    published = queries.get_post(store, post.id)
    assert {v.status for v in published.variants} == {VariantStatus.PUBLISHED}
    assert edited in [p["text"] for p in sandbox.posts("x")]


def test_an_over_limit_target_turns_its_counter_red_and_blocks_scheduling(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Settle
) -> None:
    window, page = _open(qtbot, store)
    hanoi = press_accounts["Hanoi (X)"]
    long_text = "Bộ Ngoại giao thông báo hợp tác hữu nghị. " * 8  # ~330 characters, X takes 280
    _write(qtbot, page, long_text, ticked=[hanoi])
    counter = page.counters.labels["Hanoi (X)"]
    assert counter.is_over() and counter.property("over") is True
    assert counter.palette().color(QPalette.ColorRole.WindowText) == OVER_COLOUR

    _translate(qtbot, page)
    pane = next(iter(page.review.panes.values()))
    pane.reviewed.setChecked(True)
    settle(window)
    assert pane.counter.is_over() and pane.counter.colour() == OVER_COLOUR
    assert not page.review.schedule_button.isEnabled()
    assert "Hanoi (X) is over its limit" in page.review.gate_reason.text()
    assert "Hanoi (X) is over its limit" in page.review.schedule_button.toolTip()
    assert not pane.schedule.publish_button.isEnabled()

    pane.editor.setPlainText("Bộ Ngoại giao thông báo.")
    assert not pane.counter.is_over() and pane.counter.colour() != OVER_COLOUR
    pane.save_button.click()
    settle(window)
    assert page.review.schedule_button.isEnabled(), page.review.gate_reason.text()


def test_a_closed_window_loses_nothing_and_the_draft_reopens(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account]
) -> None:
    window, page = _open(qtbot, store, owned=False)
    tokyo, london = press_accounts["Tokyo (X)"], press_accounts["London (FB)"]
    _write(qtbot, page, "Xin chào Tokyo và London 🇻🇳", ticked=[tokyo, london], language="vi")
    window.close()
    with qtbot.waitSignal(window.destroyed, timeout=5000):
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    _again, reopened = _open(qtbot, store)
    assert reopened.editor.toPlainText() == "Xin chào Tokyo và London 🇻🇳"
    assert reopened.accounts.checked() == (tokyo.id, london.id)
    assert reopened.language.currentData() == "vi"
    assert "reopened" in reopened.status.text()


def test_closing_before_the_autosave_fired_still_saves(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account]
) -> None:
    window, page = _open(qtbot, store, owned=False)
    page.accounts.set_checked(press_accounts["Tokyo (X)"].id, True)
    page.editor.setPlainText("Kịp lưu")
    assert page.autosave.isActive()
    window.close()  # the close itself saves, and the app waits for the save before stopping
    draft = drafts.latest_draft(store)
    assert draft is not None and draft.content.text == "Kịp lưu"


def test_media_are_checked_shown_with_a_thumbnail_and_saved_with_their_alt_text(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], tmp_path: Path, settle: Settle
) -> None:
    window, page = _open(qtbot, store)
    page.accounts.set_checked(press_accounts["Tokyo (X)"].id, True)
    bad = tmp_path / "notes.txt"
    bad.write_text("not an image")
    page.media.add_files([str(bad)])
    settle(window)
    assert not page.media.refusal.isHidden()
    assert "is not a supported image or video" in page.media.refusal.text()

    image = QtGui.QImage(40, 20, QtGui.QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    photo = tmp_path / "photo.png"
    assert image.save(str(photo))
    dropped = QtCore.QMimeData()
    dropped.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QtGui.QDropEvent(
        QtCore.QPointF(10, 10),
        Qt.DropAction.CopyAction,
        dropped,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.media.dropEvent(drop)
    assert drop.isAccepted()
    settle(window)
    assert len(page.media.rows) == 1 and page.media.refusal.isHidden()
    row = page.media.rows[0]
    assert not row.thumbnail.pixmap().isNull()
    row.alt.setText("The minister at the embassy")
    with qtbot.waitSignal(page.draft_saved, timeout=10_000):
        row.alt.textEdited.emit(row.alt.text())
    draft = drafts.latest_draft(store)
    assert draft is not None
    assert [m.alt_text for m in draft.content.media] == ["The minister at the embassy"]
    assert Path(draft.content.media[0].path).read_bytes() == photo.read_bytes()


def test_translate_needs_text_and_an_account_and_says_so(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], settle: Settle
) -> None:
    window, page = _open(qtbot, store)
    assert page.translate_shortcut.key().toString() == "Ctrl+T"
    page.editor.setPlainText("Xin chào")
    window.activateWindow()
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert window.error_text.text() == "Choose at least one account to post to."
    assert page.translate_button.isEnabled()


def test_autosave_waits_for_a_pause_in_typing(qtbot: QtBot, store: Store, press_accounts: dict[str, Account]) -> None:
    _window, page = _open(qtbot, store)
    saves: list[object] = []
    page.draft_saved.connect(saves.append)
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "Hello embassy")  # ASCII only: non-ASCII is set, never key-clicked
    qtbot.waitUntil(lambda: bool(saves), timeout=10_000)
    qtbot.wait(AUTOSAVE_MS + 200)
    assert len(saves) == 1
    draft = drafts.latest_draft(store)
    assert draft is not None and draft.content.text == "Hello embassy"


def test_the_language_follows_the_first_ticked_account_until_chosen(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account]
) -> None:
    _window, page = _open(qtbot, store)
    page.accounts.set_checked(press_accounts["Tokyo (X)"].id, True)
    assert page.language.currentData() == "ja"
    page.accounts.set_checked(press_accounts["Tokyo (X)"].id, False)
    page.accounts.set_checked(press_accounts["London (FB)"].id, True)
    assert page.language.currentData() == "en"
    index = page.language.findData("vi")
    page.language.setCurrentIndex(index)
    page.language.activated.emit(index)
    page.accounts.set_checked(press_accounts["Tokyo (X)"].id, True)
    assert page.language.currentData() == "vi"
    assert page.content().source_language == "vi"


def test_an_older_draft_is_listed_and_reopened_and_the_current_one_stays(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account]
) -> None:
    _window, page = _open(qtbot, store)
    tokyo, london = press_accounts["Tokyo (X)"], press_accounts["London (FB)"]
    _write(qtbot, page, "Thông cáo thứ nhất\nvề hội nghị", ticked=[tokyo])
    first = page.session.draft_id
    page.new_post()
    _write(qtbot, page, "Второе сообщение", ticked=[london])
    with qtbot.waitSignal(page.drafts_listed, timeout=10_000) as listed:
        page.show_drafts()
    choices = listed.args[0]
    assert [(c.title, c.current) for c in choices] == [("Второе сообщение", True), ("Thông cáo thứ nhất", False)]
    actions = page.drafts_menu.actions()
    assert [a.isEnabled() for a in actions] == [False, True]  # the one on screen is not offered again
    page.drafts_menu.hide()
    actions[1].trigger()
    qtbot.waitUntil(lambda: page.editor.toPlainText() == "Thông cáo thứ nhất\nvề hội nghị", timeout=10_000)
    assert page.session.draft_id == first and page.accounts.checked() == (tokyo.id,)
    assert [d.content.text for d in drafts.list_drafts(store)] == [
        "Второе сообщение",
        "Thông cáo thứ nhất\nvề hội nghị",
    ]


def test_discarding_a_draft_deletes_it_and_empties_the_composer(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account]
) -> None:
    _window, page = _open(qtbot, store)
    _write(qtbot, page, "Bản nháp bỏ đi", ticked=[press_accounts["Tokyo (X)"]])
    page.confirm = lambda question: False  # type: ignore[method-assign]
    page.discard_button.click()
    assert [d.content.text for d in drafts.list_drafts(store)] == ["Bản nháp bỏ đi"]  # said no: kept
    page.confirm = lambda question: True  # type: ignore[method-assign]
    page.discard_button.click()
    qtbot.waitUntil(lambda: "discarded" in page.status.text(), timeout=10_000)
    assert drafts.list_drafts(store) == [] and page.editor.toPlainText() == ""
    assert page.session.draft_id is None
