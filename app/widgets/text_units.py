"""Qt counts text in UTF-16 units, Python in code points: an emoji outside the BMP is 2 in Qt, 1 here."""

from __future__ import annotations


def utf16_length(text: str) -> int:
    """The length of ``text`` as Qt counts it."""
    return len(text.encode("utf-16-le")) // 2


def index_from_utf16(text: str, position: int) -> int:
    """The Python index of Qt's ``position`` in ``text`` (a cursor, a selection end)."""
    units = 0
    for index, character in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(character) > 0xFFFF else 1
    return len(text)
