"""Translate and review: conflicts, the banner after a change of source, spans, flags, one sentence, times."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from app.main_window import MainWindow
from app.qt import QtGui
from app.viewmodels import review as review_model
from app.views.compose import ComposePage
from app.widgets.conflict_dialog import ConflictDialog
from app.widgets.review_pane import VariantPane
from app.widgets.schedule_editor import ScheduleEditor
from app.widgets.span_highlighter import FORMATS
from connectors.sandbox import Sandbox
from core import queries
from core.domain import Account, Post, TextOrigin, VariantStatus
from core.services import drafts, posts
from core.services.drafts import DraftContent
from core.store import Store
from scheduler import services as scheduler_services
from scheduler import slots
from tests.support.scheduling import add_account
from translation import glossary, review
from translation.spans import Kind

Settle = Callable[..., None]
SOURCE = "Hôm nay bộ ngoại giao. @VNMOFA Cuộc họp hữu nghị! #ASEAN https://mofa.gov.vn"


def _translated_draft(store: Store, targets: list[Account], text: str = SOURCE) -> Post:
    """A draft turned into a post and translated, as "Translate" leaves it."""
    draft = drafts.save_draft(store, None, DraftContent(text, "vi", tuple(a.id for a in targets))).draft
    post = drafts.post_for_draft(store, draft.id).post
    assert post is not None
    review.translate_post(store, post.id)
    return queries.get_post(store, post.id)


def _open(qtbot: QtBot, store: Store) -> tuple[MainWindow, ComposePage]:
    window = MainWindow(store, watch=False)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["compose"]
    assert isinstance(page, ComposePage)
    qtbot.waitUntil(lambda: bool(page.review.panes), timeout=10_000)
    return window, page


def _pane(page: ComposePage, account: str) -> VariantPane:
    return next(p for p in page.review.panes.values() if p.view.variant.account_name == account)


def _formats(document: QtGui.QTextDocument) -> list[tuple[str, QtGui.QTextCharFormat]]:
    """The text of each highlighted range, with its format."""
    found = []
    block = document.begin()
    while block.isValid():
        for item in block.layout().formats():
            found.append((block.text()[item.start : item.start + item.length], QtGui.QTextCharFormat(item.format)))
        block = block.next()
    return found


def _london_pane(qtbot: QtBot, store: Store, press_accounts: dict[str, Account]) -> tuple[MainWindow, VariantPane]:
    """A post translated for London (FB) alone, open in Compose: the window and London's pane."""
    _translated_draft(store, [press_accounts["London (FB)"]])
    window, page = _open(qtbot, store)
    return window, _pane(page, "London (FB)")


def test_a_conflicting_edit_shows_both_texts_and_keeping_mine_saves_it(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Settle
) -> None:
    window, pane = _london_pane(qtbot, store, press_accounts)
    shown = pane.shown
    posts.edit_variant(store, shown.id, text="Their words.", expected_version=shown.version)  # someone else
    pane.editor.setPlainText("My words.")
    pane.save_button.click()
    settle(window)
    dialog = pane.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    assert dialog.mine.toPlainText() == "My words." and dialog.theirs.toPlainText() == "Their words."
    assert "Someone else changed" in pane.message.text()
    assert queries.get_variant(store, shown.id).text == "Their words."  # nothing overwritten yet
    dialog.keep_button.click()
    settle(window)
    saved = queries.get_variant(store, shown.id)
    assert saved.text == "My words." and saved.text_origin is TextOrigin.HUMAN
    assert pane.editor.toPlainText() == "My words." and not pane.dirty


def test_edits_to_different_words_merge_and_a_clash_is_highlighted_and_decided_before_saving(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Settle
) -> None:
    window, pane = _london_pane(qtbot, store, press_accounts)
    shown = pane.shown
    base = "The minister visits Hanoi on Monday to open the fair."
    pane._adopt(posts.edit_variant(store, shown.id, text=base, expected_version=shown.version))  # both start here
    # Someone else names the minister and moves the day; I change the day and add a hashtag.
    theirs = base.replace("The minister", "The foreign minister").replace("Monday", "Friday")
    posts.edit_variant(store, shown.id, text=theirs, expected_version=pane.shown.version)
    pane.editor.setPlainText(base.replace("Monday", "Tuesday") + " #Vietnam")
    pane.save_button.click()
    settle(window)
    dialog = pane.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    assert dialog.merged_text() == "The foreign minister visits Hanoi on Tuesday to open the fair. #Vietnam"
    [clash] = dialog.merge.clashes
    assert (clash.mine, clash.theirs) == ("Tuesday", "Friday")
    [highlight] = dialog.merged.extraSelections()
    assert highlight.cursor.selectedText() == "Tuesday"
    assert "Friday" in dialog.clash_list.text() and dialog.clash_list.isVisibleTo(dialog)
    # The person decides the clash in the merged text, then saves the merge.
    dialog.merged.setPlainText(dialog.merged_text().replace("Tuesday", "Friday"))
    dialog.merge_button.click()
    settle(window)
    saved = queries.get_variant(store, shown.id)
    assert saved.text == "The foreign minister visits Hanoi on Friday to open the fair. #Vietnam"
    assert pane.editor.toPlainText() == saved.text and not pane.dirty


def test_taking_their_text_shows_it_and_later_saves_build_on_it(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Settle
) -> None:
    window, pane = _london_pane(qtbot, store, press_accounts)
    shown = pane.shown
    posts.edit_variant(store, shown.id, text="Their words.", expected_version=shown.version)
    pane.editor.setPlainText("My words.")
    pane.reviewed.setChecked(True)  # marking it reviewed saves the edit: the same conflict
    settle(window)
    dialog = pane.conflict_dialog
    assert dialog is not None
    dialog.take_button.click()
    settle(window)
    assert pane.editor.toPlainText() == "Their words." and not pane.dirty
    assert pane.shown.version == queries.get_variant(store, shown.id).version
    pane.reviewed.setChecked(True)
    settle(window)
    assert queries.get_variant(store, shown.id).reviewed and pane.conflict_dialog is None


def test_editing_the_source_after_review_clears_the_marks_and_says_which_need_review(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Settle
) -> None:
    _translated_draft(store, [press_accounts["London (FB)"], press_accounts["Tokyo (X)"]])
    window, page = _open(qtbot, store)
    for name in ("London (FB)", "Tokyo (X)"):
        _pane(page, name).reviewed.setChecked(True)
        settle(window)
    assert page.review.banner.isHidden()
    assert all("✓" in page.review.tabs.tabText(i) for i in range(page.review.tabs.count()))

    with qtbot.waitSignal(page.draft_saved, timeout=10_000):
        page.editor.setPlainText(SOURCE + " Cảm ơn!")
    settle(window)
    assert not page.review.banner.isHidden()
    assert "London (FB), Tokyo (X)" in page.review.banner.text()
    assert not any(p.reviewed.isChecked() for p in page.review.panes.values())
    assert not any("✓" in page.review.tabs.tabText(i) for i in range(page.review.tabs.count()))
    assert page.review.source.toPlainText() == SOURCE + " Cảm ơn!"
    assert "Not reviewed yet: London (FB), Tokyo (X)." in page.review.gate_reason.text()

    _pane(page, "London (FB)").reviewed.setChecked(True)
    settle(window)
    assert "London" not in page.review.banner.text() and "Tokyo (X)" in page.review.banner.text()


def test_protected_spans_and_glossary_terms_are_marked_and_flags_shown_beside_each_variant(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Settle
) -> None:
    glossary.add_term(store, "vi", "ASEAN Summit")
    text = "Hội nghị ASEAN Summit hôm nay. @VNMOFA #ASEAN https://mofa.gov.vn"
    _translated_draft(store, [press_accounts["Tokyo (X)"]], text)
    window, page = _open(qtbot, store)
    settle(window)
    marked = dict(_formats(page.review.source.document()))
    assert marked["https://mofa.gov.vn"].fontUnderline()
    assert marked["@VNMOFA"] == FORMATS[Kind.MENTION] and marked["#ASEAN"] == FORMATS[Kind.HASHTAG]
    assert marked["ASEAN Summit"] == FORMATS[Kind.TERM]
    composer_marks = dict(_formats(page.editor.document()))
    assert {"@VNMOFA", "#ASEAN", "https://mofa.gov.vn", "ASEAN Summit"} <= set(composer_marks)

    pane = _pane(page, "Tokyo (X)")
    assert "@VNMOFA" in dict(_formats(pane.editor.document()))
    pane.editor.setPlainText("翻訳だけ")  # every protected span lost
    pane.save_button.click()
    settle(window)
    assert "Protected text lost" in pane.flags.text() and "'@VNMOFA'" in pane.flags.toolTip()


def test_retranslating_one_sentence_replaces_only_that_sentence(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Settle
) -> None:
    _translated_draft(store, [press_accounts["London (FB)"]], "Hôm nay bộ ngoại giao. Cuộc họp hữu nghị!")
    window, page = _open(qtbot, store)
    pane = _pane(page, "London (FB)")
    pane.editor.setPlainText("Today the ministry. Something wrong here!")
    cursor = pane.editor.textCursor()
    cursor.setPosition(len("Today the ministry. Some"))
    pane.editor.setTextCursor(cursor)
    pane.retranslate_sentence()
    settle(window)
    plan = review_model.plan_retranslation("Hôm nay bộ ngoại giao. Cuộc họp hữu nghị!", "vi", "One. Two!", "en", 6)
    assert plan.source_sentence == "Cuộc họp hữu nghị!"
    fresh = review_model.retranslate(store, plan, "vi", "en")
    assert pane.editor.toPlainText() == f"Today the ministry. {fresh.strip()}"
    assert pane.dirty and "check it, then save" in pane.message.text()

    pane.editor.setPlainText("One sentence only, no pairing")
    pane.retranslate_sentence()
    assert "cannot be paired" in pane.message.text()


def test_dst_gaps_are_refused_with_the_cores_sentence_and_folds_offer_a_choice(qtbot: QtBot) -> None:
    editor = ScheduleEditor("Europe/Berlin")
    qtbot.addWidget(editor)
    editor.set_local(datetime(2027, 3, 28, 2, 30))
    assert "does not exist in Europe/Berlin" in editor.problem.text() and not editor.problem.isHidden()
    assert editor.wall_clock().instant is None
    editor.set_local(datetime(2027, 10, 31, 2, 30))
    assert not editor.fold.isHidden() and "happens twice" in editor.problem.text()
    assert editor.fold_choice() is None and " or " in editor.officer.text()
    editor.fold.setCurrentIndex(1)
    assert editor.fold_choice() is not None and editor.fold_choice().value == "later"
    assert editor.wall_clock().instant == datetime.fromisoformat("2027-10-31T01:30+00:00")
    editor.set_local(datetime(2027, 6, 1, 9, 0))
    assert editor.fold.isHidden() and editor.problem.isHidden() and "your time" in editor.officer.text()


def test_a_time_in_a_gap_blocks_schedule_with_the_sentence(
    qtbot: QtBot, store: Store, press_accounts: dict[str, Account], translating: object, settle: Settle
) -> None:
    berlin_like = press_accounts["London (FB)"]  # Europe/London skips 01:00-02:00 on its spring night
    _translated_draft(store, [berlin_like])
    window, page = _open(qtbot, store)
    pane = _pane(page, "London (FB)")
    pane.reviewed.setChecked(True)
    settle(window)
    pane.schedule.set_local(datetime(2099, 3, 29, 1, 30))
    page.review.schedule_button.click()
    assert "does not exist in Europe/London" in page.review.gate_reason.text()
    assert queries.get_variant(store, pane.shown.id).status is VariantStatus.DRAFT


def test_next_free_slot_repeat_and_publish_now(
    qtbot: QtBot, store: Store, sandbox: Sandbox, translating: object, settle: Settle
) -> None:
    tokyo = add_account(store, sandbox, name="tokyo", zone="Asia/Tokyo")
    second = add_account(store, sandbox, name="osaka", zone="Asia/Tokyo")
    slots.add_slot(store, "tokyo", "09:30")
    _translated_draft(store, [tokyo, second])
    window, page = _open(qtbot, store)
    pane = _pane(page, "tokyo")
    assert not pane.schedule.publish_button.isEnabled()  # not reviewed yet
    pane.schedule.next_slot_button.click()
    settle(window)
    assert pane.schedule.local().strftime("%H:%M") == "09:30"
    assert pane.schedule.local() > datetime.now() - timedelta(days=1)

    pane.reviewed.setChecked(True)
    settle(window)
    pane.schedule.rule.setText("FREQ=WEEKLY;BYDAY=MO")
    pane.schedule.repeat_button.click()
    settle(window)
    assert [r.template_variant_id for r in scheduler_services.list_recurrences(store)] == [pane.shown.id]
    assert "Repeats by FREQ=WEEKLY;BYDAY=MO" in pane.message.text()
    assert "Repeats" in pane.flags.text()

    other = _pane(page, "osaka")
    other.reviewed.setChecked(True)
    settle(window)
    other.schedule.publish_button.click()
    settle(window, timeout=60_000)
    assert queries.get_variant(store, other.shown.id).status is VariantStatus.PUBLISHED
    assert "published" in other.message.text()
    assert len(sandbox.posts("x")) == 1
