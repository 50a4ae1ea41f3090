"""Credentials: in the OS keyring or the environment, never in the database or logs.

An account row holds only a reference (``communique:<platform>:<name>``). The secret values
live in the OS keyring, one entry per field, or, for scripted and headless use, in
environment variables (``COMMUNIQUE_X_API_KEY``...); each platform's fields and variables are
those its connector class declares (:func:`core.platforms.spec`). Values travel as
:class:`Secret`, whose ``repr`` and ``str`` never show the value, and every value read is
registered with :func:`redact` so that log records and error messages can be scrubbed.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, quote_plus

from core import platforms, practice
from core.errors import ConfigurationError
from core.words import Msg

SERVICE = "communique"
#: Practice mode's keyring entries: practice never reads them, and must never overwrite or
#: delete the real accounts' entries, which trainees' accounts often share names with.
PRACTICE_SERVICE = "communique-practice"

#: Keyring entry listing the fields stored for an account (names only), so that removing the
#: account can delete them all: keyrings cannot enumerate, and plugin platforms have their own fields.
_FIELD_INDEX = "__fields__"

_known_values: set[str] = set()
_known_lock = threading.Lock()
_pattern: re.Pattern[str] | None = None  # every known value and its encoded forms, rebuilt when one is added


@dataclass(frozen=True, repr=False)
class Secret:
    """A secret value that does not print itself."""

    _value: str

    def reveal(self) -> str:
        """The value, for the one place that must send it (an HTTP header)."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__


def _service() -> str:
    return PRACTICE_SERVICE if practice.enabled() else SERVICE


def reference(platform: str, account_name: str) -> str:
    """The keyring reference stored on the account row."""
    return f"{_service()}:{platform}:{account_name}"


def _username(platform: str, account_name: str, field: str) -> str:
    return f"{platform}:{account_name}:{field}"


def declared_fields(platform: str) -> Mapping[str, str]:
    """The credential fields ``platform``'s connector declares, each with its environment variable;
    empty when it declares none or no installed connector has that name."""
    found = platforms.find_spec(platform)
    return found.credential_fields if found is not None else {}


def env_variable(platform: str, field: str) -> str:
    """The environment variable that may supply ``field`` (by default ``COMMUNIQUE_<PLATFORM>_<FIELD>``)."""
    return declared_fields(platform).get(field) or platforms.default_env_variable(platform, field)


def check_field(platform: str, field: str) -> str:
    """``field`` if the platform can hold it: one of the fields it declares, else any simple name."""
    known = declared_fields(platform)
    if known and field not in known:
        raise ConfigurationError(
            Msg(
                "{platform} accounts have no credential {field!r}; use one of {names}.",
                platform=platform,
                field=field,
                names=", ".join(known),
            )
        )
    if not platforms.CREDENTIAL_FIELD.match(field):
        raise ConfigurationError(
            Msg("{field!r} is not a credential name: use lower-case letters, digits and _.", field=field)
        )
    return field


def _keyring() -> Any:
    """The ``keyring`` module, imported on first use: it takes about 40 ms (its backends and their
    dependencies), which the desktop app's start-up need not pay to word an error sentence."""
    import keyring

    return keyring


def _errors() -> Any:
    import keyring.errors

    return keyring.errors


def _stored_fields(platform: str, account_name: str) -> list[str]:
    try:
        listed = _keyring().get_password(_service(), _username(platform, account_name, _FIELD_INDEX)) or ""
    except _errors().KeyringError:
        return []
    return [name for name in listed.split(",") if name]


def remember(value: str) -> None:
    """Register a secret value so that :func:`redact` removes it from then on.

    Values read or stored here are registered already; call this for a secret obtained some other
    way (a token exchange, a value handed to a connector directly). Values under 6 characters are
    ignored: they would redact ordinary words, and real tokens are long.
    """
    global _pattern
    if len(value) >= 6:
        with _known_lock:
            if value not in _known_values:
                _known_values.add(value)
                _pattern = None


def encoded_forms(value: str) -> set[str]:
    """``value`` as it may appear in an answer or an address: as is, percent-encoded (as a query
    string or form encodes it, and with every byte encoded) and hex-encoded.

    Percent escapes and hex digits are matched in either case by :func:`redact`.
    """
    raw = value.encode("utf-8")
    return {
        value,
        quote(value, safe=""),
        quote(value, safe="/"),
        quote_plus(value, safe=""),
        "".join(f"%{byte:02X}" for byte in raw),
        raw.hex(),
    }


def _compiled() -> re.Pattern[str] | None:
    global _pattern
    with _known_lock:
        if _pattern is None and _known_values:
            forms = {form for value in _known_values for form in encoded_forms(value)}
            # Longest first, so that a value containing another is replaced whole; the value itself
            # matches exactly, its encodings in either case (%2f and %2F, 6a and 6A).
            alternatives = "|".join(
                re.escape(form) if form in _known_values else f"(?i:{re.escape(form)})"
                for form in sorted(forms, key=len, reverse=True)
            )
            _pattern = re.compile(alternatives)
        return _pattern


def redact(text: str) -> str:
    """``text`` with every secret value seen by this process replaced by ``***``, in plain, percent-encoded
    or hex-encoded form (a token echoed in an address or a dump must not leak either)."""
    pattern = _compiled()
    return text if pattern is None else pattern.sub("***", text)


def store_secret(platform: str, account_name: str, field: str, value: str) -> None:
    """Save one credential field in the OS keyring."""
    check_field(platform, field)
    if not value:
        raise ConfigurationError(
            Msg("The {field} for {account_name!r} is empty.", field=field, account_name=account_name)
        )
    remember(value)
    keyring, errors = _keyring(), _errors()
    try:
        keyring.set_password(_service(), _username(platform, account_name, field), value)
        fields = _stored_fields(platform, account_name)
        if field not in fields:
            index = ",".join([*fields, field])
            keyring.set_password(_service(), _username(platform, account_name, _FIELD_INDEX), index)
    except errors.NoKeyringError:
        raise ConfigurationError(
            Msg(
                "No secure keyring is available on this machine; set the COMMUNIQUE_* environment variables for "
                "this session instead (see the README).",
            )
        ) from None
    except errors.KeyringError as exc:
        raise ConfigurationError(
            Msg("The keyring refused to store the {field}: {kind}.", field=field, kind=type(exc).__name__)
        ) from None


def load_credentials(platform: str, account_name: str, fields: Sequence[str] | None = None) -> dict[str, Secret]:
    """Every credential field found for the account: the keyring first, then the environment.

    ``fields`` defaults to those the platform's connector declares; for one that declares none,
    to the fields stored in the keyring for the account.
    """
    found: dict[str, Secret] = {}
    keyring, errors = _keyring(), _errors()
    declared = declared_fields(platform)
    wanted: Iterable[str] = fields if fields is not None else declared or _stored_fields(platform, account_name)
    for field in wanted:
        variable = declared.get(field) or platforms.default_env_variable(platform, field)
        value: str | None = None
        try:
            value = keyring.get_password(_service(), _username(platform, account_name, field))
        except errors.KeyringError:  # includes NoKeyringError: fall back to the environment
            value = None
        if not value:
            value = os.environ.get(variable) or None
        if value:
            remember(value)
            found[field] = Secret(value)
    return found


def forget(platform: str, account_name: str) -> None:
    """Delete every stored credential field of the account (missing ones are fine)."""
    try:
        declared = set(declared_fields(platform))
    except ConfigurationError:  # a plugin broken since: its account's entries must still go
        declared = set()
    fields = {*declared, *_stored_fields(platform, account_name), _FIELD_INDEX}
    keyring, errors = _keyring(), _errors()
    for field in sorted(fields):
        try:
            keyring.delete_password(_service(), _username(platform, account_name, field))
        except (errors.PasswordDeleteError, errors.KeyringError):
            continue
