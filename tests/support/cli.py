"""Running the real ``communique`` console script in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCRIPT = Path(sys.executable).parent / "communique"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    """What a command printed and returned."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(*args: str, home: Path, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    """Run ``communique ARGS`` with ``COMMUNIQUE_HOME=home`` and return its outcome."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    environment.update({"COMMUNIQUE_HOME": str(home), "COMMUNIQUE_USER": "tester", "PYTHONIOENCODING": "utf-8"})
    environment.update(env or {})
    completed = subprocess.run(
        [str(SCRIPT), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def run_script(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``communique ARGS`` in this test's own environment (its ``COMMUNIQUE_HOME`` included)."""
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, str(ROOT / "main.py")]
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def add_forced_term(home: Path, term: str, translation: str, *, to: str = "en") -> str:
    """``communique glossary add`` a vi -> ``to`` forced translation in another process; its id."""
    added = run_cli(
        "glossary", "add", "--from", "vi", "--to", to, "--translation", translation, "--json", term, home=home
    )
    assert added.code == 0, added.err
    return str(added.json()["id"])
