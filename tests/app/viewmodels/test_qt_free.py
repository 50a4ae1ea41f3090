"""View models are Qt-free: they run (and are tested) without a display, an event loop or PySide6."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_view_models_load_without_qt() -> None:
    names = sorted(p.stem for p in (ROOT / "app" / "viewmodels").glob("*.py") if p.stem != "__init__")
    code = (
        "import sys, importlib\n"
        f"for name in {names!r}: importlib.import_module('app.viewmodels.' + name)\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6') or m == 'app.qt']\n"
        "print(loaded); sys.exit(1 if loaded else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
