"""Settings that the app, the commands and the headless worker all read alike.

They live in ``settings.toml`` in the app's folder (:func:`core.paths.home`), a flat TOML file
of plain values, written by :func:`update` (by hand too, if need be)::

    database_url = "postgresql://press@db.example.org/communique"
    interface_language = "vi"
    publish_in_app = false
    practice = false

Each value comes from its environment variable when that is set (not empty), else from the
file, else from its default; ``communique --db URL`` goes before even ``COMMUNIQUE_DB`` (see
:func:`core.paths.database_url`). :class:`Settings` records where each value came from, so
that a settings screen can show a value forced by the environment as one it cannot change.
:func:`update` and :func:`save` write the file only, atomically, and never copy a value taken
from the environment into it. Keys this version does not know are ignored, and kept when the
file is rewritten; comments are not kept.

Secrets never go here: a database URL holding a password is refused (PostgreSQL takes the
password from ``PGPASSWORD`` or ``~/.pgpass``), though ``COMMUNIQUE_DB`` may carry one.
``COMMUNIQUE_HOME`` cannot be a setting: it says where this file is.
"""

from __future__ import annotations

import enum
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from core import languages, paths, practice, settings_file
from core.errors import ConfigurationError, UserError, message_of
from core.words import Msg

FILE_NAME = "settings.toml"
LANGUAGE_ENV = "COMMUNIQUE_LANGUAGE"
PUBLISH_IN_APP_ENV = "COMMUNIQUE_PUBLISH_IN_APP"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}

#: A value the file can hold: what :func:`update` writes.
Plain = str | bool | int


class Source(enum.StrEnum):
    """Where a setting's value came from."""

    DEFAULT = "default"
    FILE = "file"
    ENVIRONMENT = "environment"


class _InvalidError(Exception):
    """A value is not acceptable; the message ends a sentence that starts with the setting's name."""


@dataclass(frozen=True)
class Spec:
    """One setting: its type, its environment variable, its default and a line of help."""

    name: str
    kind: type[str] | type[bool]
    env: str
    default: str | bool | None
    help: str


SPECS: tuple[Spec, ...] = (
    Spec(
        "database_url",
        str,
        paths.DB_ENV,
        None,
        "the database, as a SQLAlchemy URL without a password (default: the local SQLite file)",
    ),
    Spec(
        "interface_language",
        str,
        LANGUAGE_ENV,
        None,
        "the interface's language, such as en or vi (default: the system's)",
    ),
    Spec(
        "publish_in_app",
        bool,
        PUBLISH_IN_APP_ENV,
        True,
        "whether the desktop app publishes scheduled posts itself (turn off where a headless worker does)",
    ),
    Spec(
        "practice",
        bool,
        practice.PRACTICE_ENV,
        False,
        "practice mode: a practice database, and every account talks to the local platform emulator",
    ),
)
_SPECS = {setting.name: setting for setting in SPECS}


@dataclass(frozen=True)
class Settings:
    """The settings in effect, and where each came from (see :meth:`source`)."""

    database_url: str | None = None
    interface_language: str | None = None
    publish_in_app: bool = True
    practice: bool = False
    sources: Mapping[str, Source] = field(default_factory=dict, compare=False, repr=False)

    def source(self, name: str) -> Source:
        """Where the value of ``name`` came from."""
        spec(name)
        return self.sources.get(name, Source.DEFAULT)

    def forced(self, name: str) -> bool:
        """True when the environment sets ``name``: changing the file would not change it."""
        return self.source(name) is Source.ENVIRONMENT

    def values(self) -> dict[str, str | bool | None]:
        """Each setting's value by name, in :data:`SPECS` order."""
        return {setting.name: getattr(self, setting.name) for setting in SPECS}


def path() -> Path:
    """The settings file (it need not exist)."""
    return paths.home() / FILE_NAME


def flag(text: str) -> bool | None:
    """``text`` as a yes/no answer (1/0, true/false, yes/no, on/off); ``None`` when it is none of them."""
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def flag_from_environment(variable: str) -> bool | None:
    """The yes/no value of an environment variable; ``None`` when unset or empty.

    Anything other than 1/0, true/false, yes/no or on/off is a :class:`ConfigurationError`: a
    mistyped switch (practice mode above all) must not silently mean "off".
    """
    text = os.environ.get(variable, "")
    if not text.strip():
        return None
    value = flag(text)
    if value is None:
        raise ConfigurationError(
            Msg(
                "{variable} must be 1 or 0 (or true/false, yes/no, on/off), not {text!r}.", variable=variable, text=text
            )
        )
    return value


def load() -> Settings:
    """The settings in effect: the environment, then the file, then the defaults.

    A :class:`ConfigurationError` (one sentence naming the file, or the variable) when the file
    is not valid TOML, holds a value of the wrong type, or an environment variable is invalid.
    """
    file = path()
    stored = _read(file).known
    values: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    for setting in SPECS:
        from_env = _from_environment(setting)
        if from_env is not None:
            values[setting.name], sources[setting.name] = from_env, Source.ENVIRONMENT
        elif setting.name in stored:
            values[setting.name], sources[setting.name] = stored[setting.name], Source.FILE
        else:
            values[setting.name], sources[setting.name] = setting.default, Source.DEFAULT
    return Settings(**values, sources=MappingProxyType(sources))


def update(**changes: Plain | None) -> Settings:
    """Write ``changes`` into the settings file and return the settings now in effect.

    ``None`` removes a setting from the file (its default applies again). Values are checked
    first (:class:`UserError`, one sentence); nothing is written when one is refused. A value
    forced by the environment is still written: it applies once the variable is unset.
    """
    checked: dict[str, Plain | None] = {}
    for name, value in changes.items():
        found = spec(name)
        if value is None:
            checked[name] = None
            continue
        try:
            checked[name] = _check(found, value, writing=True)
        except _InvalidError as exc:
            raise UserError(Msg("The setting {name} {exc}.", name=name, exc=message_of(exc))) from None
    with _write_lock:
        file = path()
        # Read without checking: a bad value in the file is what this call may be fixing.
        contents = settings_file.read(file) or _NOTHING.contents
        merged: dict[str, Any] = dict(contents.values)
        for name, value in checked.items():
            if value is None:
                merged.pop(name, None)
            else:
                merged[name] = value
        _check_file_values(file, settings_file.Contents(contents.text, merged))
        settings_file.write(file, merged, order=_SPECS, header=_HEADER)
        _forget()
    return load()


def save(settings: Settings) -> Settings:
    """Write into the file the values of ``settings`` that differ from those in effect.

    Meant for a settings screen that edits a :class:`Settings` (``dataclasses.replace``): what
    the person did not change is left as it is, so a value that came from the environment never
    lands in the file.
    """
    current = load()
    changes = {setting.name: getattr(settings, setting.name) for setting in SPECS}
    changed = {name: value for name, value in changes.items() if value != getattr(current, name)}
    return update(**changed) if changed else current


def parse(name: str, text: str) -> Plain:
    """``text`` (as typed on a command line) as a value of setting ``name``; :class:`UserError` if it is not one."""
    if spec(name).kind is bool:
        value = flag(text)
        if value is None:
            raise UserError(
                Msg("The setting {name} is true or false (or 1/0, yes/no, on/off), not {text!r}.", name=name, text=text)
            )
        return value
    return text


def describe(current: Settings | None = None) -> list[dict[str, Any]]:
    """Each setting for a person (``communique settings show``, a settings screen).

    ``value`` is the value in effect, ``shown`` the same as text (a password that
    ``COMMUNIQUE_DB`` carries is masked in both), ``source`` where it came from and ``variable``
    the environment variable that overrides it.
    """
    current = current or load()
    rows = []
    for each in SPECS:
        value = getattr(current, each.name)
        if each.name == "database_url" and value is not None:
            value = _without_password(value)
        rows.append(
            {
                "name": each.name,
                "value": value,
                "shown": _NOT_SET.get(each.name, "") if value is None else settings_file.shown_plain(value),
                "source": current.source(each.name).value,
                "variable": each.env,
                "help": each.help,
            }
        )
    return rows


_NOT_SET = {"database_url": "(the local SQLite file)", "interface_language": "(the system's language)"}


def _without_password(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(not a database URL)"  # unparsable: it may still hold a password, so never shown


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stored:
    contents: settings_file.Contents
    #: The known settings, checked.
    known: Mapping[str, str | bool]


_NOTHING = _Stored(settings_file.Contents("", {}), {})
_write_lock = threading.Lock()
_cache: tuple[tuple[str, int, int, int, int], _Stored] | None = None


def _forget() -> None:
    global _cache
    _cache = None


def _read(file: Path) -> _Stored:
    """The file's values, the known ones checked (a :class:`ConfigurationError` naming a bad one's line)."""
    global _cache
    try:
        status = file.stat()
    except FileNotFoundError:
        return _NOTHING
    except OSError as exc:
        raise ConfigurationError(
            Msg("The settings file {file} cannot be read ({reason}).", file=file, reason=exc.strerror or exc)
        ) from None
    # Every writer replaces the file (a new inode) and every read compares: a running app sees
    # a change made by a command, without being told and without parsing the file each time.
    key = (str(file), status.st_ino, status.st_mtime_ns, status.st_ctime_ns, status.st_size)
    cached = _cache
    if cached is not None and cached[0] == key:
        return cached[1]
    contents = settings_file.read(file)
    if contents is None:  # removed since the stat
        return _NOTHING
    stored = _Stored(contents, _check_file_values(file, contents))
    _cache = (key, stored)
    return stored


def _check_file_values(file: Path, contents: settings_file.Contents) -> dict[str, str | bool]:
    known: dict[str, str | bool] = {}
    for name, value in contents.values.items():
        setting = _SPECS.get(name)
        if setting is None:
            continue  # a newer version's setting, or a typo: harmless, and kept on rewrite
        try:
            known[name] = _check(setting, value, writing=False)
        except _InvalidError as exc:
            line = contents.line_of(name)
            where = Msg(" (line {line})", line=line) if line else ""
            raise ConfigurationError(
                Msg(
                    "In the settings file {file}{where}, {name} {exc}; correct it or delete that line.",
                    file=file,
                    where=where,
                    name=name,
                    exc=message_of(exc),
                )
            ) from None
    return known


def _from_environment(setting: Spec) -> str | bool | None:
    if setting.kind is bool:
        return flag_from_environment(setting.env)
    text = os.environ.get(setting.env, "")
    if not text.strip():
        return None
    if setting.name == "database_url":
        return text  # as today: passed on as given, a password included (it never reaches the file)
    try:
        return _check(setting, text, writing=False)
    except _InvalidError as exc:
        raise ConfigurationError(Msg("{env} {exc}.", env=setting.env, exc=message_of(exc))) from None


# -- checking --------------------------------------------------------------------------------


def spec(name: str) -> Spec:
    """The setting called ``name``; a :class:`UserError` listing the settings when there is none."""
    found = _SPECS.get(name)
    if found is None:
        known = ", ".join(s.name for s in SPECS)
        raise UserError(Msg("There is no setting {name!r}; the settings are {known}.", name=name, known=known))
    return found


def check(name: str, value: object) -> str | bool:
    """``value`` made canonical for setting ``name``, as :func:`update` would save it; a
    :class:`UserError` (the sentence :func:`update` gives) when it would be refused. Writes nothing."""
    found = spec(name)
    try:
        return _check(found, value, writing=True)
    except _InvalidError as exc:
        raise UserError(Msg("The setting {name} {exc}.", name=name, exc=message_of(exc))) from None


def _check(setting: Spec, value: object, *, writing: bool) -> str | bool:
    """``value`` made canonical for ``setting``, or :class:`_InvalidError` (its text completes "The setting X ...")."""
    if setting.kind is bool:
        if not isinstance(value, bool):
            raise _InvalidError(Msg("must be true or false, not {value}", value=settings_file.shown(value)))
        return value
    if not isinstance(value, str):
        raise _InvalidError(Msg("must be text in double quotes, not {value}", value=settings_file.shown(value)))
    _check_text(value)
    return _CHECKS[setting.name](value, writing)


def _check_text(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _InvalidError(Msg("holds characters that are not valid text")) from None


def _language(value: str, _writing: bool) -> str:
    try:
        return languages.normalize(value)
    except UserError:
        raise _InvalidError(
            Msg("must be a language code such as en or vi, not {value}", value=settings_file.shown(value))
        ) from None


def _database_url(value: str, writing: bool) -> str:
    from sqlalchemy.engine import make_url  # only here: most reads of the settings need no SQLAlchemy
    from sqlalchemy.exc import ArgumentError

    url_text = value.strip()
    # Never echo the value: it may hold the very password this refuses.
    try:
        url = make_url(url_text) if url_text else None
    except (ArgumentError, ValueError):
        url = None
    if url is None:
        raise _InvalidError(Msg("must be a database URL such as postgresql://press@db.example.org/communique"))
    if url.password or any(key.lower() == "password" for key in url.query):
        where = Msg("cannot be saved with a password in it") if writing else Msg("holds a database password")
        raise _InvalidError(
            Msg(
                "{where}: keep the password in the PGPASSWORD environment variable or in ~/.pgpass and give the "
                "URL without it",
                where=where,
            )
        )
    return url_text


_CHECKS: dict[str, Callable[[str, bool], str]] = {
    "database_url": _database_url,
    "interface_language": _language,
}


# What a person opening the file by hand reads first.
_HEADER = (
    "# Communiqué settings, rewritten by 'communique settings set' and the Settings screen\n"
    "# (comments are not kept). These environment variables override them:\n"
    "# " + ", ".join(setting.env for setting in SPECS) + ".\n"
)
