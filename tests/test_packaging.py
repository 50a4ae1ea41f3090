"""The wheel: exactly the expected top-level names, and a console script that runs from it.

The layout puts generic names (``core``, ``app``...) at the top level of site-packages, so the
set is pinned: a new package, or ``tests`` slipping in, has to be a deliberate change here.
Everything runs offline: the wheel is built with this environment's own build backend, and the
fresh environment borrows this one's dependencies instead of downloading them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED_TOP_LEVEL = {"app", "cli", "connectors", "core", "main", "resources", "scheduler", "translation"}
# The build runs on a copy: building in place would write build/ and *.egg-info into the checkout,
# where two runs at once would trip over each other. tests/ is copied so that it cannot slip in unseen.
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".*_cache", "*.sqlite3*", "*.argosmodel"
)


def _run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built from a copy of the working tree."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    dist = work / "dist"
    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index"]
    _run(*pip, "-w", dist, source)
    (built,) = dist.glob("communique-*.whl")
    return built


def _top_level_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        (record,) = [name for name in archive.namelist() if name.endswith(".dist-info/RECORD")]
        paths = [line.split(",", 1)[0] for line in archive.read(record).decode().splitlines() if line]
    first = {path.split("/", 1)[0] for path in paths}
    return {name.removesuffix(".py") for name in first if not name.endswith(".dist-info")}


def test_the_wheel_installs_exactly_the_expected_top_level_names(wheel: Path) -> None:
    assert _top_level_names(wheel) == EXPECTED_TOP_LEVEL


def test_the_console_script_of_the_installed_wheel_starts(wheel: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", fresh)
    python = fresh / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel)
    # The dependencies come from this environment: its site folders go on the fresh one's path.
    # (A plain path line: the .pth files in those folders, this checkout's editable install among
    # them, are not run, so the project itself can only come from the wheel.)
    fresh_site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip())
    ours = dict.fromkeys(sysconfig.get_path(key) for key in ("purelib", "platlib"))
    (fresh_site / "communique-test-deps.pth").write_text("".join(f"{folder}\n" for folder in ours))

    where = _run(python, "-c", "import core, main; print(core.__file__); print(main.__file__)", cwd=tmp_path)
    assert all(Path(line).is_relative_to(fresh) for line in where.stdout.splitlines()), where.stdout
    shown = _run(fresh / "bin" / "communique", "--help", cwd=tmp_path)
    assert shown.stdout.startswith("usage: communique")
