"""Test helpers are shared through tests/support/, never imported from a conftest or another test module."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _test_imports(path: Path) -> list[str]:
    """``tests.*`` modules ``path`` imports that are not under tests/support (or the example plugin)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.append(node.module)
        elif isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
    return [m for m in modules if m.startswith("tests.") and not m.startswith("tests.support")]


def _offenders(root: Path) -> list[str]:
    return [
        f"{path.relative_to(root)} imports {module}"
        for path in sorted(root.rglob("*.py"))
        for module in _test_imports(path)
    ]


def test_no_test_module_imports_helpers_from_outside_support() -> None:
    assert _offenders(TESTS) == []


def test_the_scan_would_catch_a_helper_imported_from_a_test_module(tmp_path: Path) -> None:
    (tmp_path / "test_a.py").write_text("from tests.translation.test_cli import run\nimport tests.support.cli\n")
    assert _offenders(tmp_path) == ["test_a.py imports tests.translation.test_cli"]
