"""Practice mode: the real app and commands, a practice database, and only the local emulator."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from connectors.base import OutgoingPost
from connectors.practice import stop_sandboxes
from connectors.registry import account_context, connector_for
from core import paths, practice, queries, secrets
from core.errors import ConfigurationError, UserError
from core.services import accounts
from core.store import open_store
from tests.support.cli import run_cli
from tests.support.postgres import free_port


@pytest.fixture
def practice_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Practice mode on, with the emulator expected on a free loopback port."""
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    monkeypatch.setenv(practice.PRACTICE_URL_ENV, url)
    yield url
    stop_sandboxes()


def _sandbox_posts(url: str) -> list[dict[str, object]]:
    with urllib.request.urlopen(f"{url}/__sandbox/posts", timeout=10) as answer:
        found: list[dict[str, object]] = json.load(answer)["posts"]
        return found


def _advance(url: str, seconds: int) -> None:
    """Move the practice emulator's clock (its control endpoint)."""
    request = urllib.request.Request(
        f"{url}/__sandbox/clock",
        data=json.dumps({"advance": seconds}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10):
        pass


def test_every_account_goes_to_the_emulator_with_practice_tokens(
    practice_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An account that would normally reach the real host, with a real credential in the keyring.
    with monkeypatch.context() as real:
        real.delenv(practice.PRACTICE_ENV)
        secrets.store_secret("x", "Embassy Tokyo", "bearer_token", "real-bearer-token-7788")
    store = open_store()
    account = accounts.add_account(store, name="Embassy Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    context = account_context(account)
    assert context.api_base == practice_url
    # The four OAuth 1.0a keys, which never expire (an OAuth 2.0 bearer token lives two hours on X).
    keys = {"api_key", "api_secret", "access_token", "access_secret"}
    assert {k: v.reveal() for k, v in context.credentials.items()} == dict.fromkeys(keys, practice.PRACTICE_TOKEN)
    connector = connector_for(context)
    result = connector.publish(OutgoingPost(variant_id=1, text="練習の投稿です #practice"))
    assert result.url is not None and result.url.startswith(practice_url)
    _advance(practice_url, 3 * 3600)  # a training day goes past X's two-hour token life
    connector_for(account_context(account)).publish(OutgoingPost(variant_id=2, text="三時間後 #practice"))
    assert [p["text"] for p in _sandbox_posts(practice_url)] == ["練習の投稿です #practice", "三時間後 #practice"]
    # The practice token is redacted like any token, but ordinary words stay as they are.
    assert secrets.redact("#practice drill") == "#practice drill"
    store.dispose()


def test_practice_never_overwrites_or_deletes_the_real_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets.store_secret("x", "Embassy Tokyo", "access_token", "real-access-token-7788")
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    store = open_store()
    accounts.add_account(store, name="Embassy Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.set_credential(store, "Embassy Tokyo", "access_token", "trainee-typed-token-1234")
    accounts.remove_account(store, "Embassy Tokyo")  # forgets the practice account's credentials only
    store.dispose()
    monkeypatch.delenv(practice.PRACTICE_ENV)
    assert secrets.load_credentials("x", "Embassy Tokyo")["access_token"].reveal() == "real-access-token-7788"


def test_practice_keeps_its_own_database(monkeypatch: pytest.MonkeyPatch) -> None:
    real = open_store()
    accounts.add_account(real, name="Real Page", platform="x", language="en", timezone="UTC")
    real.dispose()
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    monkeypatch.setenv("COMMUNIQUE_DB", f"sqlite:///{paths.default_db_path()}")  # even a configured team store
    assert paths.database_url() == f"sqlite:///{paths.practice_db_path()}"
    training = open_store()
    assert queries.list_accounts(training) == []
    training.dispose()
    with pytest.raises(UserError, match="Practice mode keeps its own database"):
        paths.database_url("sqlite:////tmp/elsewhere.sqlite3")


@pytest.mark.parametrize("url", ["https://api.twitter.com", "http://192.0.2.10:8765", "http://127.0.0.1", "nonsense"])
def test_the_practice_emulator_must_be_on_this_machine(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv(practice.PRACTICE_URL_ENV, url)
    with pytest.raises(ConfigurationError, match="practice never leaves this machine"):
        practice.sandbox_url()


def test_practice_from_the_command_line_publishes_to_the_emulator_only(tmp_path: Path) -> None:
    home = tmp_path / "cli-home"
    home.mkdir()
    url = f"http://127.0.0.1:{free_port()}"
    env = {practice.PRACTICE_URL_ENV: url}
    added = run_cli(
        "--practice", "account", "add", "--platform", "facebook", "--name", "Practice Page", "--language", "vi",
        "--timezone", "Asia/Ho_Chi_Minh", "--page-id", "100000000000002", home=home, env=env,
    )  # fmt: skip
    assert added.code == 0, added.err
    created = run_cli(
        "--practice", "post", "create", "--account", "Practice Page", "--text", "Bài tập: họp báo lúc 9 giờ",
        "--json", home=home, env=env,
    )  # fmt: skip
    assert created.code == 0, created.err
    variant_id = created.json()["variants"][0]["id"]
    published = run_cli("--practice", "publish", str(variant_id), "--json", home=home, env=env)
    assert published.code == 0, published.err
    assert published.json()["status"] == "published" and published.json()["remote_id"].startswith("100000000000002_")
    # The real store never saw any of it.
    assert run_cli("post", "list", "--json", home=home).json() == []
    assert run_cli("account", "list", "--json", home=home).json() == []
    assert (home / "practice.sqlite3").exists()
