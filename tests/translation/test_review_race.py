"""A machine translation and a person's edit racing on one variant: the person's edit is never lost."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import event

from core import queries
from core.domain import Post, TextOrigin
from core.errors import EditConflictError
from core.services import accounts, posts
from core.store import Store
from translation import packs, review
from translation.argos import ArgosEngine

Install = Callable[..., list[packs.PackInfo]]
PERSON = "東京の担当者が書いた訳。"


def _post(store: Store) -> Post:
    for name, language, zone in (("Hanoi", "vi", "Asia/Ho_Chi_Minh"), ("Tokyo", "ja", "Asia/Tokyo")):
        accounts.add_account(store, name=name, platform="x", language=language, timezone=zone)
    return posts.create_post(store, text="Hôm nay bộ ngoại giao.", accounts=["Hanoi", "Tokyo"], source_language="vi")


class _SignallingEngine(ArgosEngine):
    """The real Argos engine; sets ``done`` once a batch has been translated."""

    def __init__(self) -> None:
        super().__init__()
        self.done = threading.Event()

    def translate_batch(self, segments: Sequence[str], from_code: str, to_code: str) -> list[str]:
        translated = super().translate_batch(segments, from_code, to_code)
        self.done.set()
        return translated


def test_a_person_saving_while_the_translation_is_stored_keeps_their_text(store: Store, install: Install) -> None:
    """The person saves at the worst moment: the translation is done and its writer is reading the variant.

    Whichever of the two writes goes first, the person either keeps their text or is told,
    with both texts, that the machine translation landed first; never a silent overwrite.
    """
    install("vi-en", "en-ja")
    post = _post(store)
    tokyo = post.variants[1]
    engine = _SignallingEngine()
    translator = threading.current_thread()
    outcome: dict[str, Any] = {}

    def person_saves() -> None:
        try:
            outcome["saved"] = review.correct_variant(store, tokyo.id, PERSON, expected_version=tokyo.version)
        except EditConflictError as conflict:
            outcome["conflict"] = conflict

    person = threading.Thread(target=person_saves)

    def on_read(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        # The first look at the variants once the translation exists: the person saves right now.
        reading = statement.lstrip().upper().startswith("SELECT") and "FROM variants" in statement
        first = person.ident is None
        if reading and first and engine.done.is_set() and threading.current_thread() is translator:
            person.start()
            person.join(timeout=1.0)  # it may have to wait for the translator's write: then it goes second

    event.listen(store.engine, "after_cursor_execute", on_read)
    try:
        results = review.translate_post(store, post.id, engine=engine)
    finally:
        event.remove(store.engine, "after_cursor_execute", on_read)
        person.join(timeout=10)

    assert person.ident is not None, "the person never got to save: the race was not run"
    final = queries.get_variant(store, tokyo.id)
    if "saved" in outcome:  # the person went first: the translation must not replace their text
        assert (final.text, final.text_origin, final.reviewed) == (PERSON, TextOrigin.HUMAN, True)
        assert all(r.variant_id != tokyo.id for r in results)
    else:  # the translation went first: the person is told, with both texts, and can save again
        conflict = outcome["conflict"]
        assert final.text_origin is TextOrigin.MACHINE
        assert (conflict.current_text, conflict.attempted_text) == (final.text, PERSON)
        assert conflict.current_version == final.version
        saved = review.correct_variant(store, tokyo.id, PERSON, expected_version=conflict.current_version)
        assert saved.text == PERSON


def test_a_person_saving_during_the_translation_keeps_their_text(store: Store, install: Install) -> None:
    install("vi-en", "en-ja")
    post = _post(store)
    tokyo = post.variants[1]

    class _PersonMidway(ArgosEngine):
        def translate_batch(self, segments: Sequence[str], from_code: str, to_code: str) -> list[str]:
            if queries.get_variant(store, tokyo.id).text != PERSON:
                review.correct_variant(store, tokyo.id, PERSON, expected_version=tokyo.version, reviewed=False)
            return super().translate_batch(segments, from_code, to_code)

    assert review.translate_post(store, post.id, engine=_PersonMidway()) == []
    final = queries.get_variant(store, tokyo.id)
    assert (final.text, final.text_origin) == (PERSON, TextOrigin.HUMAN)


def test_a_stale_save_is_refused_with_both_texts_and_writes_nothing(store: Store, install: Install) -> None:
    install("vi-en", "en-ja")
    post = _post(store)
    seen = post.variants[1]  # what the person's screen shows: the untranslated source text
    (translated,) = review.translate_post(store, post.id)
    machine = queries.get_variant(store, seen.id)

    with pytest.raises(EditConflictError, match="changed by someone else") as refused:
        review.correct_variant(store, seen.id, PERSON, expected_version=seen.version)

    assert refused.value.current_text == translated.text == machine.text
    assert refused.value.attempted_text == PERSON
    assert queries.get_variant(store, seen.id) == machine  # nothing written, not even the review mark


def test_a_reschedule_during_the_translation_does_not_drop_it(store: Store, install: Install) -> None:
    """A change that leaves the text alone is no person's edit: the translation is still stored."""
    install("vi-en", "en-ja")
    post = _post(store)
    tokyo = post.variants[1]

    class _RescheduledMidway(ArgosEngine):
        def translate_batch(self, segments: Sequence[str], from_code: str, to_code: str) -> list[str]:
            if queries.get_variant(store, tokyo.id).version == tokyo.version:
                posts.schedule_post(store, post.id, datetime(2030, 5, 4, 9), accounts=["Tokyo"])
            return super().translate_batch(segments, from_code, to_code)

    (result,) = review.translate_post(store, post.id, engine=_RescheduledMidway())
    assert result.variant_id == tokyo.id
    final = queries.get_variant(store, tokyo.id)
    assert (final.text_origin, final.schedule_local) == (TextOrigin.MACHINE, "2030-05-04T09:00")
