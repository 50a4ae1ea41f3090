"""What the installed packs cannot translate, for the languages a store uses."""

from __future__ import annotations

from pathlib import Path

from core.services import accounts, posts
from core.store import Store
from tests.support.argos_packs import build_pack
from translation import packs
from translation.coverage import MissingRoute, languages_in_use, missing_for_store, missing_routes


def test_a_pair_is_missing_only_when_no_route_exists() -> None:
    pairs = {("vi", "en"), ("en", "ja")}
    assert missing_routes(["vi"], ["ja", "vi"], pairs) == []  # vi -> en -> ja
    assert missing_routes(["ja"], ["vi"], pairs) == [MissingRoute("ja", "vi", (("ja", "en"), ("en", "vi")))]
    assert missing_routes(["en"], ["uk"], pairs) == [MissingRoute("en", "uk", (("en", "uk"),))]
    # Only the missing leg through English is suggested.
    assert missing_routes(["vi"], ["uk"], pairs)[0].suggested == (("en", "uk"),)


def test_the_store_s_accounts_and_post_languages_are_checked(store: Store, tmp_path: Path) -> None:
    assert missing_for_store(store) == []  # no account: nothing to translate into
    accounts.add_account(store, name="Hanoi", platform="x", language="vi", timezone="Asia/Ho_Chi_Minh")
    accounts.add_account(store, name="Tokyo", platform="x", language="ja", timezone="Asia/Tokyo")
    posts.create_post(store, text="Hello", accounts=["Tokyo"], source_language="de")
    assert languages_in_use(store) == ({"vi", "ja", "de"}, {"vi", "ja"})
    packs.install_pack(build_pack(tmp_path, "vi", "en"))
    packs.install_pack(build_pack(tmp_path, "en", "ja"))
    missing = {(m.source, m.target) for m in missing_for_store(store)}
    assert missing == {("ja", "vi"), ("de", "vi"), ("de", "ja")}
