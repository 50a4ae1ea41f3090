"""``communique settings``: the file every process reads, what overrides it, and what it refuses."""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import run_cli


def _row(shown: dict[str, object], name: str) -> dict[str, object]:
    rows = shown["settings"]
    assert isinstance(rows, list)
    return next(r for r in rows if r["name"] == name)


def test_settings_set_show_unset(tmp_path: Path) -> None:
    saved = run_cli("settings", "set", "interface_language", "vi", home=tmp_path)
    assert saved.code == 0, saved.err
    assert 'interface_language = "vi"' in (tmp_path / "settings.toml").read_text(encoding="utf-8")
    shown = run_cli("settings", "show", "--json", home=tmp_path).json()
    assert (_row(shown, "interface_language")["value"], _row(shown, "interface_language")["source"]) == ("vi", "file")

    forced = run_cli("settings", "show", "--json", home=tmp_path, env={"COMMUNIQUE_LANGUAGE": "ja"}).json()
    assert (_row(forced, "interface_language")["value"], _row(forced, "interface_language")["source"]) == (
        "ja",
        "environment",
    )
    assert run_cli("settings", "unset", "interface_language", home=tmp_path).code == 0
    shown = run_cli("settings", "show", "--json", home=tmp_path).json()
    assert _row(shown, "interface_language")["source"] == "default"


def test_a_database_password_is_never_saved(tmp_path: Path) -> None:
    refused = run_cli("settings", "set", "database_url", "postgresql://press:s3cret-pw@db/team", home=tmp_path)
    assert refused.code == 2 and "PGPASSWORD" in refused.err
    assert "s3cret-pw" not in refused.err + refused.out
    assert not (tmp_path / "settings.toml").exists() or "s3cret" not in (tmp_path / "settings.toml").read_text()


def test_a_database_url_in_the_file_is_the_one_commands_use(tmp_path: Path) -> None:
    team = tmp_path / "team.sqlite3"
    assert run_cli("settings", "set", "database_url", f"sqlite:///{team}", home=tmp_path).code == 0
    assert run_cli("init", home=tmp_path).code == 0
    assert team.exists() and not (tmp_path / "communique.sqlite3").exists()
