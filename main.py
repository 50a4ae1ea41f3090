"""Communiqué's entry point: no arguments opens the desktop app; subcommands run the CLI (:mod:`cli`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cli.main import build_parser
from cli.main import main as run_cli

__all__ = ["build_parser", "main"]


def _open_app(db_url: str | None) -> int:
    from app.main import run_app

    return int(run_app(db_url=db_url))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI (or the app when there is no command); returns the exit status."""
    return run_cli(argv, open_app=_open_app)


if __name__ == "__main__":
    sys.exit(main())
