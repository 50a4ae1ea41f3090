"""Recurring posts: an RFC 5545 rule expanded in the account's zone, each occurrence a variant.

"Every Monday 09:00 Asia/Tokyo" is expanded on the naive wall clock of the account's zone and
each occurrence converted to UTC on its own, so 09:00 stays 09:00 across DST changes. The DST
changes follow RFC 5545 (sections 3.3.10 and 3.3.5), with one deliberate exception:

- Spring gap: a wall-clock time that does not exist is read with the offset before the gap,
  which moves it forward by the gap (02:30 -> 03:30 in Europe/Berlin). When that lands on an
  instant the rule already has (an hourly rule's 02:00 becomes 03:00; ``BYHOUR=2,3`` likewise),
  the rule posts once at that instant: the recurrence set holds instants, and a second post at
  the same instant with the same text is refused by X as a duplicate and shown twice on Facebook.
- Autumn fold: a wall-clock time that happens twice takes the first of its two instants, so
  "daily at 02:30" or ``BYHOUR=2,3`` posts once at 02:30/02:00 as on every other day.
- The exception: a rule that means "every hour" (``FREQ=HOURLY`` with no ``INTERVAL`` above 1
  and no ``BYHOUR``) posts in *both* instants of a repeated hour, because a press officer who
  asked for a post every hour expects one every hour of the night, not a two-hour hole. Those
  two posts' ``{time}`` read ``02:00 CEST`` and ``02:00 CET`` (see :func:`render_occurrence`),
  so their texts differ. ``COUNT`` counts the rule's wall-clock times, so such a rule posts once
  more than ``COUNT`` across the fold, and a rule that loses a time to the gap posts once less.

``{date}``/``{time}`` always show the instant the occurrence is published at, in the account's
zone (an occurrence moved out of the gap says 03:30, not 02:30). Occurrences become ordinary
posts with one scheduled variant each (``variants.recurrence_id``), created shortly before they
fall due, so the store stays the only truth and each occurrence is published at most once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import islice, pairwise
from typing import Any

from dateutil.rrule import rrule, rrulestr
from sqlalchemy import Select, select

from core import timeutil
from core.domain import OPEN_STATUSES, AuditAction, TextOrigin, VariantStatus
from core.errors import ConflictError, NotFoundError, UserError
from core.services import approval, audit, permissions, scheduling
from core.services import posts as post_service
from core.store import Store
from core.store.engine import new_id
from core.store.tables import accounts, media, posts, recurrences, variants
from core.words import Msg

log = logging.getLogger(__name__)

#: Occurrences are created this long before they fall due (and shown as scheduled meanwhile).
DEFAULT_HORIZON = timedelta(days=1)
#: At most this many occurrences per recurrence per sweep (a long outage cannot flood the store).
MAX_PER_SWEEP = 50


#: The shortest time between two occurrences: more often would flood an account (and X refuses
#: repeated text anyway).
MIN_INTERVAL = timedelta(hours=1)
_FREQ = re.compile(r"(?:^|;)\s*FREQ\s*=\s*([A-Z]+)")
_TOO_FREQUENT = frozenset({"MINUTELY", "SECONDLY"})
_GAP_SAMPLE = 50  # occurrences checked for a gap under MIN_INTERVAL


#: ``{date}``, ``{time}`` or ``{date:%d.%m.%Y}`` in a template, filled per occurrence.
_PLACEHOLDER = re.compile(r"\{(date|time)(?::([^{}]*))?\}")
_DEFAULT_FORMATS = {"date": "%Y-%m-%d", "time": "%H:%M"}


def has_placeholder(text: str) -> bool:
    """Whether ``text`` changes from one occurrence to the next.

    Platforms refuse identical text twice (X always, Facebook often), so a recurring post
    without a placeholder publishes once and then fails as a duplicate.
    """
    return _PLACEHOLDER.search(text) is not None


def render_occurrence(text: str, local: datetime) -> str:
    """``text`` with ``{date}``/``{time}`` (optionally ``{date:FORMAT}``, strftime) filled in for ``local``.

    ``local`` is the wall-clock time of the instant published at (aware, in the account's
    zone, or naive). A plain ``{time}`` of an aware time that the clock shows twice (the autumn
    fold) names the zone's abbreviation, ``02:00 CEST`` / ``02:00 CET``, so that the two posts
    of an hourly rule in that hour neither read the same nor mislead.
    """

    def fill(match: re.Match[str]) -> str:
        kind, given = match.group(1), match.group(2)
        if given:
            return local.strftime(given)
        if kind == "time" and _is_repeated(local):
            return local.strftime("%H:%M %Z")
        return local.strftime(_DEFAULT_FORMATS[kind])

    return _PLACEHOLDER.sub(fill, text)


def _is_repeated(local: datetime) -> bool:
    """Whether the aware ``local`` is a wall-clock time its zone shows twice (a DST fold)."""
    if local.tzinfo is None:
        return False
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def parse_rule(rule: str, start_local: datetime) -> rrule:
    """The rule as a dateutil ``rrule`` starting at the naive ``start_local``, or a :class:`UserError`."""
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or "DTSTART" in text.upper():
        raise UserError(
            Msg("Cannot read the repetition rule {rule!r}: write an RRULE such as FREQ=WEEKLY;BYDAY=MO.", rule=rule)
        )
    try:
        parsed = rrulestr(text, dtstart=start_local)
    except (ValueError, TypeError):
        raise UserError(
            Msg("Cannot read the repetition rule {rule!r}: write an RRULE such as FREQ=WEEKLY;BYDAY=MO.", rule=rule)
        ) from None
    if not isinstance(parsed, rrule):
        raise UserError(Msg("The repetition rule {rule!r} must be a single RRULE.", rule=rule))
    frequency = _FREQ.search(text.upper())
    if frequency is not None and frequency.group(1) in _TOO_FREQUENT:
        raise UserError(
            Msg(
                "The repetition rule {rule!r} repeats every {unit}; a post can repeat at most hourly "
                "(FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY).",
                rule=rule,
                unit=Msg("minute") if frequency.group(1) == "MINUTELY" else Msg("second"),
            )
        )
    # BYHOUR/BYMINUTE lists can pack several occurrences into an hour whatever the FREQ.
    for earlier, later in pairwise(islice(parsed, _GAP_SAMPLE)):
        if later - earlier < MIN_INTERVAL:
            raise UserError(
                Msg(
                    "The repetition rule {rule!r} repeats more often than once an hour "
                    "({earlier:%Y-%m-%d %H:%M} and {later:%H:%M}); a post can repeat at most hourly.",
                    rule=rule,
                    earlier=earlier,
                    later=later,
                )
            )
    return parsed


def local_occurrence_to_utc(local: datetime, zone_name: str) -> datetime:
    """UTC of one occurrence: a gap moves it forward by the gap, a fold takes the earlier instant."""
    tz = timeutil.zone(zone_name)
    # fold=0 reads a missing time with the offset in force before the change, which lands the
    # instant just after it on the wall clock: 02:30 in a one-hour gap becomes 03:30.
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def means_every_hour(rule: rrule) -> bool:
    """Whether ``rule`` is "every hour" (hourly, interval 1, no clock hours named): see the module notes."""
    text = str(rule).upper().rsplit("RRULE:", 1)[-1]
    parts = dict(part.split("=", 1) for part in text.split(";") if "=" in part)
    return parts.get("FREQ") == "HOURLY" and parts.get("INTERVAL", "1") == "1" and "BYHOUR" not in parts


def _instants(local: datetime, zone_name: str, *, both_in_fold: bool) -> tuple[datetime, ...]:
    """The UTC instant(s) of one wall-clock occurrence (two only for a repeated time, when asked)."""
    first = local_occurrence_to_utc(local, zone_name)
    if not both_in_fold:
        return (first,)
    second = local.replace(tzinfo=timeutil.zone(zone_name), fold=1).astimezone(UTC)
    # In a gap fold=1 reads the time with the later offset, an instant *before* the first.
    return (first, second) if second > first else (first,)


def occurrences_after(rule: rrule, zone_name: str, after: datetime | None) -> Iterator[datetime]:
    """UTC occurrences strictly after the UTC instant ``after`` (all of them when ``None``), each instant once.

    Instants come in order: the wall-clock expansion is ordered and a gap moves a time forward
    by no more than the hour the rule leaves between two occurrences, so a moved occurrence can
    only land *on* the next one, never past it; it is then given once.
    """
    if after is None:
        source: Iterator[datetime] = iter(rule)
    else:
        # Start a day early on the wall clock: offsets differ by at most ~26 hours.
        local_after = after.astimezone(timeutil.zone(zone_name)).replace(tzinfo=None) - timedelta(days=2)
        source = rule.xafter(local_after)
    every_hour = means_every_hour(rule)
    latest = after
    for local in source:
        for instant in _instants(local, zone_name, both_in_fold=every_hour):
            if latest is None or instant > latest:
                latest = instant
                yield instant


def make_recurring(store: Store, variant_id: int, rule: str, start_local: datetime, *, actor: str | None = None) -> int:
    """Repeat ``variant_id``'s text to its account by ``rule`` from ``start_local`` (the account's wall clock).

    The variant becomes a template (kept as a draft); every occurrence is a new post. Returns
    the recurrence id.
    """
    now = timeutil.now_utc()
    timeutil.within_horizon(start_local, now)  # year 9999 would overflow while the rule is expanded
    with store.write() as conn:
        row = conn.execute(
            select(variants.c.status, variants.c.account_id, accounts.c.timezone)
            .join(accounts, accounts.c.id == variants.c.account_id)
            .where(variants.c.id == variant_id)
        ).first()
        if row is None:
            raise NotFoundError(Msg("No variant with id {variant_id}.", variant_id=variant_id))
        user = permissions.require(conn, permissions.Permission.SCHEDULE, [row.account_id], actor=actor)
        if row.status not in OPEN_STATUSES:
            raise ConflictError(
                Msg(
                    "Variant {variant_id} is {status}; only an open variant can repeat.",
                    variant_id=variant_id,
                    status=VariantStatus(row.status),
                )
            )
        approval.refuse_unapproved(conn, variant_id)
        post_service.ensure_variant_publishable(conn, variant_id)  # each occurrence would fail as it would
        parsed = parse_rule(rule, start_local)
        if next(occurrences_after(parsed, row.timezone, now), None) is None:
            raise UserError(Msg("The rule {rule!r} has no occurrence after now.", rule=rule))
        recurrence_id = new_id(
            conn.execute(
                recurrences.insert().values(
                    template_variant_id=variant_id,
                    rule=rule.strip(),
                    dtstart_local=start_local.isoformat(timespec="minutes"),
                    zone=row.timezone,
                    # Start from now: occurrences already past when the rule is made are not "missed".
                    last_occurrence_at=now,
                    active=True,
                    created_at=now,
                    updated_at=now,
                )
            )
        )
        conn.execute(
            variants.update()
            .where(variants.c.id == variant_id)
            .values(status=VariantStatus.DRAFT.value, scheduled_at=None, updated_at=now, version=variants.c.version + 1)
        )
        audit.record(
            conn,
            actor=user.login,
            action=AuditAction.RECUR,
            entity="variant",
            entity_id=variant_id,
            details={"rule": rule.strip(), "start": start_local.isoformat(timespec="minutes"), "zone": row.timezone},
            at=now,
        )
    return int(recurrence_id)


def materialize(store: Store, *, now: datetime, horizon: timedelta = DEFAULT_HORIZON, actor: str) -> list[int]:
    """Create the variants of occurrences falling due before ``now + horizon``; returns their ids.

    Occurrences that fell due while nothing ran are created too (the missed-post logic then
    publishes or marks them); each is created once thanks to a compare-and-set on the
    recurrence's ``last_occurrence_at``. A recurrence whose template was cancelled or deleted
    stops (``active`` false, recorded in the audit trail) instead of creating anything; one that
    cannot be read is logged and skipped, so that it never holds the others back.
    """
    with store.read() as conn:
        rules = conn.execute(_active_rules()).all()
    created: list[int] = []
    for rec in rules:
        if rec.template_status in (None, VariantStatus.CANCELLED.value):
            _deactivate(store, rec, now, actor, f"its template variant is {rec.template_status or 'deleted'}")
            continue
        try:
            parsed = parse_rule(rec.rule, datetime.fromisoformat(rec.dtstart_local))
        except UserError as error:  # written before the rule was refused (e.g. more than hourly)
            _deactivate(store, rec, now, actor, str(error))
            continue
        try:
            due: list[datetime] = []
            for instant in occurrences_after(parsed, rec.zone, rec.last_occurrence_at):
                if instant > now + horizon or len(due) >= MAX_PER_SWEEP:
                    break
                due.append(instant)
            if due:
                created.extend(_create_occurrences(store, rec, due, now, actor))
        except Exception:
            log.exception("recurrence %s could not create its occurrences; skipped this time", rec.id)
    return created


def _active_rules() -> Select[Any]:
    """Active recurrences with their template's status (``None`` when the template is gone)."""
    return (
        select(recurrences, variants.c.status.label("template_status"))
        .outerjoin(variants, variants.c.id == recurrences.c.template_variant_id)
        .where(recurrences.c.active.is_(True))
        .order_by(recurrences.c.id)
    )


def _deactivate(store: Store, rec: Any, now: datetime, actor: str, reason: str) -> None:
    with store.write() as conn:
        changed = conn.execute(
            recurrences.update()
            .where(recurrences.c.id == rec.id, recurrences.c.active.is_(True))
            .values(active=False, updated_at=now)
        )
        if changed.rowcount == 1:
            audit.record(
                conn,
                actor=actor,
                action=AuditAction.STOP,
                entity="recurrence",
                entity_id=rec.id,
                details={"reason": reason},
                at=now,
            )
    log.warning("recurrence %s stopped: %s", rec.id, reason)


def _create_occurrences(store: Store, rec: object, due: list[datetime], now: datetime, actor: str) -> list[int]:
    rec_id = rec.id  # type: ignore[attr-defined]
    with store.write() as conn:
        moved = conn.execute(
            recurrences.update()
            .where(recurrences.c.id == rec_id, recurrences.c.last_occurrence_at == rec.last_occurrence_at)  # type: ignore[attr-defined]
            .values(last_occurrence_at=due[-1], updated_at=now)
        )
        if moved.rowcount != 1:
            return []  # another process created them
        template = conn.execute(
            select(variants, posts.c.author, posts.c.source_language)
            .join(posts, posts.c.id == variants.c.post_id)
            .where(variants.c.id == rec.template_variant_id)  # type: ignore[attr-defined]
        ).one()
        files = conn.execute(select(media).where(media.c.post_id == template.post_id)).all()
        ids: list[int] = []
        for instant in due:
            # The instant's own wall clock, so that text tells the time the post really goes out.
            local = instant.astimezone(timeutil.zone(rec.zone))  # type: ignore[attr-defined]
            text = scheduling.clean_text(render_occurrence(template.text, local))
            post_id = scheduling.insert_post(
                conn, author=template.author, source_language=template.source_language, text=text, now=now
            )
            for item in files:
                values = {k: v for k, v in item._mapping.items() if k not in {"id", "post_id"}}
                conn.execute(media.insert().values(post_id=post_id, **values))
            ids.append(
                scheduling.insert_variant(
                    conn,
                    post_id=post_id,
                    account_id=template.account_id,
                    language=template.language,
                    text=text,
                    now=now,
                    schedule=(instant, rec.zone),  # type: ignore[attr-defined]
                    origin=TextOrigin(template.text_origin or TextOrigin.SOURCE.value),
                    reviewed=template.reviewed,
                    approval_state=template.approval_state,  # an approved template's occurrences are approved
                    as_thread=template.as_thread,
                    recurrence_id=rec_id,
                )
            )
        audit.record(
            conn,
            actor=actor,
            action=AuditAction.OCCUR,
            entity="recurrence",
            entity_id=rec_id,
            details={"variants": ids},
            at=now,
        )
    return ids


def next_occurrence_at(store: Store) -> datetime | None:
    """The earliest upcoming occurrence of any active recurrence whose template is still there (a wake-up time)."""
    with store.read() as conn:
        rules = conn.execute(_active_rules()).all()
    upcoming: list[datetime] = []
    for rec in rules:
        if rec.template_status in (None, VariantStatus.CANCELLED.value):
            continue  # the next sweep stops it
        try:
            parsed = parse_rule(rec.rule, datetime.fromisoformat(rec.dtstart_local))
            found = next(occurrences_after(parsed, rec.zone, rec.last_occurrence_at), None)
        except Exception:  # logged by materialize; must not cost the other rules their wake-up
            continue
        if found is not None:
            upcoming.append(found)
    return min(upcoming, default=None)
