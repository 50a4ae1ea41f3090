"""Connector use cases shared by the GUI, the CLI and the worker: does a text fit, do credentials work.

Both go through the connector registered for the platform (:mod:`connectors.registry`), so a
plugin platform gets the same checks as the built-ins.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from connectors.base import AccountContext, CheckResult, ConnectorError, Identity, MediaItem, OutgoingPost
from connectors.registry import account_context, connector_class, connector_for
from core import platforms, queries
from core.domain import Account
from core.errors import CommuniqueError, UserError
from core.services import account_options
from core.services.permissions import current_user
from core.store import Store
from core.words import Msg

log = logging.getLogger(__name__)


def check_text(platform: str, text: str, *, as_thread: bool = False, media: Sequence[MediaItem] = ()) -> CheckResult:
    """Whether ``text`` (and ``media``) fits ``platform``'s rules, without the network: its length
    in the platform's unit, the problems, the posts a thread takes.

    Asks the platform's connector (its ``check``). A :class:`UserError` naming the installed
    platforms for an unknown one.
    """
    post = OutgoingPost(variant_id=0, text=text, media=tuple(media), as_thread=as_thread)
    return _checker(platform)(post)


def _checker(platform: str) -> Callable[[OutgoingPost], CheckResult]:
    cls = connector_class(platform)
    if isinstance(inspect.getattr_static(cls, "check", None), staticmethod | classmethod):
        return cls.check  # type: ignore[return-value]  # called on the class: needs no account
    # An instance bound to an account without credentials or id: checking must not need them.
    nobody = AccountContext(name="", platform=cls.platform, api_base=None, external_id=None, credentials={})
    try:
        return connector_for(nobody).check
    except Exception:  # a plugin whose constructor insists on credentials (any error of its own)
        spec = platforms.spec(platform)
        if spec.length_rule is None:
            raise UserError(
                Msg(
                    "The {platform} connector cannot check a text without an account, and states no length limit.",
                    platform=spec.name,
                )
            ) from None
        return lambda post: _length_only(spec, post.text)


def _length_only(spec: platforms.PlatformSpec, text: str) -> CheckResult:
    """The check core can make alone: the text's length against the platform's stated limit."""
    assert spec.length_limit is not None
    length = spec.length(text)
    problems: tuple[str, ...] = ()
    if length > spec.length_limit:
        problems = (
            Msg(
                "The text is {length} {unit}; {platform} allows {limit}.",
                length=length,
                unit=spec.length_unit,
                platform=spec.name,
                limit=spec.length_limit,
            ),
        )
    return CheckResult(ok=not problems, length=length, limit=spec.length_limit, problems=problems)


@dataclass(frozen=True)
class Verified:
    """An account whose credentials the platform accepted, and whose they are."""

    account: Account
    identity: Identity


def verify_account(store: Store, name: str) -> Verified:
    """Ask the platform whose credentials the account holds; a :class:`ConnectorError` when it refuses."""
    account = queries.get_account(store, name)
    try:
        identity = connector_for(account_context(account)).verify()
    except ConnectorError as error:
        _note_access(store, account, error)
        raise
    return Verified(account=account, identity=identity)


def _note_access(store: Store, account: Account, error: ConnectorError) -> None:
    """Keep the access level a refusal shows (X's 402: pay-per-use, no credits), for the account's screens.

    Best effort: the platform's refusal is what the person must see, even when this cannot be written.
    """
    access = getattr(error, "access_level", None)
    if not isinstance(access, str):
        return
    try:
        with store.write() as conn:
            who = current_user(conn).login  # the login the trail takes on a team database
            account_options.note_access(conn, account.id, access, actor=who)
    except CommuniqueError as exc:
        log.warning("Could not keep the access level of %s: %s", account.name, exc)
