"""Glossary entries: add, update, remove, list, and which ones apply to a pair."""

from __future__ import annotations

import pytest

from core import queries
from core.errors import ConflictError, NotFoundError, UserError
from core.store import Store
from translation import glossary


def test_add_list_update_remove(store: Store) -> None:
    keep = glossary.add_term(store, "vi", " 57-NQ/TW ", note="resolution number")
    forced = glossary.add_term(
        store, "VI", "Bộ Ngoại giao", target_language="en", translation="Ministry of Foreign Affairs"
    )
    assert keep.term == "57-NQ/TW" and keep.target_language == "*" and keep.translation is None
    assert forced.source_language == "vi" and forced.target_language == "en"
    assert [e.term for e in glossary.list_terms(store)] == ["57-NQ/TW", "Bộ Ngoại giao"]
    assert [e.id for e in glossary.list_terms(store, "vi", "en")] == [forced.id]

    updated = glossary.update_term(store, forced.id, translation="MOFA", case_sensitive=False)
    assert (updated.translation, updated.case_sensitive, updated.term) == ("MOFA", False, "Bộ Ngoại giao")
    kept = glossary.update_term(store, forced.id, translation=None)
    assert kept.translation is None

    glossary.remove_term(store, keep.id)
    assert [e.id for e in glossary.list_terms(store)] == [forced.id]
    with pytest.raises(NotFoundError):
        glossary.remove_term(store, keep.id)
    with pytest.raises(NotFoundError):
        glossary.update_term(store, keep.id, note="x")


def test_exact_target_wins_over_every_target(store: Store) -> None:
    glossary.add_term(store, "vi", "ASEAN")
    glossary.add_term(store, "vi", "ASEAN", target_language="ja", translation="東南アジア諸国連合")
    glossary.add_term(store, "vi", "Hà Nội", target_language="de", translation="Hanoi")
    for_ja = glossary.terms_for_pair(store, "vi", "ja")
    assert [(e.term, e.translation) for e in for_ja] == [("ASEAN", "東南アジア諸国連合")]
    assert [(e.term, e.translation) for e in glossary.terms_for_pair(store, "vi", "en")] == [("ASEAN", None)]


def test_bad_entries_are_refused(store: Store) -> None:
    glossary.add_term(store, "vi", "ASEAN")
    with pytest.raises(ConflictError, match="already has 'ASEAN'"):
        glossary.add_term(store, "vi", "ASEAN")
    with pytest.raises(UserError, match="cannot be empty"):
        glossary.add_term(store, "vi", "   ")
    with pytest.raises(UserError, match="one line"):
        glossary.add_term(store, "vi", "two\nlines")
    with pytest.raises(UserError, match="needs one target language"):
        glossary.add_term(store, "vi", "Hà Nội", translation="Hanoi")
    with pytest.raises(UserError, match="Unknown language code"):
        glossary.add_term(store, "xx", "Hà Nội")
    with pytest.raises(UserError, match="forced translation cannot be empty"):
        glossary.add_term(store, "vi", "Hà Nội", target_language="en", translation=" ")
    assert [e.term for e in glossary.list_terms(store)] == ["ASEAN"]


def test_changes_are_audited(store: Store) -> None:
    entry = glossary.add_term(store, "vi", "Bộ Ngoại giao", target_language="en", translation="MOFA", actor="editor")
    glossary.update_term(store, entry.id, translation="Ministry of Foreign Affairs", actor="editor")
    glossary.remove_term(store, entry.id, actor="chief")
    events = queries.list_events(store, entity=glossary.AUDIT_ENTITY, entity_id=entry.id)
    assert [(e.action, e.actor) for e in reversed(events)] == [
        ("glossary_add", "editor"),
        ("glossary_update", "editor"),
        ("glossary_remove", "chief"),
    ]
    assert events[-1].details["term"] == "Bộ Ngoại giao" and events[-1].details["translation"] == "MOFA"
    assert events[1].details["translation"] == "Ministry of Foreign Affairs"
    assert events[0].details["term"] == "Bộ Ngoại giao"


def test_a_refused_change_records_nothing(store: Store) -> None:
    entry = glossary.add_term(store, "vi", "57-NQ/TW")
    glossary.add_term(store, "vi", "Hà Nội")
    with pytest.raises(ConflictError):
        glossary.update_term(store, entry.id, term="Hà Nội")
    with pytest.raises(NotFoundError):
        glossary.remove_term(store, 10**9)
    assert [e.action for e in queries.list_events(store, entity=glossary.AUDIT_ENTITY)] == ["glossary_add"] * 2


@pytest.mark.parametrize(("term", "translation"), [("ASE\x00AN", None), ("ASEAN", "Asso\x1b[2Jciation")])
def test_control_characters_in_terms_are_refused(store: Store, term: str, translation: str | None) -> None:
    target = "en" if translation else "*"
    with pytest.raises(UserError, match=r"control character|NUL byte"):
        glossary.add_term(store, "vi", term, target_language=target, translation=translation)
    assert glossary.list_terms(store) == []
