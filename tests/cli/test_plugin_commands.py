"""Commands from plugins: the ``communique.commands`` entry points, working and broken."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from tests.support.cli import run_cli
from tests.support.plugins import forget_plugin, install_plugin

ECHO_ACCOUNT = ("--platform", "echo", "--name", "Echo desk", "--language", "en", "--timezone", "UTC")


def _on_path(site: Path) -> dict[str, str]:
    return {"PYTHONPATH": str(site)}


def _one_sentence(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("communique: "), err
    assert "Traceback" not in err
    return err


def test_a_plugin_command_runs_through_the_real_entry_point(tmp_path: Path) -> None:
    home, site = tmp_path / "home", install_plugin(tmp_path / "site")
    added = run_cli("account", "add", *ECHO_ACCOUNT, "--user-id", "echo-1", home=home, env=_on_path(site))
    assert added.code == 0, added.err

    status = run_cli("echo", "status", home=home, env=_on_path(site))
    assert (status.code, status.err) == (0, "")
    assert status.out == "echo: 1 account (Echo desk); texts of up to 500 bytes.\n"
    listed = run_cli("--help", home=home, env=_on_path(site))
    assert "echo" in listed.out and "communique-echo plugin" in listed.out

    without = run_cli("echo", "status", home=home)
    assert without.code == 2 and "invalid choice: 'echo'" in _one_sentence(without.err)
    assert "echo" not in run_cli("--help", home=home).out


def test_a_broken_command_plugin_is_one_sentence_and_the_other_commands_work(tmp_path: Path) -> None:
    home = tmp_path / "home"
    broken = {"communique.commands": {"echo": "communique_echo.commands:no_such_register"}}
    site = install_plugin(tmp_path / "site", entry_points=broken)

    listed = run_cli("account", "list", home=home, env=_on_path(site))
    assert listed.code == 0 and listed.out.startswith("No accounts yet")
    warning = _one_sentence(listed.err)
    assert "The command plugin 'echo' (communique_echo.commands:no_such_register) cannot be loaded" in warning
    assert "AttributeError" in warning

    missing = run_cli("echo", "status", home=home, env=_on_path(site))
    assert missing.code == 2 and "invalid choice: 'echo'" in missing.err
    assert missing.err.count("\n") == 2  # the plugin's sentence, then the usage error's


_HALF = """
def register(commands):
    commands.add_command("half", help="added before the failure")
    raise RuntimeError("the plugin gave up\\nhalf way")
"""


@pytest.fixture
def half_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A plugin whose ``register`` adds a command and then fails, and one that takes a built-in's name."""
    site = install_plugin(tmp_path / "site", entry_points={"communique.commands": {"again": "cli.accounts:register"}})
    (site / "communique_half.py").write_text(textwrap.dedent(_HALF), encoding="utf-8")
    info = site / "communique_half-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: communique-half\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[communique.commands]\nhalf = communique_half:register\n")
    monkeypatch.syspath_prepend(str(site))
    yield site
    forget_plugin()
    sys.modules.pop("communique_half", None)


def test_a_plugin_failing_half_way_or_taking_a_name_is_reported_and_left_out(
    half_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["half"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines == [
        "communique: The command plugin 'again' (cli.accounts:register) cannot be loaded "
        "(DuplicateCommandError: the command 'init' already exists); the other commands work without it.",
        "communique: The command plugin 'half' (communique_half:register) cannot be loaded "
        "(RuntimeError: the plugin gave up half way); the other commands work without it.",
    ]
    assert main(["account", "list"]) == 0
    assert capsys.readouterr().out.startswith("No accounts yet")


def test_a_plugin_platform_gets_post_check_and_account_validation_on_the_command_line(tmp_path: Path) -> None:
    """Nothing in core names the echo platform: its rules come from its connector class."""
    home, site = tmp_path / "home", install_plugin(tmp_path / "site")

    fits = run_cli("post", "check", "--platform", "echo", "--json", "é" * 250, home=home, env=_on_path(site))
    assert fits.code == 0, fits.err
    assert (fits.json()["length"], fits.json()["limit"], fits.json()["fits"]) == (500, 500, True)  # UTF-8 bytes
    too_long = run_cli("post", "check", "--platform", "echo", "é" * 251, home=home, env=_on_path(site))
    assert too_long.code == 1 and "502 / 500 bytes: does not fit." in too_long.out

    refused = run_cli("account", "add", *ECHO_ACCOUNT, home=home, env=_on_path(site))
    assert refused.code == 2 and "needs its id on the platform (user id)" in _one_sentence(refused.err)
    added = run_cli("account", "add", *ECHO_ACCOUNT, "--external-id", "echo-7", "--json", home=home, env=_on_path(site))
    assert added.code == 0 and added.json()["external_id"] == "echo-7"

    unknown = run_cli("post", "check", "--platform", "echo", "Hello", home=home)  # without the plugin
    assert unknown.code == 2 and "No connector is installed for 'echo'" in _one_sentence(unknown.err)
