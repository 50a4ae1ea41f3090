"""Shared helpers for the benchmarks: timing, the machine's description, Markdown sections."""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path


def machine() -> str:
    """One line naming the machine, for the results table."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {sys.version.split()[0]}"


def today() -> str:
    """The date of the run (UTC)."""
    return datetime.now(UTC).strftime("%Y-%m-%d")


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` runs of ``action``."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def replace_section(document: Path, name: str, body: str) -> None:
    """Replace (or append) the text between ``<!-- bench:NAME:start/end -->`` markers."""
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    block = f"{start}\n{body.strip()}\n{end}"
    text = document.read_text(encoding="utf-8") if document.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    document.write_text(text, encoding="utf-8")


def bench_arguments(description: str | None, what: str) -> argparse.ArgumentParser:
    """The options every benchmark takes: ``--write FILE`` and ``--quick`` (a smoke run, never written)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", type=Path, help=f"Markdown file whose {what} section is replaced")
    parser.add_argument("--quick", action="store_true", help="small counts, a few seconds; never written to a file")
    return parser


def report(parser: argparse.ArgumentParser, args: argparse.Namespace, section: str, produce: Callable[[], str]) -> None:
    """Run ``produce``, print its Markdown section and how long it took, and write it with ``--write``."""
    if args.quick and args.write:
        parser.error("--quick figures are a smoke test and are not written to a file; drop --write")
    started = time.perf_counter()
    body = produce()
    print(body)
    print(f"(ran in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.write:
        replace_section(args.write, section, body)


@contextlib.contextmanager
def temporary_home(prefix: str = "bench-") -> Iterator[Path]:
    """A temporary data folder as ``COMMUNIQUE_HOME`` (no database setting, no keyring), removed after."""
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        os.environ["COMMUNIQUE_HOME"] = folder
        os.environ.pop("COMMUNIQUE_DB", None)
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        yield Path(folder)


class NoPostgres(Exception):  # noqa: N818 (a reason, not an error: the benchmark says it and goes on)
    """No throwaway PostgreSQL server could run here; ``str()`` is the reason, for the results table."""


@contextlib.contextmanager
def throwaway_postgres(database: str = "bench") -> Iterator[str]:
    """The URL of an empty database on a throwaway PostgreSQL server (``tests/support/postgres.py``),
    stopped after; :class:`NoPostgres` with the reason when its binaries are missing or it cannot start."""
    from tests.support.postgres import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise NoPostgres("skipped: PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    try:
        server = PostgresServer.start(bin_dir)
    except (OSError, subprocess.SubprocessError) as error:  # e.g. a temporary folder the server's user cannot enter
        raise NoPostgres(f"skipped: the throwaway server did not start ({type(error).__name__})") from None
    try:
        import sqlalchemy

        admin = sqlalchemy.create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{database}"')
        admin.dispose()
        yield server.url(database)
    finally:
        server.stop()
