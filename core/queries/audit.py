"""Reading the audit trail: who did what, when; filtered and paged for the Audit screen, and as a table.

The trail grows by one row per action and is never rewritten, so a browser reads it a page at
a time, newest first, by keyset (the last row's time and id): the next page costs what the first
did, however deep. The period, actor and action filters run on the indexes of migration 0008;
the text search scans the details of the rows the other filters leave, newest first, and stops
when the page is full. Labels (an account's name, a post's first words) are read for one page
only, by id, so a long trail costs nothing more.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, cast, func, literal, or_, select, text, tuple_

from core.domain import AuditAction, AuditEvent
from core.errors import UserError
from core.store import Store
from core.store.tables import accounts, audit_events, posts, variants
from core.words import Msg

#: Rows per page unless asked otherwise, and the most one read returns.
PAGE_SIZE = 200
MAX_PAGE_SIZE = 5000
#: Characters of a post's text kept as its label.
LABEL_CHARS = 60


def list_events(
    store: Store, *, entity: str | None = None, entity_id: int | None = None, limit: int = 500
) -> list[AuditEvent]:
    """Events, newest first, optionally for one entity."""
    query = select(audit_events).order_by(audit_events.c.id.desc()).limit(limit)
    if entity is not None:
        query = query.where(audit_events.c.entity == entity)
    if entity_id is not None:
        query = query.where(audit_events.c.entity_id == entity_id)
    with store.read() as conn:
        return [_event(row._mapping) for row in conn.execute(query)]


@dataclass(frozen=True)
class AuditFilter:
    """Which events to read. ``None`` and empty tuples mean "any"; times are aware (UTC or not).

    ``since`` is inclusive and ``until`` exclusive; ``text`` is looked for in the details (letters
    compared without case for ASCII; accented text as written).
    """

    since: datetime | None = None
    until: datetime | None = None
    actors: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    entity: str | None = None
    entity_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: just after (older than) this event."""

    at: datetime
    id: int


@dataclass(frozen=True)
class AuditRow:
    """One event as a list shows it: the event, and a few words naming its entity where cheap."""

    event: AuditEvent
    label: str = ""  # an account's name, a post's first words, "Tokyo (ja)" for a variant


@dataclass(frozen=True)
class EventPage:
    """One page of events, newest first, and where the next one starts (``None``: no more)."""

    rows: list[AuditRow] = field(default_factory=list)
    next: Cursor | None = None


def audit_page(
    store: Store, flt: AuditFilter | None = None, *, after: Cursor | None = None, limit: int = PAGE_SIZE
) -> EventPage:
    """Up to ``limit`` events matching ``flt``, newest first, older than ``after`` when given."""
    flt = flt or AuditFilter()
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    query = _select(flt)
    if after is not None:
        query = query.where(tuple_(audit_events.c.at, audit_events.c.id) < tuple_(_at(after.at), after.id))
    query = query.order_by(audit_events.c.at.desc(), audit_events.c.id.desc()).limit(limit + 1)
    with store.read() as conn:
        events = [_event(row._mapping) for row in conn.execute(query)]
        more = len(events) > limit
        events = events[:limit]
        labels = _labels(conn, events)
    rows = [AuditRow(event, labels.get((event.entity, event.entity_id), "")) for event in events]
    last = events[-1] if more else None
    return EventPage(rows, Cursor(last.at, last.id) if last is not None else None)


def audit_rows(store: Store, flt: AuditFilter | None = None, *, limit: int | None = None) -> list[AuditRow]:
    """Every event matching ``flt`` (up to ``limit``), newest first, read page by page."""
    found: list[AuditRow] = []
    after: Cursor | None = None
    while True:
        want = MAX_PAGE_SIZE if limit is None else min(MAX_PAGE_SIZE, limit - len(found))
        page = audit_page(store, flt, after=after, limit=want)
        found.extend(page.rows)
        if page.next is None or (limit is not None and len(found) >= limit):
            return found
        after = page.next


def count_events(store: Store, flt: AuditFilter | None = None) -> int:
    """How many events match ``flt``."""
    query = _select(flt or AuditFilter()).with_only_columns(func.count()).select_from(audit_events)
    with store.read() as conn:
        return int(conn.execute(query).scalar_one())


def actors(store: Store) -> list[str]:
    """Everyone who appears in the trail, sorted (one index step per name, however long the trail)."""
    return _distinct(store, "actor")


def actions(store: Store) -> list[str]:
    """Every action in the trail (a plugin's own included), sorted."""
    return _distinct(store, "action")


def entities(store: Store) -> list[str]:
    """Every kind of entity in the trail (``post``, ``variant``, ``account``...), sorted."""
    return _distinct(store, "entity")


# Walks the index (actor, at) / (action, at) / (entity, entity_id) from one value to the next:
# a handful of index look-ups instead of a scan of the whole trail. The column name is one of
# three literals below, never user input.
_SKIP_SCAN = """
WITH RECURSIVE found(value) AS (
    SELECT MIN({column}) FROM audit_events
    UNION ALL
    SELECT (SELECT MIN({column}) FROM audit_events WHERE {column} > found.value)
    FROM found WHERE found.value IS NOT NULL
)
SELECT value FROM found WHERE value IS NOT NULL
"""


def _distinct(store: Store, column: str) -> list[str]:
    assert column in {"actor", "action", "entity"}
    with store.read() as conn:
        return sorted(str(value) for (value,) in conn.execute(text(_SKIP_SCAN.format(column=column))))


def _at(instant: datetime) -> Any:
    if instant.tzinfo is None:
        raise UserError(Msg("A time in the audit filter needs its time zone."))
    return literal(instant, audit_events.c.at.type)


def _select(flt: AuditFilter) -> Select[Any]:
    if flt.since is not None and flt.until is not None and flt.until <= flt.since:
        raise UserError(Msg("The period ends before it begins: choose a later end date."))
    query = select(audit_events)
    if flt.since is not None:
        query = query.where(audit_events.c.at >= _at(flt.since))
    if flt.until is not None:
        query = query.where(audit_events.c.at < _at(flt.until))
    if flt.actors:
        query = query.where(audit_events.c.actor.in_(sorted(set(flt.actors))))
    if flt.actions:
        query = query.where(audit_events.c.action.in_(sorted({str(a) for a in flt.actions})))
    if flt.entity:
        query = query.where(audit_events.c.entity == flt.entity)
    if flt.entity_id is not None:
        query = query.where(audit_events.c.entity_id == flt.entity_id)
    needle = flt.text.strip()
    if needle:
        details = cast(audit_events.c.details, String)
        # The details are stored as JSON with non-ASCII letters escaped ("Hà" as "H\u00e0"):
        # look for the words as typed and as JSON writes them.
        forms = {needle, json.dumps(needle)[1:-1]}
        query = query.where(or_(*(details.icontains(form, autoescape=True) for form in sorted(forms))))
    return query


def _labels(conn: Any, events: Sequence[AuditEvent]) -> dict[tuple[str, int | None], str]:
    """A few words naming each account, post and variant of ``events`` that still exists."""
    wanted: dict[str, set[int]] = {"account": set(), "post": set(), "variant": set()}
    for event in events:
        if event.entity in wanted and event.entity_id is not None:
            wanted[event.entity].add(event.entity_id)
    labels: dict[tuple[str, int | None], str] = {}
    for chunk in _chunks(wanted["account"]):
        for row in conn.execute(select(accounts.c.id, accounts.c.name).where(accounts.c.id.in_(chunk))):
            labels[("account", row.id)] = row.name
    for chunk in _chunks(wanted["post"]):
        start = func.substr(posts.c.text, 1, LABEL_CHARS + 1)
        for row in conn.execute(select(posts.c.id, start.label("start")).where(posts.c.id.in_(chunk))):
            labels[("post", row.id)] = _shorten(row.start)
    for chunk in _chunks(wanted["variant"]):
        query = (
            select(variants.c.id, variants.c.language, accounts.c.name)
            .join(accounts, accounts.c.id == variants.c.account_id)
            .where(variants.c.id.in_(chunk))
        )
        for row in conn.execute(query):
            labels[("variant", row.id)] = f"{row.name} ({row.language})"
    return labels


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def _shorten(words: str | None) -> str:
    flat = " ".join((words or "").split())
    return flat if len(flat) <= LABEL_CHARS else flat[: LABEL_CHARS - 1].rstrip() + "…"


def _event(row: Any) -> AuditEvent:
    action = row["action"]
    # Actions of a newer version or of a plugin stay readable as their plain string.
    known = action in AuditAction._value2member_map_
    return AuditEvent(**{**row, "action": AuditAction(action) if known else action})
