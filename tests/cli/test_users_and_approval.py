"""``communique user|group|approval``: the embedded store's implicit admin, and a team's logins."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_cli
from tests.support.team import Team, url_as

ADD_TOKYO = ("account", "add", "--name", "Tokyo", "--platform", "x", "--language", "ja", "--timezone", "Asia/Tokyo")


def test_the_approval_round_trip_on_the_embedded_store(tmp_path: Path) -> None:
    assert run_cli(*ADD_TOKYO, home=tmp_path).code == 0
    assert run_cli("approval", "require", "Tokyo", home=tmp_path).code == 0
    assert run_cli("post", "create", "--text", "Ohayo", "--account", "Tokyo", home=tmp_path).code == 0
    refused = run_cli("post", "schedule", "1", "--at", "2099-01-05 09:00", home=tmp_path)
    assert refused.code == 2 and "needs an approver's approval" in refused.err
    assert run_cli("approval", "submit", "1", home=tmp_path).code == 0
    pending = run_cli("approval", "pending", "--json", home=tmp_path)
    assert [(r["variant_id"], r["approval_state"]) for r in pending.json()] == [(1, "in_review")]
    assert "(ja, in review)" in run_cli("post", "show", "1", home=tmp_path).out.splitlines()[0]
    no_comment = run_cli("approval", "reject", "1", home=tmp_path)
    assert no_comment.code == 2 and "--comment" in no_comment.err
    rejected = run_cli("approval", "reject", "1", "--comment", "Too short.", home=tmp_path)
    assert rejected.code == 0 and "rejected" in rejected.out
    assert run_cli("approval", "approve", "1", home=tmp_path).code == 0
    scheduled = run_cli("post", "schedule", "1", "--at", "2099-01-05 09:00", home=tmp_path)
    assert scheduled.code == 0, scheduled.err


def test_users_are_refused_on_the_embedded_store(tmp_path: Path) -> None:
    refused = run_cli("user", "list", home=tmp_path)
    assert refused.code == 2 and "for a team database" in refused.err


@pytest.mark.postgres
def test_a_team_admin_maps_logins_and_an_officer_is_refused_what_is_not_theirs(tmp_path: Path, team: Team) -> None:
    admin_db = url_as(team.url, team.logins["admin"])
    officer_db = url_as(team.url, team.logins["officer"])
    login = team.create_login("clerk")
    added = run_cli("--db", admin_db, "user", "add", login, "--role", "officer", "--group", "Tokyo", home=tmp_path)
    assert added.code == 0, added.err
    listed = run_cli("--db", admin_db, "user", "list", "--json", home=tmp_path).json()
    assert {u["login"]: u["role"] for u in listed}[login] == "officer"
    groups = run_cli("--db", admin_db, "group", "list", "--json", home=tmp_path).json()
    assert {g["name"]: g["accounts"] for g in groups} == {"Berlin": ["Berlin"], "Tokyo": ["Tokyo"]}
    me = run_cli("--db", officer_db, "user", "me", home=tmp_path)
    assert me.code == 0 and f"{team.logins['officer']}: officer (authenticated" in me.out
    created = run_cli("--db", officer_db, "post", "create", "--text", "Ohayo", "--account", "Tokyo", home=tmp_path)
    assert created.code == 0, created.err
    refused = run_cli("--db", officer_db, "approval", "approve", "1", home=tmp_path)
    assert refused.code == 2 and "As an officer you cannot approve" in refused.err
    not_admin = run_cli("--db", officer_db, "user", "add", "someone", "--role", "admin", home=tmp_path)
    assert not_admin.code == 2 and "As an officer" in not_admin.err
    assert run_cli("--db", officer_db, "approval", "submit", "1", home=tmp_path).code == 0
    pending = run_cli("--db", url_as(team.url, team.logins["approver"]), "approval", "pending", home=tmp_path)
    assert pending.code == 0 and "Ohayo" in pending.out
