"""Find connectors by platform name through the ``communique.connectors`` entry points.

The built-in X and Facebook connectors register there exactly as an outside package would, so
a plugin needs nothing but an entry point naming its class. Loading (and refusing a broken
plugin) happens in :mod:`core.platforms`, which reads the same classes to describe platforms.
"""

from __future__ import annotations

from typing import cast

from connectors.base import AccountContext, Connector
from core import platforms, practice
from core.domain import Account
from core.secrets import load_credentials


def connector_class(platform: str) -> type[Connector]:
    """The connector class registered for ``platform``; a :class:`UserError` if there is none, a
    :class:`ConfigurationError` if it cannot be loaded."""
    return cast("type[Connector]", platforms.connector_class(platform))


def connector_for(account: AccountContext) -> Connector:
    """A connector bound to ``account``."""
    return connector_class(account.platform)(account)  # type: ignore[call-arg]


def account_context(account: Account) -> AccountContext:
    """What a connector needs about ``account``, with its credentials from the keyring or environment.

    The credential fields are those the connector class declares (``credential_fields``, read
    through :func:`core.platforms.spec`). In practice mode the account goes to the local emulator
    with practice tokens instead (:mod:`connectors.practice`).
    """
    fields = list(platforms.spec(account.platform).credential_fields)
    if practice.enabled():
        from connectors.practice import practice_context

        return practice_context(account, fields)
    return AccountContext(
        name=account.name,
        platform=account.platform,
        api_base=account.api_base,
        external_id=account.external_id,
        credentials=load_credentials(account.platform, account.name),
    )
