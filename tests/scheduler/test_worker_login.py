"""On a team database, only a login that sees every group's posts may publish for everyone.

A publisher holds the one publishing lock; one that saw only its groups' rows (row-level
security) would keep every other group's posts waiting. The worker refuses to start as such a
login, and an app on it leaves publishing to the worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.publishing import InAppPublisher
from core import settings
from core.errors import ConfigurationError
from core.services.permissions import sees_every_row
from scheduler.engine import EngineSettings
from scheduler.worker import run_worker
from tests.support.team import Team

pytestmark = pytest.mark.postgres


def test_only_the_tables_owner_sees_every_row(team: Team) -> None:
    with team.owner.read() as conn:
        assert sees_every_row(conn)
    for login in ("officer", "approver", "admin"):
        with team.store(login).read() as conn:
            assert not sees_every_row(conn), login


def test_the_worker_refuses_a_login_limited_to_its_groups_and_runs_as_the_owner(team: Team) -> None:
    with pytest.raises(ConfigurationError, match=r"sees only its groups' posts.*BYPASSRLS"):
        run_worker(team.store("officer"), EngineSettings(), once=True)
    assert run_worker(team.owner, EngineSettings(), once=True) == 0


def test_an_app_on_a_limited_login_leaves_publishing_to_the_worker(team: Team, isolated_home: Path) -> None:
    assert settings.load().publish_in_app  # the default: publish
    officer = InAppPublisher(team.store("officer"), settings.load())
    assert officer.start() is False and officer.engine is None
    owner = InAppPublisher(team.owner, settings.load())
    try:
        assert owner.start() is True and owner.engine is not None
    finally:
        owner.stop()
