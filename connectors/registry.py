"""Find connectors by platform name through the ``communique.connectors`` entry points.

The built-in X and Facebook connectors register there exactly as an outside package would, so
a plugin needs nothing but an entry point naming its class.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from connectors.base import AccountContext, Connector
from core import practice
from core.domain import Account
from core.errors import ConfigurationError, UserError
from core.platforms import ENTRY_POINT_GROUP, platform_names
from core.secrets import load_credentials


def connector_class(platform: str) -> type[Connector]:
    """The connector class registered for ``platform``; a :class:`UserError` if there is none."""
    found = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == platform]
    if not found:
        known = ", ".join(platform_names()) or "(none installed)"
        raise UserError(f"No connector is installed for {platform!r}: the installed ones are {known}.")
    try:
        loaded = found[0].load()
    except Exception as exc:  # a broken plugin must not take the app down with it
        raise ConfigurationError(
            f"The connector for {platform!r} ({found[0].value}) cannot be loaded: {type(exc).__name__}: {exc}"
        ) from exc
    if not isinstance(loaded, type) or getattr(loaded, "platform", None) != platform:
        raise ConfigurationError(
            f"The entry point {platform!r} ({found[0].value}) is not a connector class with platform = {platform!r}."
        )
    return loaded


def connector_for(account: AccountContext) -> Connector:
    """A connector bound to ``account``."""
    return connector_class(account.platform)(account)  # type: ignore[call-arg]


def account_context(account: Account) -> AccountContext:
    """What a connector needs about ``account``, with its credentials from the keyring or environment.

    A plugin connector names its credential fields in a ``credential_fields`` class attribute;
    the built-ins' fields are known to :mod:`core.secrets`. In practice mode the account goes
    to the local emulator with practice tokens instead (:mod:`connectors.practice`).
    """
    fields = getattr(connector_class(account.platform), "credential_fields", None)
    if practice.enabled():
        from connectors.practice import practice_context

        return practice_context(account, fields)
    return AccountContext(
        name=account.name,
        platform=account.platform,
        api_base=account.api_base,
        external_id=account.external_id,
        credentials=load_credentials(account.platform, account.name, fields),
    )
