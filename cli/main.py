"""The ``communique`` parser, assembled from the command groups, and the run of one command.

The built-in groups are listed here in :data:`BUILTIN_GROUPS` rather than declared as
``communique.commands`` entry points, although they have the same ``register(commands)`` shape
as a plugin's (:mod:`cli.registry`): their order is the order of ``communique --help``, a
missing one is an import error (a broken installation, never a plugin to report and go on
without), and the command line keeps working from a source checkout whose installed metadata is
older than its code. Outside packages add their commands through the entry points.

This package never imports the desktop app (the layering keeps ``app`` and ``cli`` apart):
the entry point hands :func:`main` the function that opens it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from cli import (
    accounts,
    approval,
    base,
    feedback,
    posts,
    report,
    sandbox,
    scheduler,
    settings,
    team,
    translation,
    users,
)
from cli.registry import Register, add_builtin_commands, add_plugin_commands

BUILTIN_GROUPS: tuple[Register, ...] = (
    accounts.register,
    posts.register,
    translation.register,
    sandbox.register,
    scheduler.register,
    report.register,
    feedback.register,
    settings.register,
    team.register,
    users.register,
    approval.register,
)

#: Opens the desktop app on the database URL given with ``--db`` (``None``: the default one).
AppLauncher = Callable[[str | None], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence on one line (and exit status 2), like every other."""

    def error(self, message: str) -> NoReturn:
        sentence = message[0].upper() + message[1:] if message else "Invalid arguments"
        self.exit(2, f"communique: {sentence.rstrip('.')}. See '{self.prog} --help'.\n")


def build_parser(*, warn: Callable[[str], None] = base.warn) -> argparse.ArgumentParser:
    """The full command-line parser: built-in commands, ``gui``, then the plugins' (``warn`` hears of broken ones)."""
    parser = _Parser(
        prog="communique",
        description="Draft once, translate offline, publish to every account at its local hour. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument(
        "--db",
        help="SQLAlchemy database URL (default: COMMUNIQUE_DB, else database_url in the settings file, "
        "else the local SQLite file)",
    )
    parser.add_argument(
        "--practice",
        action="store_true",
        help="practice mode (also COMMUNIQUE_PRACTICE=1, or practice = true in the settings file): a separate "
        "practice database, and every account "
        "talks to the local platform emulator, so nothing is published for real",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    taken: set[str] = set()
    add_builtin_commands(sub, taken, BUILTIN_GROUPS)
    sub.add_parser("gui", help="open the desktop app (the default without a command)")
    taken.add("gui")
    add_plugin_commands(sub, taken, warn)
    return parser


def main(argv: Sequence[str] | None = None, *, open_app: AppLauncher | None = None) -> int:
    """Run one command (or ``open_app`` when there is none, or ``gui``); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    problem = base.check_arguments(arguments)
    if problem:
        return base.fail(problem)
    args = build_parser().parse_args(arguments)
    if args.practice:
        from core import practice

        practice.enable()
    if args.command in (None, "gui"):
        if open_app is None:
            return base.fail("Give a command; see 'communique --help'.")
        return open_app(args.db)
    handler: base.Handler = args.handler
    return base.run_handler(handler, args)
