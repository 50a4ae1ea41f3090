"""Media contents in the store: a large video written and read back a piece at a time.

A team's worker publishes an officer's video from the database (``core.services.media_store``):
attaching stores the file's bytes in the database, and a machine without the file reads them
back into its cache, hash-verified. In a temporary data folder, for a file of random bytes of
each size, on SQLite and on a throwaway PostgreSQL server (``tests/support/postgres.py``;
skipped, with the reason, when its binaries are missing), this times:

- storing it: ``media_store.put_file`` in one write transaction, as attaching does;
- reading it back on another machine: ``media_store.local_file`` into an empty cache;
- beside a plain copy of the same file (``shutil.copyfile``, the baseline, in the same run);

and, each operation in a child process of its own, the growth of its resident memory during the
operation (the peak above what the process held just before): the goal is a few of the 4 MiB
pieces, whatever the size of the file, where holding the file whole would take at least its size.

``--quick`` runs one small file on SQLite in seconds (a smoke test: its figures mean nothing and
are never written to a file).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import NoPostgres, bench_arguments, machine, report, temporary_home, throwaway_postgres, today

MB = 1 << 20
#: An MP4's first bytes ("ftyp"), so the file is taken for the video it stands for.
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


@dataclass(frozen=True)
class Sizes:
    """What each run does."""

    megabytes: tuple[int, ...] = (32, 512)  # 512 MB: X's largest video
    repeats: int = 3
    postgres: bool = True


FULL = Sizes()
QUICK = Sizes(megabytes=(8,), repeats=1, postgres=False)


@dataclass
class Backend:
    """One database's figures, by (operation, size): seconds and bytes of memory growth."""

    name: str
    seconds: dict[tuple[str, int], float] = field(default_factory=dict)
    growth: dict[tuple[str, int], int] = field(default_factory=dict)
    skipped: str = ""


# --- the child: one operation, its time and its memory growth ---------------------------------


def _status(key: str) -> int:
    """A ``/proc/self/status`` figure in bytes (``VmRSS``, ``VmHWM``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) * 1024
    raise LookupError(key)


def _reset_peak() -> bool:
    """Make the peak resident size the current one (Linux 4.0+); False where the kernel refuses."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def child(operation: str, url: str, path: str, sha256: str) -> None:
    """Run one operation and print ``{"seconds": ..., "growth": ...}`` as JSON."""
    from core.services import media_store
    from core.store import open_store

    store = open_store(url)
    try:
        with store.read():  # connect, migrate and warm up before the measurement
            pass
        before = _status("VmRSS")
        exact = _reset_peak()
        started = time.perf_counter()
        if operation == "store":
            with store.write() as conn:
                media_store.put_file(conn, Path(path), sha256, "video/mp4")
        elif operation == "read":
            media_store.local_file(store, path=path, sha256=sha256, mime_type="video/mp4")
        elif operation == "whole":  # what storing the file as one value needs at the least
            hashlib.sha256(Path(path).read_bytes()).hexdigest()
        else:
            shutil.copyfile(path, Path(os.environ["COMMUNIQUE_HOME"]) / "copy.mp4")
        seconds = time.perf_counter() - started
        peak = _status("VmHWM") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    finally:
        store.dispose()
    print(json.dumps({"seconds": seconds, "growth": max(0, peak - before)}))


# --- the parent ---------------------------------------------------------------------------------


def _video(folder: Path, megabytes: int) -> tuple[Path, str]:
    """A file of ``megabytes`` random bytes starting like an MP4, and its SHA-256."""
    path = folder / f"speech-{megabytes}mb.mp4"
    digest = hashlib.sha256()
    with path.open("wb") as handle:
        for n in range(megabytes):
            piece = (MP4_HEAD + os.urandom(MB - len(MP4_HEAD))) if n == 0 else os.urandom(MB)
            digest.update(piece)
            handle.write(piece)
    return path, digest.hexdigest()


def _run_child(operation: str, url: str, path: Path, sha256: str, home: Path) -> tuple[float, int]:
    env = {**os.environ, "COMMUNIQUE_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, __file__, "--child", operation, url, str(path), sha256],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return float(answer["seconds"]), int(answer["growth"])


def _forget(url: str, sha256: str) -> None:
    """Delete the stored content, so that the next round stores it again."""
    from core.store import open_store
    from core.store.tables import media_blob_chunks, media_blobs

    store = open_store(url)
    try:
        with store.write() as conn:
            conn.execute(media_blob_chunks.delete().where(media_blob_chunks.c.sha256 == sha256))
            conn.execute(media_blobs.delete().where(media_blobs.c.sha256 == sha256))
    finally:
        store.dispose()


def _measure(backend: Backend, url: str, files: dict[int, tuple[Path, str]], sizes: Sizes, home: Path) -> None:
    for megabytes, (path, sha256) in files.items():
        samples: dict[str, list[tuple[float, int]]] = {"store": [], "read": [], "copy": [], "whole": []}
        for round_ in range(sizes.repeats):
            _forget(url, sha256)
            samples["store"].append(_run_child("store", url, path, sha256, home))
            # "Another machine": a home of its own, without the file's copy, its cache empty.
            other = home / f"machine-b-{megabytes}-{round_}"
            other.mkdir()
            samples["read"].append(_run_child("read", url, home / "absent" / path.name, sha256, other))
            shutil.rmtree(other)
            samples["copy"].append(_run_child("copy", url, path, sha256, home))
            samples["whole"].append(_run_child("whole", url, path, sha256, home))
            (home / "copy.mp4").unlink(missing_ok=True)
        for operation, found in samples.items():
            backend.seconds[operation, megabytes] = statistics.median(s for s, _ in found)
            backend.growth[operation, megabytes] = int(statistics.median(g for _, g in found))


def _postgres(files: dict[int, tuple[Path, str]], sizes: Sizes, home: Path) -> Backend:
    backend = Backend("PostgreSQL")
    if not sizes.postgres:
        backend.skipped = "skipped (quick run)"
        return backend
    try:
        with throwaway_postgres() as url:
            _measure(backend, url, files, sizes, home)
    except NoPostgres as reason:
        backend.skipped = str(reason)
    return backend


def run(sizes: Sizes = FULL) -> str:
    """Run the benchmark in a temporary data folder and return its Markdown section."""
    with temporary_home() as home:
        files = {megabytes: _video(home, megabytes) for megabytes in sizes.megabytes}
        sqlite = Backend("SQLite")
        _measure(sqlite, f"sqlite:///{home / 'bench.sqlite3'}", files, sizes, home)
        postgres = _postgres(files, sizes, home)
    return _section([sqlite, postgres], sizes)


# --- the section ------------------------------------------------------------------------------


def _cell(backend: Backend, operation: str, megabytes: int) -> str:
    if backend.skipped:
        return backend.skipped
    seconds = backend.seconds[operation, megabytes]
    if operation == "copy":
        return f"{seconds:.2f} s"
    ratio = seconds / backend.seconds["copy", megabytes]
    return f"{seconds:.2f} s ({ratio:.1f}x the copy)"


def _memory(backend: Backend, operation: str, megabytes: int) -> str:
    if backend.skipped:
        return backend.skipped
    growth = backend.growth[operation, megabytes]
    return f"{growth / MB:.1f} MB ({growth / (megabytes * MB):.2f} of the file)"


def _section(backends: list[Backend], sizes: Sizes) -> str:
    header = "| | " + " | ".join(b.name for b in backends) + " |"
    lines = [
        "## Media contents in the store",
        "",
        f"{machine()}; {today()}; {sizes.repeats} rounds, medians; each operation in a process of its own.",
        "",
        header,
        "| --- |" + " --- |" * len(backends),
    ]
    for megabytes in sizes.megabytes:
        rows = (
            (f"{megabytes} MB video: storing it, `put_file`", _cell, "store"),
            ("its memory growth", _memory, "store"),
            (f"{megabytes} MB video: reading it back elsewhere, `local_file`", _cell, "read"),
            ("its memory growth", _memory, "read"),
            (f"{megabytes} MB video: a plain file copy (baseline)", _cell, "copy"),
            ("memory growth holding it whole, as one stored value needs", _memory, "whole"),
        )
        for label, cell, operation in rows:
            lines.append(f"| {label} | " + " | ".join(cell(b, operation, megabytes) for b in backends) + " |")
    lines += [
        "",
        "Storing reads the file in 4 MiB pieces, hashing each, and inserts each as a row of "
        "`media_blob_chunks` in the attaching transaction; reading back writes the pieces, one query "
        "each, into a private file that is renamed into the cache once its hash matches. Memory growth "
        "is the peak resident size during the operation above the size just before it (Linux's "
        "`VmHWM` after resetting it), so the process's own start-up is not counted. A copy of the "
        "file through the operating system's cache is the least any store could cost. Reproduce with "
        "`make bench-media` (or `python bench/media.py`).",
    ]
    return "\n".join(lines)


def main() -> None:
    """Command line: ``--write FILE`` and ``--quick``, or (internally) ``--child OP URL PATH SHA256``."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:6])
        return
    parser = bench_arguments(__doc__, "media")
    args = parser.parse_args()
    report(parser, args, "media", lambda: run(QUICK if args.quick else FULL))


if __name__ == "__main__":
    main()
