"""The Audit screen without Qt: its filters as a query, a page of events, the details in short, the export.

The filters read a period on the officer's calendar (presets or two dates), one person, one
action, one kind of entity (and its id), and words to find in the details. A load reads one
page of events (newest first) with the names the filter lists offer; "Load more" reads the next
page from where the last one ended. The export writes every event the filters select, not only
the pages on screen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

# Preset and Zone are named here too: the page and the tests read them as this module's.
from app.viewmodels.periods import PeriodFilter, Zone
from app.viewmodels.periods import Preset as Preset
from core.queries import audit
from core.queries.audit import AuditFilter, AuditRow, Cursor, EventPage
from core.reports.tables import Table, write_csv
from core.store import Store

#: How long the details column's summary may grow.
SUMMARY_CHARS = 120


@dataclass(frozen=True)
class Filters(PeriodFilter):
    """What the person chose above the list (the period, then the lists); ``None`` and ``""`` mean "any"."""

    actor: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: int | None = None
    text: str = ""

    def query(self, today: date, zone: Zone) -> AuditFilter:
        """The audit query these filters select, the days read on the officer's clock."""
        since, until = self.bounds(today, zone)
        return AuditFilter(
            since=since,
            until=until,
            actors=(self.actor,) if self.actor else (),
            actions=(self.action,) if self.action else (),
            entity=self.entity or None,
            entity_id=self.entity_id if self.entity else None,
            text=self.text.strip(),
        )


@dataclass(frozen=True)
class Loaded:
    """One load: a page of events, how many match in all, and what the filter lists offer."""

    page: EventPage
    total: int
    actors: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)


def load(store: Store, flt: AuditFilter, limit: int = audit.PAGE_SIZE) -> Loaded:
    """The first page of ``flt``'s events, their count, and the people, actions and kinds in the trail."""
    return Loaded(
        page=audit.audit_page(store, flt, limit=limit),
        total=audit.count_events(store, flt),
        actors=audit.actors(store),
        actions=audit.actions(store),
        entities=audit.entities(store),
    )


def load_more(store: Store, flt: AuditFilter, after: Cursor, limit: int = audit.PAGE_SIZE) -> EventPage:
    """The page after ``after``."""
    return audit.audit_page(store, flt, after=after, limit=limit)


# --- the details -----------------------------------------------------------------------------------


def _value_text(value: Any) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list | tuple):
        return ", ".join(_value_text(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if value is None:
        return "-"
    if isinstance(value, bool):
        return json.dumps(value)  # true / false, as the JSON in the tooltip writes it
    return str(value)


def details_summary(details: dict[str, Any], limit: int = SUMMARY_CHARS) -> str:
    """``key: value; key: value`` on one line, cut at ``limit`` characters; ``""`` for no details."""
    text = "; ".join(f"{key.replace('_', ' ')}: {_value_text(value)}" for key, value in details.items())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def details_json(details: dict[str, Any]) -> str:
    """The details as indented JSON, every letter as written (the tooltip shows it)."""
    return json.dumps(details, ensure_ascii=False, indent=2, sort_keys=True)


# --- export ------------------------------------------------------------------------------------------


def zone_name(zone: Zone) -> str:
    """The IANA name times are exported in: the zone's key, else ``UTC``."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else "UTC"


def table(rows: list[AuditRow], zone: str) -> Table:
    """``rows`` as a table for export: local wall-clock times in ``zone``, the details as JSON."""
    from core import timeutil

    tz = timeutil.zone(zone)
    columns = (f"When ({zone})", "Who", "Action", "Entity", "Entity id", "Name", "Details", "Event id")
    body = tuple(
        (
            row.event.at.astimezone(tz).replace(tzinfo=None),
            row.event.actor,
            str(row.event.action),
            row.event.entity,
            row.event.entity_id,
            row.label,
            json.dumps(row.event.details, ensure_ascii=False, sort_keys=True),
            row.event.id,
        )
        for row in rows
    )
    return Table("Audit", columns, body)


def export_path(path: str | Path) -> Path:
    """``path`` with ``.csv`` when the person typed no such extension."""
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".csv" else chosen.with_name(chosen.name + ".csv")


def suggested_name(today: date) -> str:
    """The file name the save dialog offers."""
    return f"audit-{today.isoformat()}.csv"


def export(store: Store, flt: AuditFilter, path: Path, zone: str) -> tuple[Path, int]:
    """Write every event ``flt`` selects as CSV at ``path``; the path written and the number of events."""
    rows = audit.audit_rows(store, flt)
    return write_csv(table(rows, zone), path), len(rows)
