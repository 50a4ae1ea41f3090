"""Practice packs: real Argos packs built from run-time dependencies, marked as practice, never over a real one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import onnxruntime

from core.store import Store
from tests.support.argos_packs import build_pack
from translation import packs
from translation.onnx_splitter import UNITS, splitter_bytes
from translation.practice_packs import (
    PRACTICE_VERSION,
    build_practice_pack,
    install_practice_packs,
    is_practice,
    pairs_for,
)
from translation.service import TranslationService

ROOT = Path(__file__).resolve().parents[2]


def test_the_hand_written_splitter_is_a_valid_onnx_model_that_marks_sentence_ends() -> None:
    model = onnx.load_from_string(splitter_bytes("vi"))
    onnx.checker.check_model(model)
    meta = {entry.key: entry.value for entry in model.metadata_props}
    assert meta["lang_code"] == "vi" and json.loads(meta["vocab"])["_id2unit"] == list(UNITS)
    session = onnxruntime.InferenceSession(splitter_bytes("vi"), providers=["CPUExecutionProvider"])
    units = np.array([[UNITS.index(" "), UNITS.index("."), 1]], dtype=np.int64)
    (logits,) = session.run(None, {"units": units, "features": np.zeros((1, 3, 0), dtype=np.float32)})
    assert logits.argmax(axis=-1).tolist() == [[1, 2, 0]]  # end of token, end of sentence, inside a token


def test_pairs_go_to_and_from_english() -> None:
    assert pairs_for(["vi", "en", "ja", "vi"]) == [("en", "ja"), ("ja", "en"), ("en", "vi"), ("vi", "en")]


def test_practice_packs_install_as_practice_and_translate_offline_through_english(store: Store) -> None:
    seen: list[tuple[int, int, str]] = []
    installed = install_practice_packs(["vi", "ja", "en"], progress=lambda *step: seen.append(step))
    assert {(p.from_code, p.to_code) for p in installed} == {("en", "vi"), ("vi", "en"), ("en", "ja"), ("ja", "en")}
    assert all(is_practice(p) and p.version == PRACTICE_VERSION and p.has_splitter for p in installed)
    metadata = json.loads((installed[0].path / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["practice"] is True and "gibberish" in metadata["note"]
    assert seen[0] == (0, 4, "en -> ja") and seen[-1] == (4, 4, "")
    (result,) = TranslationService(store).translate("Bộ ngoại giao thông báo hôm nay. Chào mừng!", "vi", ["ja"])
    assert result.path == ("vi", "en", "ja") and result.text.strip()


def test_a_pair_that_has_a_pack_keeps_it(tmp_path: Path) -> None:
    real = packs.install_pack(build_pack(tmp_path / "real", "en", "vi"))
    installed = install_practice_packs(["vi"])
    assert [(p.from_code, p.to_code) for p in installed] == [("vi", "en")]
    kept = packs.find_pack("en", "vi")
    assert kept is not None and kept.version == real.version and not is_practice(kept)
    assert install_practice_packs(["vi"]) == []  # nothing left to add


def test_the_builder_needs_no_development_package(tmp_path: Path) -> None:
    # onnx is a development dependency only: building and installing must work without it.
    script = (
        "import sys; sys.modules['onnx'] = None\n"
        "from pathlib import Path\n"
        "from translation import packs\n"
        "from translation.practice_packs import build_practice_pack\n"
        f"pack = packs.install_pack(build_practice_pack(Path({str(tmp_path / 'out')!r}), 'uk', 'en'))\n"
        "assert 'onnx' not in {m for m, v in sys.modules.items() if v is not None}\n"
        "print(pack.version, pack.has_splitter)\n"
    )
    env = {**os.environ, "COMMUNIQUE_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [PRACTICE_VERSION, "True"]


def test_a_practice_pack_is_named_as_one(tmp_path: Path) -> None:
    archive = build_practice_pack(tmp_path, "en", "uk")
    assert archive.name == "practice-translate-en_uk.argosmodel"
