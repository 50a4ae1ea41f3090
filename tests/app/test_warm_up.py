"""Once the window is up, the models the accounts' languages need are loaded in the background."""

from __future__ import annotations

from pathlib import Path

from app.main import warm_translation
from core.services import accounts
from core.store import Store
from tests.support.argos_packs import build_pack
from translation import argos, packs


def test_only_the_pairs_between_the_accounts_languages_are_loaded(store: Store, tmp_path: Path) -> None:
    for a, b in [("en", "de"), ("de", "en"), ("en", "ja")]:
        packs.install_pack(build_pack(tmp_path / "packs", a, b))
    accounts.add_account(store, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    accounts.add_account(store, name="London", platform="x", language="en", timezone="Europe/London")
    argos.invalidate()
    assert warm_translation(store) == [("de", "en"), ("en", "de")]
    assert set(argos._translations) == {("de", "en"), ("en", "de")}  # en -> ja is not needed, so not loaded


def test_without_accounts_nothing_is_loaded(store: Store, tmp_path: Path) -> None:
    packs.install_pack(build_pack(tmp_path / "packs", "en", "de"))
    argos.invalidate()
    assert warm_translation(store) == []
    assert argos._translations == {}
