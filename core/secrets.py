"""Credentials: in the OS keyring or the environment, never in the database or logs.

An account row holds only a reference (``communique:<platform>:<name>``). The secret values
live in the OS keyring, one entry per field, or, for scripted and headless use, in
environment variables (``COMMUNIQUE_X_API_KEY``...). Values travel as :class:`Secret`, whose
``repr`` and ``str`` never show the value, and every value read is registered with
:func:`redact` so that log records and error messages can be scrubbed.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from core import practice
from core.errors import ConfigurationError

SERVICE = "communique"
#: Practice mode's keyring entries: practice never reads them, and must never overwrite or
#: delete the real accounts' entries, which trainees' accounts often share names with.
PRACTICE_SERVICE = "communique-practice"

#: Credential fields per platform and the environment variable that may supply each.
ENV_VARIABLES: dict[str, dict[str, str]] = {
    "x": {
        "api_key": "COMMUNIQUE_X_API_KEY",
        "api_secret": "COMMUNIQUE_X_API_SECRET",
        "access_token": "COMMUNIQUE_X_ACCESS_TOKEN",
        "access_secret": "COMMUNIQUE_X_ACCESS_SECRET",
        "bearer_token": "COMMUNIQUE_X_BEARER_TOKEN",
    },
    "facebook": {"page_token": "COMMUNIQUE_FB_PAGE_TOKEN"},
}

#: Keyring entry listing the fields stored for an account (names only), so that removing the
#: account can delete them all: keyrings cannot enumerate, and plugin platforms have their own fields.
_FIELD_INDEX = "__fields__"
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

_known_values: set[str] = set()
_known_lock = threading.Lock()


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


def env_variable(platform: str, field: str) -> str:
    """The environment variable that may supply ``field`` (plugins: ``COMMUNIQUE_<PLATFORM>_<FIELD>``)."""
    builtin = ENV_VARIABLES.get(platform, {}).get(field)
    return builtin or f"COMMUNIQUE_{re.sub(r'[^A-Za-z0-9]', '_', platform).upper()}_{field.upper()}"


def check_field(platform: str, field: str) -> str:
    """``field`` if the platform can hold it: a built-in platform's own fields, any simple name for plugins."""
    known = ENV_VARIABLES.get(platform)
    if known is not None and field not in known:
        raise ConfigurationError(f"{platform} accounts have no credential {field!r}; use one of {', '.join(known)}.")
    if not _FIELD_NAME.match(field):
        raise ConfigurationError(f"{field!r} is not a credential name: use lower-case letters, digits and _.")
    return field


def _stored_fields(platform: str, account_name: str) -> list[str]:
    try:
        listed = keyring.get_password(_service(), _username(platform, account_name, _FIELD_INDEX)) or ""
    except KeyringError:
        return []
    return [name for name in listed.split(",") if name]


def remember(value: str) -> None:
    """Register a secret value so that :func:`redact` removes it from then on.

    Values read or stored here are registered already; call this for a secret obtained some other
    way (a token exchange, a value handed to a connector directly). Values under 6 characters are
    ignored: they would redact ordinary words, and real tokens are long.
    """
    if len(value) >= 6:
        with _known_lock:
            _known_values.add(value)


def redact(text: str) -> str:
    """``text`` with every secret value seen by this process replaced by ``***``."""
    with _known_lock:
        values = sorted(_known_values, key=len, reverse=True)
    for value in values:
        text = text.replace(value, "***")
    return text


def store_secret(platform: str, account_name: str, field: str, value: str) -> None:
    """Save one credential field in the OS keyring."""
    check_field(platform, field)
    if not value:
        raise ConfigurationError(f"The {field} for {account_name!r} is empty.")
    remember(value)
    try:
        keyring.set_password(_service(), _username(platform, account_name, field), value)
        fields = _stored_fields(platform, account_name)
        if field not in fields:
            index = ",".join([*fields, field])
            keyring.set_password(_service(), _username(platform, account_name, _FIELD_INDEX), index)
    except NoKeyringError:
        raise ConfigurationError(
            "No secure keyring is available on this machine; set the COMMUNIQUE_* environment "
            "variables for this session instead (see the README)."
        ) from None
    except KeyringError as exc:
        raise ConfigurationError(f"The keyring refused to store the {field}: {type(exc).__name__}.") from None


def load_credentials(platform: str, account_name: str, fields: Sequence[str] | None = None) -> dict[str, Secret]:
    """Every credential field found for the account: the keyring first, then the environment.

    ``fields`` defaults to the built-in platform's fields; a plugin connector names its own.
    """
    found: dict[str, Secret] = {}
    wanted: Iterable[str] = fields if fields is not None else ENV_VARIABLES.get(platform, {})
    for field in wanted:
        variable = env_variable(platform, field)
        value: str | None = None
        try:
            value = keyring.get_password(_service(), _username(platform, account_name, field))
        except KeyringError:  # includes NoKeyringError: fall back to the environment
            value = None
        if not value:
            value = os.environ.get(variable) or None
        if value:
            remember(value)
            found[field] = Secret(value)
    return found


def forget(platform: str, account_name: str) -> None:
    """Delete every stored credential field of the account (missing ones are fine)."""
    fields = {*ENV_VARIABLES.get(platform, {}), *_stored_fields(platform, account_name), _FIELD_INDEX}
    for field in sorted(fields):
        try:
            keyring.delete_password(_service(), _username(platform, account_name, field))
        except (PasswordDeleteError, KeyringError):
            continue
