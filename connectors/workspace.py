"""Setting up accounts: a new account with its credentials, practice accounts, a store's first start.

- :func:`add_account_with_credentials`: the account row, then each credential into the OS keyring
  (never into the database); when the keyring refuses one, the new account is removed again, so
  the person is never left with an account that cannot publish and does not know it.
- Practice accounts talk to the local platform emulator. In practice mode (:mod:`core.practice`)
  every account does already, with practice tokens, in a practice database of its own: that is
  where the practice workspace (:func:`add_practice_accounts`) lives. Outside practice mode a
  practice account is an ordinary account whose API base is the emulator's address and whose
  credentials are practice tokens (:func:`practice_defaults`); the emulator must then be running
  there (``communique sandbox serve``), which is what the CLI documents for such accounts too.
- Each practice account's audience lives in the account's zone: :func:`tell_audience_zones` tells
  the emulator, so that practice posts do best at that zone's mornings and evenings and the
  engagement screen's "best time to post" has something to find.
- :func:`is_new_store`: no account (not even a removed one) and no post: a first start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select

from connectors.practice import practice_fields
from connectors.sandbox.state import DEFAULT_PAGE, SHARED_AUDIENCES, user_id_for
from core import platforms, practice, queries
from core.domain import Account
from core.errors import CommuniqueError, UserError
from core.platforms import refused_credentials
from core.services import accounts
from core.store import Store
from core.store.tables import accounts as accounts_table
from core.store.tables import posts as posts_table
from core.words import Msg

#: The platforms the emulator answers for: only these can have practice accounts.
EMULATED_PLATFORMS = ("facebook", "x")


@dataclass(frozen=True)
class PracticeAccount:
    """One account of the practice workspace."""

    name: str
    platform: str
    language: str
    timezone: str
    external_id: str | None = None


#: A few languages and time zones, so that translation and local-time scheduling show at once.
PRACTICE_ACCOUNTS: tuple[PracticeAccount, ...] = (
    PracticeAccount("Practice Page (vi)", "facebook", "vi", "Asia/Ho_Chi_Minh", DEFAULT_PAGE),
    PracticeAccount("Practice X (en)", "x", "en", "Europe/London"),
    PracticeAccount("Practice X (ja)", "x", "ja", "Asia/Tokyo"),
    PracticeAccount("Practice X (uk)", "x", "uk", "Europe/Kyiv"),
)


@dataclass(frozen=True)
class PracticeDefaults:
    """What an "add practice account" form is filled with."""

    name: str
    external_id: str | None
    #: ``None`` in practice mode (every account goes to the emulator there).
    api_base: str | None
    #: Practice tokens to store (none in practice mode: they are supplied there).
    credentials: Mapping[str, str] = field(default_factory=dict)


def is_new_store(store: Store) -> bool:
    """Whether the store has never had an account nor a post (one small read)."""
    with store.read() as conn:
        has_account = conn.execute(select(func.count()).select_from(accounts_table)).scalar_one()
        has_post = conn.execute(select(func.count()).select_from(posts_table)).scalar_one()
    return not has_account and not has_post


def add_account_with_credentials(
    store: Store,
    *,
    name: str,
    platform: str,
    language: str,
    timezone: str,
    credentials: Mapping[str, str],
    api_base: str | None = None,
    external_id: str | None = None,
    handle: str | None = None,
    actor: str | None = None,
) -> Account:
    """Add an account and store its non-empty credentials in the keyring; all or nothing.

    A credential the platform's connector refuses (X's ``bearer_token``) is refused with its sentence
    before anything is written."""
    refused = refused_credentials(platform)
    for key, value in credentials.items():
        if value and key in refused:
            raise UserError(refused[key])
    account = accounts.add_account(
        store,
        name=name,
        platform=platform,
        language=language,
        timezone=timezone,
        api_base=api_base or None,
        external_id=external_id or None,
        handle=handle or None,
        actor=actor,
    )
    try:
        for key, value in credentials.items():
            if value:
                accounts.set_credential(store, account.name, key, value, actor=actor)
    except CommuniqueError:
        # The credential's sentence says what to do; an account without it would only fail later.
        accounts.remove_account(store, account.name, actor=actor)
        raise
    return account


def practice_defaults(platform: str, language: str) -> PracticeDefaults:
    """The fields of a practice account on ``platform`` in ``language`` (see the module's notes)."""
    spec = platforms.spec(platform)
    if spec.name not in EMULATED_PLATFORMS:
        known = " and ".join(EMULATED_PLATFORMS)
        raise UserError(
            Msg("The practice emulator answers for {known} only, not {platform}.", known=known, platform=spec.name)
        )
    title = "Page" if spec.name == "facebook" else spec.name.upper()
    name = f"Practice {title} ({language})"
    external_id = DEFAULT_PAGE if spec.external_id is not None and spec.external_id.required else None
    if practice.enabled():
        return PracticeDefaults(name, external_id, None)
    tokens = {key: practice.PRACTICE_TOKEN for key in practice_fields(spec.name)}
    return PracticeDefaults(name, external_id, practice.sandbox_url(), tokens)


def audience_owner(account: Account) -> str | None:
    """Whom ``account`` posts as on the emulator in practice mode: its Page, or the X user of the practice
    token; ``None`` for a platform the emulator does not answer for."""
    if account.platform == "facebook":
        return account.external_id or DEFAULT_PAGE
    if account.platform == "x":
        return user_id_for(practice.PRACTICE_TOKEN)
    return None


def tell_audience_zones(
    chosen: Iterable[Account], set_zone: Callable[[str, str], None] | None = None
) -> dict[str, str]:
    """Tell the emulator where each account's audience lives (its zone); returns owner -> zone.

    ``set_zone``: by default every emulator of this process (the practice one starts on first use,
    after this), or a running one's ``Sandbox.set_audience_zone``. Practice X accounts all post as
    one X user (one practice token): the first of them gives that user its zone.
    """
    setter = set_zone or SHARED_AUDIENCES.set
    told: dict[str, str] = {}
    for account in chosen:
        owner = audience_owner(account)
        if owner is None or owner in told:
            continue
        setter(owner, account.timezone)
        told[owner] = account.timezone
    return told


def add_practice_accounts(
    store: Store, chosen: tuple[PracticeAccount, ...] = PRACTICE_ACCOUNTS, *, actor: str | None = None
) -> list[Account]:
    """Add the practice workspace's accounts that are missing; returns every practice account.

    Only in practice mode: there every account talks to the emulator with practice tokens, in a
    database of its own, so nothing can reach a real platform or mix with the real schedule.
    """
    if not practice.enabled():
        raise UserError(
            Msg(
                "The practice workspace lives in practice mode (its own database, every account on the local "
                "emulator); turn practice mode on first.",
            )
        )
    installed = set(platforms.platform_names())
    existing = {account.name: account for account in queries.list_accounts(store, include_removed=True)}
    result = []
    for each in chosen:
        if each.platform not in installed:
            continue  # a build without that connector: the others still make a workspace
        account = existing.get(each.name)
        if account is None:
            account = accounts.add_account(
                store,
                name=each.name,
                platform=each.platform,
                language=each.language,
                timezone=each.timezone,
                external_id=each.external_id,
                actor=actor,
            )
        result.append(account)
    tell_audience_zones(result)
    return result
