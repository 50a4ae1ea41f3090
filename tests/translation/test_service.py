"""The pipeline with real packs: pivots, protected spans, glossary, memory, flags, batching."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from core.errors import UserError
from core.store import Store
from core.store.tables import translation_memory
from tests.support.argos_packs import build_pack
from tests.support.engines import CountingEngine
from tests.support.sample_posts import EXPECTED, POSTS
from translation import glossary, memory, packs, spans
from translation.service import TranslationService, find_route

Install = Callable[..., list[packs.PackInfo]]


def test_routes_go_direct_then_through_english() -> None:
    pairs = {("vi", "en"), ("en", "ja"), ("en", "vi"), ("ja", "de")}
    assert find_route("vi", "vi", pairs) == ["vi"]
    assert find_route("en", "vi", pairs) == ["en", "vi"]
    assert find_route("vi", "ja", pairs) == ["vi", "en", "ja"]
    assert find_route("en", "de", pairs) == ["en", "ja", "de"]  # any single pivot when English cannot
    with pytest.raises(UserError, match=r"No language pack translates Japanese \(ja\) into Vietnamese \(vi\)"):
        find_route("ja", "vi", {("ja", "de")})
    with pytest.raises(UserError, match=r"\(ja\), directly or through English: install"):
        find_route("vi", "ja", set())
    with pytest.raises(UserError, match=r"into English \(en\): install"):  # no "through English" to English
        find_route("vi", "en", set())


def test_pivot_path_is_shown(store: Store, install: Install) -> None:
    install("vi-en", "en-ja", "en-vi")
    service = TranslationService(store)
    ja, en = service.translate("Hôm nay bộ ngoại giao chào mừng đối tác.", "vi", ["ja", "en"])
    assert ja.path == ("vi", "en", "ja") and ja.path_label == "vi -> en -> ja"
    assert en.path == ("vi", "en")
    assert ja.text and ja.text != en.text
    assert service.route("en", "vi") == ["en", "vi"]


def test_no_route_is_one_clear_sentence(store: Store, install: Install) -> None:
    install("vi-en")
    with pytest.raises(UserError, match="install one with 'communique lang install FILE'"):
        TranslationService(store).translate("Xin chào", "vi", ["ja"])
    with pytest.raises(UserError, match="Unknown language code"):
        TranslationService(store).translate("Xin chào", "vi", ["klingon"])
    with pytest.raises(UserError, match="no text"):
        TranslationService(store).translate("  \n", "vi", ["en"])


@pytest.mark.parametrize("lang", ["vi", "ja", "hi", "uk"])
def test_protected_spans_come_through_in_place(store: Store, install: Install, lang: str) -> None:
    install("vi-en", "en-ja", "en-hi", "en-uk", "ja-en", "en-vi", "en-de")
    source = {"vi": "vi", "ja": "ja", "hi": "en", "uk": "en"}[lang]
    target = {"vi": "ja", "ja": "de", "hi": "hi", "uk": "uk"}[lang]
    (result,) = TranslationService(store).translate(POSTS[lang], source, [target])
    rebuilt = spans.split(result.text)
    assert [(p.kind, p.text) for p in rebuilt if p.protected] == EXPECTED[lang]
    assert result.text != POSTS[lang]  # the prose around them was translated
    assert not any(flag.code == "lost_span" for flag in result.flags)


def test_glossary_keeps_and_forces_terms(store: Store, install: Install) -> None:
    install("vi-en", "en-ja")
    glossary.add_term(store, "vi", "57-NQ/TW")
    glossary.add_term(store, "vi", "Bộ Ngoại giao", target_language="en", translation="Ministry of Foreign Affairs")
    glossary.add_term(store, "vi", "Bộ Ngoại giao", target_language="ja", translation="外務省")
    text = "Bộ Ngoại giao công bố Nghị quyết 57-NQ/TW hôm nay."
    en, ja = TranslationService(store).translate(text, "vi", ["en", "ja"])
    assert en.text.startswith("Ministry of Foreign Affairs ") and "57-NQ/TW" in en.text
    assert ja.text.startswith("外務省 ") and "57-NQ/TW" in ja.text
    assert "Bộ Ngoại giao" not in en.text + ja.text


def test_memory_reuses_segments_of_the_same_model(
    store: Store, install: Install, counting_engine: CountingEngine
) -> None:
    install("vi-en", "en-ja")
    service = TranslationService(store, counting_engine)
    text = "Hôm nay bộ ngoại giao. @VNMOFA Cuộc họp hữu nghị!"
    (first,) = service.translate(text, "vi", ["ja"])
    assert first.origin == "machine" and first.reused == 0
    calls = len(counting_engine.calls)
    assert calls == 2  # vi -> en, then en -> ja: each once, with both segments in the batch

    (second,) = service.translate(text, "vi", ["ja"])
    assert second.text == first.text and second.origin == "memory" and second.reused == 2
    assert len(counting_engine.calls) == calls  # nothing new went to the engine
    with store.read() as conn:
        hits = conn.execute(select(translation_memory.c.hits)).scalars().all()
    assert sorted(hits) == [1, 1]

    (partly,) = service.translate("Hôm nay bộ ngoại giao. @VNMOFA Văn hóa!", "vi", ["ja"])
    assert partly.reused == 1 and counting_engine.calls[-1] == ("en", "ja", 1)


def test_memory_is_not_reused_after_the_pack_changes(store: Store, install: Install) -> None:
    install("en-vi")
    service = TranslationService(store)
    (before,) = service.translate("the ministry of foreign affairs.", "en", ["vi"])
    install("en-vi@2")
    (after,) = service.translate("the ministry of foreign affairs.", "en", ["vi"])
    assert after.origin == "machine" and after.model_version != before.model_version
    assert after.text != before.text


def test_memory_is_not_reused_after_a_rebuild_at_the_same_version(
    store: Store, install: Install, tmp_path: Path
) -> None:
    # The risky case: a pack rebuilt (other weights) but still called 1.0. Only the archive's
    # fingerprint tells the two apart; without it the old model's output would be served.
    install("en-vi")
    service = TranslationService(store)
    (before,) = service.translate("the ministry of foreign affairs.", "en", ["vi"])
    rebuilt = build_pack(tmp_path, "en", "vi", version="1.0", seed=4242, from_name="English", to_name="Vietnamese")
    assert packs.install_pack(rebuilt).version == "1.0"
    (after,) = service.translate("the ministry of foreign affairs.", "en", ["vi"])
    assert after.origin == "machine" and after.reused == 0
    assert after.model_version != before.model_version and after.model_version.startswith("1.0:")
    assert after.text != before.text


def test_memory_entries_are_served_as_stored(store: Store, install: Install) -> None:
    install("en-vi")
    service = TranslationService(store)
    service.translate("the minister.", "en", ["vi"])
    with store.write() as conn:
        conn.execute(translation_memory.update().values(target_text="bộ trưởng."))
    (result,) = service.translate("the minister.", "en", ["vi"])
    assert result.text == "bộ trưởng."


def test_human_corrections_are_preferred(store: Store, install: Install, counting_engine: CountingEngine) -> None:
    install("vi-en", "en-ja")
    service = TranslationService(store, counting_engine)
    text = "Hôm nay @VNMOFA chào mừng đối tác."
    service.translate(text, "vi", ["ja"])
    corrected = "本日 @VNMOFA はパートナーを歓迎します。"
    service.correct(text, "vi", "ja", corrected)
    calls = len(counting_engine.calls)
    (result,) = service.translate(text, "vi", ["ja"])
    assert result.text == corrected and result.origin == "human"
    assert len(counting_engine.calls) == calls
    # A correction of one sentence is used inside a longer post, over the machine's version.
    service.correct("chào mừng đối tác.", "vi", "ja", "歓迎します。")
    (longer,) = service.translate("Hôm nay @VNMOFA chào mừng đối tác.", "vi", ["ja"])
    assert longer.text == corrected  # the whole-post correction still wins
    (other,) = service.translate("@VNMOFA chào mừng đối tác.", "vi", ["ja"])
    assert other.text == "@VNMOFA 歓迎します。"
    with pytest.raises(UserError):
        memory.remember_correction(store, "vi", "ja", text, "  ")


def test_quality_flags(store: Store, install: Install) -> None:
    install("vi-en")
    service = TranslationService(store)
    text = "Chào mừng https://mofa.gov.vn @VNMOFA hôm nay đối tác quốc gia."
    (plain,) = service.translate(text, "vi", ["en"], limit=5)
    assert "over_limit" in {f.code for f in plain.flags}
    (x,) = service.translate(text, "vi", ["en"], limit=10_000, length=lambda s: 10_001)
    assert "over_limit" in {f.code for f in x.flags}

    service.correct(text, "vi", "en", text)  # a "correction" that is the source itself
    (same,) = service.translate(text, "vi", ["en"])
    assert {f.code for f in same.flags} == {"unchanged"}
    service.correct(text, "vi", "en", "Welcome partners!")
    (lost,) = service.translate(text, "vi", ["en"])
    codes = {f.code for f in lost.flags}
    assert codes == {"lost_span", "length_ratio"}
    assert "'https://mofa.gov.vn'" in next(f.message for f in lost.flags if f.code == "lost_span")


def test_one_post_into_five_languages_is_batched(
    store: Store, install: Install, counting_engine: CountingEngine
) -> None:
    install("vi-en", "en-ja", "en-de", "en-hi", "en-uk")
    text = "Hôm nay bộ ngoại giao. @VNMOFA Cuộc họp hữu nghị! #ViệtNam Văn hóa."
    results = TranslationService(store, counting_engine).translate(text, "vi", ["en", "ja", "de", "hi", "uk"])
    assert [r.target_language for r in results] == ["en", "ja", "de", "hi", "uk"]
    # The vi -> en leg is shared by all five targets: one call for it, one per other target.
    assert counting_engine.calls[0] == ("vi", "en", 3)
    assert sorted(counting_engine.calls[1:]) == [("en", t, 3) for t in ["de", "hi", "ja", "uk"]]
    assert results[0].text and all("@VNMOFA" in r.text and "#ViệtNam" in r.text for r in results)


def test_same_language_is_identity(store: Store, install: Install) -> None:
    install("vi-en")
    (result,) = TranslationService(store).translate("Xin chào @a", "vi", ["vi"])
    assert result.text == "Xin chào @a" and result.origin == "identity" and result.flags == ()


def test_prose_glued_to_a_mention_is_translated(store: Store, install: Install) -> None:
    install("ja-en")
    text = "詳しくは@MofaJapan_jpまでご連絡ください。"
    (result,) = TranslationService(store).translate(text, "ja", ["en"])
    assert result.segments == 2  # the Japanese on both sides of the handle went to the engine
    assert "@MofaJapan_jp" in result.text and "までご連絡ください" not in result.text
    assert not any(flag.code == "lost_span" for flag in result.flags)
