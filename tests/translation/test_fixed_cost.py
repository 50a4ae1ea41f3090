"""What one translation costs besides the model: one pack listing, one look at the packs folder,
a glossary read once per process, one read statement and one durable write."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from core import paths
from core.store import Store, open_store
from core.store.tables import translation_memory
from tests.support.cli import add_forced_term, run_cli
from translation import glossary, packs
from translation.service import TranslationService

Install = Callable[..., list[packs.PackInfo]]


def _counting(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Count the calls of the real ``owner.name`` (it still does its work)."""
    calls: list[int] = []
    real = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


@pytest.fixture
def statements(store: Store) -> Iterator[list[str]]:
    """The SQL the store's engine sends from now on (what SQLAlchemy executes)."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(store.engine, "before_cursor_execute", record)
    yield seen
    event.remove(store.engine, "before_cursor_execute", record)


def test_one_pack_listing_per_translation(store: Store, install: Install, monkeypatch: pytest.MonkeyPatch) -> None:
    install("vi-en", "en-ja")
    service = TranslationService(store)
    listings = _counting(monkeypatch, packs, "list_packs")
    ja, en = service.translate("Hôm nay bộ ngoại giao. @VNMOFA Chào mừng!", "vi", ["ja", "en"])
    assert ja.path == ("vi", "en", "ja") and en.path == ("vi", "en")
    # Routes, three model versions and two models loaded, all from a single read of the folder.
    assert len(listings) == 1


def test_the_packs_folder_is_resolved_once_per_home(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolutions = _counting(monkeypatch, paths, "subdir")
    first = packs.packs_dir()
    assert packs.packs_dir() == packs.packs_dir() == first == isolated_home / "packs"
    assert len(resolutions) == 1
    other = tmp_path / "other-home"
    monkeypatch.setenv(paths.HOME_ENV, str(other))
    assert packs.packs_dir() == other / "packs" and (other / "packs").is_dir()
    (other / "packs").rmdir()  # removed behind the app's back: made again, not a crash
    assert packs.packs_dir().is_dir() and packs.list_packs() == []
    assert len(resolutions) == 3


def test_a_cached_glossary_costs_no_statement_of_its_own(store: Store, install: Install, statements: list[str]) -> None:
    install("vi-en")
    glossary.add_term(store, "vi", "Bộ Ngoại giao", target_language="en", translation="MOFA")
    service = TranslationService(store)
    service.translate("Bộ Ngoại giao hôm nay.", "vi", ["en"])
    statements.clear()
    (result,) = service.translate("Bộ Ngoại giao chào mừng đối tác.", "vi", ["en"])
    assert result.text.startswith("MOFA ")
    selects = [s for s in statements if s.startswith("SELECT")]
    # One statement checks the cached glossary and looks the memory up; no glossary rows are read.
    assert len(selects) == 1 and "glossary_terms.term" not in selects[0]


def test_glossary_changes_in_this_process_reach_the_next_translation(store: Store, install: Install) -> None:
    install("vi-en")
    service = TranslationService(store)
    text = "Bộ Ngoại giao chào mừng đối tác."
    entry = glossary.add_term(store, "vi", "Bộ Ngoại giao", target_language="en", translation="MOFA")
    assert service.translate(text, "vi", ["en"])[0].text.startswith("MOFA ")
    glossary.update_term(store, entry.id, translation="Ministry of Foreign Affairs")
    assert service.translate(text, "vi", ["en"])[0].text.startswith("Ministry of Foreign Affairs ")
    glossary.update_term(store, entry.id, translation=None)
    assert service.translate(text, "vi", ["en"])[0].text.startswith("Bộ Ngoại giao ")
    glossary.remove_term(store, entry.id)
    assert "Bộ Ngoại giao" not in service.translate(text, "vi", ["en"], use_memory=False)[0].text


@pytest.mark.parametrize("use_memory", [True, False])
def test_glossary_changes_by_another_process_reach_the_next_translation(
    store: Store, install: Install, isolated_home: Path, use_memory: bool
) -> None:
    install("vi-en")
    service = TranslationService(store)
    text = "Bộ Ngoại giao chào mừng đối tác."

    def translated() -> str:
        return service.translate(text, "vi", ["en"], use_memory=use_memory)[0].text

    before = translated()  # the pair's (empty) glossary is now cached in this process
    assert not before.startswith("MOFA")
    entry_id = add_forced_term(isolated_home, "Bộ Ngoại giao", "MOFA")
    assert translated().startswith("MOFA ")
    assert run_cli("glossary", "edit", entry_id, "--translation", "Foreign Ministry", home=isolated_home).code == 0
    assert translated().startswith("Foreign Ministry ")
    assert run_cli("glossary", "remove", entry_id, home=isolated_home).code == 0
    assert translated() == before


def test_memory_entries_are_durable_when_translate_returns(any_store: Store, install: Install) -> None:
    install("vi-en")
    (result,) = TranslationService(any_store).translate("Hôm nay. @VNMOFA Chào mừng!", "vi", ["en"])
    # Another store on the same database (other connections, as another process would have).
    other = open_store(any_store.engine.url.render_as_string(hide_password=False))
    try:
        with other.read() as conn:
            rows = conn.execute(select(translation_memory)).all()
        assert len(rows) == result.segments == 2
        for row in rows:  # written the way SQLAlchemy writes them, read back the same way
            assert row.created_at.tzinfo is UTC and row.created_at == row.updated_at and row.hits == 0
            assert (row.engine, row.origin, row.model_version) == ("argos", "machine", result.model_version)
        (again,) = TranslationService(other).translate("Hôm nay. @VNMOFA Chào mừng!", "vi", ["en"])
    finally:
        other.dispose()
    assert again.origin == "memory" and again.text == result.text
