"""Setting up accounts: credentials to the keyring only, practice accounts, a new store."""

from __future__ import annotations

import pytest
from keyring.errors import KeyringError
from sqlalchemy import select

from connectors.workspace import (
    PRACTICE_ACCOUNTS,
    add_account_with_credentials,
    add_practice_accounts,
    is_new_store,
    practice_defaults,
)
from connectors.x_errors import OAUTH1_NEEDED
from core import practice, queries
from core.errors import ConfigurationError, UserError
from core.services import posts
from core.store import Store
from core.store.tables import accounts, audit_events
from tests.support.memory_keyring import MemoryKeyring


def _add_london(store: Store, credentials: dict[str, str]) -> None:
    """The X account London, added with ``credentials`` as the add-account form sends them."""
    add_account_with_credentials(
        store, name="London", platform="x", language="en", timezone="Europe/London", credentials=credentials
    )


def test_a_store_is_new_until_it_has_an_account_or_a_post(store: Store) -> None:
    assert is_new_store(store)
    _add_london(store, {})
    assert not is_new_store(store)


def test_credentials_go_to_the_keyring_and_nowhere_in_the_database(store: Store, memory_keyring: MemoryKeyring) -> None:
    _add_london(store, {"api_key": "key-SECRET-123456", "api_secret": "", "access_token": "token-SECRET-7890"})
    assert "key-SECRET-123456" in memory_keyring.entries.values()
    assert "token-SECRET-7890" in memory_keyring.entries.values()
    with store.read() as conn:
        rows = [str(tuple(row)) for row in conn.execute(select(accounts))]
        rows += [str(tuple(row)) for row in conn.execute(select(audit_events))]
    assert rows and not any("SECRET" in row for row in rows)


def test_an_account_whose_credential_is_refused_is_not_left_behind(
    store: Store, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    def refuse(*_args: object) -> None:
        raise KeyringError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    with pytest.raises(ConfigurationError, match="keyring refused"):
        _add_london(store, {"access_token": "token-SECRET-7890"})
    assert queries.list_accounts(store, include_removed=True) == []


def test_an_x_account_with_a_bearer_token_is_refused_at_add_with_one_sentence(
    store: Store, memory_keyring: MemoryKeyring
) -> None:
    with pytest.raises(UserError) as caught:
        _add_london(store, {"bearer_token": "bearer-SECRET-7890"})
    assert str(caught.value) == OAUTH1_NEEDED  # it would work two hours, then every post would fail
    assert queries.list_accounts(store, include_removed=True) == [] and not memory_keyring.entries


def test_practice_accounts_live_in_practice_mode(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UserError, match="practice mode"):
        add_practice_accounts(store)
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    made = add_practice_accounts(store)
    assert [(a.platform, a.language, a.timezone) for a in made] == [
        ("facebook", "vi", "Asia/Ho_Chi_Minh"),
        ("x", "en", "Europe/London"),
        ("x", "ja", "Asia/Tokyo"),
        ("x", "uk", "Europe/Kyiv"),
    ]
    assert made[0].external_id  # a Facebook Page needs its id
    posts.create_post(store, text="Hello", accounts=[made[1].name])
    assert [a.name for a in add_practice_accounts(store)] == [p.name for p in PRACTICE_ACCOUNTS]  # nothing doubled


def test_a_practice_account_outside_practice_mode_points_at_the_emulator(monkeypatch: pytest.MonkeyPatch) -> None:
    outside = practice_defaults("x", "en")
    assert outside.api_base == practice.sandbox_url()
    keys = ("api_key", "api_secret", "access_token", "access_secret")  # OAuth 1.0a: no two-hour expiry
    assert dict(outside.credentials) == dict.fromkeys(keys, practice.PRACTICE_TOKEN)
    page = practice_defaults("facebook", "vi")
    assert page.external_id and set(page.credentials) == {"page_token"}
    monkeypatch.setenv(practice.PRACTICE_ENV, "1")
    inside = practice_defaults("x", "ja")
    assert inside.name == "Practice X (ja)" and inside.api_base is None and not inside.credentials
