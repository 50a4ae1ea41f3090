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
