"""``communique worker``, ``publish VARIANT_ID``, ``events``, ``recur ...`` and ``slot ...``."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from dataclasses import asdict
from datetime import timedelta
from types import FrameType

from cli.base import EXIT_OK, next_step, nonempty, positive_id, print_json, print_table, store_for
from cli.registry import Commands
from core import queries, timeutil
from core.errors import UserError
from core.secrets import redact
from scheduler import recurrence, services, slots
from scheduler.backoff import RetryPolicy
from scheduler.display import describe_event
from scheduler.engine import EngineSettings
from scheduler.events import EventFeed, FeedCursor, FeedEvent, stream

EXIT_NOT_PUBLISHED = 1
#: Printed (to stderr) once ``events --follow`` is listening and a signal would stop it cleanly.
FOLLOWING = "Following the events; stop with Ctrl+C."


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be above zero")
    return value


def _settings(args: argparse.Namespace) -> EngineSettings:
    return EngineSettings(
        lease_ttl=timedelta(seconds=args.lease_seconds),
        sweep_every=timedelta(seconds=args.sweep_seconds),
        publishers=int(args.publishers),
        retry=RetryPolicy(
            max_attempts=int(args.max_attempts),
            base_seconds=args.retry_base_seconds,
            rate_limit_patience=timedelta(hours=args.rate_limit_hours),
        ),
    )


def _worker(args: argparse.Namespace) -> int:
    from scheduler.worker import configure_logging, run_worker

    handler = configure_logging()
    try:
        return run_worker(store_for(args), _settings(args), once=args.once)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _publish(args: argparse.Namespace) -> int:
    outcome = services.publish_now(store_for(args), args.variant_id, confirmed_absent=args.confirmed_absent)
    if outcome is None:
        raise UserError(f"Variant {args.variant_id} was taken by another publisher meanwhile; see 'post show'.")
    if args.json:
        print_json(
            {
                "variant_id": outcome.variant_id,
                "status": outcome.status.value,
                "remote_id": outcome.remote_id,
                "error_class": outcome.error_class,
                "error": outcome.error,
                "reconciled": outcome.reconciled,
            }
        )
    elif outcome.remote_id:
        print(f"Published variant {outcome.variant_id}: {outcome.remote_id}.")
    else:
        how = next_step(outcome.variant_id, outcome.error_class)
        print(f"Variant {outcome.variant_id} is {outcome.status.value}: {outcome.error}{how}", file=sys.stderr)
    return EXIT_OK if outcome.remote_id else EXIT_NOT_PUBLISHED


def _print_event(item: FeedEvent, as_json: bool) -> None:
    if as_json:  # one object a line, with the cursor to resume after it (``--since``)
        line = json.dumps(
            {
                "cursor": str(item.cursor),
                "at": item.at.isoformat(),
                "kind": item.event.kind.value,
                "variant_id": item.event.variant_id,
                "details": item.event.details,
            },
            ensure_ascii=False,
            default=str,
        )
    else:
        line = describe_event(item)
    print(redact(line), flush=True)  # flushed: a script reading a pipe sees each event at once


def _feed_error(error: Exception) -> None:
    print(f"communique: the database could not be read ({type(error).__name__}); trying again.", file=sys.stderr)


def _events(args: argparse.Namespace) -> int:
    since = None if args.since in (None, "now") else FeedCursor.parse(args.since)  # refused before any work
    store = store_for(args)
    feed = EventFeed(store, EventFeed.end(store) if args.since == "now" else since or FeedCursor())
    if not args.follow:
        while found := feed.poll():
            for item in found:
                _print_event(item, args.json)
        return EXIT_OK
    stop = threading.Event()

    def _on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()  # the events already read are printed, then the loop ends: exit 0, no traceback

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        print(FOLLOWING, file=sys.stderr, flush=True)
        for item in stream(feed, stop, on_error=_feed_error):
            _print_event(item, args.json)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return EXIT_OK


def _slot_add(args: argparse.Namespace) -> int:
    slot = slots.add_slot(store_for(args), args.account, args.time, slots.parse_weekday(args.day))
    print(f"Added slot {slot.id}: {args.day or 'daily'} {slot.local_time} for {args.account!r}.")
    return EXIT_OK


def _slot_list(args: argparse.Namespace) -> int:
    found = slots.list_slots(store_for(args), args.account)
    print_table(
        ["ID", "DAY", "TIME"],
        [(s.id, "daily" if s.weekday is None else slots.WEEKDAYS[s.weekday], s.local_time) for s in found],
    )
    return EXIT_OK


def _slot_remove(args: argparse.Namespace) -> int:
    slots.remove_slot(store_for(args), args.slot_id)
    print(f"Removed slot {args.slot_id}.")
    return EXIT_OK


def _slot_next(args: argparse.Namespace) -> int:
    instant = slots.schedule_to_next_slot(store_for(args), args.variant_id)
    print(f"Scheduled variant {args.variant_id} at {instant:%Y-%m-%d %H:%M} UTC.")
    return EXIT_OK


def _recur_start(args: argparse.Namespace) -> int:
    start = timeutil.parse_local(args.start)
    recurrence_id = recurrence.make_recurring(store_for(args), args.variant_id, args.rule, start)
    print(f"Variant {args.variant_id} now repeats ({args.rule}) from {args.start}: recurrence {recurrence_id}.")
    if not recurrence.has_placeholder(queries.get_variant(store_for(args), args.variant_id).text):
        print(
            "Note: platforms refuse identical text twice; put {date} (or {date:%d.%m.%Y}, {time}) in the text "
            "so that each occurrence differs."
        )
    return EXIT_OK


def _recur_stop(args: argparse.Namespace) -> int:
    cancelled = services.stop_recurrence(store_for(args), args.recurrence_id)
    extra = (
        f"; cancelled the occurrences already scheduled (variants {', '.join(map(str, cancelled))})"
        if cancelled
        else ""
    )
    print(f"Stopped recurrence {args.recurrence_id}{extra}.")
    return EXIT_OK


def _recur_list(args: argparse.Namespace) -> int:
    found = services.list_recurrences(store_for(args))
    rows = [
        (
            r.id,
            r.template_variant_id,
            r.account or "-",
            r.rule,
            f"{r.start_local.replace('T', ' ')} {r.zone}",
            "active" if r.active else "stopped",
            "-" if r.next_at is None else f"{r.next_at:%Y-%m-%d %H:%M} UTC",
        )
        for r in found
    ]
    if args.json:
        print_json([{**asdict(r), "next_at": r.next_at.isoformat() if r.next_at else None} for r in found])
    else:
        print_table(["ID", "VARIANT", "ACCOUNT", "RULE", "START", "STATE", "NEXT"], rows)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``worker``, ``publish``, ``events``, ``recur`` and ``slot`` to the command line."""
    worker = commands.add_command("worker", help="publish and poll in the background, without the app (Ctrl+C stops)")
    worker.add_argument("--once", action="store_true", help="do one sweep of what is due, then exit")
    worker.add_argument("--lease-seconds", type=_positive, default=30.0, help="publisher lease length (default 30)")
    worker.add_argument("--sweep-seconds", type=_positive, default=30.0, help="look for new work this often")
    worker.add_argument("--publishers", type=_positive, default=8, help="parallel publish calls (default 8)")
    worker.add_argument(
        "--max-attempts", type=_positive, default=6, help="tries before giving up, rate limits aside (default 6)"
    )
    worker.add_argument("--retry-base-seconds", type=_positive, default=30.0, help="first retry delay (default 30)")
    worker.add_argument(
        "--rate-limit-hours",
        type=_positive,
        default=24.0,
        help="rate limits use up no attempt; give a post up once it fell due this long ago (default 24)",
    )
    worker.set_defaults(handler=_worker)

    publish = commands.add_command("publish", help="publish one variant now, through the worker's path")
    publish.add_argument("variant_id", type=positive_id)
    publish.add_argument("--json", action="store_true")
    publish.add_argument(
        "--confirmed-absent",
        action="store_true",
        help="you checked the account and an interrupted attempt's post is not there: send it without the look-up "
        "(recorded in the audit trail with your name)",
    )
    publish.set_defaults(handler=_publish)

    events = commands.add_command(
        "events", help="what the publisher did (published, failed, missed, metrics), from the database"
    )
    events.add_argument("--follow", action="store_true", help="keep printing new events until Ctrl+C or SIGTERM")
    events.add_argument("--json", action="store_true", help="one JSON object a line, each with its cursor")
    events.add_argument(
        "--since",
        metavar="CURSOR",
        help="only events after this cursor (from a --json line), or 'now' (default: from the first event)",
    )
    events.set_defaults(handler=_events)

    recur = commands.add_command("recur", help="recurring posts: repeat a variant by an RFC 5545 rule, list, stop")
    recur_commands = recur.add_subparsers(dest="recur_command", metavar="COMMAND", required=True)
    start = recur_commands.add_parser("start", help="repeat a variant by a rule on its account's wall clock")
    start.add_argument("variant_id", type=positive_id)
    start.add_argument("--rule", required=True, type=nonempty, help="e.g. FREQ=WEEKLY;BYDAY=MO (at most hourly)")
    start.add_argument("--start", required=True, type=nonempty, help="first local time, YYYY-MM-DD HH:MM")
    start.set_defaults(handler=_recur_start)
    stop = recur_commands.add_parser("stop", help="stop a recurrence and cancel its occurrences not yet sent")
    stop.add_argument("recurrence_id", type=positive_id)
    stop.set_defaults(handler=_recur_stop)
    recur_list = recur_commands.add_parser("list", help="list recurrences, active and stopped")
    recur_list.add_argument("--json", action="store_true")
    recur_list.set_defaults(handler=_recur_list)

    slot = commands.add_command("slot", help="an account's regular posting times")
    slot_commands = slot.add_subparsers(dest="slot_command", metavar="COMMAND", required=True)
    add = slot_commands.add_parser("add", help="add a posting time")
    add.add_argument("account")
    add.add_argument("time", help="HH:MM on the account's wall clock")
    add.add_argument("--day", type=nonempty, help="mon..sun (default: every day)")
    add.set_defaults(handler=_slot_add)
    listing = slot_commands.add_parser("list", help="list an account's posting times")
    listing.add_argument("account")
    listing.set_defaults(handler=_slot_list)
    remove = slot_commands.add_parser("remove", help="remove a posting time")
    remove.add_argument("slot_id", type=positive_id)
    remove.set_defaults(handler=_slot_remove)
    nxt = slot_commands.add_parser("next", help="schedule a variant at its account's next free slot")
    nxt.add_argument("variant_id", type=positive_id)
    nxt.set_defaults(handler=_slot_next)
