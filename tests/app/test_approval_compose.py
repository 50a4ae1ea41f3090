"""Approval in the Compose screen's schedule step, end to end in one window: an account that
requires approval is named before any refusal, "Submit for approval" sends the variant to the
Queue's "Waiting for me", an approval there lets it be scheduled, and an edit sends it back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from pytestqt.qtbot import QtBot

from app.main_window import MainWindow
from app.views.compose import ComposePage
from app.views.queue import QueuePage
from app.widgets.review_pane import VariantPane
from core import queries
from core.domain import ReviewState, VariantStatus
from core.services import accounts, approval
from core.store import Store
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import local_in

Settle = Callable[..., None]
SOURCE = "Hôm nay bộ ngoại giao. Cuộc họp hữu nghị!"


def _london_pane(page: ComposePage) -> VariantPane:
    (pane,) = page.review.panes.values()
    return pane


def _approve_in_queue(qtbot: QtBot, window: MainWindow, variant_id: int) -> None:
    window.go("queue")
    queue = window.pages["queue"]
    assert isinstance(queue, QueuePage)
    with qtbot.waitSignal(queue.loaded, timeout=20_000):
        queue.filters.waiting.setChecked(True)
    assert [queue.model.row_at(r).variant_id for r in range(queue.model.rowCount())] == [variant_id]
    assert queue.select(variant_id)
    assert queue.panel.approve_button.isVisibleTo(queue)
    with qtbot.waitSignal(queue.loaded, timeout=20_000):
        queue.panel.approve_button.click()
    with qtbot.waitSignal(queue.loaded, timeout=20_000):
        queue.filters.waiting.setChecked(False)  # the next test of the screen starts from everything


def test_an_account_requiring_approval_is_submitted_approved_then_scheduled(
    qtbot: QtBot, store: Store, clock: FakeClock, translating: object, settle: Settle, errors: list[str]
) -> None:
    london = accounts.add_account(store, name="london", platform="x", language="en", timezone="Europe/London")
    approval.set_requires_approval(store, "london", True)
    window = MainWindow(store, watch=False)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["compose"]
    assert isinstance(page, ComposePage)
    qtbot.waitUntil(page.composer_box.isEnabled, timeout=10_000)
    page.accounts.set_checked(london.id, True)
    index = page.language.findData("vi")
    page.language.setCurrentIndex(index)
    page.language.activated.emit(index)
    with qtbot.waitSignal(page.draft_saved, timeout=10_000):
        page.editor.setPlainText(SOURCE)
    with qtbot.waitSignal(page.translated, timeout=60_000):
        page.translate_button.click()
    settle(window)
    pane = _london_pane(page)
    pane.reviewed.setChecked(True)
    settle(window)
    review = page.review

    # The step says so before anything is refused, and offers the submission instead.
    assert not review.schedule_button.isEnabled()
    assert "london: requires approval" in review.gate_reason.text()
    assert review.submit_button.isVisibleTo(page)
    review.submit_button.click()
    settle(window)
    variant_id = pane.view.variant.id
    assert queries.get_variant(store, variant_id).approval_state is ReviewState.IN_REVIEW
    assert "Waiting for an approver: london." in review.gate_reason.text()
    assert not review.submit_button.isVisibleTo(page) and not review.schedule_button.isEnabled()

    _approve_in_queue(qtbot, window, variant_id)
    assert errors == []
    window.go("compose")  # the screen reads the post again: the approval shows
    settle(window)
    assert review.schedule_button.isEnabled(), review.gate_reason.text()

    # An edit after the approval sends it back to the approver.
    pane = _london_pane(page)
    pane.editor.setPlainText("Today the ministry. A friendly meeting!")
    pane.save_button.click()
    settle(window)
    assert queries.get_variant(store, variant_id).approval_state is ReviewState.IN_REVIEW
    qtbot.waitUntil(lambda: "Waiting for an approver: london." in review.gate_reason.text(), timeout=10_000)
    assert not review.schedule_button.isEnabled()

    _approve_in_queue(qtbot, window, variant_id)
    window.go("compose")  # the screen reads the post again: the approval shows
    settle(window)
    pane = _london_pane(page)
    if not pane.shown.reviewed:
        pane.reviewed.setChecked(True)
        settle(window)
    assert review.schedule_button.isEnabled(), review.gate_reason.text()
    due = clock.now + timedelta(hours=2)
    pane.schedule.set_local(local_in("Europe/London", due))
    review.schedule_button.click()
    settle(window)
    assert errors == []
    scheduled = queries.get_variant(store, variant_id)
    assert (scheduled.status, scheduled.scheduled_at) == (VariantStatus.SCHEDULED, due)
