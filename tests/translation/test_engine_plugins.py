"""Engines plug in through the ``communique.engines`` entry-point group, like an outside package."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from importlib.metadata import distribution, entry_points
from pathlib import Path

import pytest

from core.errors import UserError
from translation.argos import ArgosEngine
from translation.engine import DEFAULT_ENGINE, ENTRY_POINT_GROUP, Engine, engine_names, load_engine
from translation.service import TranslationService

_PLUGIN = '''
class UpperEngine:
    """Translates by upper-casing: enough to show that the pipeline works with any engine."""

    name = "upper"

    def pairs(self):
        return {("en", "de")}

    def model_version(self, from_code, to_code):
        return "1"

    def translate_batch(self, segments, from_code, to_code):
        return [segment.upper() for segment in segments]


class NotAnEngine:
    pass
'''


@pytest.fixture
def plugin(tmp_path: Path) -> Iterator[None]:
    """A distribution installed on sys.path that registers two engines."""
    (tmp_path / "upper_engine.py").write_text(_PLUGIN, encoding="utf-8")
    info = tmp_path / "upper_engine-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: upper-engine\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[communique.engines]\nupper = upper_engine:UpperEngine\nbroken = upper_engine:NotAnEngine\n",
        encoding="utf-8",
    )
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    yield
    sys.path.remove(str(tmp_path))
    sys.modules.pop("upper_engine", None)


def test_argos_is_the_default() -> None:
    assert isinstance(load_engine(), ArgosEngine)
    with pytest.raises(UserError, match="Unknown translation engine 'nope'"):
        load_engine("nope")


def test_the_built_in_engine_registers_like_a_plugin() -> None:
    # In the installed metadata, under the group outside engines use: no special case in the code.
    (argos,) = entry_points(group=ENTRY_POINT_GROUP, name=DEFAULT_ENGINE)
    assert argos.value == "translation.argos:ArgosEngine" and argos.dist is not None
    assert argos.dist.name == distribution("communique").name
    assert engine_names() == sorted(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP))


def test_a_plugin_engine_runs_the_whole_pipeline(plugin: None) -> None:
    assert {"argos", "upper", "broken"} <= set(engine_names())
    engine = load_engine("upper")
    assert isinstance(engine, Engine)
    (result,) = TranslationService(None, engine).translate("hello @Embassy, see https://a.de/x", "en", ["de"])
    assert result.text == "HELLO @Embassy, SEE https://a.de/x" and result.engine == "upper"
    with pytest.raises(UserError, match="does not implement"):
        load_engine("broken")
