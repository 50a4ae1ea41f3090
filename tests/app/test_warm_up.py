"""Once the window is up, the models the accounts' languages need are loaded in the background."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.main import tell_practice_audiences, warm_translation
from core.services import accounts, posts
from core.store import Store, open_store
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


def test_every_practice_start_tells_the_emulator_its_audiences_zones(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    from connectors.sandbox.state import SHARED_AUDIENCES

    monkeypatch.setenv("COMMUNIQUE_PRACTICE", "1")
    store = open_store()
    try:
        accounts.add_account(
            store, name="Đại sứ quán Tokyo", platform="facebook", language="ja", timezone="Asia/Tokyo",
            external_id="5550001",
        )  # fmt: skip
        assert SHARED_AUDIENCES.get("5550001") is None  # a new start: the emulator knows nothing yet
        assert tell_practice_audiences(store)["5550001"] == "Asia/Tokyo"
        assert SHARED_AUDIENCES.get("5550001") == "Asia/Tokyo"
    finally:
        store.dispose()


def test_outside_practice_mode_no_emulator_is_told_anything(store: Store) -> None:
    from connectors.sandbox.state import SHARED_AUDIENCES

    accounts.add_account(
        store, name="Tokyo", platform="facebook", language="ja", timezone="Asia/Tokyo", external_id="5550002"
    )
    assert tell_practice_audiences(store) == {} and SHARED_AUDIENCES.get("5550002") is None


def test_the_routes_from_the_desk_s_language_come_first_pivot_legs_included(store: Store, tmp_path: Path) -> None:
    for a, b in [("vi", "en"), ("en", "ja"), ("en", "de"), ("de", "en")]:
        packs.install_pack(build_pack(tmp_path / "packs", a, b))
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.add_account(store, name="Hà Nội", platform="x", language="vi", timezone="Asia/Ho_Chi_Minh")
    posts.create_post(store, text="Thông cáo báo chí", accounts=["Tokyo"], source_language="vi")
    argos.invalidate()
    # vi -> ja goes through English, which is no account's language: both legs are loaded, first.
    assert warm_translation(store) == [("vi", "en"), ("en", "ja")]
    assert set(argos._translations) == {("vi", "en"), ("en", "ja")}
