"""``communique post check``, ``account verify`` and the practice-mode set-up, through main()."""

from __future__ import annotations

import io
import json

import pytest

from cli.main import main
from connectors.sandbox import Sandbox
from core import secrets
from tests.support.connector_accounts import PAGE_ID


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_post_check_prints_weighted_length_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "post", "check", "--platform", "x", "日本語 https://example.org/a/long/path")
    assert code == 0
    assert out.startswith("30 / 280 weighted characters: fits")


def test_post_check_json_and_over_long(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "post", "check", "--platform", "x", "--json", "é" * 281)
    assert code == 1
    assert json.loads(out) | {"problems": []} == {
        "platform": "x",
        "length": 281,
        "limit": 280,
        "fits": False,
        "parts": 1,
        "problems": [],
    }
    code, out, _ = run(capsys, "post", "check", "--platform", "x", "--thread", "--json", "word " * 100)
    assert code == 0 and json.loads(out)["parts"] == 2


def test_post_check_reads_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a" * 63_206 + "\n"))
    code, out, _ = run(capsys, "post", "check", "--platform", "facebook", "-")
    assert code == 0 and out.startswith("63206 / 63206 characters: fits")


def test_practice_mode_account_verify(capsys: pytest.CaptureFixture[str], sandbox: Sandbox) -> None:
    base = sandbox.base_url
    assert (
        run(
            capsys,
            "account",
            "add",
            "--platform",
            "x",
            "--name",
            "Practice X",
            "--language",
            "en",
            "--timezone",
            "Europe/Paris",
            "--api-base",
            base,
        )[0]
        == 0
    )
    for field in ("api_key", "api_secret", "access_token", "access_secret"):
        secrets.store_secret("x", "Practice X", field, f"practice-x-{field}")
    code, out, _ = run(capsys, "account", "verify", "Practice X", "--json")
    assert code == 0 and json.loads(out)["handle"].startswith("sandbox_")

    assert (
        run(
            capsys,
            "account",
            "add",
            "--platform",
            "facebook",
            "--name",
            "Practice Page",
            "--language",
            "fr",
            "--timezone",
            "Europe/Paris",
            "--page-id",
            PAGE_ID,
            "--api-base",
            base,
        )[0]
        == 0
    )
    secrets.store_secret("facebook", "Practice Page", "page_token", "expired-practice-page-token")
    code, _, err = run(capsys, "account", "verify", "Practice Page")
    assert code == 1
    assert "reconnect" in err and "expired-practice-page-token" not in err


def test_verify_unknown_account_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "account", "verify", "Nobody")
    assert code == 2 and "Nobody" in err


def test_post_check_refuses_an_unknown_platform_in_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "post", "check", "--platform", "myspace", "Hello")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "'myspace'" in err and "Traceback" not in err
