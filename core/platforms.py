"""The platforms Communiqué can publish to, as registered by connector plugins.

Connectors register under the entry-point group ``communique.connectors`` (the built-in X and
Facebook connectors do so exactly as an outside package would). Core never names a connector
module, which keeps the layering one-way: it loads the class an entry point names and reads the
few class attributes that describe the platform (length rule, credential fields, the account's id
on the platform) into a :class:`PlatformSpec`. A plugin platform thus gets counters, checks and
validation exactly like the built-ins, and one that declares nothing gets the defaults below.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from types import MappingProxyType

from core.errors import ConfigurationError, UserError
from core.words import Msg

ENTRY_POINT_GROUP = "communique.connectors"

#: A function giving a text's length in a platform's own unit.
LengthFunction = Callable[[str], int]

DEFAULT_LENGTH_UNIT = "characters"

#: What a credential field may be called (it becomes part of a keyring entry and a variable name).
CREDENTIAL_FIELD = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class ExternalIdRule:
    """What a platform calls an account's id on it, and whether an account must have one."""

    label: str  # for messages and forms, e.g. "Page id"
    required: bool = True


@dataclass(frozen=True)
class PlatformSpec:
    """What core knows of one platform, read from its registered connector class.

    The class attributes it comes from are documented on the ``Connector`` Protocol:
    ``length_limit``, ``text_length``, ``length_unit``, ``credential_fields``, ``external_id_rule``.
    """

    name: str
    length_limit: int | None = None  # None: the platform states no limit, so there is no counter
    length: LengthFunction = len
    length_unit: str = DEFAULT_LENGTH_UNIT
    #: Credential field -> the environment variable that may supply it. Empty: the platform
    #: declares none, and any well-formed field name is accepted.
    credential_fields: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    external_id: ExternalIdRule | None = None

    @property
    def length_rule(self) -> tuple[int, LengthFunction] | None:
        """``(limit, length function)``, or ``None`` without a limit."""
        return None if self.length_limit is None else (self.length_limit, self.length)


def default_env_variable(platform: str, credential: str) -> str:
    """The environment variable of a field the platform gives none for: ``COMMUNIQUE_<PLATFORM>_<FIELD>``."""
    return f"COMMUNIQUE_{re.sub(r'[^A-Za-z0-9]', '_', platform).upper()}_{credential.upper()}"


# --- the registry -------------------------------------------------------------------------------

# Listing the installed entry points reads every distribution's metadata (milliseconds each time),
# and credentials are looked up for every publish. The listing depends on sys.path, so it is kept
# for one sys.path at a time; a name missing from it is looked up afresh (a package installed while
# the program runs). Loaded classes are not kept here: EntryPoint.load() goes through sys.modules,
# which is already a cache, and one that follows a plugin module reloaded from elsewhere.
_listing: tuple[tuple[str, ...], dict[str, EntryPoint]] | None = None


def _registered(*, fresh: bool = False) -> dict[str, EntryPoint]:
    global _listing
    key = tuple(sys.path)
    cached = _listing
    if not fresh and cached is not None and cached[0] == key:
        return cached[1]
    found: dict[str, EntryPoint] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(point.name, point)  # the first on sys.path wins, as imports do
    _listing = (key, found)  # one assignment: threads see the old listing or the new one
    return found


def _entry_point(name: str) -> EntryPoint | None:
    return _registered().get(name) or _registered(fresh=True).get(name)


def _clean(name: str) -> str:
    return (name or "").strip().lower()


def platform_names() -> list[str]:
    """Names of every registered platform, sorted."""
    return sorted(_registered())


def normalize(name: str) -> str:
    """The canonical platform name, or a :class:`UserError` listing the known ones."""
    cleaned = _clean(name)
    if cleaned and _entry_point(cleaned) is not None:
        return cleaned
    known = platform_names()
    raise UserError(
        Msg(
            "Unknown platform {name!r}: choose one of {choices}.",
            name=name,
            choices=", ".join(known) or Msg("(none installed)"),
        )
    )


def connector_class(name: str) -> type:
    """The connector class registered for platform ``name``.

    A :class:`UserError` naming the installed platforms if there is none; a
    :class:`ConfigurationError` if the plugin cannot be loaded or is not a class for that platform.
    """
    point = _entry_point(_clean(name))
    if point is None:
        known = ", ".join(platform_names()) or "(none installed)"
        raise UserError(
            Msg("No connector is installed for {name!r}: the installed ones are {known}.", name=name, known=known)
        )
    try:
        loaded = point.load()
    except Exception as exc:  # a broken plugin must not take the app down with it
        raise ConfigurationError(
            f"The connector for {point.name!r} ({point.value}) cannot be loaded: {type(exc).__name__}: {exc}"
        ) from exc
    if not isinstance(loaded, type) or getattr(loaded, "platform", None) != point.name:
        raise ConfigurationError(
            f"The entry point {point.name!r} ({point.value}) is not a connector class with platform = {point.name!r}."
        )
    return loaded


def refused_credentials(name: str) -> Mapping[str, str]:
    """The credentials platform ``name``'s connector reads but refuses, each with the sentence saying
    what to store instead (X: ``bearer_token``): forms leave them out, and storing one is refused."""
    refused = getattr(connector_class(name), "refused_credentials", None)
    return refused if isinstance(refused, Mapping) else {}


# --- specs --------------------------------------------------------------------------------------


def spec(name: str) -> PlatformSpec:
    """The :class:`PlatformSpec` of platform ``name`` (errors as :func:`connector_class`)."""
    return _spec_of(connector_class(name))


def find_spec(name: str) -> PlatformSpec | None:
    """Like :func:`spec`, but ``None`` for a platform no plugin registers (a broken one still raises)."""
    if _entry_point(_clean(name)) is None:
        return None
    return spec(name)


def length_rule(name: str) -> tuple[int, LengthFunction] | None:
    """``(limit, length function)`` of platform ``name``; ``None`` if it states no limit or is not installed."""
    found = find_spec(name)
    return found.length_rule if found is not None else None


def _spec_of(cls: type) -> PlatformSpec:
    name: str = cls.platform  # type: ignore[attr-defined]  # checked by connector_class
    where = f"The connector class {cls.__module__}.{cls.__qualname__}"
    limit = getattr(cls, "length_limit", None)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0):
        raise ConfigurationError(f"{where} has length_limit = {limit!r}: give a positive whole number or None.")
    length = getattr(cls, "text_length", len)
    if not callable(length):
        raise ConfigurationError(f"{where} has a text_length that is not a function of the text.")
    unit = getattr(cls, "length_unit", DEFAULT_LENGTH_UNIT)
    if not isinstance(unit, str) or not unit:
        raise ConfigurationError(f"{where} has length_unit = {unit!r}: give a word such as 'characters'.")
    rule = getattr(cls, "external_id_rule", None)
    if rule is not None and not isinstance(rule, ExternalIdRule):
        raise ConfigurationError(f"{where} has an external_id_rule that is not an ExternalIdRule.")
    return PlatformSpec(
        name=name,
        length_limit=limit,
        length=length,
        length_unit=unit,
        credential_fields=_credential_fields(name, getattr(cls, "credential_fields", ()), where),
        external_id=rule,
    )


def _credential_fields(platform: str, declared: object, where: str) -> Mapping[str, str]:
    """``declared`` (field names, or a mapping of field -> environment variable) as a read-only mapping."""
    if isinstance(declared, Mapping):
        pairs = [(str(k), str(v)) for k, v in declared.items()]
    elif isinstance(declared, Iterable) and not isinstance(declared, str):
        pairs = [(str(k), default_env_variable(platform, str(k))) for k in declared]
    else:
        raise ConfigurationError(f"{where} has credential_fields = {declared!r}: give a list of field names.")
    bad = [k for k, _ in pairs if not CREDENTIAL_FIELD.match(k)]
    if bad:
        raise ConfigurationError(f"{where} declares credential fields {bad!r}: use lower-case letters, digits and _.")
    return MappingProxyType(dict(pairs))
