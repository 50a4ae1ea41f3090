"""Protected spans: the parts of a post that must come through byte for byte and in place.

URLs, e-mail addresses, @mentions, #hashtags, $cashtags, emoji, line breaks and glossary terms
are cut out of the text; only the prose between them goes to the engine. No placeholder is ever
sent to a model (a model may drop, translate or reorder a placeholder), so a protected span
cannot be lost or moved by translation: the text is re-assembled piece by piece.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class Kind(enum.StrEnum):
    """What a piece of text is."""

    PROSE = "prose"
    URL = "url"
    EMAIL = "email"
    MENTION = "mention"
    HASHTAG = "hashtag"
    CASHTAG = "cashtag"
    EMOJI = "emoji"
    NEWLINE = "newline"
    TERM = "term"  # a glossary term kept as written
    FORCED = "forced"  # a glossary term with a forced translation


@dataclass(frozen=True)
class Term:
    """A glossary entry as the splitter needs it."""

    text: str
    translation: str | None = None
    case_sensitive: bool = True


@dataclass(frozen=True)
class Piece:
    """A run of the source text: prose to translate, or a protected span."""

    kind: Kind
    text: str
    #: For :attr:`Kind.FORCED`: the text that replaces the term in the translation.
    replacement: str | None = None

    @property
    def protected(self) -> bool:
        """True for everything but prose."""
        return self.kind is not Kind.PROSE


@functools.cache
def _marks() -> str:
    """A character class body of every combining mark (Devanagari vowel signs, Vietnamese tones).

    ``\\w`` in ``re`` does not match combining marks, so a hashtag like #भारत would be cut short.
    """
    ranges: list[tuple[int, int]] = []
    for code in [*range(0x20000), *range(0xE0100, 0xE01F0)]:
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in ranges) + "\u200c\u200d"


_PICTO = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2300-\u23ff\u2b00-\u2bff\u2190-\u21ff\u3030\u303d\u3297\u3299"
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u24c2\u25aa-\u25fe"
)
_EMOJI_MOD = "\ufe0f\ufe0e\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\u20e3"
_EMOJI = (
    rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}"  # flags
    rf"|[0-9#*]\ufe0f?\u20e3"  # keycaps
    rf"|[{_PICTO}][{_EMOJI_MOD}]*(?:\u200d[{_PICTO}][{_EMOJI_MOD}]*)*)"
)
# A URL ends at a space, a quote or an ideograph/kana/hangul/full-width character (CJK text
# often follows a link without a space).
_URL_STOP = "\\s<>\"'“”«»\u3000-\u9fff\uac00-\ud7af\uff00-\uffef"
_URL = rf"(?:(?:https?|ftp)://|www\.)[^{_URL_STOP}]+"
_BARE_DOMAIN = (
    r"(?<![\w@./])(?:[A-Za-z0-9-]+\.)+(?:com|org|net|gov|edu|int|info|io|vn|jp|in|ua|de|fr|uk|eu|ru|cn|kr)"
    r"(?:/[^\s<>\"']*)?(?![\w-])"
)
_EMAIL = r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_NEWLINE = r"\r\n|[\n\r\u2028\u2029\x0b\x0c]"
# Trailing punctuation is sentence punctuation, not part of a URL (unless a bracket it opened).
_URL_TRAILING = ".,;:!?…)]}'\"»”’"


# X's rules (twitter-text): a mention is an ASCII handle after "@" or a full-width "＠"; it may
# follow CJK or Devanagari text directly, but not an ASCII letter, digit or one of !#$%&*@＠
# (that is an e-mail address or a typo), except right after "RT" or "RT:". X handles are at most
# 15 characters; Facebook usernames run to 50 and may hold dots. A handle followed by another
# "@", an accented Latin letter or "://" is not a mention at all.
_AT = "@\uff20"
_LATIN_ACCENTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    "\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
# Each pattern tests its marker first: the regex tries every alternative at every position, and a
# look-behind is costlier than one character.
_MENTION_BEFORE = (
    rf"(?:(?<![A-Za-z0-9_!#$%&*{_AT}])"
    r"|(?<=(?<![A-Za-z0-9_+~.-])[Rr][Tt])|(?<=(?<![A-Za-z0-9_+~.-])[Rr][Tt]:))"
)
_MENTION = (
    rf"(?=[{_AT}]){_MENTION_BEFORE}[{_AT}](?>[A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_])){{0,49}})"
    rf"(?![A-Za-z0-9_{_AT}{_LATIN_ACCENTS}]|://)"
)
# Hashtags (twitter-text): "#" or "＃", then letters, marks, digits and a few joiners of any
# script with at least one letter, ending at the first other character (punctuation, a space,
# an emoji). It may not follow a letter or digit of any script or "&" ("日本語#タグ" is not a
# hashtag on X), and one followed by another "#" or by "://" is none.
_HASHTAG_SPECIAL = "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"
# Cashtags: "$" and 1-6 ASCII letters, optionally "." or "_" and 1-2 more, standing alone.
_CASHTAG = r"(?=\$)(?<![\w$])\$[A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?(?![\w])"


@functools.cache
def _base_pattern() -> str:
    alnum = rf"[\w{_marks()}{_HASHTAG_SPECIAL}]"
    hashtag = (
        rf"(?=[#\uff03])(?:(?<=[\ufe0e\ufe0f])|(?<!{alnum}|&))[#\uff03](?![\ufe0f\u20e3])"
        rf"(?>{alnum}*[^\W\d_]{alnum}*)(?![#\uff03]|://)"
    )
    return "|".join(
        [
            rf"(?P<url>{_URL}|{_BARE_DOMAIN})",
            rf"(?P<email>{_EMAIL})",
            "(?P<terms>{terms})",
            rf"(?P<mention>{_MENTION})",
            rf"(?P<hashtag>{hashtag})",
            rf"(?P<cashtag>{_CASHTAG})",
            rf"(?P<emoji>{_EMOJI})",
            rf"(?P<newline>{_NEWLINE})",
        ]
    )


def _term_regex(term: Term) -> str:
    body = re.escape(term.text)
    # Word boundaries only where the term's edge is a letter of a spaced script: a CJK term
    # sits between other CJK characters with no space.
    if re.match(r"\w", term.text[0]) and ord(term.text[0]) < 0x2E80:
        body = r"(?<!\w)" + body
    if re.match(r"\w", term.text[-1]) and ord(term.text[-1]) < 0x2E80:
        body += r"(?!\w)"
    return body if term.case_sensitive else f"(?i:{body})"


@functools.lru_cache(maxsize=64)
def _compiled(terms: tuple[Term, ...]) -> re.Pattern[str]:
    ordered = sorted(terms, key=lambda t: len(t.text), reverse=True)  # longest term wins
    alternation = "|".join(_term_regex(t) for t in ordered) or r"(?!x)x"
    return re.compile(_base_pattern().replace("{terms}", alternation))


def _trim_url(text: str) -> str:
    while text and text[-1] in _URL_TRAILING:
        closing = text[-1]
        opening = {")": "(", "]": "[", "}": "{"}.get(closing)
        if opening is not None and text.count(opening) >= text.count(closing):
            break
        text = text[:-1]
    return text


def _term_for(match_text: str, terms: Sequence[Term]) -> Term:
    for term in sorted(terms, key=lambda t: len(t.text), reverse=True):
        if term.text == match_text or (not term.case_sensitive and term.text.casefold() == match_text.casefold()):
            return term
    return Term(match_text)


def split(text: str, terms: Iterable[Term] = ()) -> list[Piece]:
    """Cut ``text`` into prose and protected pieces; joining their texts gives ``text`` back."""
    term_list = tuple(t for t in terms if t.text)
    pattern = _compiled(term_list)
    pieces: list[Piece] = []
    prose_start = 0
    position = 0
    while position < len(text):
        match = pattern.search(text, position)
        if match is None:
            break
        kind_name = match.lastgroup or "prose"
        matched = match.group()
        start = match.start()
        if kind_name == "url":
            matched = _trim_url(matched)
            if not matched:
                position = start + 1
                continue
        if start > prose_start:
            pieces.append(Piece(Kind.PROSE, text[prose_start:start]))
        if kind_name == "terms":
            term = _term_for(matched, term_list)
            if term.translation is None:
                pieces.append(Piece(Kind.TERM, matched))
            else:
                pieces.append(Piece(Kind.FORCED, matched, term.translation))
        else:
            pieces.append(Piece(Kind(kind_name), matched))
        position = prose_start = start + len(matched)
    if prose_start < len(text):
        pieces.append(Piece(Kind.PROSE, text[prose_start:]))
    return pieces


def needs_translation(prose: str) -> bool:
    """True when a prose piece has letters (not only spaces, digits and punctuation)."""
    return any(ch.isalpha() for ch in prose)


def core_of(prose: str) -> tuple[str, str, str]:
    """Split prose into leading whitespace, the text to translate, trailing whitespace."""
    stripped = prose.strip()
    if not stripped:
        return prose, "", ""
    start = prose.index(stripped)
    return prose[:start], stripped, prose[start + len(stripped) :]


def assemble(pieces: Sequence[Piece], translations: dict[str, str]) -> str:
    """Re-assemble pieces, with each prose core replaced by its translation."""
    out = []
    for piece in pieces:
        if piece.kind is Kind.PROSE:
            lead, core, trail = core_of(piece.text)
            out.append(lead + translations.get(core, core) + trail)
        elif piece.kind is Kind.FORCED:
            out.append(piece.replacement or piece.text)
        else:
            out.append(piece.text)
    return "".join(out)


def prose_cores(pieces: Sequence[Piece]) -> list[str]:
    """The distinct prose texts to translate, in order of appearance."""
    seen: dict[str, None] = {}
    for piece in pieces:
        if piece.kind is Kind.PROSE:
            core = core_of(piece.text)[1]
            if core and needs_translation(core):
                seen.setdefault(core)
    return list(seen)


def protected_texts(pieces: Sequence[Piece]) -> list[str]:
    """Spans that must appear unchanged in any translation (forced terms excepted)."""
    return [p.text for p in pieces if p.protected and p.kind is not Kind.FORCED]
