"""A rule-based sentence splitter for packs that carry no MiniSBD model (no model, no network).

Sentences end after ``.``, ``!``, ``?`` or ``…`` and a space, after the full-width ``。！？`` and
after the Devanagari danda ``।``/``॥``. A period is not a sentence end after a single capital
letter ("J. Smith", "U.S. delegation", "Q. 1"), after an abbreviation of the source language
("Mr.", "e.g.", "TP. Hồ Chí Minh"), after a number abbreviation followed by a digit ("No. 5"),
or when the next word starts in lower case. Splitting inside a sentence would hand the model
two fragments, each translated badly; not splitting at a real end only makes one batch item longer.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])|(?<=[।॥])\s*")
_OPENERS = "([{\"'“‘«„"


def _words(text: str) -> set[str]:
    return set(text.split())


# Lower-case, without the final period. Ones that often end a sentence ("etc.") are left out.
_COMMON = _words("e.g i.e vs cf approx ca viz")
_ABBREVIATIONS: dict[str, set[str]] = {
    "en": _words(
        "mr mrs ms dr prof st sr jr gen col lt sgt gov sen rep amb hon rev mt ft inc ltd co corp dept est "
        "jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k u.n"
    ),
    "vi": _words("tp tt ts ths pgs gs bs ks nxb đ/c q p tx"),
    "de": _words("z.b bzw d.h u.a dr prof hr fr vgl ggf evtl inkl str bzgl sog"),
    "fr": _words("m mme mlle mm dr pr st ste av bd p.ex env"),
    "es": _words("sr sra srta dr dra ud uds av p.ej pág"),
    "uk": _words("м вул просп р рр ім див тис млн млрд пан проф д-р"),
    "ru": _words("г ул пр им см тыс млн млрд проф д-р т.е"),
}
# Abbreviations that stand before a number: "No. 5", "Art. 3", "Vol. 2".
_BEFORE_NUMBER = _words("no nos nr art vol p pp fig ch sec para tel k số")


class RuleSentencizer:
    """A sentence splitter that needs no model and no network (for packs without MiniSBD)."""

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self.abbreviations = _COMMON | _ABBREVIATIONS.get(language, _ABBREVIATIONS["en"])

    def _continues(self, before: str, after: str) -> bool:
        """True when the period ending ``before`` does not end the sentence."""
        words = before.split()
        word = words[-1].rstrip(".").lstrip(_OPENERS) if words else ""
        last = word.rsplit(".", 1)[-1]
        if len(last) == 1 and last.isupper():  # an initial: "J.", "U.S.", "Q."
            return True
        key = word.casefold()
        if key in self.abbreviations or (key in _BEFORE_NUMBER and after[:1].isdigit()):
            return True
        return after[:1].islower()

    def split_sentences(self, text: str) -> list[str]:
        """Split after sentence-ending punctuation, except where a period does not end one."""
        sentences: list[str] = []
        start = 0
        for boundary in _BOUNDARY.finditer(text):
            end = boundary.start()
            if end <= start:
                continue
            if text[end - 1] == "." and self._continues(text[start:end], text[boundary.end() :]):
                continue
            sentences.append(text[start:end])
            start = boundary.end()
        sentences.append(text[start:])
        return [sentence.strip() for sentence in sentences if sentence.strip()]
