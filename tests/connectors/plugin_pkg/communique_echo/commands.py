"""The plugin's own command line: ``communique echo status``, registered like any command group."""

from __future__ import annotations

import argparse

from cli.base import EXIT_OK, store_for
from cli.registry import Commands
from communique_echo import EchoConnector
from core import queries


def _status(args: argparse.Namespace) -> int:
    names = [a.name for a in queries.list_accounts(store_for(args)) if a.platform == EchoConnector.platform]
    listed = f" ({', '.join(names)})" if names else ""
    noun = "account" if len(names) == 1 else "accounts"
    print(f"echo: {len(names)} {noun}{listed}; texts of up to {EchoConnector.length_limit} bytes.")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``echo status`` to the command line."""
    echo = commands.add_command("echo", help="the echo platform of the communique-echo plugin")
    subcommands = echo.add_subparsers(dest="echo_command", required=True, metavar="COMMAND")
    status = subcommands.add_parser("status", help="how many accounts post to echo, and its length limit")
    status.set_defaults(handler=_status)
