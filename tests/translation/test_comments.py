"""Comments detected and translated offline, with the real Argos code path and tiny real packs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import func, select

from core.domain import LanguageSource
from core.queries import feedback
from core.queries.feedback import text_hash
from core.services import feedback as feedback_service
from core.store import Store
from core.store.tables import comment_translations, comments, translation_memory
from tests.support.comment_samples import START, UNACCENTED_VIETNAMESE, add_comments, published_variant
from tests.support.engines import CountingEngine
from translation import argos, packs
from translation.comments import detect_languages, missing_pack_sentence, translate_comments
from translation.service import TranslationService

Install = Callable[..., list[packs.PackInfo]]


def _rows(store: Store) -> dict[int, dict[str, object]]:
    with store.read() as conn:
        return {row.id: dict(row._mapping) for row in conn.execute(select(comments))}


def _translations(store: Store, language: str) -> dict[int, dict[str, object]]:
    with store.read() as conn:
        query = select(comment_translations).where(comment_translations.c.language == language)
        return {row.comment_id: dict(row._mapping) for row in conn.execute(query)}


def _edit(store: Store, comment_id: int, text: str) -> None:
    """What the collector does when a comment's text changes on the platform."""
    with store.write() as conn:
        conn.execute(
            comments.update().where(comments.c.id == comment_id).values(text=text, edited_at=START + timedelta(days=1))
        )


# --- detection --------------------------------------------------------------------------------


def test_languages_are_detected_and_a_persons_choice_is_kept(any_store: Store) -> None:
    store = any_store
    variant = published_variant(store)
    texts = [
        "Cảm ơn Bộ Ngoại giao đã thông tin kịp thời!",
        "When will the embassy reopen for visa appointments?",
        "ビザの申請はいつから再開されますか？",
        "Wann öffnet die Botschaft wieder für Visaanträge?",
        "वीज़ा के लिए आवेदन कब से शुरू होंगे?",
        "Коли посольство знову прийматиме документи на візу?",
        UNACCENTED_VIETNAMESE[0],  # the detector cannot tell: X's own guess is taken
        UNACCENTED_VIETNAMESE[0],  # nor here, and there is no guess: it stays unknown
        "👍🎉",
        "Danke für die Informationen.",  # a reader said it is Vietnamese: kept
    ]
    hints = [None, None, None, None, None, None, "vi", None, "en", None]
    ids = add_comments(store, variant, texts, hints=hints)
    feedback_service.set_language(store, ids[9], "vi")

    assert detect_languages(store) == 7
    rows = _rows(store)
    found = [(rows[i]["language"], rows[i]["language_source"]) for i in ids]
    assert found == [
        *[(code, "detected") for code in ("vi", "en", "ja", "de", "hi", "uk")],
        ("vi", "platform"),
        (None, None),
        (None, None),
        ("vi", "person"),
    ]
    assert all(float(rows[i]["language_confidence"]) >= 0.6 for i in ids[:6])  # type: ignore[arg-type]
    assert rows[ids[9]]["language_confidence"] == 1.0
    # Later passes look only at comments still unknown; a named list is looked at again.
    assert detect_languages(store) == 0
    assert detect_languages(store, [ids[9], ids[1]]) == 1
    assert _rows(store)[ids[9]]["language"] == "vi"


def test_an_edit_in_another_language_is_detected_again(store: Store) -> None:
    (comment_id,) = add_comments(store, published_variant(store), ["Thanks for sharing, very informative."])
    detect_languages(store)
    assert _rows(store)[comment_id]["language"] == "en"
    _edit(store, comment_id, "Vielen Dank für die Informationen, sehr hilfreich.")
    assert detect_languages(store, [comment_id]) == 1
    assert _rows(store)[comment_id]["language"] == "de"
    _edit(store, comment_id, "🙏")  # nothing left to read: unknown again, not still German
    assert detect_languages(store, [comment_id]) == 0
    assert _rows(store)[comment_id]["language"] is None


# --- translation ------------------------------------------------------------------------------


def test_comments_are_translated_offline_in_one_batch_per_leg(
    store: Store, install: Install, no_network: list[str]
) -> None:
    install("en-vi", "ja-en", "vi-en")
    argos.invalidate()  # load the models under the patch too
    variant = published_variant(store)
    english = [f"the minister meeting today number {n}. Welcome partner country!" for n in range(20)]
    japanese = [f"大使館 会議 {n} です。" for n in range(10)]
    spans = "@MOFA_VietNam welcome https://mofa.gov.vn/tin-tuc #ViệtNam 🇻🇳 partner country"
    vietnamese = ["Cảm ơn Bộ Ngoại giao đã thông tin kịp thời!"]
    ids = add_comments(store, variant, [*english, *japanese, spans, *vietnamese])
    with store.write() as conn:  # a deleted comment is translated too: its text stays for the record
        conn.execute(comments.update().where(comments.c.id == ids[0]).values(deleted_at=START))
    detect_languages(store)
    assert {_rows(store)[i]["language"] for i in ids} == {"en", "ja", "vi"}
    engine = CountingEngine()

    report = translate_comments(store, TranslationService(store, engine), "vi")

    assert report.translated == 31 and report.missing == () and report.problems == ()
    stored = _translations(store, "vi")
    assert sorted(stored) == sorted(ids[:31])  # the Vietnamese one needs none
    assert stored[ids[20]]["translation_path"] == "ja->en->vi"
    assert stored[ids[0]]["translation_path"] == "en->vi"
    assert all(stored[i]["source_sha256"] == text_hash(_rows(store)[i]["text"]) for i in stored)  # type: ignore[arg-type]
    for span in ("@MOFA_VietNam", "https://mofa.gov.vn/tin-tuc", "#ViệtNam", "🇻🇳"):
        assert span in str(stored[ids[30]]["text"])
    # 31 comments, three engine calls: en -> vi and ja -> en, then ja's en -> vi.
    assert sorted((a, b) for a, b, _n in engine.calls) == [("en", "vi"), ("en", "vi"), ("ja", "en")]
    assert no_network == []
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(translation_memory)).scalar_one() > 0
    # The Feedback screen reads them back, fresh.
    shown = feedback.get_comment(store, ids[20], reader_language="vi").translation
    assert shown is not None and not shown.stale and shown.source_language == "ja"


def test_a_second_pass_does_nothing_and_an_edit_is_translated_again(any_store: Store, install: Install) -> None:
    store = any_store
    install("en-vi")
    ids = add_comments(
        store, published_variant(store), ["Thanks for sharing, very informative.", "Well done, keep it up!"]
    )
    with store.write() as conn:
        conn.execute(comments.update().values(language="en", language_source=LanguageSource.DETECTED.value))
    service = TranslationService(store)
    assert translate_comments(store, service, "vi").translated == 2
    first = _translations(store, "vi")
    assert translate_comments(store, service, "vi").translated == 0  # fresh: nothing to do

    _edit(store, ids[0], "Thanks for sharing the statement of the minister today.")
    assert feedback.get_comment(store, ids[0], reader_language="vi").translation.stale  # type: ignore[union-attr]
    report = translate_comments(store, service, "vi")
    assert report.translated == 1  # only the edited one
    again = _translations(store, "vi")
    assert again[ids[0]]["source_sha256"] == text_hash("Thanks for sharing the statement of the minister today.")
    assert again[ids[0]]["text"] != first[ids[0]]["text"]
    assert again[ids[1]] == first[ids[1]]
    assert not feedback.get_comment(store, ids[0], reader_language="vi").translation.stale  # type: ignore[union-attr]
    # The same text again (a second reader writing the same): the memory answers, not the engine.
    (twin,) = add_comments(store, published_variant(store, name="Tokyo"), ["Well done, keep it up!"], first=10)
    detect_languages(store, [twin])
    with store.write() as conn:
        conn.execute(comments.update().where(comments.c.id == twin).values(language="en"))
    repeat = translate_comments(store, service, "vi", [twin])
    assert (repeat.translated, repeat.from_memory, repeat.engine_segments) == (1, 1, 0)


def test_a_missing_pack_is_reported_and_the_rest_translated(store: Store, install: Install) -> None:
    install("en-vi", "vi-en")
    ids = add_comments(
        store,
        published_variant(store),
        [
            "Wann öffnet die Botschaft wieder für Visaanträge?",
            "When will the embassy reopen for visa appointments?",
            "ビザの申請はいつから再開されますか？",
            "Danke für die Informationen.",
        ],
    )
    detect_languages(store)

    report = translate_comments(store, TranslationService(store), "vi")

    assert report.translated == 1 and set(_translations(store, "vi")) == {ids[1]}
    assert [(m.source, m.target, m.comments) for m in report.missing] == [("de", "vi", 2), ("ja", "vi", 1)]
    assert report.messages[0].startswith("No language pack for de -> vi (German into Vietnamese): install one")
    assert "or en -> vi" not in report.messages[0] and "or de -> en to go through English" in report.messages[0]
    assert report.messages[0].app is not None and "Language packs screen" in report.messages[0].app  # type: ignore[attr-defined]
    # Installing the pack the sentence names is enough.
    install("ja-en")
    assert translate_comments(store, TranslationService(store), "vi").translated == 1
    assert set(_translations(store, "vi")) == {ids[1], ids[2]}


def test_missing_pack_sentences_name_the_pack_that_would_do() -> None:
    assert missing_pack_sentence("ja", "vi", set()).endswith("(ja -> vi, or ja -> en and en -> vi).")
    assert missing_pack_sentence("ja", "vi", {("en", "vi")}).endswith("(ja -> vi, or ja -> en to go through English).")
    assert missing_pack_sentence("ja", "vi", {("ja", "en")}).endswith("(ja -> vi, or en -> vi to go through English).")
    assert missing_pack_sentence("en", "vi", set()).endswith("install one with 'communique lang install FILE'.")


def test_a_persons_language_is_the_one_translated_from(store: Store, install: Install) -> None:
    install("en-vi", "ja-en")
    ids = add_comments(store, published_variant(store), ["大使館 会議 です。", "the minister. welcome!"])
    detect_languages(store)
    service = TranslationService(store)
    translate_comments(store, service, "vi")
    assert _translations(store, "vi")[ids[0]]["source_language"] == "ja"
    # A reader says the second is Japanese after all: its translation goes and is made again from ja.
    feedback_service.set_language(store, ids[1], "ja")
    assert detect_languages(store, ids) == 1  # the first only: the person's choice is not detected over
    assert _rows(store)[ids[1]]["language"] == "ja"
    report = translate_comments(store, service, "vi")
    assert report.translated == 1
    redone = _translations(store, "vi")[ids[1]]
    assert (redone["source_language"], redone["translation_path"]) == ("ja", "ja->en->vi")


def test_limit_takes_the_newest_and_named_comments_only(store: Store, install: Install) -> None:
    install("en-vi")
    texts = [f"the minister number {n}." for n in range(6)]
    ids = add_comments(store, published_variant(store), texts)
    with store.write() as conn:
        conn.execute(comments.update().values(language="en", language_source=LanguageSource.DETECTED.value))
    service = TranslationService(store)
    assert translate_comments(store, service, "vi", limit=2).translated == 2
    assert set(_translations(store, "vi")) == set(ids[-2:])  # the newest first: what a reader sees first
    assert translate_comments(store, service, "vi", [ids[0], ids[5]]).translated == 1  # ids[5] is done
    assert set(_translations(store, "vi")) == {ids[0], *ids[-2:]}
    assert translate_comments(store, service, "en").translated == 0  # already in English


def test_a_damaged_pack_is_reported_and_the_other_languages_translated(store: Store, install: Install) -> None:
    (vi_en,) = install("vi-en")
    install("en-ja")
    ids = add_comments(
        store,
        published_variant(store),
        ["the minister meeting today. welcome!", "Hôm nay bộ ngoại giao chào mừng đối tác."],
    )
    with store.write() as conn:
        for comment_id, language in zip(ids, ("en", "vi"), strict=True):
            conn.execute(comments.update().where(comments.c.id == comment_id).values(language=language))
    (vi_en.path / "model" / "model.bin").write_bytes(b"garbage\n")  # damaged after it was installed
    argos.invalidate()

    report = translate_comments(store, TranslationService(store), "ja")

    assert report.translated == 1 and set(_translations(store, "ja")) == {ids[0]}  # en -> ja still works
    assert report.missing == ()
    assert report.problems == (
        "Comments in Vietnamese (1) were not translated: The language pack vi -> en cannot be loaded; reinstall it.",
    )
