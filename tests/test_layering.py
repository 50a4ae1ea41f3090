"""The layering of design.md: nothing outside app/ imports Qt, and arrows point one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Everything but app/ (main.py reaches the app only through a lazy import of app.main).
QT_FREE = ["core", "translation", "connectors", "scheduler", "cli", "resources", "bench"]
QT_MODULES = ("PySide6", "shiboken6", "app")
# The desktop app's own benchmark measures the app: it reaches Qt, through app/ only.
QT_ALLOWED = {"bench/gui.py"}


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif (  # importlib.import_module("PySide6...") and __import__("PySide6")
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in {"import_module", "__import__"}
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _qt_imports_outside_app() -> list[str]:
    offenders = []
    for package in QT_FREE:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path.relative_to(ROOT).as_posix() in QT_ALLOWED:
                continue
            for line, module in _imported_modules(path):
                if module.split(".")[0] in QT_MODULES:
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return offenders


def test_no_module_outside_app_imports_qt() -> None:
    assert _qt_imports_outside_app() == []


def test_the_scan_would_catch_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nimportlib.import_module('shiboken6')\n")
    assert [m for _, m in _imported_modules(sample)] == ["os", "PySide6.QtCore", "shiboken6"]


def test_loading_the_core_and_the_cli_does_not_load_qt() -> None:
    code = (
        "import sys, main, core.services.posts, core.services.accounts; main.build_parser(); "
        "import pkgutil, importlib\n"
        "for pkg in ('translation', 'connectors', 'scheduler'):\n"
        "    module = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(module.__path__, pkg + '.'):\n"
        "        if '.sandbox.' in info.name or info.name.endswith('__main__'): continue\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'app')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    if not lint.exists():
        pytest.skip("import-linter is not installed in this environment")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
