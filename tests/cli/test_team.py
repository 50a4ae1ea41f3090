"""``communique team migrate``: this computer's database copied to the team server, then used."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_cli

pytestmark = pytest.mark.postgres


def test_migrate_copies_verifies_switches_and_a_second_run_copies_nothing(tmp_path: Path, postgres_url: str) -> None:
    added = run_cli(
        "account", "add", "--name", "Embassy Tokyo", "--platform", "x", "--language", "ja", "--timezone", "Asia/Tokyo",
        home=tmp_path,
    )  # fmt: skip
    assert added.code == 0, added.err
    assert run_cli("post", "create", "--text", "こんにちは", "--account", "Embassy Tokyo", home=tmp_path).code == 0

    moved = run_cli("team", "migrate", "--to", postgres_url, "--switch", home=tmp_path)
    assert moved.code == 0, moved.err
    assert "Copied and verified row by row" in moved.out and "posts" in moved.out
    assert "variants: 1 of 1 rows" in moved.err  # progress, table by table
    # The commands now work on the team database: the same post, read from there.
    listed = run_cli("post", "list", "--json", home=tmp_path)
    assert listed.code == 0 and [p["text"] for p in listed.json()] == ["こんにちは"]
    shown = run_cli("settings", "show", "--json", home=tmp_path).json()
    assert any(r["name"] == "database_url" and r["value"] == postgres_url for r in shown["settings"])

    local = f"sqlite:///{tmp_path}/communique.sqlite3"
    again = run_cli("--db", local, "team", "migrate", "--to", postgres_url, home=tmp_path)
    assert again.code == 0, again.err
    assert "already holds exactly this content" in again.out


def test_migrate_into_a_database_holding_other_posts_is_refused(tmp_path: Path, postgres_url: str) -> None:
    other = run_cli(
        "--db", postgres_url, "account", "add", "--name", "Embassy Berlin", "--platform", "x", "--language", "de",
        "--timezone", "Europe/Berlin", home=tmp_path,
    )  # fmt: skip
    assert other.code == 0, other.err
    run_cli(
        "account", "add", "--name", "Embassy Tokyo", "--platform", "x", "--language", "ja", "--timezone", "Asia/Tokyo",
        home=tmp_path,
    )  # fmt: skip
    refused = run_cli("team", "migrate", "--to", postgres_url, home=tmp_path)
    assert refused.code == 2
    assert "already holds other posts or accounts" in refused.err and "Traceback" not in refused.err
