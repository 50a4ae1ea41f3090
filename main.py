"""Communiqué's entry point: no arguments opens the desktop app; subcommands run the CLI (:mod:`cli`).

Opening the app does not build the command-line parser: that imports every command's module
(and so the database, the migrations, the scheduler and the connectors) before the window could
appear. Arguments that only open the app (``gui``, ``--db URL``, ``--practice``) are read here;
anything else, ``--help`` included, goes to the full parser, exactly as before.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

__all__ = ["build_parser", "main"]


def build_parser(*, warn: Callable[[str], None] | None = None) -> argparse.ArgumentParser:
    """The full command-line parser (:func:`cli.main.build_parser`)."""
    from cli.main import build_parser as build

    return build() if warn is None else build(warn=warn)


def _open_app(db_url: str | None) -> int:
    from app.main import run_app

    return int(run_app(db_url=db_url))


def _app_arguments(arguments: Sequence[str]) -> tuple[str | None, bool] | None:
    """``(database URL, practice)`` when ``arguments`` only open the app, as the parser reads them.

    ``None`` for anything else, and for any form this reading is not sure of (an abbreviated
    option, ``--db`` without its value, text that is not UTF-8...): the full parser decides those.
    """
    db_url: str | None = None
    practice = False
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        if not _is_utf8(argument):
            return None  # the CLI's own check words the refusal
        if argument == "--practice":
            practice = True
        elif argument == "--db" and position + 1 < len(arguments) and not arguments[position + 1].startswith("-"):
            position += 1
            db_url = arguments[position]
        elif argument.startswith("--db="):
            db_url = argument.removeprefix("--db=")
        elif argument != "gui" or position != len(arguments) - 1:  # the command comes last
            return None
        position += 1
    return db_url, practice


def _is_utf8(text: str) -> bool:
    """Whether ``text`` is valid UTF-8 (Python keeps undecodable bytes of argv as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI (or the app when there is no command); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    opening = _app_arguments(arguments)
    if opening is not None:
        db_url, practice_mode = opening
        if practice_mode:
            from core import practice

            practice.enable()
        return _open_app(db_url)
    from cli.main import main as run_cli

    return run_cli(arguments, open_app=_open_app)


if __name__ == "__main__":
    sys.exit(main())
