"""Scheduler use cases shared by the CLI, the GUI and the worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from core import timeutil
from core.domain import OPEN_STATUSES, AuditAction, VariantStatus
from core.errors import ConflictError, NotFoundError, UserError
from core.services import audit, permissions, posts, scheduling
from core.store import Store
from core.store.tables import accounts, recurrences, variants
from core.words import Msg
from scheduler import history, recurrence
from scheduler.clock import Clock, system_clock
from scheduler.connections import ConnectorFactory, ConnectorPool, default_factory
from scheduler.events import EventBus
from scheduler.lease import new_holder_id
from scheduler.publisher import Outcome, Publisher


def make_due_now(
    store: Store, variant_id: int, *, now: datetime, actor: str, confirmed_absent_by: str | None = None
) -> int:
    """Schedule ``variant_id`` at ``now`` with a fresh attempt budget; returns its new version.

    ``confirmed_absent_by``: the person who checked the account and did not find the post there;
    recorded in the same transaction (see :func:`scheduler.history.confirm_absent`).
    """
    with store.write() as conn:
        row = conn.execute(
            select(variants.c.status, variants.c.version, variants.c.account_id, accounts.c.timezone)
            .join(accounts, accounts.c.id == variants.c.account_id)
            .where(variants.c.id == variant_id)
        ).first()
        if row is None:
            raise NotFoundError(Msg("No variant with id {variant_id}.", variant_id=variant_id))
        user = permissions.require(conn, permissions.Permission.SCHEDULE, [row.account_id], actor=actor)
        if row.status == VariantStatus.PUBLISHING.value:
            raise ConflictError(
                Msg("Variant {variant_id} is being published right now; wait for the result.", variant_id=variant_id)
            )
        if VariantStatus(row.status) not in OPEN_STATUSES:
            raise ConflictError(
                Msg(
                    "Variant {variant_id} is {status}; it cannot be published again.",
                    variant_id=variant_id,
                    status=VariantStatus(row.status),
                )
            )
        if not scheduling.set_scheduled(
            conn, variant_id, version=row.version, instant=now, zone_name=row.timezone, now=now
        ):
            raise ConflictError(Msg("Variant {variant_id} changed meanwhile; try again.", variant_id=variant_id))
        audit.record(
            conn,
            actor=user.login,
            action=AuditAction.PUBLISH_NOW,
            entity="variant",
            entity_id=variant_id,
            details={},
            at=now,
        )
        if confirmed_absent_by is not None:
            # On a team database the trail names the login the server authenticated (its audit
            # policy accepts no other name); on the embedded store, the person who confirmed.
            who = user.login if user.authenticated else confirmed_absent_by
            history.confirm_absent(conn, variant_id, actor=who, at=now)
        return int(row.version) + 1


@dataclass(frozen=True)
class RecurrenceInfo:
    """One recurrence as ``communique recur list`` shows it."""

    id: int
    template_variant_id: int
    account: str | None  # None when the template variant is gone
    rule: str
    start_local: str
    zone: str
    active: bool
    next_at: datetime | None  # the next occurrence not yet created (UTC), while active


def list_recurrences(store: Store) -> list[RecurrenceInfo]:
    """Every recurrence, active or stopped, oldest first."""
    with store.read() as conn:
        rows = conn.execute(
            select(recurrences, accounts.c.name.label("account"), variants.c.status.label("template_status"))
            .outerjoin(variants, variants.c.id == recurrences.c.template_variant_id)
            .outerjoin(accounts, accounts.c.id == variants.c.account_id)
            .order_by(recurrences.c.id)
        ).all()
    found: list[RecurrenceInfo] = []
    for row in rows:
        upcoming = None
        if row.active and row.template_status not in (None, VariantStatus.CANCELLED.value):  # else: stops next sweep
            try:
                rule = recurrence.parse_rule(row.rule, datetime.fromisoformat(row.dtstart_local))
                upcoming = next(recurrence.occurrences_after(rule, row.zone, row.last_occurrence_at), None)
            except (UserError, ValueError):  # an unreadable rule is shown without a next time
                upcoming = None
        found.append(
            RecurrenceInfo(
                id=row.id,
                template_variant_id=row.template_variant_id,
                account=row.account,
                rule=row.rule,
                start_local=row.dtstart_local,
                zone=row.zone,
                active=bool(row.active),
                next_at=upcoming,
            )
        )
    return found


def stop_recurrence(store: Store, recurrence_id: int, *, actor: str | None = None) -> list[int]:
    """Stop ``recurrence_id`` creating occurrences, and cancel those already created but not yet sent.

    Returns the variant ids cancelled. An occurrence being published right now is left to finish
    (it cannot be called back); one already published stays published.
    """
    who = actor or audit.default_actor()
    now = timeutil.now_utc()
    with store.write() as conn:
        row = conn.execute(
            select(recurrences.c.active, variants.c.account_id)
            .outerjoin(variants, variants.c.id == recurrences.c.template_variant_id)
            .where(recurrences.c.id == recurrence_id)
        ).first()
        if row is None:
            raise NotFoundError(Msg("No recurrence with id {recurrence_id}.", recurrence_id=recurrence_id))
        accounts_of = [row.account_id] if row.account_id is not None else []
        who = permissions.require(conn, permissions.Permission.SCHEDULE, accounts_of, actor=who).login
        if not row.active:
            raise ConflictError(Msg("Recurrence {recurrence_id} is already stopped.", recurrence_id=recurrence_id))
        conn.execute(recurrences.update().where(recurrences.c.id == recurrence_id).values(active=False, updated_at=now))
        pending = conn.execute(
            select(variants.c.id, variants.c.post_id).where(
                variants.c.recurrence_id == recurrence_id, variants.c.status == VariantStatus.SCHEDULED.value
            )
        ).all()
        audit.record(
            conn, actor=who, action=AuditAction.STOP, entity="recurrence", entity_id=recurrence_id, details={}, at=now
        )
    cancelled: list[int] = []
    for item in pending:
        try:
            posts.cancel_post(store, item.post_id, actor=who)
        except ConflictError:  # it started publishing (or was cancelled) meanwhile
            continue
        cancelled.append(item.id)
    return cancelled


def publish_now(
    store: Store,
    variant_id: int,
    *,
    confirmed_absent: bool = False,
    actor: str | None = None,
    connector_factory: ConnectorFactory = default_factory,
    clock: Clock = system_clock,
    bus: EventBus | None = None,
    pool: ConnectorPool | None = None,
) -> Outcome | None:
    """Publish ``variant_id`` now, through the worker's claim/record path; ``None`` if someone else took it.

    No engine, lease or poller is needed: the claim's compare-and-set alone keeps a variant from
    being taken twice. ``confirmed_absent``: ``actor`` (the person; by default the one running
    this process) checked the account and an interrupted attempt's post is not there, so this
    claim sends it without the look-up. Recorded in the audit trail, good for this one claim.
    """
    who = actor or audit.default_actor()
    holder = new_holder_id(f"now-{who}")
    version = make_due_now(
        store, variant_id, now=clock(), actor=holder, confirmed_absent_by=who if confirmed_absent else None
    )
    publisher = Publisher(
        store, pool or ConnectorPool(store, connector_factory), clock=clock, bus=bus or EventBus(), worker=holder
    )
    return publisher.publish(variant_id, version)
