"""A plugin platform gets counters, checks and validation exactly like the built-ins.

The example plugin (``communique_echo``) declares a length limit in its own unit (UTF-8 bytes),
a credential field and a required account id, as class attributes of its connector; nothing in
core names it. The tests install it at run time.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from connectors.services import check_text
from core import platforms, queries, secrets
from core.errors import ConfigurationError, UserError
from core.services import accounts, posts
from core.store import Store
from tests.support.memory_keyring import MemoryKeyring
from tests.support.plugins import plugin_installed
from translation import review

plugin = pytest.fixture(plugin_installed, name="plugin")


def test_core_reads_the_plugin_platform_from_its_connector_class(plugin: Path) -> None:
    spec = platforms.spec("Echo")
    assert (spec.name, spec.length_limit, spec.length_unit) == ("echo", 500, "bytes")
    assert spec.length("é") == 2  # the plugin's own unit, not len()
    assert spec.credential_fields == {"token": "COMMUNIQUE_ECHO_TOKEN"}
    assert spec.external_id is not None and (spec.external_id.label, spec.external_id.required) == ("user id", True)
    rule = platforms.length_rule("echo")
    assert rule is not None and rule[0] == 500 and rule[1]("né") == 3


def test_check_text_counts_in_the_plugin_unit(plugin: Path) -> None:
    fits = check_text("echo", "a" * 500)
    assert (fits.ok, fits.length, fits.limit) == (True, 500, 500)
    too_long = check_text("echo", "é" * 300)  # 300 characters, 600 bytes
    assert (too_long.ok, too_long.length, too_long.limit) == (False, 600, 500)
    assert "600 bytes" in too_long.problems[0]


def test_the_built_ins_are_checked_and_validated_through_the_same_door(store: Store) -> None:
    fits = check_text("X", "東京" * 70)  # CJK weighs 2: exactly 280
    assert (fits.ok, fits.length, fits.limit) == (True, 280, 280)
    assert check_text("x", "word " * 100, as_thread=True).parts > 1
    assert not check_text("facebook", "a" * 63_207).ok
    with pytest.raises(UserError, match=r"facebook account needs its id on the platform \(Page id\)"):
        accounts.add_account(store, name="Page", platform="facebook", language="fr", timezone="UTC")
    accounts.add_account(store, name="X desk", platform="x", language="fr", timezone="UTC")  # X's id is optional


def test_check_text_names_the_installed_platforms_for_an_unknown_one(plugin: Path) -> None:
    with pytest.raises(UserError, match=r"'myspace'.*echo, facebook, x"):
        check_text("myspace", "Hello")


def test_an_account_needs_the_id_the_plugin_asks_for(plugin: Path, store: Store) -> None:
    with pytest.raises(UserError, match=r"needs its id on the platform \(user id\)"):
        accounts.add_account(store, name="Echo desk", platform="echo", language="en", timezone="UTC")
    assert queries.list_accounts(store) == []
    added = accounts.add_account(
        store, name="Echo desk", platform="echo", language="en", timezone="UTC", external_id=" echo-7 "
    )
    assert (added.platform, added.external_id) == ("echo", "echo-7")


def test_credentials_follow_the_plugin_fields(
    plugin: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_ECHO_TOKEN", "echo-token-from-env")
    assert secrets.load_credentials("echo", "Desk")["token"].reveal() == "echo-token-from-env"
    secrets.store_secret("echo", "Desk", "token", "echo-token-in-keyring")
    assert memory_keyring.entries[("communique", "echo:Desk:token")] == "echo-token-in-keyring"
    assert secrets.load_credentials("echo", "Desk")["token"].reveal() == "echo-token-in-keyring"
    with pytest.raises(ConfigurationError, match="echo accounts have no credential 'password'; use one of token"):
        secrets.store_secret("echo", "Desk", "password", "value-123456")
    secrets.forget("echo", "Desk")
    assert memory_keyring.entries == {}


class _Doubling:
    """A translation engine that writes every segment twice: a translation longer than its source."""

    name = "doubling"

    def pairs(self) -> set[tuple[str, str]]:
        return {("en", "fr")}

    def model_version(self, from_code: str, to_code: str) -> str:
        return "1"

    def translate_batch(self, segments: Sequence[str], from_code: str, to_code: str) -> list[str]:
        return [f"{segment} {segment}" for segment in segments]


def test_translate_post_flags_a_translation_too_long_for_the_plugin(plugin: Path, store: Store) -> None:
    accounts.add_account(store, name="Echo FR", platform="echo", language="fr", timezone="UTC", external_id="1")
    post = posts.create_post(store, text="Café élégant. " * 16, accounts=["Echo FR"], source_language="en")
    [result] = review.translate_post(store, post.id, engine=_Doubling())
    assert len(result.text) <= 500 < len(result.text.encode("utf-8"))  # too long in the plugin's unit only
    assert "over_limit" in {flag.code for flag in result.flags}


# --- a plugin that declares nothing --------------------------------------------------------------

_BARE = """
from connectors.base import CheckResult, AuthenticationError


class BareConnector:
    platform = "bare"

    def __init__(self, account):
        if not account.credentials:
            raise AuthenticationError("no credentials")

    def check(self, post):
        return CheckResult(ok=True, length=len(post.text), limit=0)


class SizedConnector(BareConnector):
    platform = "sized"
    length_limit = 10


class BadConnector(BareConnector):
    platform = "bad"
    length_limit = "lots"
"""


def _install_bare(site: Path) -> None:
    """Write a distribution registering the connectors above into ``site`` (already on sys.path)."""
    (site / "communique_bare.py").write_text(textwrap.dedent(_BARE), encoding="utf-8")
    info = site / "communique_bare-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: communique-bare\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[communique.connectors]\n"
        "bare = communique_bare:BareConnector\n"
        "sized = communique_bare:SizedConnector\n"
        "bad = communique_bare:BadConnector\n"
    )
    importlib.invalidate_caches()


@pytest.fixture
def bare(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder on sys.path for one test, to install the connectors above into."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    yield site
    sys.modules.pop("communique_bare", None)


def test_a_plugin_installed_while_running_is_found(bare: Path) -> None:
    assert "bare" not in platforms.platform_names()  # the listing for this sys.path is now cached
    _install_bare(bare)
    assert platforms.spec("bare").name == "bare"
    assert "bare" in platforms.platform_names()


def test_a_plugin_that_declares_nothing_gets_the_defaults(bare: Path, store: Store) -> None:
    _install_bare(bare)
    spec = platforms.spec("bare")
    assert (spec.length_limit, spec.length_unit, dict(spec.credential_fields), spec.external_id) == (
        None,
        "characters",
        {},
        None,
    )
    assert platforms.length_rule("bare") is None  # no limit: no counter, no translation flag
    accounts.add_account(store, name="Bare", platform="bare", language="en", timezone="UTC")  # no id asked for
    secrets.store_secret("bare", "Bare", "anything_goes", "value-123456")  # any well-formed field
    assert list(secrets.load_credentials("bare", "Bare")) == ["anything_goes"]


def test_check_text_falls_back_to_the_stated_limit_when_the_plugin_needs_an_account(bare: Path) -> None:
    _install_bare(bare)
    # The constructor refuses an account without credentials: core checks the length it can.
    result = check_text("sized", "eleven char")
    assert (result.ok, result.length, result.limit) == (False, 11, 10)
    assert result.problems == ("The text is 11 characters; sized allows 10.",)
    with pytest.raises(UserError, match="cannot check a text without an account"):
        check_text("bare", "Hello")


def test_a_plugin_with_a_malformed_attribute_is_a_configuration_error(bare: Path) -> None:
    _install_bare(bare)
    with pytest.raises(ConfigurationError, match=r"length_limit = 'lots'"):
        platforms.spec("bad")
