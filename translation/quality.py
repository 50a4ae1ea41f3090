"""Quality flags on a translation: hints for the reviewer, never a refusal.

- ``unchanged``: the translation is the source text (no pack really translated it).
- ``lost_span``: a URL, mention, hashtag, emoji, line break or glossary term is missing.
- ``length_ratio``: much shorter or longer than translations between these languages usually are.
- ``over_limit``: longer than the target platform allows (the caller supplies the limit and,
  for X's weighted count, the length function; this package knows no platform).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

#: Characters a language needs for what English says in one character (rough, from parallel text).
_DENSITY = {"ja": 0.45, "zh": 0.35, "zt": 0.35, "ko": 0.55}
#: The usual band of (actual length / expected length).
RATIO_LOW = 0.4
RATIO_HIGH = 2.5
#: Below this many characters of prose, ratios say nothing.
MIN_RATIO_LENGTH = 20

LengthFunction = Callable[[str], int]


@dataclass(frozen=True)
class Flag:
    """One quality warning."""

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly view."""
        return {"code": self.code, "message": self.message}


def _expected_ratio(source: str, target: str) -> float:
    return _DENSITY.get(target, 1.0) / _DENSITY.get(source, 1.0)


def check(
    source_text: str,
    translated: str,
    source_language: str,
    target_language: str,
    *,
    protected: Sequence[str] = (),
    prose_length: int | None = None,
    limit: int | None = None,
    length: LengthFunction | None = None,
) -> list[Flag]:
    """The flags that apply to ``translated``.

    ``protected`` lists the spans that must appear unchanged; ``prose_length`` is the number of
    source characters that were actually translated (spans excluded); ``limit`` with ``length``
    (default :func:`len`) is the target platform's limit.
    """
    flags: list[Flag] = []
    has_letters = any(ch.isalpha() for ch in source_text)
    if source_language != target_language and has_letters and translated.strip() == source_text.strip():
        flags.append(Flag("unchanged", "The translation is identical to the source text."))
    missing = Counter(protected) - Counter(_occurrences(translated, protected))
    if missing:
        listed = ", ".join(repr(span) for span in sorted(missing))
        flags.append(Flag("lost_span", f"Protected text is missing from the translation: {listed}."))
    source_prose = len(source_text) if prose_length is None else prose_length
    if source_prose >= MIN_RATIO_LENGTH and translated.strip():
        ratio = (len(translated) / len(source_text)) / _expected_ratio(source_language, target_language)
        if not RATIO_LOW <= ratio <= RATIO_HIGH:
            flags.append(
                Flag(
                    "length_ratio",
                    f"The translation is {len(translated)} characters for {len(source_text)} in the source, "
                    "outside the usual range: check that nothing was dropped or repeated.",
                )
            )
    if limit is not None:
        measured = (length or len)(translated)
        if measured > limit:
            flags.append(Flag("over_limit", f"The translation is {measured} characters long; the limit is {limit}."))
    return flags


def _occurrences(text: str, spans: Sequence[str]) -> list[str]:
    found: list[str] = []
    for span in set(spans):
        found.extend([span] * text.count(span))
    return found
