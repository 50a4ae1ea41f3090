"""Words for people about what the scheduler did, shared by the CLI and the GUI (no Qt here)."""

from __future__ import annotations

from scheduler.events import EventKind, FeedEvent


def describe_event(item: FeedEvent) -> str:
    """One event on one line: when (UTC), what, which variant, and what there is to know."""
    event, details = item.event, item.event.details
    if event.kind is EventKind.PUBLISHED:
        what = str(details.get("url") or details.get("remote_id") or "")
        if details.get("reconciled"):
            what += " (found on the platform after an interrupted attempt)"
    elif event.kind is EventKind.FAILED:
        what = f"{details.get('error_class')}: {details.get('error')}"
    elif event.kind is EventKind.RETRY_SCHEDULED:
        what = f"{details.get('error_class')}: {details.get('error')} (tried again at {details.get('at')})"
    elif event.kind is EventKind.MISSED:
        what = str(details.get("error") or f"due {details.get('due')}")
    else:
        what = "partial: some metrics could not be read" if details.get("partial") else ""
    line = f"{item.at:%Y-%m-%d %H:%M:%S} UTC  {event.kind.value:<15}  variant {event.variant_id}"
    return f"{line}  {what}" if what else line
