"""The Queue screen: lists and filters variants, explains failures, and retries, cancels, reschedules.

Everything below the page is real: the store, the services, the engine and the X connector
talking to the platform emulator. Only the engine's clock is a fake one.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app import i18n
from app.context import AppContext
from app.models import queue_model, when
from app.qt import QApplication, QDateTime, Qt, QUrl
from app.views.queue import QueuePage
from app.widgets.reschedule_dialog import RescheduleDialog
from connectors.sandbox import Sandbox
from core import queries, timeutil
from core.domain import AuditAction, VariantStatus
from core.services import posts
from core.store import Store
from core.store.tables import variants
from scheduler.backoff import RetryPolicy
from scheduler.engine import Engine, EngineSettings
from tests.support.fake_clock import FakeClock
from tests.support.scheduling import add_account, local_in, schedule, texts

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def engine(store: Store, clock: FakeClock) -> Iterator[Engine]:
    made = Engine(store, clock=clock, settings=EngineSettings(retry=RetryPolicy(max_attempts=3)), rng=random.Random(7))
    yield made
    made.stop()


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> QueuePage:
    shown = QueuePage(ctx, zone=LONDON)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    return shown


def _load(qtbot: QtBot, page: QueuePage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()


def _choose(qtbot: QtBot, page: QueuePage, box_name: str, text: str) -> None:
    box = getattr(page.filters, box_name)
    index = box.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        box.setCurrentIndex(index)


def _shown(page: QueuePage) -> list[tuple[str, str]]:
    return [
        (page.model.row_at(r).account_name, page.model.row_at(r).status.value) for r in range(page.model.rowCount())
    ]


def _publish_one(store: Store, engine: Engine, clock: FakeClock, account: str, zone: str, text: str) -> int:
    due = clock.now + timedelta(minutes=1)
    variant_id = schedule(store, account, local_in(zone, due), clock.now, text=text)
    clock.set(due)
    engine.sweep()
    return variant_id


def test_the_queue_lists_scheduled_published_and_failed_variants_and_filters_them(
    qtbot: QtBot,
    page: QueuePage,
    store: Store,
    sandbox: Sandbox,
    engine: Engine,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    published = _publish_one(store, engine, clock, "tokyo", "Asia/Tokyo", "Summit opens")
    sandbox.set_faults("policy:1", times=1, path="/2/tweets", method="POST")
    failed = _publish_one(store, engine, clock, "berlin", "Europe/Berlin", "Gipfel beginnt")
    scheduled = schedule(store, "berlin", datetime(2030, 1, 15, 9, 0), clock.now, text="Pressekonferenz")

    _load(qtbot, page)

    assert sorted(_shown(page)) == [("berlin", "failed"), ("berlin", "scheduled"), ("tokyo", "published")]
    assert page.count_label.text() == "3 of 3"
    row = page.model.row_of(scheduled)
    assert row is not None
    assert page.model.index(row, queue_model.WHEN).data() == "2030-01-15 09:00 CET"  # the account's clock
    tip = page.model.index(row, queue_model.WHEN).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Your time: 2030-01-15 08:00 GMT"  # the officer's own (London)
    assert page.model.index(row, queue_model.ACCOUNT).data() == "berlin (x)"

    _choose(qtbot, page, "status", "Published")
    assert [page.model.row_at(0).variant_id] == [published] and page.count_label.text() == "1 of 1"
    _choose(qtbot, page, "status", "Needs attention")
    assert [page.model.row_at(0).variant_id] == [failed]
    _choose(qtbot, page, "status", "All statuses")
    _choose(qtbot, page, "account", "berlin (x)")
    assert sorted(_shown(page)) == [("berlin", "failed"), ("berlin", "scheduled")]
    _choose(qtbot, page, "account", "All accounts")
    _choose(qtbot, page, "language", "ja")
    assert _shown(page) == [("tokyo", "published")]
    _choose(qtbot, page, "language", "All languages")
    _choose(qtbot, page, "period", "Last 7 days")
    assert sorted(_shown(page)) == [("berlin", "failed"), ("tokyo", "published")]

    monkeypatch.setattr("app.views.queue.LIMIT", 1)
    _choose(qtbot, page, "period", "Any time")
    assert page.model.rowCount() == 1 and page.count_label.text() == "1 of 3"


def test_a_custom_period_ending_before_it_starts_is_refused_with_the_cores_sentence(
    qtbot: QtBot, page: QueuePage, errors: list[str]
) -> None:
    _choose(qtbot, page, "period", "From ... to ...")
    assert page.filters.start.isVisible() and page.filters.end.isVisible()
    with qtbot.waitSignal(page.ctx.hub.op_finished, timeout=10_000):
        page.filters.end.setDate(page.filters.start.date().addDays(-3))
    assert errors == ["The period ends before it starts; pick an end after the start."]


def test_a_failure_shows_its_reason_and_retry_publishes_it(
    qtbot: QtBot, page: QueuePage, store: Store, sandbox: Sandbox, engine: Engine, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    sandbox.set_faults("auth:1", times=1, path="/2/tweets", method="POST")
    variant_id = _publish_one(store, engine, clock, "tokyo", "Asia/Tokyo", "Summit opens")
    assert queries.get_variant(store, variant_id).last_error_class == "authentication"
    _load(qtbot, page)

    assert page.select(variant_id)
    panel = page.panel
    assert "no longer accepts this account's sign-in" in panel.reason.text()
    assert panel.advice.text() == "Reconnect the account on the Accounts screen, then retry."
    assert panel.detail.text() == queries.get_variant(store, variant_id).last_error
    assert panel.accounts_button.isVisible() and panel.retry_button.isEnabled()
    assert not panel.open_button.isEnabled()

    with qtbot.waitSignal(page.loaded, timeout=30_000):
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)

    assert texts(sandbox) == ["Summit opens"]
    assert _shown(page) == [("tokyo", "published")]
    assert page.selected() is not None and page.panel.open_button.isEnabled()
    assert not page.panel.reason.isVisible()
    opened: list[QUrl] = []
    page.open_url = opened.append
    qtbot.mouseClick(page.panel.open_button, Qt.MouseButton.LeftButton)
    assert [url.toString() for url in opened] == [queries.get_variant(store, variant_id).remote_url]


def test_an_unclear_attempt_asks_the_officer_to_check_and_then_publishes_without_a_look_up(
    qtbot: QtBot, page: QueuePage, store: Store, sandbox: Sandbox, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    variant_id = schedule(store, "tokyo", local_in("Asia/Tokyo", clock.now + timedelta(hours=1)), clock.now)
    with store.write() as conn:  # what the publisher leaves when the platform cannot tell
        conn.execute(
            update(variants)
            .where(variants.c.id == variant_id)
            .values(status="failed", last_error_class="needs_confirmation", last_error="The platform cannot tell.")
        )
    _load(qtbot, page)
    page.select(variant_id)
    assert page.panel.confirm_button.isVisible() and not page.panel.retry_button.isVisible()
    assert "If the post is not there" in page.panel.advice.text()

    with qtbot.waitSignal(page.loaded, timeout=30_000):
        qtbot.mouseClick(page.panel.confirm_button, Qt.MouseButton.LeftButton)

    assert queries.get_variant(store, variant_id).status is VariantStatus.PUBLISHED
    actions = [e.action for e in queries.list_events(store, entity="variant", entity_id=variant_id)]
    assert AuditAction.CONFIRM_ABSENT in actions


def test_cancel_stops_this_accounts_version_only_after_asking(
    qtbot: QtBot, page: QueuePage, store: Store, sandbox: Sandbox, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    post = posts.create_post(store, text="Hello", accounts=["tokyo", "berlin"], at=datetime(2030, 5, 6, 9, 0))
    tokyo, berlin = sorted(post.variants, key=lambda v: v.account_name != "tokyo")
    _load(qtbot, page)
    page.select(tokyo.id)
    assert "other accounts keep theirs" in page.panel.cancel_button.toolTip()

    questions: list[str] = []
    page.confirm = lambda question: questions.append(question) is not None  # says no
    qtbot.mouseClick(page.panel.cancel_button, Qt.MouseButton.LeftButton)
    assert questions == ["Cancel the post to tokyo? The post's other accounts keep theirs."]
    assert queries.get_variant(store, tokyo.id).status is VariantStatus.SCHEDULED

    page.confirm = lambda _question: True
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        qtbot.mouseClick(page.panel.cancel_button, Qt.MouseButton.LeftButton)
    assert queries.get_variant(store, tokyo.id).status is VariantStatus.CANCELLED
    assert queries.get_variant(store, berlin.id).status is VariantStatus.SCHEDULED
    assert sorted(_shown(page)) == [("berlin", "scheduled"), ("tokyo", "cancelled")]
    assert not page.panel.cancel_button.isEnabled()  # the selection stays on it: nothing more to cancel


def test_reschedule_moves_this_accounts_version_and_a_refusal_is_the_cores_sentence(
    qtbot: QtBot, page: QueuePage, store: Store, sandbox: Sandbox, clock: FakeClock, errors: list[str]
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    add_account(store, sandbox, "berlin", "Europe/Berlin")
    post = posts.create_post(store, text="Hello", accounts=["tokyo", "berlin"], at=datetime(2030, 5, 6, 9, 0))
    first = next(v.id for v in post.variants if v.account_name == "tokyo")
    _load(qtbot, page)
    page.select(first)
    asked: list[tuple[int, str]] = []

    def answer(row: queue_model.QueueRow, zone: str) -> tuple[datetime, timeutil.FoldChoice | None]:
        asked.append((row.variant_id, zone))
        return datetime(2030, 5, 7, 18, 30), None

    page.ask_time = answer
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        qtbot.mouseClick(page.panel.reschedule_button, Qt.MouseButton.LeftButton)
    assert asked == [(first, "Asia/Tokyo")]
    moved = queries.get_variant(store, first)
    assert (moved.schedule_local, moved.schedule_zone) == ("2030-05-07T18:30", "Asia/Tokyo")
    others = [v for v in queries.get_post(store, moved.post_id).variants if v.id != first]
    assert [v.schedule_local for v in others] == ["2030-05-06T09:00"]  # Berlin keeps its time

    page.ask_time = lambda _row, _zone: (datetime(2001, 1, 1, 9, 0), None)
    with qtbot.waitSignal(page.ctx.hub.op_finished, timeout=20_000):
        qtbot.mouseClick(page.panel.reschedule_button, Qt.MouseButton.LeftButton)
    assert errors == ["2001-01-01 09:00 in Asia/Tokyo (account 'tokyo') is already past; pick a later time."]


def test_the_reschedule_dialog_refuses_a_gap_and_asks_which_of_two_times(qtbot: QtBot) -> None:
    dialog = RescheduleDialog("berlin", "Europe/Berlin", datetime(2030, 5, 6, 9, 0), officer_zone=LONDON)
    qtbot.addWidget(dialog)
    assert dialog.officer_label.text() == "2030-05-06 08:00 BST"
    assert dialog.fold_box.isHidden()

    dialog.set_local(datetime(2030, 3, 31, 2, 30))  # the clocks jump from 02:00 to 03:00 in Berlin
    dialog.accept()
    assert dialog.result() != RescheduleDialog.DialogCode.Accepted
    assert dialog.message.text() == (
        "2030-03-31 02:30 does not exist in Europe/Berlin: the clocks jump forward then. "
        "Pick a time outside the change."
    )

    dialog.set_local(datetime(2030, 10, 27, 2, 30))  # 02:30 happens twice in Berlin
    assert not dialog.fold_box.isHidden()
    dialog.accept()
    assert "happens twice in Europe/Berlin" in dialog.message.text()
    dialog.fold_box.setCurrentIndex(dialog.fold_box.findData(timeutil.FoldChoice.LATER))
    assert dialog.officer_label.text() == "2030-10-27 01:30 GMT"  # the second 02:30 is 01:30 UTC
    dialog.accept()
    assert dialog.result() == RescheduleDialog.DialogCode.Accepted
    assert dialog.chosen() == (datetime(2030, 10, 27, 2, 30), timeutil.FoldChoice.LATER)
    assert isinstance(dialog.edit.dateTime(), QDateTime)


def test_an_account_whose_metrics_fail_shows_one_line(
    qtbot: QtBot, page: QueuePage, store: Store, sandbox: Sandbox, engine: Engine, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    _publish_one(store, engine, clock, "tokyo", "Asia/Tokyo", "Summit opens")
    _load(qtbot, page)
    assert page.metrics_label.isHidden()
    sandbox.set_faults("500:1", times=1, path="/2/tweets", method="GET")
    clock.advance(minutes=10)
    engine.sweep()  # the poll fails: the poller marks the variant

    _load(qtbot, page)

    assert not page.metrics_label.isHidden()
    line = page.metrics_label.text()
    assert line.startswith("Engagement figures of tokyo (1 posts) cannot be read: Metrics failing: retryable")
    assert "\n" not in line


def test_named_periods_are_whole_days_on_the_officers_clock() -> None:
    today = date(2030, 3, 30)  # the eve of the clocks going forward in London
    start, end = when.period_range(when.Period.NEXT_7_DAYS, today, LONDON)
    assert (start.isoformat(), end.isoformat()) == ("2030-03-30T00:00:00+00:00", "2030-04-05T23:00:00+00:00")
    start, end = when.period_range(when.Period.THIS_MONTH, today, LONDON)
    assert (start.isoformat(), end.isoformat()) == ("2030-03-01T00:00:00+00:00", "2030-03-31T23:00:00+00:00")
    assert when.period_range(when.Period.ANY, today, LONDON) == (None, None)


def test_the_advice_on_a_failure_speaks_the_interface_language(
    qtbot: QtBot, page: QueuePage, store: Store, sandbox: Sandbox, engine: Engine, clock: FakeClock
) -> None:
    add_account(store, sandbox, "tokyo", "Asia/Tokyo")
    sandbox.set_faults("auth:1", times=1, path="/2/tweets", method="POST")
    variant_id = _publish_one(store, engine, clock, "tokyo", "Asia/Tokyo", "Summit opens")
    _load(qtbot, page)
    assert page.select(variant_id)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert i18n.switch_language(app, "vi")
        # The scheduler's own wording (scheduler/display.py), translated through the app's catalogue.
        assert page.panel.advice.text() == "Kết nối lại tài khoản trên màn hình Tài khoản, rồi thử lại."
        assert page.panel.reason.text().startswith("Nền tảng không còn chấp nhận đăng nhập")
        assert page.panel.detail.text() == queries.get_variant(store, variant_id).last_error  # the platform's own
    finally:
        i18n.switch_language(app, "en")
    assert page.panel.advice.text() == "Reconnect the account on the Accounts screen, then retry."
