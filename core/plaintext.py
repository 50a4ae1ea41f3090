"""What a post's text may hold: no control characters, and something a reader can see.

PostgreSQL refuses NUL in text columns (SQLite stores it), terminals act on escape sequences,
and a text of zero-width or bidi-control characters looks empty on every platform while
counting as text. Tab and newline are the only controls a post needs; a carriage return (a
pasted Windows line end) becomes a newline.
"""

from __future__ import annotations

import re
import unicodedata

from core.errors import UserError
from core.words import Msg

#: C0 controls other than tab and newline, and DEL.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: Characters that draw nothing although Unicode files them as letters or symbols.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
#: Categories that draw nothing: controls, formats (zero-width, bidi controls), separators, unassigned.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Cn", "Co", "Cs"})


def normalize_line_ends(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` as ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def refuse_controls(text: str, what: str = Msg("The post text")) -> None:
    """A :class:`UserError` naming the first control character in ``text`` (other than tab and newline)."""
    found = _FORBIDDEN.search(text)
    if found is not None:
        code = ord(found.group())
        name = Msg("a NUL byte") if code == 0 else Msg("the control character U+{code:04X}", code=code)
        raise UserError(
            Msg(
                "{what} contains {name} at position {position}; remove it (only tabs and line breaks are kept).",
                what=what,
                name=name,
                position=found.start() + 1,
            )
        )


def is_visible(char: str) -> bool:
    """Whether ``char`` draws something a reader can see."""
    return char not in _BLANK_LOOKING and unicodedata.category(char) not in _INVISIBLE_CATEGORIES


def has_visible(text: str) -> bool:
    """Whether any character of ``text`` can be seen (not only spaces, zero-width or bidi controls)."""
    return any(is_visible(char) for char in text)


def strip_controls(text: str) -> str:
    """``text`` with every control character (C0, DEL, C1) replaced by a space: safe to show on a terminal."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text)
