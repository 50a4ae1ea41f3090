"""The Argos engine: lazy import, settings before import, offline translation, Argos's own results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from translation import argos, packs
from translation.argos import ArgosEngine, RuleSentencizer
from translation.service import TranslationService

REPO = Path(__file__).resolve().parents[2]


def test_translating_never_opens_a_connection(
    install: Callable[..., list[packs.PackInfo]], no_network: list[str]
) -> None:
    install("vi-en", "en-ja", "en-fr-nosplit")
    argos.invalidate()  # load the models under the patch too
    engine = ArgosEngine()
    assert len(engine.translate_batch(["hôm nay bộ ngoại giao. Cuộc họp!"], "vi", "en")) == 1
    assert len(engine.translate_batch(["the minister. The embassy!"], "en", "ja")) == 1
    # This pack has no minisbd/ splitter: Argos would download one here; the engine must not.
    assert len(engine.translate_batch(["the minister. The embassy!", "welcome."], "en", "fr")) == 2
    (result,) = TranslationService().translate("Hôm nay @VNMOFA https://mofa.gov.vn 🇻🇳", "vi", ["ja"])
    assert result.path == ("vi", "en", "ja")
    assert no_network == []
    minisbd_cache = argos.argos_home() / "data" / "argos-translate" / "minisbd"
    assert not minisbd_cache.exists() or not any(minisbd_cache.iterdir())


def test_packs_without_a_splitter_get_the_rule_splitter(install: Callable[..., list[packs.PackInfo]]) -> None:
    install("en-fr-nosplit", "en-ja")
    engine = ArgosEngine()
    engine.translate_batch(["a."], "en", "fr")
    engine.translate_batch(["a."], "en", "ja")
    loaded = {pair: entry[1] for pair, entry in argos._translations.items()}
    assert isinstance(loaded[("en", "fr")].sentencizer, RuleSentencizer)
    assert loaded[("en", "fr")].sentencizer.language == "en"  # the source language's abbreviations
    assert not isinstance(loaded[("en", "ja")].sentencizer, RuleSentencizer)
    assert RuleSentencizer().split_sentences("One. Two! 三つ。四つ？ पाँच। six") == [
        "One.",
        "Two!",
        "三つ。",
        "四つ？",
        "पाँच।",
        "six",
    ]


def test_batched_results_match_argostranslate_itself(install: Callable[..., list[packs.PackInfo]]) -> None:
    install("en-vi")
    sentences = ["the ministry of foreign affairs.", "welcome partner country!", "trade talks today"]
    batched = ArgosEngine().translate_batch(sentences, "en", "vi")
    translate = argos._argos()["translate"]
    assert batched == [translate.translate(sentence, "en", "vi") for sentence in sentences]
    assert all(batched)


def test_empty_segments_are_not_sent(install: Callable[..., list[packs.PackInfo]]) -> None:
    install("en-vi")
    assert ArgosEngine().translate_batch(["", "   ", "the minister."], "en", "vi")[:2] == ["", ""]
    assert ArgosEngine().translate_batch([], "en", "vi") == []


def test_argos_engine_implements_the_engine_interface() -> None:
    from translation.engine import Engine

    assert isinstance(ArgosEngine(), Engine)
    assert ArgosEngine.name == "argos"


def test_thread_settings_suit_the_machine() -> None:
    assert argos.thread_settings(2)["ARGOS_INTRA_THREADS"] == "1"
    assert argos.thread_settings(16)["ARGOS_INTRA_THREADS"] == "4"
    assert argos.thread_settings(1)["ARGOS_INTER_THREADS"] == "1"


_PROBE = """
import json, os, sys
import main
main.build_parser()
from translation import packs, service
lazy = not any(name.startswith("argostranslate") for name in sys.modules)
xdg_before = os.environ.get("XDG_DATA_HOME")
from translation.argos import ArgosEngine, argos_home, _argos
modules = _argos()
settings = modules["settings"]
print(json.dumps({
    "lazy": lazy,
    "intra": settings.intra_threads,
    "env_intra": os.environ.get("ARGOS_INTRA_THREADS"),
    "packages_dir": str(settings.package_data_dir),
    "packs": str(packs.packs_dir()),
    "data_dir": str(settings.data_dir),
    "argos_home": str(argos_home()),
    "xdg_restored": os.environ.get("XDG_DATA_HOME") == xdg_before,
    "chunk": settings.chunk_type.name,
}))
"""


def test_argos_is_imported_lazily_with_settings_prepared(isolated_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARGOS_")}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["lazy"] is True  # the CLI and the service build without importing Argos
    expected = argos.thread_settings()["ARGOS_INTRA_THREADS"]
    assert str(probe["intra"]) == expected == probe["env_intra"]
    assert probe["packages_dir"] == probe["packs"]
    assert probe["data_dir"].startswith(probe["argos_home"])
    assert probe["xdg_restored"] is True
    assert probe["chunk"] == "MINISBD"
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "argos-translate").exists()


def test_warm_up_loads_every_installed_model_and_splitter(install: Callable[..., list[packs.PackInfo]]) -> None:
    install("vi-en", "en-ja")
    argos.invalidate()
    TranslationService().warm_up()
    loaded = {pair: entry[1].translator is not None for pair, entry in argos._translations.items()}
    assert loaded == {("en", "ja"): True, ("vi", "en"): True}
    assert all(entry[1].sentencizer.detector is not None for entry in argos._translations.values())


@pytest.mark.parametrize(
    ("language", "text", "sentences"),
    [
        ("en", "Mr. Smith met the U.S. delegation today.", ["Mr. Smith met the U.S. delegation today."]),
        ("en", "See No. 5, e.g. the annex. Dr. J. Doe agreed!", ["See No. 5, e.g. the annex.", "Dr. J. Doe agreed!"]),
        ("en", "It was No. It was not.", ["It was No.", "It was not."]),  # "No." before a word ends it
        (
            "en",
            "The talks end at 5 p.m. today, approx. two hours.",
            ["The talks end at 5 p.m. today, approx. two hours."],
        ),
        (
            "vi",
            "Đại sứ quán tại TP. Hồ Chí Minh thông báo. Đoàn đến Q. 1 lúc 9 giờ. Cảm ơn!",
            ["Đại sứ quán tại TP. Hồ Chí Minh thông báo.", "Đoàn đến Q. 1 lúc 9 giờ.", "Cảm ơn!"],
        ),
        ("de", "Wir treffen z.B. Herrn Dr. Müller. Danke.", ["Wir treffen z.B. Herrn Dr. Müller.", "Danke."]),
        ("uk", "Зустріч у м. Київ відбулася. Дякуємо!", ["Зустріч у м. Київ відбулася.", "Дякуємо!"]),
        ("en", "The minister arrived. The talks began.", ["The minister arrived.", "The talks began."]),
    ],
)
def test_the_rule_splitter_does_not_split_at_abbreviations(language: str, text: str, sentences: list[str]) -> None:
    assert RuleSentencizer(language).split_sentences(text) == sentences


def test_a_pack_without_a_splitter_keeps_an_abbreviated_sentence_whole(
    install: Callable[..., list[packs.PackInfo]],
) -> None:
    install("en-fr-nosplit")
    engine = ArgosEngine()
    engine.translate_batch(["a."], "en", "fr")
    translation = argos._translations[("en", "fr")][1]
    tokenized: list[list[str]] = []
    encode = translation.pkg.tokenizer.encode

    def recording_encode(sentence: str) -> list[str]:
        tokenized.append(sentence)
        return encode(sentence)

    translation.pkg.tokenizer.encode = recording_encode  # sees what goes to the model, changes nothing
    engine.translate_batch(["Mr. Smith met the U.S. delegation. The talks began."], "en", "fr")
    assert tokenized == ["Mr. Smith met the U.S. delegation.", "The talks began."]
