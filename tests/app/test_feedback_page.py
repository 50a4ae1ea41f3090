"""The Feedback screen: comments across accounts in the reader's language, filtered, read in full, marked read.

The comments are written into a real SQLite store as the collector leaves them
(tests/support/feedback.py); the screen reads them through its background operations.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app import i18n
from app.context import AppContext
from app.main_window import MainWindow
from app.models.feedback_model import LANGUAGE, TEXT, WHEN
from app.qt import QApplication, Qt, QUrl
from app.viewmodels import feedback as vm
from app.views.feedback import FeedbackPage
from core.domain import Account
from core.queries import feedback
from core.queries.feedback import UNKNOWN_LANGUAGE
from core.store import Store
from tests.support.feedback import Written, add_comment, collection_failed, published, sample_inbox

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def inbox(press_accounts: dict[str, Account], store: Store) -> dict[str, int]:
    """Six comments on three posts: translated, read, uncertain, edited, deleted, and one not detected."""
    return sample_inbox(store)


def _page(qtbot: QtBot, ctx: AppContext) -> FeedbackPage:
    page = FeedbackPage(ctx, zone=ZONE)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.activate()
    return page


def _ids(page: FeedbackPage) -> list[int]:
    return [row.id for row in page.model.rows]


def _reload(qtbot: QtBot, page: FeedbackPage, change: Callable[[], object]) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        change()


def _cell(page: FeedbackPage, comment_id: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return page.model.data(page.model.index(page.model.row_of(comment_id), column), role)


def test_rows_come_newest_first_in_the_readers_language_unread_bold(
    qtbot: QtBot, ctx: AppContext, inbox: dict[str, int]
) -> None:
    page = _page(qtbot, ctx)
    order = ["thanks", "ministry", "great", "edited", "deleted", "old"]
    assert _ids(page) == [inbox[name] for name in order]
    thanks, ministry = inbox["thanks"], inbox["ministry"]
    assert _cell(page, thanks, TEXT) == "Thank you very much"
    assert _cell(page, thanks, TEXT, Qt.ItemDataRole.ToolTipRole) == "Original: ありがとうございます"
    assert str(_cell(page, thanks, WHEN)).endswith("JST")  # Tokyo's clock
    assert str(_cell(page, ministry, WHEN)).endswith("+07")  # Hà Nội's
    assert _cell(page, thanks, TEXT, Qt.ItemDataRole.FontRole).bold()
    assert _cell(page, ministry, TEXT, Qt.ItemDataRole.FontRole) is None  # bao read it
    assert _cell(page, inbox["great"], LANGUAGE) == "en ?"  # detected with 0.41
    assert _cell(page, thanks, LANGUAGE) == "ja"
    assert _cell(page, inbox["old"], LANGUAGE) == "?"
    assert _cell(page, inbox["deleted"], TEXT) == "[deleted] A removed comment"
    assert page.count_label.text() == "Showing 6 of 6 comments, newest first; 5 unread"
    assert page.title() == "Feedback (5)"
    page.originals.setChecked(True)  # the original, one click away
    assert _cell(page, thanks, TEXT) == "ありがとうございます"


def test_the_filters_narrow_the_list(
    qtbot: QtBot, ctx: AppContext, inbox: dict[str, int], press_accounts: dict[str, Account]
) -> None:
    page = _page(qtbot, ctx)
    tokyo = press_accounts["Tokyo (X)"].id
    _reload(qtbot, page, lambda: page.choose(page.account, tokyo))
    assert _ids(page) == [inbox["thanks"], inbox["deleted"]]
    _reload(qtbot, page, lambda: page.choose(page.account, None))
    _reload(qtbot, page, lambda: page.choose(page.language, "vi"))
    assert _ids(page) == [inbox["ministry"], inbox["edited"]]
    _reload(qtbot, page, lambda: page.unread_only.setChecked(True))
    assert _ids(page) == [inbox["edited"]]
    _reload(qtbot, page, lambda: page.unread_only.setChecked(False))
    _reload(qtbot, page, lambda: page.choose(page.language, UNKNOWN_LANGUAGE))
    assert _ids(page) == [inbox["old"]]
    _reload(qtbot, page, lambda: page.choose(page.language, ""))
    _reload(qtbot, page, lambda: page.set_preset(vm.Preset.LAST_7_DAYS))
    assert inbox["old"] not in _ids(page) and len(_ids(page)) == 5
    _reload(qtbot, page, lambda: page.search.setText("hanoi"))
    assert _ids(page) == [inbox["great"]]
    assert page.count_label.text() == "Showing 1 of 1 comments, newest first; 1 unread"


def test_a_row_shows_the_post_the_original_beside_the_translation_and_its_history(
    qtbot: QtBot, ctx: AppContext, inbox: dict[str, int]
) -> None:
    page = _page(qtbot, ctx)
    opened: list[QUrl] = []
    page.open_url = opened.append
    with qtbot.waitSignal(page.detail_loaded, timeout=10_000):
        page.select(inbox["edited"])
    pane = page.pane
    assert pane.post_label.text() == "In reply to: Hội nghị thượng đỉnh ASEAN tại Hà Nội"
    assert pane.original.toPlainText() == "Tin rất tốt" and pane.original_title.text() == "Original (vi)"
    assert pane.translation.toPlainText() == "Very good news" and pane.translation_title.text() == "Translation (en)"
    assert pane.original.isVisibleTo(page) and pane.translation.isVisibleTo(page)
    assert pane.state_label.text().startswith("Edited on the platform")
    assert pane.history.isVisibleTo(page)
    history = pane.history.toPlainText()
    assert "1. " in history and "Tin tốt" in history and "2. " in history and "Tin rất tốt" in history
    pane.open_button.click()
    assert [url.toString() for url in opened] == [f"https://example.org/posts/{inbox['hanoi_post']}"]

    page.select(inbox["deleted"])
    assert pane.state_label.text().startswith("Deleted on the platform")
    assert not pane.history.isVisibleTo(page)  # never edited
    page.select(inbox["great"])
    assert pane.original_title.text() == "Original (en, uncertain)"
    assert pane.translation_note.text() == "Written in your language: nothing to translate."


def test_mark_read_unbolds_the_row_and_counts_one_less_in_the_sidebar(
    qtbot: QtBot, store: Store, inbox: dict[str, int], settle: Callable[..., None]
) -> None:
    window = MainWindow(store, watch=False)
    qtbot.addWidget(window)
    window.show()
    page = window.go("feedback")
    assert isinstance(page, FeedbackPage)
    settle(window)
    row = list(window.pages).index("feedback")
    assert window.sidebar.item(row).text() == "Feedback (5)"
    thanks = inbox["thanks"]
    page.select(thanks)
    assert page.pane.mark_button.text() == "Mark read"
    with qtbot.waitSignal(page.acted, timeout=10_000):
        page.mark_shortcut.activated.emit()  # Ctrl+M
    assert _cell(page, thanks, TEXT, Qt.ItemDataRole.FontRole) is None
    assert window.sidebar.item(row).text() == "Feedback (4)"
    assert page.count_label.text().endswith("; 4 unread")
    assert page.pane.mark_button.text() == "Mark unread"
    assert not feedback.get_comment(store, thanks).unread
    with qtbot.waitSignal(page.acted, timeout=10_000):
        page.pane.mark_button.click()
    assert _cell(page, thanks, TEXT, Qt.ItemDataRole.FontRole).bold()
    assert window.sidebar.item(row).text() == "Feedback (5)"
    assert feedback.get_comment(store, thanks).unread
    settle(window)


def test_a_failing_collection_says_so_once_per_account(qtbot: QtBot, ctx: AppContext, inbox: dict[str, int]) -> None:
    sentence = "Replies on Tokyo (X) are not available on this X access level: they need the Basic plan or above."
    collection_failed(ctx.store, inbox["tokyo_post"], "access_level", sentence)
    page = _page(qtbot, ctx)
    assert page.problems_label.isVisibleTo(page)
    assert page.problems_label.text() == f"Tokyo (X): {sentence}"


def test_the_unread_count_follows_the_worker_while_the_page_is_hidden(
    qtbot: QtBot, store: Store, inbox: dict[str, int], settle: Callable[..., None]
) -> None:
    window = MainWindow(store, watch=False)
    qtbot.addWidget(window)
    window.show()
    settle(window)
    row = list(window.pages).index("feedback")
    assert window.current_page().key == "compose" and window.sidebar.item(row).text() == "Feedback (5)"
    add_comment(store, inbox["tokyo_post"], Written("すごい", language="ja", ago=timedelta(minutes=1)))
    from app.changes import COMMENTS

    window.ctx.hub.changed.emit(COMMENTS, None)  # the feed watcher saw the collector's work
    qtbot.waitUntil(lambda: window.sidebar.item(row).text() == "Feedback (6)", timeout=10_000)


def test_rows_without_a_translation_are_translated_in_the_background_and_a_missing_pack_is_named(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Callable[..., None]
) -> None:
    hanoi = published(store, "Hội nghị thượng đỉnh ASEAN tại Hà Nội", "Hanoi (X)")
    vietnamese = add_comment(store, hanoi, Written("Bộ ngoại giao thông cáo báo chí hôm nay", language="vi"))
    undetected = add_comment(
        store, hanoi, Written("Chào mừng chuyến thăm của bộ trưởng, hợp tác hữu nghị", ago=timedelta(hours=2))
    )
    german = add_comment(
        store, hanoi, Written("Das auswärtige Amt begrüßt den Besuch", language="de", ago=timedelta(hours=3))
    )
    window = MainWindow(store, watch=False)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["feedback"]
    assert isinstance(page, FeedbackPage)
    with qtbot.waitSignal(page.translated, timeout=60_000):
        window.go("feedback")
    settle(window)
    for comment_id in (vietnamese, undetected):
        comment = feedback.get_comment(store, comment_id, reader_language="en")
        assert comment.language == "vi" and comment.translation is not None, comment_id
        assert _cell(page, comment_id, TEXT) == comment.translation.text != comment.text
        assert _cell(page, comment_id, TEXT, Qt.ItemDataRole.ToolTipRole) == f"Original: {comment.text}"
    assert _cell(page, undetected, LANGUAGE) == "vi"
    assert feedback.get_comment(store, german, reader_language="en").translation is None
    assert _cell(page, german, TEXT) == "Das auswärtige Amt begrüßt den Besuch"
    assert page.missing_bar.isVisibleTo(page)
    line = page.missing_label.text()
    assert line.startswith("No language pack for de -> en (German into English)") and "Language packs" in line
    page.packs_button.click()
    assert window.current_page().key == "packs"
    settle(window)


def test_setting_the_language_by_hand_translates_the_comment_again(
    qtbot: QtBot, ctx: AppContext, press_accounts: dict[str, Account], translating: object
) -> None:
    hanoi = published(ctx.store, "Hội nghị thượng đỉnh ASEAN tại Hà Nội", "Hanoi (X)")
    wrong = add_comment(
        ctx.store, hanoi, Written("Bộ trưởng ngoại giao chào mừng đối tác", language="en", confidence=0.3)
    )
    page = _page(qtbot, ctx)
    assert _cell(page, wrong, LANGUAGE) == "en ?"
    page.select(wrong)
    pane = page.pane
    assert pane.translation_note.text() == "Written in your language: nothing to translate."
    pane.language_box.setCurrentIndex(pane.language_box.findData("vi"))
    with qtbot.waitSignal(page.acted, timeout=60_000):
        pane.language_button.click()
    comment = feedback.get_comment(ctx.store, wrong, reader_language="en")
    assert (comment.language, comment.language_source) == ("vi", "person")
    assert comment.translation is not None and comment.translation.source_language == "vi"
    assert _cell(page, wrong, LANGUAGE) == "vi"  # a person said so: no longer uncertain
    assert _cell(page, wrong, TEXT) == comment.translation.text
    assert pane.original_title.text() == "Original (vi)"
    assert pane.translation.toPlainText() == comment.translation.text
    assert pane.original.toPlainText() == "Bộ trưởng ngoại giao chào mừng đối tác"


def test_a_switch_of_interface_language_reads_the_comments_in_the_new_one(
    qtbot: QtBot, ctx: AppContext, inbox: dict[str, int], qapp: QApplication
) -> None:
    page = _page(qtbot, ctx)
    thanks = inbox["thanks"]
    assert _cell(page, thanks, TEXT) == "Thank you very much"
    try:
        i18n.switch_language(qapp, "vi")
        assert page.model.reader == "vi"
        qtbot.waitUntil(lambda: "ja -> vi" in page.missing_label.text(), timeout=60_000)
        assert _cell(page, thanks, TEXT) == "ありがとうございます"  # nothing installed translates into Vietnamese
        assert page.missing_bar.isVisibleTo(page)
    finally:
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            i18n.switch_language(qapp, "en")
    assert _cell(page, thanks, TEXT) == "Thank you very much"


def test_the_feed_reloads_the_page_for_a_colleagues_act_but_not_for_its_own(
    qtbot: QtBot, ctx: AppContext, inbox: dict[str, int]
) -> None:
    from app.feed import FeedWatcher
    from core.services import feedback as feedback_service

    page = _page(qtbot, ctx)
    watcher = FeedWatcher(ctx)

    def poll_quietly() -> None:
        watcher.poll()
        qtbot.waitUntil(lambda: not watcher._polling, timeout=10_000)

    poll_quietly()  # where the window starts from
    loads: list[object] = []
    page.loaded.connect(lambda *args: loads.append(args))
    first, second = [row.id for row in page.model.rows if row.unread][:2]
    with qtbot.waitSignal(page.acted, timeout=10_000):
        page.mark([first], read=True)  # Ctrl+M: the row is shown read in place
    poll_quietly()
    ctx.tasks.wait()
    qtbot.wait(100)
    assert loads == []  # no reload for what the page shows already (the loaded pages would go)

    feedback_service.mark_read(ctx.store, [second], read=True)  # a colleague reads another
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        watcher.poll()
    assert not page.model.rows[page.model.row_of(second)].unread
