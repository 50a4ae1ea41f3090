"""Approval in the Queue: "Waiting for me", the approval state in the status column, and the
panel's Submit / Approve / Reject buttons acting through the real services (the embedded store's
one person is an implicit admin, who may submit, approve and reject)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.models import queue_model
from app.qt import QPushButton, Qt
from app.viewmodels.approval import ApprovalAction, approval_actions
from app.views.accounts import AccountsPage
from app.views.queue import QueuePage
from core import queries
from core.domain import ReviewState, Role, VariantStatus
from core.errors import ConflictError
from core.services import accounts, approval, posts
from core.services.permissions import CurrentUser
from core.store import Store

LATER = datetime(2099, 1, 5, 9, 0)
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> QueuePage:
    shown = QueuePage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    return shown


@pytest.fixture
def drafts(store: Store) -> dict[str, int]:
    """A draft to Tokyo (which requires approval) and one to Paris (which does not)."""
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.add_account(store, name="Paris", platform="x", language="fr", timezone="Europe/Paris")
    approval.set_requires_approval(store, "Tokyo", True)
    tokyo = posts.create_post(store, text="Ohayo", accounts=["Tokyo"]).variants[0].id
    paris = posts.create_post(store, text="Bonjour", accounts=["Paris"]).variants[0].id
    return {"Tokyo": tokyo, "Paris": paris}


def _load(qtbot: QtBot, page: QueuePage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()


def _act(qtbot: QtBot, page: QueuePage, button: QPushButton) -> None:
    """Click ``button`` and wait for the page's reload after the operation."""
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        button.click()


def _names(page: QueuePage) -> list[str]:
    return [page.model.row_at(r).account_name for r in range(page.model.rowCount())]


def _status_cell(page: QueuePage, variant_id: int) -> str:
    row = page.model.row_of(variant_id)
    assert row is not None
    return str(page.model.data(page.model.index(row, queue_model.STATUS)))


def test_submit_then_approve_from_waiting_for_me_lets_the_variant_be_scheduled(
    qtbot: QtBot, page: QueuePage, store: Store, drafts: dict[str, int], errors: list[str]
) -> None:
    tokyo = drafts["Tokyo"]
    _load(qtbot, page)
    assert sorted(_names(page)) == ["Paris", "Tokyo"]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.waiting.setChecked(True)
    assert _names(page) == []  # nothing submitted yet

    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.waiting.setChecked(False)
    assert page.select(tokyo)
    assert page.panel.submit_button.isVisibleTo(page)
    assert not page.panel.approve_button.isVisibleTo(page)
    _act(qtbot, page, page.panel.submit_button)
    assert queries.get_variant(store, tokyo).approval_state is ReviewState.IN_REVIEW
    assert _status_cell(page, tokyo) == "Draft (in review)"

    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.waiting.setChecked(True)
    assert _names(page) == ["Tokyo"]
    assert page.select(tokyo)
    assert page.panel.approve_button.isVisibleTo(page)
    assert page.panel.reject_button.isVisibleTo(page)
    assert not page.panel.submit_button.isVisibleTo(page)
    _act(qtbot, page, page.panel.approve_button)
    assert errors == []
    approved = queries.get_variant(store, tokyo)
    assert approved.approval_state is ReviewState.APPROVED
    assert approved.status is VariantStatus.APPROVED
    assert _names(page) == []  # no longer waiting

    post = posts.schedule_post(store, approved.post_id, LATER, now=NOW)
    assert post.variants[0].status is VariantStatus.SCHEDULED


def test_reject_asks_for_a_comment_shows_it_and_sends_the_variant_back_to_draft(
    qtbot: QtBot, page: QueuePage, store: Store, drafts: dict[str, int], errors: list[str]
) -> None:
    tokyo = drafts["Tokyo"]
    approval.submit(store, variant_ids=[tokyo])
    asked: list[str] = []

    def answer(row: object) -> str:
        asked.append(getattr(row, "account_name", ""))
        return "Use the formal greeting."

    page.ask_comment = answer
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.waiting.setChecked(True)
    assert page.select(tokyo)
    _act(qtbot, page, page.panel.reject_button)
    assert asked == ["Tokyo"]
    assert errors == []
    rejected = queries.get_variant(store, tokyo)
    assert rejected.approval_state is ReviewState.REJECTED
    assert rejected.status is VariantStatus.DRAFT
    with pytest.raises(ConflictError, match="needs an approver's approval"):
        posts.schedule_post(store, rejected.post_id, LATER, now=NOW)

    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.waiting.setChecked(False)
    assert page.select(tokyo)
    assert _status_cell(page, tokyo) == "Draft (rejected)"
    assert "Use the formal greeting." in page.panel.comment.text()
    assert page.panel.comment.isVisibleTo(page)
    assert page.panel.submit_button.isVisibleTo(page)  # correct it and submit again


def test_an_empty_rejection_is_not_sent(
    qtbot: QtBot, page: QueuePage, store: Store, drafts: dict[str, int], errors: list[str]
) -> None:
    tokyo = drafts["Tokyo"]
    approval.submit(store, variant_ids=[tokyo])
    page.ask_comment = lambda _row: None  # the person closed the dialog
    _load(qtbot, page)
    assert page.select(tokyo)
    page.panel.reject_button.click()
    assert queries.get_variant(store, tokyo).approval_state is ReviewState.IN_REVIEW
    assert errors == []


def test_an_edit_after_approval_puts_the_variant_back_in_review(
    qtbot: QtBot, page: QueuePage, store: Store, drafts: dict[str, int]
) -> None:
    tokyo = drafts["Tokyo"]
    approval.submit(store, variant_ids=[tokyo])
    approval.approve(store, [tokyo])
    variant = queries.get_variant(store, tokyo)
    posts.edit_variant(store, tokyo, text="Ohayo gozaimasu", expected_version=variant.version)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.waiting.setChecked(True)
    assert _names(page) == ["Tokyo"]
    assert _status_cell(page, tokyo) == "Draft (in review)"


def test_the_rule_offers_what_the_role_and_state_allow() -> None:
    officer = CurrentUser("o", Role.OFFICER, frozenset({1}), authenticated=True)
    approver = CurrentUser("a", Role.APPROVER, frozenset({1}), authenticated=True)
    draft, review = ReviewState.DRAFT, ReviewState.IN_REVIEW
    assert approval_actions(VariantStatus.DRAFT, draft, officer, 1) == {ApprovalAction.SUBMIT}
    assert approval_actions(VariantStatus.DRAFT, review, officer, 1) == frozenset()
    assert approval_actions(VariantStatus.DRAFT, review, approver, 1) == {ApprovalAction.APPROVE, ApprovalAction.REJECT}
    assert approval_actions(VariantStatus.DRAFT, review, approver, 2) == frozenset()  # not their group's account
    assert approval_actions(VariantStatus.PUBLISHED, draft, approver, 1) == frozenset()
    assert approval_actions(VariantStatus.DRAFT, ReviewState.REJECTED, officer, 1) == {ApprovalAction.SUBMIT}
    assert approval_actions(VariantStatus.DRAFT, draft, None) == frozenset()


def test_an_admin_ticks_requires_approval_in_the_edit_form_and_the_table_shows_it(
    qtbot: QtBot, ctx: AppContext, store: Store, errors: list[str]
) -> None:
    accounts.add_account(store, name="Lima", platform="x", language="es", timezone="America/Lima")
    shown = AccountsPage(ctx)
    qtbot.addWidget(shown)
    shown.show()
    shown.refresh()
    qtbot.waitUntil(lambda: [a.name for a in shown.model.rows] == ["Lima"], timeout=20_000)
    assert shown.model.data(shown.model.index(0, 5)) == ""
    shown.select("Lima")
    form = shown.open_edit_form()
    assert form is not None
    qtbot.waitUntil(form.approval_box.isEnabled, timeout=20_000)  # the embedded store's person is an admin
    assert not form.approval_box.isChecked()
    form.approval_box.setChecked(True)
    form.save_button.click()
    qtbot.waitUntil(lambda: [a.requires_approval for a in shown.model.rows] == [True], timeout=20_000)
    assert errors == []
    assert queries.get_account(store, "Lima").requires_approval
    assert shown.model.data(shown.model.index(0, 5)) == "Required"
    assert shown.model.headerData(5, Qt.Orientation.Horizontal) == "Approval"
    assert "need an approver's approval" in shown.result.text()
    with pytest.raises(ConflictError, match="requires approval"):
        posts.create_post(store, text="Hola", accounts=["Lima"], at=LATER, now=NOW)
