"""The settings file on disk: a flat TOML file of plain values, read and written.

Reading turns every way the file can be wrong (unreadable, not UTF-8, not TOML) into one
:class:`ConfigurationError` sentence that names the file and the line. Writing produces the
flat TOML that :mod:`tomllib` reads back to the same values: plain text (escaped as TOML basic
strings, non-ASCII kept as UTF-8), whole numbers and true/false. What the values mean is
:mod:`core.settings`'s business.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import ConfigurationError
from core.files import write_atomically
from core.words import Msg

_INT_RANGE = range(-(2**63), 2**63)  # what TOML integers hold
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_POSITION = re.compile(r"\s*\((at line (\d+), column (\d+)|at end of document)\)\s*$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


@dataclass(frozen=True)
class Contents:
    """What a settings file holds."""

    text: str
    #: Every top-level value as TOML gave it.
    values: Mapping[str, Any]

    def line_of(self, key: str) -> int | None:
        """The line (from 1) where top-level ``key`` is set, if it can be found."""
        name = rf"[\"']?{re.escape(key)}[\"']?"
        found = re.search(rf"^[ \t]*(?:{name}[ \t]*=|\[+[ \t]*{name}[ \t]*\])", self.text, re.MULTILINE)
        return self.text.count("\n", 0, found.start()) + 1 if found else None


def read(file: Path) -> Contents | None:
    """The file's contents (``None`` when there is no file); :class:`ConfigurationError` when unusable."""
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ConfigurationError(Msg("The settings file {file} is a folder; move it away.", file=file)) from None
    except OSError as exc:
        raise ConfigurationError(
            Msg("The settings file {file} cannot be read ({reason}).", file=file, reason=exc.strerror or exc)
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigurationError(
            Msg(
                "The settings file {file} is not UTF-8 text (line {line}); save it as UTF-8 or delete it.",
                file=file,
                line=line,
            )
        ) from None
    try:
        return Contents(text, tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(_syntax_error(file, text, str(exc))) from None


def _syntax_error(file: Path, text: str, message: str) -> str:
    found = _TOML_POSITION.search(message)
    what = _TOML_POSITION.sub("", message).strip().rstrip(".") or "invalid syntax"
    what = what[0].lower() + what[1:]
    if found is None:
        where = ""
    elif found.group(2):
        where = f" at line {found.group(2)}, column {found.group(3)}"
    else:  # an unclosed string or table header: the last line is where to look
        where = f" at line {text.rstrip().count(chr(10)) + 1}, its end"
    return f"The settings file {file} is not valid TOML{where} ({what}); correct that line or delete the file."


def write(file: Path, values: Mapping[str, Any], *, order: Iterable[str] = (), header: str = "") -> None:
    """Replace ``file`` atomically with ``values`` as TOML: keys in ``order`` first, the rest as given.

    A value other than text, a whole number or true/false is a :class:`ConfigurationError`
    (only a key written by hand, or by a newer version, can hold one): leaving it out would lose it.
    """
    keys = [key for key in order if key in values]
    keys += [key for key in values if key not in keys]
    lines = [header]
    for key in keys:
        lines.append(f"{_key(key)} = {_value(file, key, values[key])}\n")
    write_atomically(file, "".join(lines))


def shown(value: object) -> str:
    """A short description of a value for a message: short text quoted, else its kind."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else "a long text"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    kinds = {dict: "a table", list: "a list", float: "a number with a fraction"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def shown_plain(value: str | bool | int) -> str:
    """A value as a person types it: text as is, true/false, digits."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else _string(name)


def _value(file: Path, key: str, value: object) -> str:
    if isinstance(value, bool):  # before int: a bool is an int in Python
        return "true" if value else "false"
    if isinstance(value, int) and value in _INT_RANGE:
        return str(value)
    if isinstance(value, str):
        return _string(value)
    raise ConfigurationError(
        Msg(
            "The settings file {file} holds {key!r} as {value}, which Communiqué cannot rewrite; remove that "
            "line or make it plain text, a whole number or true/false.",
            file=file,
            key=key,
            value=shown(value),
        )
    )


def _string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped; the rest as is (UTF-8)."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:  # TOML allows neither raw in a basic string
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
