"""A third-party connector package (``communique_echo``), as an outside author would write it.

The tests "install" it with :func:`install_plugin`: the module is copied and a ``*.dist-info``
written with the entry points its pyproject.toml declares, as pip would.
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

PLUGIN = Path(__file__).parent


def install_plugin(target: Path, *, entry_points: dict[str, str] | None = None) -> Path:
    """Install the example plugin into ``target`` (a folder to put on ``sys.path``); returns ``target``."""
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    points = entry_points or project["entry-points"]["communique.connectors"]
    shutil.copytree(PLUGIN / "communique_echo", target / "communique_echo")
    info = target / f"communique_echo-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n")
    lines = "\n".join(f"{name} = {value}" for name, value in points.items())
    (info / "entry_points.txt").write_text(f"[communique.connectors]\n{lines}\n")
    return target


def plugin_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The example plugin installed in a folder on ``sys.path`` for one test (a fixture body:
    ``plugin = pytest.fixture(plugin_installed, name="plugin")``)."""
    site = install_plugin(tmp_path / "site")
    monkeypatch.syspath_prepend(str(site))
    yield site
    sys.modules.pop("communique_echo", None)
