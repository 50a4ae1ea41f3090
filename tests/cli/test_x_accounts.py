"""X accounts at the command line: OAuth 1.0a keys only, the access level X showed, links on X, credits added."""

from __future__ import annotations

import io
import json

import pytest

from cli.main import main
from connectors.sandbox import Sandbox
from connectors.sandbox.state import user_id_for
from connectors.x_errors import OAUTH1_NEEDED
from core import secrets
from tests.support.connector_accounts import X_KEYS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _add_x(capsys: pytest.CaptureFixture[str], sandbox: Sandbox, name: str = "Embassy X") -> None:
    code, _, err = run(
        capsys, "account", "add", "--platform", "x", "--name", name, "--language", "en", "--timezone", "UTC",
        "--api-base", sandbox.base_url,
    )  # fmt: skip
    assert code == 0, err


def _store_keys(name: str = "Embassy X") -> None:
    for field, value in X_KEYS.items():
        secrets.store_secret("x", name, field, value)


def test_a_bearer_token_is_refused_at_set_secret_and_verify_with_one_sentence(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_x(capsys, sandbox)
    monkeypatch.setattr("sys.stdin", io.StringIO("oauth2-user-token-fake\n"))
    code, out, err = run(capsys, "account", "set-secret", "Embassy X", "bearer_token", "--stdin")
    assert code == 2 and out == "" and OAUTH1_NEEDED in err
    assert "bearer_token" not in secrets.load_credentials("x", "Embassy X")
    secrets.store_secret("x", "Embassy X", "bearer_token", "oauth2-user-token-fake")  # stored before this check
    code, _, err = run(capsys, "account", "verify", "Embassy X")
    assert code == 1 and err == f"communique: Embassy X: {OAUTH1_NEEDED}\n"
    assert sandbox.calls() == []  # refused before asking X: the token would work for two hours only
    _store_keys()
    assert run(capsys, "account", "verify", "Embassy X")[0] == 0


def test_the_access_level_x_showed_is_listed_and_shown(capsys: pytest.CaptureFixture[str], sandbox: Sandbox) -> None:
    _add_x(capsys, sandbox)
    _store_keys()
    _, out, _ = run(capsys, "account", "show", "Embassy X")
    assert "X access:" in out and "not known yet" in out
    sandbox.set_credits(user_id_for(X_KEYS["access_token"]))  # X answers 402: no credits left
    code, _, err = run(capsys, "account", "verify", "Embassy X")
    assert code == 1 and "add credits in the X developer console" in err
    _, out, _ = run(capsys, "account", "list")
    header, row = out.splitlines()
    assert header.split()[-1] == "ACCESS" and row.endswith("pay-per-use, no credits left")
    _, out, _ = run(capsys, "account", "show", "Embassy X")
    [line] = [line for line in out.splitlines() if line.startswith("X access:")]
    assert "pay-per-use, no credits left (seen " in line
    _, out, _ = run(capsys, "account", "list", "--json")
    assert json.loads(out)[0]["x_access"] == "pay-per-use, no credits left"


def test_links_on_x_are_a_per_account_choice(capsys: pytest.CaptureFixture[str], sandbox: Sandbox) -> None:
    _add_x(capsys, sandbox)
    _, out, _ = run(capsys, "account", "show", "Embassy X", "--json")
    assert json.loads(out)["links_on_x"] is True  # as before the choice existed
    code, out, err = run(
        capsys, "post", "create", "--account", "Embassy X", "--text", "https://example.org/a", "--at",
        "2099-01-05 09:00", "--json",
    )  # fmt: skip
    assert code == 0, err
    link_only = json.loads(out)["variants"][0]["id"]
    code, out, err = run(capsys, "account", "links", "Embassy X", "off")
    assert code == 0 and "without their links" in out
    assert f"scheduled variant(s) {link_only} are only a link and would go out empty" in err
    _, out, _ = run(capsys, "account", "show", "Embassy X")
    assert "Links on X:" in out and "no: each link is taken out of the text" in out
    code, out, _ = run(capsys, "account", "links", "Embassy X", "on")
    assert code == 0 and "several times more" in out
    assert json.loads(run(capsys, "account", "show", "Embassy X", "--json")[1])["links_on_x"] is True
    code, _, err = run(
        capsys, "account", "add", "--platform", "facebook", "--name", "Page", "--language", "en", "--timezone", "UTC",
        "--page-id", "1",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "account", "links", "Page", "off")
    assert code == 2 and "Only X accounts" in err
