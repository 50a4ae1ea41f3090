"""Translation memory and glossary storage on both backends (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from core import queries
from core.store import Store
from core.store.tables import translation_memory
from translation import glossary, memory, packs
from translation.service import TranslationService


def _count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(translation_memory)).scalar_one())


def test_machine_entries_are_upserted_and_scoped_to_the_model(any_store: Store) -> None:
    memory.remember_machine(any_store, "argos", "1.0:aa", "vi", "en", [("xin chào", "hello"), ("cảm ơn", "thanks")])
    memory.remember_machine(any_store, "argos", "1.0:aa", "vi", "en", [("xin chào", "hi")])
    assert _count(any_store) == 2
    with any_store.read() as conn:
        found = memory.lookup(conn, "argos", "1.0:aa", "vi", "en", ["xin chào", "cảm ơn", "tạm biệt"])
        other_model = memory.lookup(conn, "argos", "2.0:bb", "vi", "en", ["xin chào"])
        other_engine = memory.lookup(conn, "libre", "1.0:aa", "vi", "en", ["xin chào"])
    assert {text: hit.target_text for text, hit in found.items()} == {"xin chào": "hi", "cảm ơn": "thanks"}
    assert other_model == {} and other_engine == {}

    memory.remember_correction(any_store, "vi", "en", "xin chào", "good day")
    with any_store.read() as conn:
        for version in ("1.0:aa", "2.0:bb"):  # a person's translation applies to every model
            hit = memory.lookup(conn, "argos", version, "vi", "en", ["xin chào"])["xin chào"]
            assert (hit.target_text, hit.origin) == ("good day", memory.HUMAN)
    memory.save(any_store, [], [hit, hit])
    with any_store.read() as conn:
        hits = conn.execute(
            select(translation_memory.c.hits).where(translation_memory.c.origin == memory.HUMAN)
        ).scalar_one()
    assert hits == 1


def test_long_pivot_versions_fit_the_column() -> None:
    long = "+".join(["1.0:0123456789ab"] * 4)
    assert len(memory.fit_version(long)) == 40 and memory.fit_version(long) == memory.fit_version(long)
    assert memory.fit_version("1.0:abc") == "1.0:abc"


def test_pipeline_on_both_backends(any_store: Store, install: Callable[..., list[packs.PackInfo]]) -> None:
    install("vi-en", "en-ja")
    glossary.add_term(any_store, "vi", "57-NQ/TW")
    service = TranslationService(any_store)
    text = "Nghị quyết 57-NQ/TW hôm nay. @VNMOFA Chào mừng!"
    (first,) = service.translate(text, "vi", ["ja"])
    (again,) = service.translate(text, "vi", ["ja"])
    assert first.origin == "machine" and again.origin == "memory" and again.text == first.text
    assert "57-NQ/TW" in first.text
    assert _count(any_store) == first.segments == 3


def test_corrections_are_audited(store: Store) -> None:
    memory.remember_correction(store, "vi", "en", "Xin chào", "Hello", actor="editor")
    (event,) = queries.list_events(store, entity="translation_memory")
    assert (event.action, event.actor) == ("correct", "editor")
    assert event.details["from"] == "vi" and event.details["to"] == "en"
    with store.read() as conn:
        stored = conn.execute(select(translation_memory.c.id, translation_memory.c.origin)).one()
    assert event.entity_id == stored.id and stored.origin == memory.HUMAN
