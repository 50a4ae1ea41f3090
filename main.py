"""Communiqué's entry point: no arguments opens the desktop app; subcommands run the CLI."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

# Each package contributes its commands through a ``register`` function; the ones not yet
# present in this checkout are skipped so the CLI always starts.
_REGISTRARS = (
    "core.cli.accounts",
    "core.cli.posts",
    "translation.cli",
    "connectors.cli",
    "scheduler.cli",
)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence on one line (and exit status 2), like every other."""

    def error(self, message: str) -> NoReturn:
        sentence = message[0].upper() + message[1:] if message else "Invalid arguments"
        self.exit(2, f"communique: {sentence.rstrip('.')}. See '{self.prog} --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    """The full command-line parser."""
    parser = _Parser(
        prog="communique",
        description="Draft once, translate offline, publish to every account at its local hour. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument("--db", help="SQLAlchemy database URL (default: COMMUNIQUE_DB, else the local SQLite file)")
    parser.add_argument(
        "--practice",
        action="store_true",
        help="practice mode (also COMMUNIQUE_PRACTICE=1): a separate practice database, and every account "
        "talks to the local platform emulator, so nothing is published for real",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in _REGISTRARS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        module.register(sub)
    gui = sub.add_parser("gui", help="open the desktop app (the default without a command)")
    gui.set_defaults(handler=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI (or the app when there is no command); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    from core.cli.base import check_arguments, fail

    problem = check_arguments(arguments)
    if problem:
        return fail(problem)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.practice:
        from core import practice

        practice.enable()
    handler = getattr(args, "handler", None)
    if handler is None:
        from app.main import run_app

        return int(run_app(db_url=args.db))
    from core.cli.base import run_handler

    return run_handler(handler, args)


if __name__ == "__main__":
    sys.exit(main())
