"""Installing the example third-party package ``communique_echo`` (tests/connectors/plugin_pkg/).

The module is copied into a folder and a ``*.dist-info`` is written beside it with every
entry-point group its pyproject.toml declares, as pip would; the folder then goes on
``sys.path`` (in this process) or ``PYTHONPATH`` (in a subprocess).
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[1] / "connectors" / "plugin_pkg"


def declared_entry_points() -> dict[str, dict[str, str]]:
    """The plugin's entry points as its pyproject.toml declares them: ``{group: {name: "module:attr"}}``."""
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {group: dict(points) for group, points in project.get("entry-points", {}).items()}


def install_plugin(target: Path, *, entry_points: Mapping[str, Mapping[str, str]] | None = None) -> Path:
    """Install the example plugin into ``target`` (a folder to put on ``sys.path``); returns ``target``.

    ``entry_points`` replaces the declared entry points of the groups it names (e.g.
    ``{"communique.connectors": {"broken": "communique_echo:NoSuchClass"}}``); the other
    declared groups are written as they are.
    """
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = declared_entry_points() | {group: dict(points) for group, points in (entry_points or {}).items()}
    shutil.copytree(PLUGIN / "communique_echo", target / "communique_echo")
    info = target / f"communique_echo-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n")
    sections = [
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in points.items())
        for group, points in groups.items()
    ]
    (info / "entry_points.txt").write_text("\n".join(sections))
    return target


def forget_plugin() -> None:
    """Drop the plugin's modules from ``sys.modules``, so that the next test imports its own copy."""
    for name in [m for m in sys.modules if m == "communique_echo" or m.startswith("communique_echo.")]:
        del sys.modules[name]


def plugin_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The example plugin installed in a folder on ``sys.path`` for one test (a fixture body:
    ``plugin = pytest.fixture(plugin_installed, name="plugin")``)."""
    site = install_plugin(tmp_path / "site")
    monkeypatch.syspath_prepend(str(site))
    yield site
    forget_plugin()
