"""An image post on a team database: composed by an officer on one machine, published from another.

Everything is real: PostgreSQL with each person's login and row-level security, the worker in
its own process with an empty home folder ("machine B"), the X connector and the emulator over
HTTP, with a recording relay in front of the emulator to compare the uploaded bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import select

from connectors.sandbox import Sandbox
from core import secrets, timeutil
from core.domain import AuditAction, VariantStatus
from core.services import approval, posts
from core.store.tables import accounts, audit_events, publish_attempts, variants
from scheduler import services as scheduler_services
from tests.support.polling import wait_until
from tests.support.recording_proxy import RecordingProxy
from tests.support.team import Team
from tests.support.workers import start_worker, stop_worker, wait_ready

pytestmark = pytest.mark.postgres

UPLOAD = "/2/media/upload"


@pytest.fixture
def relay(sandbox: Sandbox, team: Team) -> Iterator[RecordingProxy]:
    """The emulator behind a recording relay, with the team's Tokyo account pointed at it."""
    with RecordingProxy(sandbox.base_url) as running:
        with team.owner.write() as conn:
            conn.execute(accounts.update().where(accounts.c.name == "Tokyo").values(api_base=running.base_url))
        yield running


def _image(folder: Path, size: int) -> tuple[Path, bytes]:
    content = b"\x89PNG\r\n\x1a\n" + os.urandom(size - 8)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "flag.png"
    path.write_bytes(content)
    return path, content


def _compose_on_machine_a(
    team: Team, machine_a: Path, monkeypatch: pytest.MonkeyPatch, content_size: int
) -> tuple[int, int, bytes]:
    """The officer attaches an image on machine A and submits; the approver approves and schedules
    it one minute ago. Machine A's files are then gone from this machine. Returns (post, variant, bytes)."""
    monkeypatch.setenv("COMMUNIQUE_HOME", str(machine_a))
    image, content = _image(machine_a / "desk", content_size)
    post = posts.create_post(
        team.store("officer"), text="National day", accounts=["Tokyo"], media_files=[(str(image), "The flag")]
    )
    [item] = post.media
    assert Path(item.path).parent == machine_a / "media"
    approval.submit(team.store("officer"), post_id=post.id)
    approval.approve(team.store("approver"), [post.variants[0].id])
    now = timeutil.now_utc()
    due = (now - timedelta(minutes=1)).astimezone(timeutil.zone("Asia/Tokyo")).replace(tzinfo=None)
    posts.schedule_post(team.store("approver"), post.id, due, now=now - timedelta(minutes=30))
    shutil.rmtree(machine_a)
    return post.id, post.variants[0].id, content


def _status(team: Team, variant_id: int) -> str:
    with team.owner.read() as conn:
        return str(conn.execute(select(variants.c.status).where(variants.c.id == variant_id)).scalar_one())


def test_the_worker_on_another_machine_publishes_the_officers_image_byte_for_byte(
    team: Team, relay: RecordingProxy, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, variant_id, content = _compose_on_machine_a(team, tmp_path / "machine-a", monkeypatch, 3 * 1024 * 1024)
    worker_login = team.create_login("worker")
    superuser = sqlalchemy.create_engine(team.superuser_url, isolation_level="AUTOCOMMIT")
    with superuser.connect() as conn:
        conn.exec_driver_sql(f'ALTER ROLE "{worker_login}" BYPASSRLS')
    superuser.dispose()
    machine_b = tmp_path / "machine-b"
    machine_b.mkdir()
    monkeypatch.setenv("COMMUNIQUE_HOME", str(machine_b))
    log = tmp_path / "worker.log"
    worker = start_worker(log, sqlalchemy.make_url(team.url).set(username=worker_login).render_as_string(False))
    try:
        assert wait_ready(log), log.read_text(errors="replace")
        assert wait_until(lambda: _status(team, variant_id) == VariantStatus.PUBLISHED.value, 90), log.read_text(
            errors="replace"
        )
    finally:
        assert stop_worker(worker) == 0
    [upload] = relay.uploads(UPLOAD)
    assert upload.parts()["media"] == content  # the officer's file, byte for byte
    [on_platform] = sandbox.posts("x")
    assert on_platform["text"].startswith("National day") and len(on_platform["media_ids"]) == 1
    digest = hashlib.sha256(content).hexdigest()
    assert (machine_b / "media-cache" / f"{digest}.png").read_bytes() == content
    assert not (machine_b / "media").exists() or not any((machine_b / "media").iterdir())


def test_an_approvers_publish_now_under_row_level_security(
    team: Team, relay: RecordingProxy, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The approver's own login publishes (no worker): the trail names them, and the image still
    comes from the store on their machine."""
    machine_a = tmp_path / "machine-a"
    monkeypatch.setenv("COMMUNIQUE_HOME", str(machine_a))
    image, content = _image(machine_a / "desk", 200 * 1024)
    post = posts.create_post(team.store("officer"), text="Ohayo", accounts=["Tokyo"], media_files=[(str(image), "")])
    variant_id = post.variants[0].id
    approval.submit(team.store("officer"), post_id=post.id)
    approval.approve(team.store("approver"), [variant_id])
    shutil.rmtree(machine_a)
    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "approver-machine"))
    for field in ("api_key", "api_secret", "access_token", "access_secret"):
        secrets.store_secret("x", "Tokyo", field, f"{field}-tokyo-0123456789")
    outcome = scheduler_services.publish_now(team.store("approver"), variant_id)
    assert outcome is not None and outcome.status is VariantStatus.PUBLISHED, outcome
    [upload] = relay.uploads(UPLOAD)
    assert upload.parts()["media"] == content
    approver = team.logins["approver"]
    with team.owner.read() as conn:
        worker = conn.execute(select(publish_attempts.c.worker).where(publish_attempts.c.variant_id == variant_id))
        [holder] = worker.scalars().all()
    assert team.trail(variant_id)[-2:] == [(AuditAction.PUBLISH_NOW, approver), (AuditAction.PUBLISH, approver)]
    assert holder.startswith("now-")  # the attempt keeps the process's id
    assert len(sandbox.posts("x")) == 1


def test_an_image_nobody_stored_fails_with_one_sentence(
    team: Team, relay: RecordingProxy, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A post attached before contents were stored, from a laptop that is not here: a clear failure."""
    _, variant_id, _ = _compose_on_machine_a(team, tmp_path / "machine-a", monkeypatch, 4096)
    with team.owner.write() as conn:
        conn.exec_driver_sql("DELETE FROM media_blobs")
    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "machine-b"))
    for field in ("api_key", "api_secret", "access_token", "access_secret"):
        secrets.store_secret("x", "Tokyo", field, f"{field}-tokyo-0123456789")
    outcome = scheduler_services.publish_now(team.store("approver"), variant_id)
    assert outcome is not None and outcome.status is VariantStatus.FAILED
    assert "not on this computer and not in the database" in (outcome.error or "")
    assert relay.uploads(UPLOAD) == [] and sandbox.posts("x") == []


def test_two_workers_one_killed_mid_publish_with_a_client_connected_publish_once(
    team: Team, relay: RecordingProxy, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first worker is killed while the emulator, having made the post, is still answering; the
    standby takes the lock when the dead worker's session ends and finds the post instead of
    sending it again. An officer's app stays connected throughout and sees the result."""
    sandbox.set_refuse_duplicates(False)  # a second send would show as a second post
    _, variant_id, _ = _compose_on_machine_a(team, tmp_path / "machine-a", monkeypatch, 64 * 1024)
    # The post is made at once, its answer then comes one byte a second: a kill lands mid-call.
    sandbox.set_faults("trickle:1:1", times=1, path="/2/tweets", method="POST")
    client = team.engine("officer")
    workers: list[subprocess.Popen[bytes]] = []
    try:
        with client.connect() as officer:
            assert officer.execute(select(variants.c.status).where(variants.c.id == variant_id)).scalar() == "scheduled"
            logs = [tmp_path / "first.log", tmp_path / "standby.log"]
            for number, log in enumerate(logs):
                monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / f"worker-{number}"))
                workers.append(start_worker(log, team.url, "--lease-seconds", "60"))
                assert wait_ready(log), log.read_text(errors="replace")
                if number == 0:  # the first one holds the lock and is inside the call
                    assert wait_until(lambda: len(sandbox.posts("x")) == 1, 60), log.read_text(errors="replace")
            assert _status(team, variant_id) == VariantStatus.PUBLISHING.value
            stop_worker(workers[0], signal.SIGKILL)
            assert wait_until(lambda: _status(team, variant_id) == VariantStatus.PUBLISHED.value, 90), logs[
                1
            ].read_text(errors="replace")
            status = officer.execute(select(variants.c.status).where(variants.c.id == variant_id)).scalar()
            assert status == "published"  # the client, still connected, sees it through its own login
    finally:
        for worker in workers:
            stop_worker(worker, signal.SIGKILL)
        client.dispose()
    assert len(sandbox.posts("x")) == 1
    with team.owner.read() as conn:
        outcomes = conn.execute(
            select(publish_attempts.c.outcome, publish_attempts.c.worker)
            .where(publish_attempts.c.variant_id == variant_id)
            .order_by(publish_attempts.c.number)
        ).all()
    assert [o.outcome for o in outcomes] == ["interrupted", "reconciled"], outcomes
    assert outcomes[0].worker != outcomes[1].worker


def test_an_approvers_confirmation_that_a_post_is_absent_is_recorded_in_their_name(
    team: Team, relay: RecordingProxy, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Publish now, it is not there' after an unclear attempt: the team's audit policy accepts only
    the login's own name, so the confirmation is written under it, never under an OS user name."""
    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "approver-machine"))
    monkeypatch.setenv("COMMUNIQUE_USER", "someone-else")  # a claimed name the server never authenticated
    post = posts.create_post(team.store("officer"), text="Konbanwa", accounts=["Tokyo"])
    variant_id = post.variants[0].id
    approval.submit(team.store("officer"), post_id=post.id)
    approval.approve(team.store("approver"), [variant_id])
    with team.owner.write() as conn:  # an earlier attempt whose outcome nobody could tell
        conn.execute(
            variants.update()
            .where(variants.c.id == variant_id)
            .values(status="failed", last_error_class="needs_confirmation", attempt_count=1)
        )
    for field in ("api_key", "api_secret", "access_token", "access_secret"):
        secrets.store_secret("x", "Tokyo", field, f"{field}-tokyo-0123456789")
    outcome = scheduler_services.publish_now(team.store("approver"), variant_id, confirmed_absent=True)
    assert outcome is not None and outcome.status is VariantStatus.PUBLISHED, outcome
    with team.owner.read() as conn:
        [actor] = conn.execute(
            select(audit_events.c.actor).where(
                audit_events.c.action == AuditAction.CONFIRM_ABSENT, audit_events.c.entity_id == variant_id
            )
        ).scalars()
    assert actor == team.logins["approver"]
    assert [p["text"] for p in sandbox.posts("x")] == ["Konbanwa"]
