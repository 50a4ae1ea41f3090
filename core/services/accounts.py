"""Accounts: the destinations a post can go to."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from sqlalchemy import func, select

from core import languages, plaintext, platforms, queries, secrets, timeutil
from core.domain import OPEN_STATUSES, Account, AuditAction, VariantStatus
from core.errors import ConflictError, UserError
from core.services import audit
from core.services.permissions import Permission, require
from core.store import Store
from core.store.engine import new_id
from core.store.tables import accounts, variants
from core.words import Msg

MAX_NAME = 100
MAX_GRACE_MINUTES = 7 * 24 * 60


def _check_api_base(url: str) -> str:
    try:
        parsed = urlparse(url.strip())
        parsed.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise UserError(Msg("Cannot read the API base URL {url!r}: check the host and port.", url=url)) from None
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise UserError(Msg("The API base URL {url!r} must start with http:// or https:// and name a host.", url=url))
    if parsed.username or parsed.password:
        raise UserError(Msg("The API base URL must not carry a user name or password; store secrets in the keyring."))
    return url.strip().rstrip("/")


def add_account(
    store: Store,
    *,
    name: str,
    platform: str,
    language: str,
    timezone: str,
    api_base: str | None = None,
    external_id: str | None = None,
    handle: str | None = None,
    grace_minutes: int = 60,
    actor: str | None = None,
) -> Account:
    """Add a destination account; every field is checked before anything is written."""
    clean_name = (name or "").strip()
    if not clean_name:
        raise UserError(Msg("The account name is empty."))
    _one_line(clean_name, Msg("The account name"))
    _one_line(handle or "", Msg("The handle"))
    if len(clean_name) > MAX_NAME:
        raise UserError(Msg("The account name is longer than {max_name} characters.", max_name=MAX_NAME))
    clean_platform = platforms.normalize(platform)
    clean_language = languages.normalize(language)
    timeutil.zone(timezone)
    base = _check_api_base(api_base) if api_base else None
    # Some platforms cannot publish without the account's id there (a Facebook Page id).
    id_rule = platforms.spec(clean_platform).external_id
    if id_rule is not None and id_rule.required and not (external_id or "").strip():
        raise UserError(
            Msg(
                "A {clean_platform} account needs its id on the platform ({label}); add it to the account.",
                clean_platform=clean_platform,
                label=id_rule.label,
            )
        )
    _check_grace(grace_minutes)
    now = timeutil.now_utc()
    with store.write() as conn:
        who = require(conn, Permission.ADMIN, actor=actor).login
        existing = conn.execute(select(accounts.c.active).where(accounts.c.name == clean_name)).first()
        if existing is not None:
            hint = "" if existing.active else Msg(" (a removed account keeps the name for its published history)")
            raise ConflictError(
                Msg("An account named {clean_name!r} already exists{hint}.", clean_name=clean_name, hint=hint)
            )
        account_id = new_id(
            conn.execute(
                accounts.insert().values(
                    name=clean_name,
                    platform=clean_platform,
                    language=clean_language,
                    timezone=timezone,
                    handle=(handle or "").strip().lstrip("@＠") or None,  # shown with its @ by each screen
                    api_base=base,
                    external_id=(external_id or "").strip() or None,
                    credential_ref=secrets.reference(clean_platform, clean_name),
                    grace_minutes=grace_minutes,
                    active=True,
                    created_at=now,
                    updated_at=now,
                )
            )
        )
        audit.record(
            conn,
            actor=who,
            action=AuditAction.CREATE,
            entity="account",
            entity_id=account_id,
            details={"name": clean_name, "platform": clean_platform, "timezone": timezone},
        )
        row = conn.execute(select(accounts).where(accounts.c.id == account_id)).one()
    return queries.to_account(row)


@dataclass(frozen=True)
class AccountEdit:
    """An edited account, and how many of its posts waiting to go out keep their moment."""

    account: Account
    scheduled: int  # variants still scheduled: they go out at the same instant as before
    changed: tuple[str, ...]  # the fields that changed, e.g. ("timezone",)
    emptied: tuple[int, ...] = ()  # scheduled variants that are only a link, once links on X are off


def edit_account(
    store: Store,
    name: str,
    *,
    language: str | None = None,
    timezone: str | None = None,
    handle: str | None = None,
    grace_minutes: int | None = None,
    actor: str | None = None,
) -> AccountEdit:
    """Change an account's language, time zone, handle or grace window (``None`` keeps a field).

    A scheduled post keeps its instant: a new zone changes how its time reads, never when it
    goes out, because silently moving a post a person scheduled is worse than a time that now
    reads differently (the screen says how many there are, so they can be rescheduled).
    Posts already drafted keep their language; the new one applies to posts created from now.
    """
    values: dict[str, object] = {}
    if language is not None:
        values["language"] = languages.normalize(language)
    if timezone is not None:
        timeutil.zone(timezone)
        values["timezone"] = timezone
    if handle is not None:
        _one_line(handle, Msg("The handle"))
        values["handle"] = handle.strip().lstrip("@＠") or None
    if grace_minutes is not None:
        values["grace_minutes"] = _check_grace(grace_minutes)
    with store.write() as conn:
        who = require(conn, Permission.ADMIN, actor=actor).login
        account = queries.fetch_account(conn, name)  # active ones only: a retired account keeps its history as it was
        changed = tuple(key for key, value in values.items() if getattr(account, key) != value)
        scheduled = conn.execute(
            select(func.count())
            .select_from(variants)
            .where(variants.c.account_id == account.id, variants.c.status == VariantStatus.SCHEDULED.value)
        ).scalar_one()
        if changed:
            now = timeutil.now_utc()
            update = {key: values[key] for key in changed}
            conn.execute(accounts.update().where(accounts.c.id == account.id).values(**update, updated_at=now))
            audit.account_edited(
                conn,
                actor=who,
                account_id=account.id,
                details={key: {"from": getattr(account, key), "to": update[key]} for key in changed},
            )
        row = conn.execute(select(accounts).where(accounts.c.id == account.id)).one()
    return AccountEdit(queries.to_account(row), int(scheduled), changed)


def _one_line(text: str, what: str) -> None:
    """Refuse control characters, tabs and line breaks in a name shown on one line everywhere."""
    plaintext.refuse_controls(text, what)
    if any(c in text for c in "\t\n"):
        raise UserError(Msg("{what} must be one line, without tabs.", what=what))


def _check_grace(minutes: int) -> int:
    if minutes < 0:
        raise UserError(Msg("The grace window cannot be negative."))
    if minutes > MAX_GRACE_MINUTES:
        raise UserError(Msg("The grace window can be at most 7 days (10080 minutes)."))
    return minutes


def set_credential(store: Store, name: str, field: str, value: str, *, actor: str | None = None) -> None:
    """Store one credential of an account in the OS keyring, and note (without the value) who did."""
    with store.read() as conn:
        who = require(conn, Permission.ADMIN, actor=actor).login
        account = queries.fetch_account(conn, name)
    # A credential the platform's connector reads but refuses (X: a bearer token, which cannot post
    # for long) is refused here too, so that no caller stores what would fail at the first publish.
    refused = platforms.refused_credentials(account.platform).get(field)
    if refused is not None:
        raise UserError(refused)
    secrets.store_secret(account.platform, account.name, field, value)
    with store.write() as conn:
        audit.record(
            conn,
            actor=who,
            action=AuditAction.SET_SECRET,
            entity="account",
            entity_id=account.id,
            details={"field": field},
        )


def remove_account(store: Store, name: str, *, actor: str | None = None) -> None:
    """Remove an account.

    An account with posts still to publish cannot be removed (cancel them first). One with a
    published history is retired instead of deleted, so that its history and engagement stay.
    """
    with store.write() as conn:
        who = require(conn, Permission.ADMIN, actor=actor).login
        account = queries.fetch_account(conn, name)
        pending = conn.execute(
            select(func.count())
            .select_from(variants)
            .where(
                variants.c.account_id == account.id,
                variants.c.status.in_([*OPEN_STATUSES, VariantStatus.PUBLISHING]),
            )
        ).scalar_one()
        if pending:
            raise ConflictError(
                Msg(
                    "The account {name!r} still has {pending} post(s) to publish; cancel them first.",
                    name=name,
                    pending=pending,
                )
            )
        history = conn.execute(
            select(func.count()).select_from(variants).where(variants.c.account_id == account.id)
        ).scalar_one()
        if history:
            conn.execute(
                accounts.update().where(accounts.c.id == account.id).values(active=False, updated_at=timeutil.now_utc())
            )
        else:
            conn.execute(accounts.delete().where(accounts.c.id == account.id))
        audit.record(
            conn,
            actor=who,
            action=AuditAction.RETIRE if history else AuditAction.DELETE,
            entity="account",
            entity_id=account.id,
            details={"name": account.name},
        )
    secrets.forget(account.platform, account.name)
