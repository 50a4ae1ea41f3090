"""Shared plumbing for CLI commands: the store, output, and error handling."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from core.domain import ErrorClass
from core.errors import CommuniqueError, UserError
from core.secrets import redact
from core.store import Store, open_store

#: A command handler: parsed arguments in, exit status out.
Handler = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_USER_ERROR = 2
MAX_ID = 2**63 - 1


def positive_id(text: str) -> int:
    """An argparse type for row ids: a whole number from 1 to 2**63-1 (what every database stores),
    in ASCII digits only (``int`` would also take ``1_0``, spaces and other scripts' digits)."""
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not an id: give a whole number such as 12")
    value = int(text)
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id: ids are whole numbers from 1 upwards")
    return value


def nonempty(text: str) -> str:
    """An argparse type for options whose empty value would silently mean "not given" (``--at ""``)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the value is empty: give one, or leave the option out")
    return text


def store_for(args: argparse.Namespace) -> Store:
    """The store named by ``--db``/``COMMUNIQUE_DB``, opened and migrated once per command."""
    store: Store | None = getattr(args, "_store", None)
    if store is None:
        store = open_store(getattr(args, "db", None))
        args._store = store
    return store


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON (UTF-8, non-ASCII kept as is)."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A plain aligned table for people."""
    cells = [[str(h) for h in headers], *[["" if c is None else str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def warn(message: str) -> None:
    """Print one sentence to stderr, secrets redacted."""
    print(f"communique: {redact(message)}", file=sys.stderr)


def fail(message: str) -> int:
    """Print one sentence to stderr and return the user-error status."""
    warn(message)
    return EXIT_USER_ERROR


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command, turning product errors into a sentence and exit status 2."""
    try:
        return handler(args)
    except CommuniqueError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        print("communique: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); silence the flush at exit too.
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115
        return EXIT_OK
    finally:
        store: Store | None = getattr(args, "_store", None)
        if store is not None:
            store.dispose()


def read_text_argument(text: str | None, text_file: str | None) -> str:
    """The text from ``--text``, ``--text-file`` or ``-`` (standard input), at most :data:`MAX_TEXT_BYTES`."""
    if text_file is not None:
        if text_file == "-":
            return read_stdin()
        path = Path(text_file).expanduser()
        try:
            if path.is_dir():
                raise UserError(f"The text file {text_file!r} is a folder, not a file.")
            with path.open("rb") as handle:
                data = handle.read(MAX_TEXT_BYTES + 1)  # /dev/zero or a huge file: never more than this
        except FileNotFoundError:
            raise UserError(f"The text file {text_file!r} does not exist.") from None
        except OSError as exc:
            raise UserError(f"Cannot read the text file {text_file!r}: {exc.strerror}.") from None
        return _decoded(data, f"The text file {text_file!r}")
    if text == "-":
        return read_stdin()
    return text or ""


#: The most bytes read as a post's text: the longest text kept (100,000 characters) at 4 bytes each.
MAX_TEXT_BYTES = 400_000


def _decoded(data: bytes | str, source: str, limit: int = MAX_TEXT_BYTES) -> str:
    if len(data) > limit:
        raise UserError(f"{source} holds more than {limit:,} bytes; a post's text is far shorter.")
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{source} is not UTF-8 text; save it as UTF-8 and try again.") from None


def read_stdin(limit: int = MAX_TEXT_BYTES) -> str:
    """Standard input as UTF-8 text, at most ``limit`` bytes (an endless stream is refused, not read
    to exhaustion); anything else is refused with one sentence."""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # already text (an embedding program or a test replaced stdin)
        return _decoded(sys.stdin.read(limit + 1), "The text on standard input", limit)
    return _decoded(raw.read(limit + 1), "The text on standard input", limit)


def check_arguments(arguments: Sequence[str]) -> str | None:
    """A sentence naming the first command-line argument that is not valid UTF-8, else ``None``.

    Python keeps undecodable bytes of argv as lone surrogates, which fail much later, when the
    text is written to the database or printed.
    """
    for position, argument in enumerate(arguments, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            return f"Argument {position} is not valid UTF-8 text; check the terminal's encoding."
    return None


def next_step(variant_id: int, error_class: str | None) -> str:
    """What a person runs next for a variant that failed with ``error_class`` ('' when nothing is theirs to run)."""
    if error_class == ErrorClass.NEEDS_CONFIRMATION:
        return (
            f" Once you have checked that it is not there, run 'communique publish {variant_id} "
            "--confirmed-absent' to publish it."
        )
    return ""
