"""Migration 0010 on a real PostgreSQL team database: who reads the audit trail and the media
contents, and approval guarded by the database itself (plain SQL as each login)."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import select, text

from core import queries
from core.domain import ReviewState, VariantStatus
from core.services import approval, drafts, media_store, posts
from core.services import media as attaching
from core.services.drafts import DraftContent, DraftMedia
from core.store.tables import audit_events, media_blobs
from tests.support.team import Team

pytestmark = pytest.mark.postgres

LATER = datetime(2099, 1, 5, 9, 0)


def _png(folder: Path, name: str) -> tuple[Path, bytes]:
    content = b"\x89PNG\r\n\x1a\n" + os.urandom(4096)
    (folder / name).write_bytes(content)
    return folder / name, content


def _entities(team: Team, short: str) -> set[tuple[str, int | None]]:
    """The (entity, id) pairs of the audit events ``short``'s login reads with plain SQL."""
    engine = team.engine(short)
    try:
        with engine.connect() as conn:
            return {
                (r.entity, r.entity_id) for r in conn.execute(select(audit_events.c.entity, audit_events.c.entity_id))
            }
    finally:
        engine.dispose()


def test_an_officer_reads_only_the_trail_of_what_they_can_see(team: Team) -> None:
    tokyo = posts.create_post(team.store("officer"), text="Ohayo", accounts=["Tokyo"])
    berlin = posts.create_post(team.store("berlin"), text="Guten Tag", accounts=["Berlin"])
    approval.submit(team.store("berlin"), post_id=berlin.id)
    approval.approve(team.store("admin"), [berlin.variants[0].id])  # an admin's event on Berlin's variant
    officer_reads = _entities(team, "officer")
    assert ("post", tokyo.id) in officer_reads
    assert not {("post", berlin.id), ("variant", berlin.variants[0].id)} & officer_reads
    assert {("post", berlin.id), ("variant", berlin.variants[0].id)} <= _entities(team, "berlin")
    # The approver of Tokyo sees the officer's events on Tokyo, made by someone else.
    assert ("post", tokyo.id) in _entities(team, "approver")
    # An admin reads the whole trail, the users and groups they set up included.
    admin_reads = _entities(team, "admin")
    assert {("post", tokyo.id), ("post", berlin.id), ("variant", berlin.variants[0].id)} <= admin_reads
    assert any(entity == "user" for entity, _ in admin_reads)
    assert not any(entity == "user" for entity, _ in officer_reads)


def test_every_login_appends_in_its_own_name_only(team: Team) -> None:
    engine = team.engine("officer")
    insert = text(
        "INSERT INTO audit_events (at, actor, action, entity, entity_id, details) "
        "VALUES (now(), :actor, 'approve', 'variant', 1, '{}')"
    )
    try:
        with engine.begin() as conn:
            conn.execute(insert, {"actor": team.logins["officer"]})
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="row-level security"), engine.begin() as conn:
            conn.execute(insert, {"actor": team.logins["approver"]})
    finally:
        engine.dispose()


def test_an_officer_cannot_approve_or_schedule_through_sql(team: Team) -> None:
    approval.set_requires_approval(team.store("admin"), "Tokyo", True)
    post = posts.create_post(team.store("officer"), text="Ohayo", accounts=["Tokyo"])
    variant_id = post.variants[0].id
    engine = team.engine("officer")
    try:
        for statement in (
            "UPDATE variants SET approval_state = 'approved' WHERE id = :v",
            "UPDATE variants SET approved_by = 'someone', approved_at = now() WHERE id = :v",
            "UPDATE variants SET status = 'scheduled', scheduled_at = now() + interval '1 day' WHERE id = :v",
        ):
            with pytest.raises(sqlalchemy.exc.ProgrammingError, match="approv"), engine.begin() as conn:
                conn.execute(text(statement), {"v": variant_id})
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="may approve"), engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO variants (post_id, account_id, language, text, approval_state, created_at, "
                    "updated_at) SELECT post_id, account_id, 'en', 'Sneaked', 'approved', now(), now() "
                    "FROM variants WHERE id = :v"
                ),
                {"v": variant_id},
            )
        with engine.begin() as conn:  # what an officer may do is still allowed
            conn.execute(text("UPDATE variants SET approval_state = 'in_review' WHERE id = :v"), {"v": variant_id})
    finally:
        engine.dispose()
    assert queries.get_variant(team.owner, variant_id).approval_state is ReviewState.IN_REVIEW
    # The approver of the group approves (the service, and so the trigger, let them), then schedules.
    [approved] = approval.approve(team.store("approver"), [variant_id])
    assert approved.approval_state is ReviewState.APPROVED
    scheduled = posts.schedule_post(team.store("approver"), post.id, LATER)
    assert scheduled.variants[0].status is VariantStatus.SCHEDULED


def test_media_contents_follow_the_media_rows_visibility(team: Team, tmp_path: Path) -> None:
    shared, shared_content = _png(tmp_path, "shared.png")
    own, own_content = _png(tmp_path, "own.png")
    posts.create_post(team.store("officer"), text="Ohayo", accounts=["Tokyo"], media_files=[(str(shared), "")])
    # The same image attached in Berlin: stored already (and invisible to Berlin), not an error.
    posts.create_post(
        team.store("berlin"), text="Hallo", accounts=["Berlin"], media_files=[(str(shared), ""), (str(own), "")]
    )
    shared_hash, own_hash = (hashlib.sha256(c).hexdigest() for c in (shared_content, own_content))
    with team.store("officer").read() as conn:
        assert set(conn.execute(select(media_blobs.c.sha256)).scalars()) == {shared_hash}
        assert media_store.read(conn, own_hash) is None
    with team.store("berlin").read() as conn:
        assert set(conn.execute(select(media_blobs.c.sha256)).scalars()) == {shared_hash, own_hash}
    with team.store("stranger").read() as conn:
        assert conn.execute(select(media_blobs.c.sha256)).scalars().all() == []
    # Nor can a login store content that no media row of theirs names.
    engine = team.engine("officer")
    try:
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="row-level security"), engine.begin() as conn:
            media_store.put(conn, hashlib.sha256(b"stray").hexdigest(), b"stray", "image/png")
    finally:
        engine.dispose()


def test_a_drafts_image_is_stored_for_its_author_only(team: Team, tmp_path: Path) -> None:
    image, content = _png(tmp_path, "draft.png")
    [prepared] = attaching.prepare_files([(str(image), "")])
    officer = team.store("officer")
    tokyo = queries.get_account(team.owner, "Tokyo").id
    saved = drafts.save_draft(officer, None, DraftContent("Ohayo", None, (tokyo,), (DraftMedia(str(prepared.path)),)))
    with officer.write() as conn:  # saving the draft stored it, as its row names it (nothing more to store)
        assert media_store.put_paths(conn, [m.path for m in saved.draft.content.media]) == 0
    digest = hashlib.sha256(content).hexdigest()
    with officer.read() as conn:
        assert media_store.read(conn, digest) == content
    for other in ("berlin", "approver"):
        with team.store(other).read() as conn:
            assert media_store.read(conn, digest) is None, other
    with team.store("admin").read() as conn:
        assert media_store.read(conn, digest) == content
