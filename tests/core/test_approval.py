"""Approval on both backends (the embedded store's one user is an implicit admin): gating,
an edit after approval, rejection comments, audit entries; and migration 0007 over 0006 data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from core import queries
from core.domain import AuditAction, ReviewState, VariantStatus
from core.errors import ConflictError, UserError
from core.services import accounts, approval, posts, users
from core.store import Store, open_store
from core.store.migrate import head_revision, upgrade
from core.store.tables import audit_events
from scheduler import services as scheduler_services
from scheduler import slots

LATER = datetime(2099, 1, 5, 9, 0)
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def tokyo(any_store: Store) -> Store:
    accounts.add_account(any_store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    approval.set_requires_approval(any_store, "Tokyo", True)
    return any_store


def _actions(store: Store, variant_id: int) -> list[str]:
    with store.read() as conn:
        return list(
            conn.execute(
                select(audit_events.c.action)
                .where(audit_events.c.entity == "variant", audit_events.c.entity_id == variant_id)
                .order_by(audit_events.c.id)
            ).scalars()
        )


def test_an_account_that_requires_approval_takes_nothing_unapproved(tokyo: Store) -> None:
    assert queries.get_account(tokyo, "Tokyo").requires_approval
    with pytest.raises(ConflictError, match="requires approval"):
        posts.create_post(tokyo, text="Ohayo", accounts=["Tokyo"], at=LATER, now=NOW)
    post = posts.create_post(tokyo, text="Ohayo", accounts=["Tokyo"])
    variant_id = post.variants[0].id
    slots.add_slot(tokyo, "Tokyo", "09:00")
    for schedule in (
        lambda: posts.schedule_post(tokyo, post.id, LATER, now=NOW),
        lambda: scheduler_services.make_due_now(tokyo, variant_id, now=datetime.now(UTC), actor="me"),
        lambda: slots.schedule_to_next_slot(tokyo, variant_id),
    ):
        with pytest.raises(ConflictError, match="needs an approver's approval"):
            schedule()
    assert queries.get_variant(tokyo, variant_id).status is VariantStatus.DRAFT
    approval.submit(tokyo, post_id=post.id)
    with pytest.raises(ConflictError, match="needs an approver's approval"):  # in review is not approved
        posts.schedule_post(tokyo, post.id, LATER, now=NOW)
    approval.approve(tokyo, [variant_id])
    scheduled = posts.schedule_post(tokyo, post.id, LATER, now=NOW)
    assert scheduled.variants[0].status is VariantStatus.SCHEDULED
    assert _actions(tokyo, variant_id) == [AuditAction.SUBMIT, AuditAction.APPROVE]


def test_an_account_without_the_rule_schedules_as_before(any_store: Store) -> None:
    accounts.add_account(any_store, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    post = posts.create_post(any_store, text="Hallo", accounts=["Berlin"], at=LATER, now=NOW)
    assert post.variants[0].status is VariantStatus.SCHEDULED


@pytest.mark.parametrize("path", ["edit_variant", "edit_draft"])
def test_an_edit_after_approval_sends_the_variant_back_to_review(tokyo: Store, path: str) -> None:
    post = posts.create_post(tokyo, text="Ohayo", accounts=["Tokyo"])
    variant_id = post.variants[0].id
    approval.approve(tokyo, [variant_id])
    posts.schedule_post(tokyo, post.id, LATER, now=NOW)
    if path == "edit_variant":
        posts.edit_variant(tokyo, variant_id, text="Ohayo gozaimasu", expected_version=None)
    else:
        posts.edit_draft(tokyo, post.id, text="Ohayo gozaimasu")
    edited = queries.get_variant(tokyo, variant_id)
    assert (edited.approval_state, edited.status) == (ReviewState.IN_REVIEW, VariantStatus.DRAFT)
    with pytest.raises(ConflictError, match="needs an approver's approval"):
        posts.schedule_post(tokyo, post.id, LATER, now=NOW)
    approval.approve(tokyo, [variant_id])
    assert posts.schedule_post(tokyo, post.id, LATER, now=NOW).variants[0].status is VariantStatus.SCHEDULED


def test_an_unchanged_text_keeps_the_approval(tokyo: Store) -> None:
    post = posts.create_post(tokyo, text="Ohayo", accounts=["Tokyo"])
    variant_id = post.variants[0].id
    approval.approve(tokyo, [variant_id])
    posts.edit_variant(tokyo, variant_id, text="Ohayo", expected_version=None)
    assert queries.get_variant(tokyo, variant_id).approval_state is ReviewState.APPROVED


def test_a_rejection_needs_a_comment_and_keeps_it_until_approval(tokyo: Store) -> None:
    post = posts.create_post(tokyo, text="Ohayo", accounts=["Tokyo"])
    variant_id = post.variants[0].id
    approval.submit(tokyo, post_id=post.id)
    with pytest.raises(UserError, match="Say why"):
        approval.reject(tokyo, [variant_id], "   ")
    approval.reject(tokyo, [variant_id], "Too informal.")
    shown = queries.get_variant(tokyo, variant_id)
    assert (shown.approval_state, shown.approval_comment) == (ReviewState.REJECTED, "Too informal.")
    with pytest.raises(ConflictError, match="not waiting for approval"):
        approval.reject(tokyo, [variant_id], "Again.")
    approval.submit(tokyo, post_id=post.id)
    assert queries.get_variant(tokyo, variant_id).approval_comment == "Too informal."
    approval.approve(tokyo, [variant_id])
    assert queries.get_variant(tokyo, variant_id).approval_comment is None
    assert _actions(tokyo, variant_id) == [
        AuditAction.SUBMIT,
        AuditAction.REJECT,
        AuditAction.SUBMIT,
        AuditAction.APPROVE,
    ]


def test_a_posts_review_state_follows_its_variants(tokyo: Store) -> None:
    accounts.add_account(tokyo, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    approval.set_requires_approval(tokyo, "Berlin", True)
    post = posts.create_post(tokyo, text="Ohayo", accounts=["Tokyo", "Berlin"])
    first, second = (v.id for v in post.variants)

    def state() -> ReviewState:
        return queries.get_post(tokyo, post.id).review_state

    assert state() is ReviewState.DRAFT
    approval.submit(tokyo, post_id=post.id)
    assert state() is ReviewState.IN_REVIEW
    approval.approve(tokyo, [first])
    assert state() is ReviewState.IN_REVIEW  # one still waits
    approval.reject(tokyo, [second], "Wrong date.")
    assert state() is ReviewState.REJECTED
    approval.submit(tokyo, post_id=post.id)
    approval.approve(tokyo, [second])
    assert state() is ReviewState.APPROVED


def test_rejecting_an_approved_scheduled_variant_takes_it_off_the_schedule(tokyo: Store) -> None:
    post = posts.create_post(tokyo, text="Ohayo", accounts=["Tokyo"])
    variant_id = post.variants[0].id
    approval.approve(tokyo, [variant_id])
    posts.schedule_post(tokyo, post.id, LATER, now=NOW)
    [rejected] = approval.reject(tokyo, [variant_id], "Not this week.")
    assert rejected.status is VariantStatus.DRAFT


def test_the_embedded_store_has_no_users_and_one_implicit_admin(store: Store) -> None:
    me = users.me(store)
    assert (me.account_ids, me.authenticated) == (None, False)
    with pytest.raises(UserError, match="for a team database"):
        users.add_group(store, "Tokyo")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_migration_0007_upgrades_a_0006_store_with_data(request: pytest.FixtureRequest, backend: str) -> None:
    url = request.getfixturevalue("postgres_url") if backend == "postgresql" else None
    store = open_store(url, migrate=False)
    try:
        upgrade(store, "0006")
        with store.write() as conn:  # the columns revision 0006 has (the services read the newest schema)
            conn.execute(
                text(
                    "INSERT INTO accounts (id, name, platform, language, timezone, grace_minutes, active, "
                    "created_at, updated_at) VALUES (1, 'Tokyo', 'x', 'ja', 'Asia/Tokyo', 60, true, :t, :t)"
                ),
                {"t": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO posts (id, author, source_language, text, review_state, created_at, updated_at) "
                    "VALUES (1, 'me', 'ja', 'Ohayo', 'draft', :t, :t)"
                ),
                {"t": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO variants (id, post_id, account_id, language, text, status, scheduled_at, "
                    "created_at, updated_at) VALUES (1, 1, 1, 'ja', 'Ohayo', 'scheduled', :s, :t, :t)"
                ),
                {"t": NOW, "s": datetime(2099, 1, 1, tzinfo=UTC)},
            )
        upgrade(store)
        assert store.engine.dialect.name == backend
        from core.store.migrate import current_revision

        assert current_revision(store) == head_revision()
        variant = queries.get_variant(store, 1)
        assert (variant.text, variant.status, variant.approval_state) == (
            "Ohayo",
            VariantStatus.SCHEDULED,
            ReviewState.DRAFT,
        )
        assert queries.get_account(store, "Tokyo").requires_approval is False
        if backend == "postgresql":
            with store.read() as conn:
                secured = conn.execute(
                    text("SELECT relname FROM pg_class WHERE relrowsecurity AND relname IN ('posts', 'variants')")
                ).scalars()
                assert sorted(secured) == ["posts", "variants"]
    finally:
        store.dispose()
