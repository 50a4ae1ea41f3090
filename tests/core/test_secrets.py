"""Credentials live in the keyring or the environment, never in the database or messages."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from core import paths, secrets
from core.errors import ConfigurationError
from core.services import accounts
from core.store import Store
from tests.support.cli import run_cli
from tests.support.memory_keyring import MemoryKeyring

TOKEN = "EAAB-page-token-5f1d9c7e2a"


def test_keyring_holds_the_secret_and_the_database_only_a_reference(
    store: Store, memory_keyring: MemoryKeyring
) -> None:
    account = accounts.add_account(
        store, name="Hanoi", platform="facebook", language="vi", timezone="Asia/Ho_Chi_Minh", external_id="1"
    )
    secrets.store_secret("facebook", "Hanoi", "page_token", TOKEN)
    assert memory_keyring.entries == {
        ("communique", "facebook:Hanoi:page_token"): TOKEN,
        ("communique", "facebook:Hanoi:__fields__"): "page_token",  # names only, for removal
    }
    loaded = secrets.load_credentials("facebook", "Hanoi")
    assert loaded["page_token"].reveal() == TOKEN
    assert account.credential_ref == "communique:facebook:Hanoi"
    store.dispose()
    for file in paths.home().glob("communique.sqlite3*"):
        assert TOKEN.encode() not in file.read_bytes()


def test_environment_is_the_fallback_and_the_keyring_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_X_BEARER_TOKEN", "env-bearer-token-abcdef")
    assert secrets.load_credentials("x", "Tokyo")["bearer_token"].reveal() == "env-bearer-token-abcdef"
    secrets.store_secret("x", "Tokyo", "bearer_token", "keyring-bearer-token-123")
    assert secrets.load_credentials("x", "Tokyo")["bearer_token"].reveal() == "keyring-bearer-token-123"
    assert secrets.load_credentials("x", "Other")["bearer_token"].reveal() == "env-bearer-token-abcdef"


def test_x_oauth1_keys_come_from_their_four_documented_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    documented = {
        "api_key": "COMMUNIQUE_X_API_KEY",
        "api_secret": "COMMUNIQUE_X_API_SECRET",
        "access_token": "COMMUNIQUE_X_ACCESS_TOKEN",
        "access_secret": "COMMUNIQUE_X_ACCESS_SECRET",
    }
    for field, variable in documented.items():
        monkeypatch.setenv(variable, f"value-of-{field}-3141")
    loaded = secrets.load_credentials("x", "Tokyo")
    assert {field: loaded[field].reveal() for field in documented} == {f: f"value-of-{f}-3141" for f in documented}
    assert "bearer_token" not in loaded  # not set, so not invented


def test_without_a_keyring_storing_says_what_to_do_and_loading_uses_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keyring.set_keyring(NoKeyring())
    with pytest.raises(ConfigurationError, match=r"No secure keyring.*environment variables"):
        secrets.store_secret("facebook", "Hanoi", "page_token", TOKEN)
    assert secrets.load_credentials("facebook", "Hanoi") == {}
    monkeypatch.setenv("COMMUNIQUE_FB_PAGE_TOKEN", TOKEN)
    assert secrets.load_credentials("facebook", "Hanoi")["page_token"].reveal() == TOKEN


def test_secret_values_do_not_print_and_are_redacted_from_messages() -> None:
    value = secrets.Secret(TOKEN)
    assert TOKEN not in repr(value) and TOKEN not in str(value) and TOKEN not in f"{value}"
    secrets.store_secret("facebook", "Hanoi", "page_token", TOKEN)
    assert secrets.redact(f"GET /me?access_token={TOKEN} failed") == "GET /me?access_token=*** failed"


def test_removing_an_account_forgets_its_secrets(store: Store, memory_keyring: MemoryKeyring) -> None:
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    secrets.store_secret("x", "Tokyo", "access_token", "access-token-000111")
    accounts.remove_account(store, "Tokyo")
    assert memory_keyring.entries == {}


def test_cli_set_secret_without_a_keyring_exits_2_without_echoing_the_secret(tmp_path: Path) -> None:
    home = tmp_path / "h"
    home.mkdir()
    added = run_cli(
        "account", "add", "--platform", "facebook", "--name", "Hanoi", "--language", "vi",
        "--timezone", "Asia/Ho_Chi_Minh", "--page-id", "1", home=home,
    )  # fmt: skip
    assert added.code == 0, added.err
    # A subprocess has no keyring backend on a headless machine (no Secret Service).
    result = run_cli(
        "account", "set-secret", "Hanoi", "page_token", "--stdin", home=home, stdin=TOKEN + "\n",
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )  # fmt: skip
    assert result.code == 2
    assert "No secure keyring" in result.err
    assert TOKEN not in result.err + result.out
    for file in home.glob("communique.sqlite3*"):
        assert TOKEN.encode() not in file.read_bytes()


def test_plugin_platforms_keep_their_own_fields_and_removal_forgets_them(
    store: Store, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets.store_secret("mastodon", "Desk", "access_token", "mastodon-token-42abc")
    assert secrets.load_credentials("mastodon", "Desk", ["access_token"])["access_token"].reveal() == (
        "mastodon-token-42abc"
    )
    monkeypatch.setenv("COMMUNIQUE_MASTODON_INSTANCE_KEY", "from-the-env-xyz")
    loaded = secrets.load_credentials("mastodon", "Desk", ["access_token", "instance_key"])
    assert loaded["instance_key"].reveal() == "from-the-env-xyz"
    secrets.forget("mastodon", "Desk")
    assert memory_keyring.entries == {}


@pytest.mark.parametrize(
    ("platform", "field", "message"),
    [("x", "page_token", "no credential 'page_token'"), ("mastodon", "Bad Name!", "not a credential name")],
)
def test_unknown_or_malformed_fields_are_refused(platform: str, field: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        secrets.store_secret(platform, "Desk", field, "value-123456")
