"""`make screenshots` works: the composer's draft, the queue and its Vietnamese twin, from a practice newsroom."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        env={**env, "TMPDIR": str(tmp_path)},
        check=False,
    )


def test_the_screenshots_of_a_page_are_written(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    # The compose page fails the run unless the composer reopened the sample draft with its variants.
    result = _run("--out", str(out), "--pages", "compose,queue", "--timeout", "150", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    shots = sorted(path.name for path in out.iterdir())
    assert shots == ["compose.png", "queue-vi.png", "queue.png"]
    for name in shots:
        assert (out / name).read_bytes().startswith(b"\x89PNG")
    assert "refused" in result.stdout  # the newsroom has its failed post
    assert not list(tmp_path.glob("communique-screenshots-*")), "the temporary home is removed"


def test_an_unknown_page_fails_with_the_list_of_pages(tmp_path: Path) -> None:
    result = _run("--out", str(tmp_path / "shots"), "--pages", "nowhere", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "nowhere" in result.stderr and "queue" in result.stderr
