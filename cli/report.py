"""``communique report``: the managers' engagement report, or an export of the posts' figures."""

from __future__ import annotations

import argparse
from datetime import date

from cli.base import EXIT_OK, store_for
from cli.registry import Commands
from core import queries
from core.errors import NotFoundError, UserError
from core.reports.report import FORMATS, days_of, scope_for_days, write_report

#: Calendar days are read in this zone unless --zone names another.
DEFAULT_ZONE = "UTC"


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"Cannot read the date {text!r} given to {option}: write it as YYYY-MM-DD, e.g. 2027-01-31."
        ) from None


def _report(args: argparse.Namespace) -> int:
    since = _day(args.since, "--since")
    until = _day(args.until, "--until")
    store = store_for(args)
    # Removed accounts keep their history, so a report may name them; an active one wins a shared name.
    found = sorted(queries.list_accounts(store, include_removed=True), key=lambda account: account.active)
    known = {account.name: account.id for account in found}
    account_ids = []
    for name in args.account or ():
        if name.strip() not in known:
            raise NotFoundError(f"No account named {name!r}; see 'communique account list --all'.")
        account_ids.append(known[name.strip()])
    scope = scope_for_days(
        since,
        until,
        args.zone,
        account_ids=sorted(set(account_ids)),
        languages=sorted({code.strip() for code in args.language or ()}),
        platforms=sorted({name.strip().lower() for name in args.platform or ()}),
    )
    written = write_report(store, scope, args.out, args.format, zone=args.zone)
    first, last = days_of(scope, args.zone)
    what = {"csv": "CSV export", "xlsx": "XLSX export", "pdf": "PDF report"}[args.format]
    print(f"Wrote the {what} of {first} to {last} ({args.zone}) to {written}.")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``report`` to the command line."""
    report = commands.add_command(
        "report",
        help="write the engagement report (PDF) or export the posts' figures (CSV, XLSX)",
        description="Report on the posts published from --since to --until (both days included, read as calendar "
        f"days in --zone, {DEFAULT_ZONE} by default). csv: one row per published post with its latest figures; "
        "xlsx: summary, posts and breakdowns by account, language, platform and day; pdf: the managers' report "
        "with charts, growth against the previous period of the same length, best and weakest posts and the "
        "best time to post. A period in which nothing was published is refused.",
    )
    report.add_argument("--since", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    report.add_argument("--until", required=True, metavar="DATE", help="last day, YYYY-MM-DD (included)")
    report.add_argument("--account", action="append", metavar="NAME", help="only this account (repeatable)")
    report.add_argument("--language", action="append", metavar="CODE", help="only this language, e.g. vi (repeatable)")
    report.add_argument("--platform", action="append", metavar="NAME", help="only this platform, e.g. x (repeatable)")
    report.add_argument("--format", required=True, choices=FORMATS, help="csv, xlsx or pdf")
    report.add_argument("--out", required=True, metavar="FILE", help="the file to write (replaced if it exists)")
    report.add_argument(
        "--zone",
        default=DEFAULT_ZONE,
        metavar="IANA",
        help=f"time zone of the calendar days and of the times shown, e.g. Europe/Berlin (default {DEFAULT_ZONE})",
    )
    report.set_defaults(handler=_report)
