"""The composer's view model, without Qt: counters, languages, and its session with a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.viewmodels import composer
from app.viewmodels.composer import AccountOption, ComposerSession
from core import queries
from core.domain import Account
from core.errors import UserError
from core.services import accounts
from core.services.drafts import DraftContent
from core.store import Store
from tests.support.scheduling import PNG

X = AccountOption(1, "Tokyo (X)", "x", "ja", "Asia/Tokyo")
FB = AccountOption(2, "London (FB)", "facebook", "en", "Europe/London")


def test_counters_use_each_platforms_own_rule() -> None:
    text = "日本" * 100  # 200 CJK characters: X weighs each twice
    counts = composer.counters(text, [X, FB])
    assert [(c.account, c.length, c.limit, c.over) for c in counts] == [
        ("Tokyo (X)", 400, 280, True),
        ("London (FB)", 200, 63206, False),
    ]
    assert counts[0].unit == "weighted characters"
    assert composer.over_limit(counts) == [counts[0]]


def test_a_platform_no_longer_installed_is_counted_in_characters_without_a_limit() -> None:
    assert composer.measure("carrier-pigeon", "Hello") == (5, None, "characters")


def test_the_language_follows_the_first_target_unless_chosen() -> None:
    assert composer.effective_language(None, [FB, X]) == "en"
    assert composer.effective_language("vi", [FB, X]) == "vi"
    assert composer.effective_language(None, []) is None
    choices = composer.language_choices([X, FB])
    assert choices[:2] == ["ja", "en"] and "vi" in choices and len(choices) == len(set(choices))


def test_account_options_are_sorted_by_name(store: Store) -> None:
    accounts.add_account(store, name="Tokyo (X)", platform="x", language="ja", timezone="Asia/Tokyo")
    accounts.add_account(store, name="Berlin (X)", platform="x", language="de", timezone="Europe/Berlin")
    options = composer.account_options(queries.list_accounts(store))
    assert [(o.name, o.language, o.timezone) for o in options] == [
        ("Berlin (X)", "de", "Europe/Berlin"),
        ("Tokyo (X)", "ja", "Asia/Tokyo"),
    ]


def test_the_session_makes_one_draft_and_reopens_it(store: Store) -> None:
    tokyo: Account = accounts.add_account(store, name="Tokyo (X)", platform="x", language="ja", timezone="Asia/Tokyo")
    session = ComposerSession()
    first = session.save(store, DraftContent("Xin", "vi", (tokyo.id,)))
    second = session.save(store, DraftContent("Xin chào", "vi", (tokyo.id,)))
    assert first.draft.id == second.draft.id == session.draft_id
    loaded = ComposerSession().load(store, reopen=True)
    assert loaded.draft is not None and loaded.draft.content.text == "Xin chào"
    assert [o.name for o in loaded.accounts] == ["Tokyo (X)"] and loaded.post is None
    session.start_new()
    assert session.save(store, DraftContent("Khác")).draft.id != first.draft.id


def test_attach_copies_an_accepted_file_and_refuses_others(tmp_path: Path) -> None:
    image = tmp_path / "flag.png"
    image.write_bytes(PNG)
    attached = composer.attach(str(image))
    assert Path(attached.path).read_bytes() == PNG and attached.path != str(image)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(UserError, match="not a supported image or video"):
        composer.attach(str(text))
