"""Team mode on a real PostgreSQL server: roles and groups through the services, and the same
rules through plain SQL as each login (row-level security)."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy
from sqlalchemy import select, text

from core import queries
from core.domain import AuditAction, ReviewState, Role, VariantStatus
from core.errors import NotFoundError, PermissionDeniedError, UserError
from core.queries.approvals import waiting_for_me
from core.services import accounts, approval, posts, users
from core.store.tables import variants
from scheduler import services as scheduler_services
from tests.support.team import Team

pytestmark = pytest.mark.postgres

LATER = datetime(2099, 1, 5, 9, 0)


def test_an_officer_drafts_and_submits_but_cannot_approve_schedule_or_publish(team: Team) -> None:
    officer = team.store("officer")
    post = posts.create_post(officer, text="Konnichiwa", accounts=["Tokyo"])
    assert post.author == team.logins["officer"]  # the authenticated login, not a claimed name
    [variant] = post.variants
    with pytest.raises(PermissionDeniedError, match="As an officer you cannot approve"):
        approval.approve(officer, [variant.id])
    with pytest.raises(PermissionDeniedError, match="As an officer you cannot schedule"):
        posts.schedule_post(officer, post.id, LATER)
    with pytest.raises(PermissionDeniedError, match="As an officer you cannot schedule"):
        scheduler_services.publish_now(officer, variant.id)
    with pytest.raises(PermissionDeniedError, match="As an officer"):
        posts.create_post(officer, text="Straight out", accounts=["Tokyo"], at=LATER)
    with pytest.raises(PermissionDeniedError, match="manage accounts"):
        accounts.add_account(officer, name="Paris", platform="x", language="fr", timezone="Europe/Paris")
    approval.submit(officer, post_id=post.id)
    assert queries.get_variant(officer, variant.id).status is VariantStatus.DRAFT


def test_an_officer_cannot_write_to_another_groups_account(team: Team) -> None:
    with pytest.raises(PermissionDeniedError, match="'Berlin' is not in any of your groups"):
        posts.create_post(team.store("officer"), text="Hallo", accounts=["Berlin"])


def test_another_groups_posts_are_neither_seen_nor_changed_through_the_services(team: Team) -> None:
    berlin_post = posts.create_post(team.store("berlin"), text="Guten Tag", accounts=["Berlin"])
    tokyo_post = posts.create_post(team.store("officer"), text="Ohayo", accounts=["Tokyo"])
    officer = team.store("officer")
    assert [p.id for p in queries.list_posts(officer)] == [tokyo_post.id]
    with pytest.raises(NotFoundError):
        queries.get_post(officer, berlin_post.id)
    with pytest.raises(NotFoundError):
        posts.edit_variant(officer, berlin_post.variants[0].id, text="Hacked", expected_version=None)
    with pytest.raises(NotFoundError):
        posts.cancel_post(officer, berlin_post.id)
    # The approver of Tokyo decides Tokyo's posts only; an admin sees both.
    assert [p.id for p in queries.list_posts(team.store("approver"))] == [tokyo_post.id]
    assert {p.id for p in queries.list_posts(team.store("admin"))} == {tokyo_post.id, berlin_post.id}
    assert queries.get_post(team.owner, berlin_post.id).variants[0].text == "Guten Tag"


def test_plain_sql_as_a_login_sees_and_changes_only_its_groups_rows(team: Team) -> None:
    berlin_post = posts.create_post(team.store("berlin"), text="Guten Tag", accounts=["Berlin"])
    tokyo_post = posts.create_post(team.store("officer"), text="Ohayo", accounts=["Tokyo"])
    berlin_variant = berlin_post.variants[0].id
    engine = team.engine("officer")
    try:
        with engine.begin() as conn:
            assert [r.id for r in conn.execute(text("SELECT id FROM posts"))] == [tokyo_post.id]
            assert [r.id for r in conn.execute(text("SELECT id FROM variants"))] == [tokyo_post.variants[0].id]
            hit = conn.execute(text("UPDATE variants SET text = 'Hacked' WHERE id = :i"), {"i": berlin_variant})
            assert hit.rowcount == 0
            assert conn.execute(text("DELETE FROM posts WHERE id = :i"), {"i": berlin_post.id}).rowcount == 0
            # Nor can it loosen an account's approval rule.
            assert conn.execute(text("UPDATE accounts SET requires_approval = true")).rowcount == 0
        # Nor give itself a role, nor write a variant to another group's account.
        for statement in (
            "UPDATE users SET role = 'admin'",
            "INSERT INTO users (login, role, active, created_at, updated_at) VALUES ('x', 'admin', true, now(), now())",
            f"INSERT INTO group_members (group_id, user_id) SELECT g.id, u.id FROM groups g, users u "
            f"WHERE g.name = 'Berlin' AND u.login = '{team.logins['officer']}'",
        ):
            with engine.begin() as conn:
                try:
                    changed = conn.execute(text(statement)).rowcount
                except sqlalchemy.exc.ProgrammingError as refused:
                    assert "row-level security" in str(refused)
                else:
                    assert changed == 0, statement
        # The audit trail is appended to, never rewritten.
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="permission denied"), engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_events"))
        berlin_id = queries.get_account(team.owner, "Berlin").id
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="row-level security"), engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO variants (post_id, account_id, language, text, created_at, updated_at) "
                    "VALUES (:p, :a, 'de', 'Sneaked', now(), now())"
                ),
                {"p": tokyo_post.id, "a": berlin_id},
            )
    finally:
        engine.dispose()
    assert queries.get_variant(team.owner, berlin_variant).text == "Guten Tag"
    assert queries.get_post(team.owner, berlin_post.id).variants
    assert {u.login: u.role for u in users.list_users(team.owner)}[team.logins["officer"]] is Role.OFFICER


def test_a_login_that_is_not_a_user_sees_nothing_and_is_refused(team: Team) -> None:
    posts.create_post(team.store("officer"), text="Ohayo", accounts=["Tokyo"])
    with pytest.raises(PermissionDeniedError, match="is not a Communiqué user"):
        posts.create_post(team.store("stranger"), text="Hi", accounts=["Tokyo"])
    engine = team.engine("stranger")
    try:
        with engine.begin() as conn:
            assert conn.execute(text("SELECT count(*) FROM variants")).scalar_one() == 0
    finally:
        engine.dispose()


def test_a_deactivated_user_is_refused_and_the_last_admin_stays(team: Team) -> None:
    admin = team.store("admin")
    users.set_active(admin, team.logins["officer"], False)
    with pytest.raises(PermissionDeniedError, match="deactivated"):
        posts.create_post(team.store("officer"), text="Ohayo", accounts=["Tokyo"])
    with pytest.raises(UserError, match="last active admin"):
        users.set_role(admin, team.logins["admin"], Role.OFFICER)


def test_the_approval_round_trip_with_audit_entries_by_login(team: Team) -> None:
    owner = team.store("admin")
    approval.set_requires_approval(owner, "Tokyo", True)
    officer, approver = team.store("officer"), team.store("approver")
    post = posts.create_post(officer, text="Ohayo", accounts=["Tokyo"])
    variant_id = post.variants[0].id
    with pytest.raises(UserError, match="needs an approver's approval"):
        posts.schedule_post(approver, post.id, LATER)
    approval.submit(officer, post_id=post.id)
    assert [r.variant_id for r in waiting_for_me(approver)] == [variant_id]
    assert waiting_for_me(team.store("admin"))  # an admin approves everywhere
    [rejected] = approval.reject(approver, [variant_id], "Say good morning in full.")
    assert (rejected.approval_state, rejected.approval_comment) == (ReviewState.REJECTED, "Say good morning in full.")
    assert [r.comment for r in waiting_for_me(officer)] == ["Say good morning in full."]
    posts.edit_variant(officer, variant_id, text="Ohayō gozaimasu", expected_version=None)
    approval.submit(officer, variant_ids=[variant_id])
    [approved] = approval.approve(approver, [variant_id])
    assert (approved.approval_state, approved.status) == (ReviewState.APPROVED, VariantStatus.APPROVED)
    scheduled = posts.schedule_post(approver, post.id, LATER)
    assert scheduled.variants[0].status is VariantStatus.SCHEDULED
    logins = team.logins
    assert team.trail(variant_id) == [
        (AuditAction.SUBMIT, logins["officer"]),
        (AuditAction.REJECT, logins["approver"]),
        (AuditAction.EDIT, logins["officer"]),
        (AuditAction.SUBMIT, logins["officer"]),
        (AuditAction.APPROVE, logins["approver"]),
    ]


def test_an_approver_outside_the_group_cannot_approve(team: Team) -> None:
    post = posts.create_post(team.store("berlin"), text="Guten Tag", accounts=["Berlin"])
    approval.submit(team.store("berlin"), post_id=post.id)
    assert waiting_for_me(team.store("approver")) == []
    with pytest.raises(NotFoundError):  # not even visible to Tokyo's approver
        approval.approve(team.store("approver"), [post.variants[0].id])
    with team.owner.read() as conn:
        state = conn.execute(select(variants.c.approval_state).where(variants.c.id == post.variants[0].id)).scalar()
    assert state == ReviewState.IN_REVIEW.value


def test_users_are_mapped_to_existing_logins_only_and_the_first_is_an_admin(
    postgres_server: object, postgres_url: str
) -> None:
    from core.store import open_store

    store = open_store(postgres_url)
    try:
        with pytest.raises(NotFoundError, match="has no login"):
            users.add_user(store, "nobody_like_this_one", Role.ADMIN)
        with pytest.raises(UserError, match="first user must be an admin"):
            users.add_user(store, "postgres", Role.OFFICER)
        assert users.me(store).role is Role.ADMIN  # bootstrap: no users yet
    finally:
        store.dispose()
