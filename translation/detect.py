"""Which language a comment is written in, decided offline by Lingua (its models ship in its wheel).

The detector knows only the languages it may answer (:func:`served_languages`): the office's
audiences, the few its comments arrive in besides, the languages that share a script with those
(so that a Russian comment is not called Ukrainian for lack of a better answer), and the
languages of the installed packs. Lingua's confidence is relative to that set, so every
language added spreads it thinner: on the short samples of tests/support/comment_samples.py,
with 21 languages instead of these 11, 6 of 12 English comments stayed above the threshold
instead of 11 (none was named wrongly either way; more were left unknown).

Links, @mentions, #hashtags, e-mail addresses and emoji are cut out first, with the same span
finder that protects them in translation: a URL's letters are no language. Below
:data:`CONFIDENT` the platform's own guess (X's ``lang``) is taken when there is one, else the
language stays unknown: Vietnamese typed without its diacritics ("cam on nhieu") defeats every
detector, and no answer is better than a confident wrong one.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core import languages
from core.domain import LanguageSource
from translation import packs, spans

if TYPE_CHECKING:
    from lingua import Language, LanguageDetector

#: Always served: the office's audiences (vi, en, ja, de, hi, uk: its accounts' languages), the
#: languages foreign readers most often comment in besides English (fr, es), and the neighbours
#: that share a script with them: without ru and zh, a Russian or a Chinese comment was named
#: Ukrainian or Japanese with confidence 1.0 (measured); without ko, Korean was never named.
BASE_LANGUAGES: tuple[str, ...] = ("vi", "en", "ja", "de", "hi", "uk", "fr", "es", "zh", "ko", "ru")
#: Below this confidence the detector's answer is not used (measured: no confident wrong answer
#: on the samples in tests/support/comment_samples.py above it).
CONFIDENT = 0.6
#: Argos's own codes for languages Lingua knows under their ISO 639-1 code.
_ARGOS_CODES = {"zt": "zh", "pb": "pt"}
#: Old ISO 639 codes some platforms still send.
_LEGACY_CODES = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv"}

_lock = threading.Lock()
#: The detector built for one set of languages (rebuilt only when that set changes).
_built: tuple[frozenset[str], LanguageDetector] | None = None


@dataclass(frozen=True)
class Detection:
    """A comment's language: ``None`` when unknown; ``source`` says who named it.

    ``confidence`` is the detector's confidence in ``language`` (for a platform's guess, in that
    language; for an unknown language, in its best guess), from 0 to 1.
    """

    language: str | None
    confidence: float
    source: LanguageSource


def served_languages() -> frozenset[str]:
    """The languages the detector may answer: :data:`BASE_LANGUAGES` and the installed packs' ones.

    A pack's language is added because a comment in it can be translated: it must be named to be.
    Languages Lingua does not know are left out.
    """
    codes = set(BASE_LANGUAGES)
    try:
        listing = packs.list_packs()
    except OSError:  # an unreadable packs folder: the base set still detects
        listing = []
    for pack in listing:
        codes.update(_ARGOS_CODES.get(code, code) for code in (pack.from_code, pack.to_code))
    return frozenset(code for code in codes if _lingua_language(code) is not None)


@functools.cache
def _lingua_language(code: str) -> Language | None:
    import lingua

    iso = getattr(lingua.IsoCode639_1, code.upper(), None)
    if iso is None:
        return None
    try:
        return lingua.Language.from_iso_code_639_1(iso)
    except ValueError:  # an ISO code Lingua names but has no model for
        return None


def _detector(codes: frozenset[str]) -> LanguageDetector:
    """Lingua's detector for ``codes``, built once (models load lazily, per script, on first use)."""
    global _built
    built = _built
    if built is not None and built[0] == codes:
        return built[1]
    with _lock:
        if _built is None or _built[0] != codes:
            from lingua import LanguageDetectorBuilder

            wanted = [language for code in sorted(codes) if (language := _lingua_language(code)) is not None]
            # High-accuracy mode: the low-accuracy one (trigrams only) was confidently wrong on
            # short comments ("Thank you!" -> German 0.63, "Beautiful photos" -> French 0.94).
            _built = (codes, LanguageDetectorBuilder.from_languages(*wanted).build())
        return _built[1]


def forget() -> None:
    """Drop the detector and unload its models, freeing their memory (the next detection loads them again).

    Lingua keeps loaded models process-wide, shared by every detector: dropping the detector
    alone would free nothing.
    """
    global _built
    with _lock:
        if _built is not None:
            _built[1].unload_language_models()  # type: ignore[no-untyped-call]  # its stub lacks "-> None"
        _built = None


def prose(text: str) -> str:
    """``text`` without links, mentions, hashtags, e-mail addresses, emoji or line breaks."""
    return " ".join(
        piece.text.strip() for piece in spans.split(text) if piece.kind is spans.Kind.PROSE and piece.text.strip()
    )


def normalize_hint(hint: str | None) -> str | None:
    """A platform's language guess as a code of ours, or ``None`` ("und", "zxx", unknown codes)."""
    if not hint:
        return None
    code = hint.strip().lower().replace("_", "-").split("-", 1)[0]
    code = _LEGACY_CODES.get(code, code)
    return code if code in languages.LANGUAGES else None


def detect(text: str, *, hint: str | None = None) -> Detection:
    """The language of one comment; ``hint`` is the platform's own guess, used when the detector is unsure."""
    return detect_many([(text, hint)])[0]


def detect_many(items: Iterable[tuple[str, str | None]]) -> list[Detection]:
    """:func:`detect` for many (text, hint) pairs, with one look at the installed packs."""
    detector: LanguageDetector | None = None
    found: list[Detection] = []
    for text, hint in items:
        words = prose(text)
        if not spans.needs_translation(words):  # empty, emoji, links or numbers only: no language
            found.append(Detection(None, 0.0, LanguageSource.DETECTED))
            continue
        if detector is None:
            detector = _detector(served_languages())
        values = detector.compute_language_confidence_values(words)
        best = values[0] if values else None
        best_code = best.language.iso_code_639_1.name.lower() if best is not None else None
        best_value = best.value if best is not None else 0.0
        if best_code is not None and best_value >= CONFIDENT:
            found.append(Detection(best_code, best_value, LanguageSource.DETECTED))
            continue
        guess = normalize_hint(hint)
        if guess is not None:
            value = next((v.value for v in values if v.language.iso_code_639_1.name.lower() == guess), 0.0)
            found.append(Detection(guess, value, LanguageSource.PLATFORM))
        else:
            found.append(Detection(None, best_value, LanguageSource.DETECTED))
    return found
