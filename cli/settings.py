"""``communique settings show|set|unset``: the settings file every process reads (:mod:`core.settings`)."""

from __future__ import annotations

import argparse
import sys

from cli.base import EXIT_OK, print_json, print_table
from cli.registry import Commands
from core import settings

NAMES = [setting.name for setting in settings.SPECS]


def _show(args: argparse.Namespace) -> int:
    rows = settings.describe()
    if args.json:
        print_json({"file": str(settings.path()), "settings": rows})
        return EXIT_OK
    print_table(
        ["SETTING", "VALUE", "FROM"],
        [
            (
                row["name"],
                row["shown"],
                f"environment ({row['variable']})" if row["source"] == "environment" else row["source"],
            )
            for row in rows
        ],
    )
    print(f"Settings file: {settings.path()}")
    return EXIT_OK


def _saved(name: str, now: settings.Settings, what: str) -> int:
    print(f"{what} {name} in {settings.path()}.")
    if now.forced(name):
        variable = settings.spec(name).env
        print(f"communique: {variable} is set, so it decides {name} until it is unset.", file=sys.stderr)
    if name == "practice":
        print("Commands and windows started from now on use it; a window already open keeps its mode until restarted.")
    return EXIT_OK


def _set(args: argparse.Namespace) -> int:
    now = settings.update(**{args.name: settings.parse(args.name, args.value)})
    return _saved(args.name, now, "Saved")


def _unset(args: argparse.Namespace) -> int:
    now = settings.update(**{args.name: None})
    return _saved(args.name, now, "Removed")


def register(commands: Commands) -> None:
    """Add ``communique settings``."""
    described = "\n".join(f"  {s.name} ({s.env}): {s.help}" for s in settings.SPECS)
    parser = commands.add_command(
        "settings",
        help="show or change the settings the app, the commands and the worker share",
        description="The settings file in the app's folder. An environment variable overrides the file's "
        "value; --db overrides both for one command. A database password is never saved: use PGPASSWORD "
        "or ~/.pgpass.\n\n" + described,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="each setting, its value and where it comes from")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=_show)
    put = sub.add_parser("set", help="save a setting in the settings file")
    put.add_argument("name", choices=NAMES, metavar="NAME", help=", ".join(NAMES))
    put.add_argument("value", metavar="VALUE", help="text, or true/false (also 1/0, yes/no, on/off)")
    put.set_defaults(handler=_set)
    unset = sub.add_parser("unset", help="remove a setting from the file (its default applies again)")
    unset.add_argument("name", choices=NAMES, metavar="NAME", help=", ".join(NAMES))
    unset.set_defaults(handler=_unset)
