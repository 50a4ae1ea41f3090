"""The services' refusals in the interface's language: template translated, values filled in.

A refusal is raised in core/, scheduler/ or translation/ as a ``Msg`` (English for the CLI and the
logs); the app words it again in Vietnamese, with the app's own wording where the English names a
CLI command, and statuses in Vietnamese too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app import i18n
from app.context import AppContext
from app.main_window import MainWindow
from app.models import when
from app.ops import sentence_for
from app.qt import QApplication
from app.views.calendar import CalendarPage
from app.views.compose import ComposePage
from app.widgets.message_line import MessageLine
from core.domain import Account, VariantStatus
from core.errors import ConflictError, UserError
from core.services import accounts, posts
from core.store import Store
from core.words import Msg, in_app

Settle = Callable[..., None]


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[QApplication]:
    """The interface in Vietnamese for the test, back in English afterwards (the app is shared)."""
    assert i18n.switch_language(qapp, "vi")
    yield qapp
    i18n.switch_language(qapp, "en")


def test_a_missing_language_pack_is_refused_in_vietnamese_with_the_app_s_wording(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], settle: Settle, vietnamese: QApplication
) -> None:
    """Compose -> Translate into Japanese with no pack installed: the translation service refuses."""
    window = MainWindow(store, watch=False)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["compose"]
    assert isinstance(page, ComposePage)
    qtbot.waitUntil(page.composer_box.isEnabled, timeout=10_000)
    page.accounts.set_checked(press_accounts["Tokyo (X)"].id, True)
    index = page.language.findData("vi")
    page.language.setCurrentIndex(index)
    page.language.activated.emit(index)
    with qtbot.waitSignal(page.draft_saved, timeout=10_000):
        page.editor.setPlainText("Thông cáo báo chí về hội nghị")

    page.translate_button.click()
    settle(window)

    assert window.error_text.text() == (
        "Không có gói ngôn ngữ nào dịch Vietnamese (vi) sang Japanese (ja), trực tiếp hoặc qua English: "
        "hãy cài một gói ở màn hình Gói ngôn ngữ."
    )
    assert "communique" not in window.error_text.text()  # the CLI's command is not the app's way


def test_scheduling_in_the_past_is_refused_in_vietnamese_with_its_values(
    qtbot: QtBot, ctx: AppContext, store: Store, errors: list[str], vietnamese: QApplication
) -> None:
    """Calendar: a variant dragged to a day long past; the scheduling service refuses."""
    accounts.add_account(store, name="berlin", platform="x", language="de", timezone="Europe/Berlin")
    post = posts.create_post(store, text="An Berlin", accounts=["berlin"], at=datetime(2030, 1, 17, 14, 30))
    page = CalendarPage(ctx, zone=ZoneInfo("Europe/London"))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show_day(date(2030, 1, 16), when.Span.MONTH)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        assert page.grid.drop(post.variants[0].id, date(2001, 1, 17))  # a day, kept at its hour

    assert errors == [
        "2001-01-17 14:30 theo múi giờ Europe/Berlin (tài khoản 'berlin') đã qua; hãy chọn thời điểm muộn hơn."
    ]


def test_a_status_inside_a_refusal_is_worded_in_vietnamese_too(vietnamese: QApplication) -> None:
    error = ConflictError(
        Msg(
            "Variant {variant_id} ({account_name}) is {status}; there is nothing to cancel.",
            variant_id=7,
            account_name="Tokyo (X)",
            status=VariantStatus.PUBLISHED,
        )
    )
    assert str(error) == "Variant 7 (Tokyo (X)) is published; there is nothing to cancel."
    assert sentence_for(error) == "Phiên bản 7 (Tokyo (X)) đang ở trạng thái đã đăng; không có gì để hủy."


def test_in_english_the_app_shows_the_cli_sentence_except_for_the_command(qapp: QApplication) -> None:
    error = UserError(
        Msg(
            "No account named {name!r}; see 'communique account list'.",
            name="Hà Nội",
            app=in_app("No account named {name!r}; see the Accounts screen."),
        )
    )
    assert str(error) == "No account named 'Hà Nội'; see 'communique account list'."
    assert i18n.error_sentence(error) == "No account named 'Hà Nội'; see the Accounts screen."
    assert i18n.error_sentence(UserError("A plain sentence stays as it is.")) == "A plain sentence stays as it is."


def test_a_message_line_words_the_error_in_vietnamese(qtbot: QtBot, vietnamese: QApplication) -> None:
    line = MessageLine()
    qtbot.addWidget(line)
    line.say_error(UserError(Msg("No variant with id {variant_id}.", variant_id=42)))
    assert line.text() == "Không có phiên bản nào có mã 42."
    assert line.problem


def test_a_translation_that_does_not_fit_its_values_falls_back_to_english(
    vietnamese: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n.QCoreApplication, "translate", lambda _context, _text: "Thiếu {missing}.")
    assert i18n.localized(Msg("No post with id {post_id}.", post_id=3)) == "No post with id 3."
