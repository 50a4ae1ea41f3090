"""Connectors are found through the ``communique.connectors`` entry points, plugins included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from connectors.base import Connector, OutgoingPost
from connectors.facebook import FacebookConnector
from connectors.registry import account_context, connector_class, connector_for
from connectors.x import XConnector
from core import platforms, secrets
from core.errors import ConfigurationError, UserError
from core.services import accounts
from core.store import Store
from tests.support.plugins import install_plugin, plugin_installed

ROOT = Path(__file__).resolve().parents[2]


plugin = pytest.fixture(plugin_installed, name="plugin")


def test_builtins_are_registered_as_entry_points() -> None:
    assert connector_class("x") is XConnector
    assert connector_class("facebook") is FacebookConnector
    assert {"x", "facebook"} <= set(platforms.platform_names())


def test_an_unknown_platform_is_a_user_error() -> None:
    with pytest.raises(UserError, match="No connector is installed for 'myspace'"):
        connector_class("myspace")


def test_a_plugin_is_discovered_and_publishes_end_to_end(plugin: Path, store: Store) -> None:
    assert "echo" in platforms.platform_names()
    account = accounts.add_account(
        store, name="Echo desk", platform="echo", language="en", timezone="UTC", external_id="echo-1"
    )
    connector = connector_for(account_context(account))
    assert isinstance(connector, Connector)
    published = connector.publish(OutgoingPost(variant_id=1, text="Through a plugin"))
    import communique_echo  # type: ignore[import-not-found]

    assert communique_echo.PUBLISHED == [("Echo desk", "Through a plugin")]
    assert published.url == "echo://1"


def test_a_plugin_names_its_credential_fields(plugin: Path, store: Store) -> None:
    from core import secrets

    account = accounts.add_account(
        store, name="Echo desk", platform="echo", language="en", timezone="UTC", external_id="echo-1"
    )
    secrets.store_secret("echo", "Echo desk", "token", "echo-token-0123456")
    context = account_context(account)
    assert {name: value.reveal() for name, value in context.credentials.items()} == {"token": "echo-token-0123456"}


def test_the_cli_accepts_a_plugin_platform_in_a_subprocess(plugin: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugin), str(ROOT)])}
    command = [
        sys.executable,
        str(ROOT / "main.py"),
        "account",
        "add",
        "--platform",
        "echo",
        "--name",
        "Echo",
        "--language",
        "en",
        "--timezone",
        "UTC",
        "--user-id",
        "echo-1",
        "--json",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["platform"] == "echo"
    without = subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert without.returncode == 2 and "Unknown platform 'echo'" in without.stderr


def test_a_broken_plugin_is_a_configuration_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = {"communique.connectors": {"broken": "communique_echo:NoSuchClass"}}
    site = install_plugin(tmp_path / "site", entry_points=broken)
    monkeypatch.syspath_prepend(str(site))
    try:
        with pytest.raises(ConfigurationError, match="cannot be loaded"):
            connector_class("broken")
    finally:
        sys.modules.pop("communique_echo", None)


def test_account_context_carries_keyring_credentials(store: Store) -> None:
    account = accounts.add_account(
        store,
        name="Embassy Page",
        platform="facebook",
        language="fr",
        timezone="Europe/Paris",
        external_id="42",
        api_base="http://127.0.0.1:9",
    )
    secrets.store_secret("facebook", "Embassy Page", "page_token", "keyring-page-token-fake")
    context = account_context(account)
    assert (context.platform, context.external_id, context.api_base) == ("facebook", "42", "http://127.0.0.1:9")
    assert context.credentials["page_token"].reveal() == "keyring-page-token-fake"
    assert isinstance(connector_for(context), FacebookConnector)
