"""``communique feedback``: the audience's comments and replies, as the worker collected them.

``feedback list`` shows them newest first (time in each account's own zone, the translation into
the interface language when there is one); ``feedback read ID...`` marks them read for the whole
team. Collection problems (an X access level without replies) are said on stderr, or listed
under ``problems`` with ``--json``. Nothing here sends anything to a platform.
"""

from __future__ import annotations

import argparse
import locale
import os
from datetime import UTC, date, datetime, time
from typing import Any

from cli.base import EXIT_OK, positive_id, print_json, print_table, store_for, warn
from cli.registry import Commands
from core import languages, queries, settings, timeutil
from core.errors import NotFoundError, UserError
from core.queries import feedback
from core.services import feedback as reading

#: The newest comments ``feedback list`` shows unless ``--limit`` says otherwise.
DEFAULT_LIMIT = 200
#: Characters of a comment (and its translation) in the table.
TEXT_CHARS = 60


def reader_language() -> str:
    """The language translations are shown in: the ``interface_language`` setting, else the system's, else English."""
    chosen = settings.load().interface_language
    if chosen:
        return str(chosen)
    for candidate in (os.environ.get("LC_ALL"), os.environ.get("LANG"), locale.getlocale()[0]):
        code = (candidate or "").split(".")[0].split("_")[0].lower()
        if code in languages.LANGUAGES:
            return code
    return "en"


def _since(text: str) -> datetime:
    """``--since``: a day (YYYY-MM-DD, from 00:00 UTC) or a time with its offset."""
    value = text.strip()
    try:
        return datetime.combine(date.fromisoformat(value), time(0), tzinfo=UTC)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise UserError(
            f"Cannot read {text!r} given to --since: write a day as YYYY-MM-DD (from 00:00 UTC), "
            "or a time with its offset such as 2027-01-31T09:00+07:00."
        )
    return moment.astimezone(UTC)


def _language(text: str) -> str:
    code = text.strip().lower()
    return feedback.UNKNOWN_LANGUAGE if code == feedback.UNKNOWN_LANGUAGE else languages.normalize(code)


def _filter(args: argparse.Namespace) -> tuple[feedback.FeedbackFilter, dict[int, str]]:
    """The filter the options ask for, and each account's zone (for the times shown)."""
    store = store_for(args)
    # Removed accounts keep their comments; an active account wins a name shared with a removed one.
    found = sorted(queries.list_accounts(store, include_removed=True), key=lambda account: account.active)
    by_name = {account.name: account for account in found}
    chosen: list[int] = []
    for name in args.account or ():
        account = by_name.get(name.strip())
        if account is None:
            raise NotFoundError(f"No account named {name!r}; see 'communique account list --all'.")
        chosen.append(account.id)
    flt = feedback.FeedbackFilter(
        account_ids=tuple(sorted(set(chosen))),
        languages=tuple(sorted({_language(code) for code in args.language or ()})),
        since=_since(args.since) if args.since is not None else None,
        unread=bool(args.unread),
    )
    return flt, {account.id: account.timezone for account in found}


def _local(instant: datetime | None, zone: str) -> datetime | None:
    return timeutil.utc_to_local(instant, zone) if instant is not None else None


def _short(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= TEXT_CHARS else words[: TEXT_CHARS - 1] + "…"


def _as_json(comment: feedback.Comment, zone: str) -> dict[str, Any]:
    translation = comment.translation
    return {
        "id": comment.id,
        "account": comment.account_name,
        "platform": comment.platform,
        "post_id": comment.post_id,
        "variant_id": comment.variant_id,
        "post": comment.post_label,
        "post_url": comment.post_url,
        "remote_id": comment.remote_id,
        "parent_remote_id": comment.parent_remote_id,
        "author": comment.author_name,
        "text": comment.text,
        "language": comment.language,
        "language_confidence": comment.language_confidence,
        "language_source": comment.language_source,
        "created_at": comment.created_at.isoformat(),
        "created_local": _local(comment.created_at, zone).isoformat(),  # type: ignore[union-attr]
        "zone": zone,
        "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
        "deleted_at": comment.deleted_at.isoformat() if comment.deleted_at else None,
        "likes": comment.like_count,
        "replies": comment.reply_count,
        "unread": comment.unread,
        "read_at": comment.read_at.isoformat() if comment.read_at else None,
        "read_by": comment.read_by,
        "translation": None
        if translation is None
        else {
            "language": translation.language,
            "text": translation.text,
            "source_language": translation.source_language,
            "stale": translation.stale,
        },
    }


def _list(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UserError("--limit takes a whole number from 1 upwards.")
    flt, zones = _filter(args)
    store = store_for(args)
    limit = args.limit or DEFAULT_LIMIT
    reader = reader_language()
    found = feedback.list_comments(store, flt, reader_language=reader, limit=limit + 1)
    more = len(found) > limit
    found = found[:limit]
    problems = feedback.collection_problems(store)
    if args.json:
        print_json(
            {
                "reader_language": reader,
                "comments": [_as_json(c, zones.get(c.account_id, "UTC")) for c in found],
                "more": more,
                "problems": [
                    {"account": p.account_name, "error_class": p.error_class, "error": p.error, "posts": p.variants}
                    for p in problems
                ],
            }
        )
        return EXIT_OK
    for problem in problems:
        warn(f"{problem.account_name}: {problem.error}")
    if not found:
        print("No comments." if flt == feedback.FeedbackFilter() else "No comments match.")
        return EXIT_OK
    print_table(
        ["ID", "TIME", "ACCOUNT", "LANG", "AUTHOR", "TEXT", f"TRANSLATION ({reader})"],
        [
            (
                f"{c.id}{'*' if c.unread else ''}",
                f"{_local(c.created_at, zones.get(c.account_id, 'UTC')):%Y-%m-%d %H:%M}",
                c.account_name,
                c.language or feedback.UNKNOWN_LANGUAGE,
                _short(c.author_name) or "-",
                _short(c.text) + (" (deleted)" if c.deleted else " (edited)" if c.edited else ""),
                _short(c.translation.text) if c.translation is not None and c.language != reader else "",
            )
            for c in found
        ],
    )
    unread = sum(1 for c in found if c.unread)
    tail = f"; the newest {limit} are shown, --limit shows more" if more else ""
    print(f"{len(found)} comments, {unread} unread (marked *){tail}. Times in each account's zone.")
    return EXIT_OK


def _read(args: argparse.Namespace) -> int:
    store = store_for(args)
    ids = sorted(set(args.ids))
    for comment_id in ids:
        feedback.get_comment(store, comment_id)  # refuses an unknown id before anything is written
    changed = reading.mark_read(store, ids, read=not args.undo)
    state = "unread" if args.undo else "read"
    print(f"Marked {changed} of {len(ids)} comments {state} ({len(ids) - changed} already were).")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``feedback`` to the command line."""
    parser = commands.add_command(
        "feedback",
        help="the audience's comments and replies, collected by the worker",
        description="Comments on Facebook and replies on X to the published posts, as the worker collects them "
        "on the engagement cadence, newest first, with their translation into the interface language.",
    )
    sub = parser.add_subparsers(dest="feedback_command", metavar="COMMAND", required=True)
    listing = sub.add_parser("list", help="list comments, newest first")
    listing.add_argument("--account", action="append", metavar="NAME", help="only this account (repeatable)")
    listing.add_argument("--since", metavar="DATE", help="written from this day (YYYY-MM-DD, from 00:00 UTC) or time")
    listing.add_argument(
        "--language",
        action="append",
        metavar="CODE",
        help=f"only comments in this language, e.g. vi; {feedback.UNKNOWN_LANGUAGE}: not detected yet (repeatable)",
    )
    listing.add_argument("--unread", action="store_true", help="only comments nobody has marked read")
    listing.add_argument("--limit", type=int, metavar="N", help=f"at most N comments (default {DEFAULT_LIMIT})")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)
    read = sub.add_parser("read", help="mark comments read for the whole team")
    read.add_argument("ids", nargs="+", type=positive_id, metavar="ID", help="comment ids, as 'feedback list' shows")
    read.add_argument("--undo", action="store_true", help="mark them unread again")
    read.set_defaults(handler=_read)
