"""``communique team migrate --to URL``: move this computer's database to the team server."""

from __future__ import annotations

import argparse
import sys

from cli.base import EXIT_OK, print_table, store_for
from cli.registry import Commands
from core import settings
from core.services.team_copy import copy_to_team


def _progress(table: str, done: int, total: int) -> None:
    print(f"  {table}: {done:,} of {total:,} rows", file=sys.stderr)


def _migrate(args: argparse.Namespace) -> int:
    if args.switch:
        settings.check("database_url", args.to)  # refused (a saved password, say) before anything is copied
    source = store_for(args)
    print(f"Copying {source.url} into the team database…", file=sys.stderr)
    report = copy_to_team(source, args.to, progress=None if args.quiet else _progress)
    if report.already_there:
        print(f"The team database {report.target} already holds exactly this content; nothing was copied again.")
    else:
        print_table(["TABLE", "ROWS"], sorted((name, f"{count:,}") for name, count in report.rows.items() if count))
        tables = sum(1 for count in report.rows.values() if count)
        print(f"Copied and verified row by row: {report.total:,} rows in {tables} tables into {report.target}.")
    if args.switch:
        settings.update(database_url=args.to)
        print(f"This computer now works on the team database (saved in {settings.path()}).")
    else:
        print(f"To work on it from now on: communique settings set database_url '{report.target}'")
    print(
        "Images and other media travel in the database; credentials stay in this computer's keyring: give the "
        "worker's machine the same credentials (see the README's team section)."
    )
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``communique team``."""
    parser = commands.add_command(
        "team",
        help="move this computer's database to a team PostgreSQL server",
        description="Copy every post, account, result, engagement reading and audit event of this computer's "
        "database (or --db) into an empty team database, ids kept, verified row by row before it is committed. "
        "Running it again is safe: a team database that already holds the same content is left as it is; "
        "one holding anything else is refused.",
    )
    sub = parser.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    migrate = sub.add_parser("migrate", help="copy this database into an empty team database, verified")
    migrate.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the team database, e.g. postgresql+psycopg://press@db.example.org/communique "
        "(the password from PGPASSWORD or ~/.pgpass, never in the URL you save)",
    )
    migrate.add_argument("--switch", action="store_true", help="then make it this computer's database")
    migrate.add_argument("--quiet", action="store_true", help="no progress lines")
    migrate.set_defaults(handler=_migrate)
