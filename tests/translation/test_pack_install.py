"""Installing over a working pack: damaged models, unknown codes, the wrong pair and failed renames."""

from __future__ import annotations

import errno
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from core.errors import UserError
from translation import argos, packs
from translation.archive import check_entries, extract
from translation.argos import ArgosEngine

Install = Callable[..., list[packs.PackInfo]]
SENTENCE = ["the ministry of foreign affairs."]


def _members(pack_file: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack_file) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def _rezip(path: Path, source: Path, changes: dict[str, bytes]) -> Path:
    """A copy of ``source`` with the members ending in each key replaced: well formed, wrong inside."""
    members = _members(source)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            replaced = next((new for suffix, new in changes.items() if name.endswith(suffix)), data)
            zf.writestr(name, replaced)
    return path


def _metadata(source: Path, **values: str) -> bytes:
    name = next(n for n in _members(source) if n.endswith("metadata.json"))
    return json.dumps(json.loads(_members(source)[name]) | values).encode()


def _listing() -> list[tuple[str, str, str, str]]:
    return [(p.from_code, p.to_code, p.version, p.fingerprint) for p in packs.list_packs()]


@pytest.mark.parametrize(
    ("member", "what"), [("model/model.bin", "translation model"), ("minisbd/en.onnx", "sentence splitter")]
)
def test_a_damaged_model_is_refused_and_the_working_pack_stays(
    member: str, what: str, tmp_path: Path, pack_files: dict[str, Path], install: Install
) -> None:
    install("en-vi")
    before = _listing()
    working = ArgosEngine().translate_batch(SENTENCE, "en", "vi")
    damaged = _rezip(tmp_path / "damaged.argosmodel", pack_files["en-vi@2"], {member: b"garbage\n"})

    with pytest.raises(UserError, match=f"is damaged or made for a newer engine: its {what}") as caught:
        packs.install_pack(damaged)

    assert "\n" not in str(caught.value)
    assert _listing() == before
    assert ArgosEngine().translate_batch(SENTENCE, "en", "vi") == working
    assert list(packs.staging_dir().iterdir()) == []


def test_a_pack_damaged_after_install_is_one_sentence(install: Install) -> None:
    (pack,) = install("en-vi")
    (pack.path / "model" / "model.bin").write_bytes(b"garbage\n")
    argos.invalidate()
    with pytest.raises(UserError, match=r"^The language pack en -> vi cannot be loaded; reinstall it\.$"):
        ArgosEngine().translate_batch(SENTENCE, "en", "vi")


def test_a_splitter_damaged_after_install_is_one_sentence(install: Install) -> None:
    (pack,) = install("en-vi")
    (pack.path / "minisbd" / "en.onnx").write_bytes(b"garbage\n")
    argos.invalidate()
    with pytest.raises(UserError, match="cannot be loaded; reinstall it"):
        ArgosEngine().warm_up([("en", "vi")])


@pytest.mark.parametrize("code", ["pt-BR", "zh-Hant", "en_US", "xyz"])
def test_unknown_language_codes_are_refused(code: str, tmp_path: Path, pack_files: dict[str, Path]) -> None:
    source = pack_files["en-vi"]
    odd = _rezip(tmp_path / "odd.argosmodel", source, {"metadata.json": _metadata(source, from_code=code)})
    with pytest.raises(UserError, match=f"language code '{code}', which Communiqué does not know"):
        packs.install_pack(odd)
    assert packs.list_packs() == []


def test_codes_are_normalised_so_one_pair_has_one_folder(tmp_path: Path, pack_files: dict[str, Path]) -> None:
    source = pack_files["en-vi"]
    shouting = _rezip(tmp_path / "upper.argosmodel", source, {"metadata.json": _metadata(source, from_code=" EN ")})
    pack = packs.install_pack(shouting)
    assert (pack.from_code, pack.to_code, pack.path.name) == ("en", "vi", "translate-en_vi")
    assert ArgosEngine().translate_batch(SENTENCE, "en", "vi")[0]

    packs.install_pack(pack_files["en-vi@2"])
    assert [(p.from_code, p.to_code, p.version) for p in packs.list_packs()] == [("en", "vi", "2.0")]
    assert [p.name for p in packs.packs_dir().iterdir() if not p.name.startswith(".")] == ["translate-en_vi"]
    packs.remove_pack("en", "vi")
    assert packs.list_packs() == []


def test_a_file_for_another_pair_is_refused_when_a_pair_is_expected(
    pack_files: dict[str, Path], install: Install
) -> None:
    install("vi-en")
    before = _listing()
    with pytest.raises(UserError, match=r"is a pack from en to vi, not the en -> ja pack asked for"):
        packs.install_pack(pack_files["en-vi"], expected=("en", "ja"))
    assert _listing() == before
    assert packs.install_pack(pack_files["en-vi"], expected=("EN", "vi")).to_code == "vi"


def test_a_failed_rename_is_rolled_back(
    pack_files: dict[str, Path], install: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The one fault injected in this suite: a rename failing with EXDEV cannot be caused for real
    # without a second file system.
    (old,) = install("en-vi")
    before = _listing()
    working = ArgosEngine().translate_batch(SENTENCE, "en", "vi")
    real_replace = Path.replace

    def cross_device(self: Path, target: str | os.PathLike[str]) -> Path:
        # The new pack moves in last, after the old one was moved aside: fail exactly there, as a
        # rename onto another disk (packs/ a link to it) does.
        if Path(target) == old.path and self.name == "pack":
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return real_replace(self, target)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", cross_device)
        with pytest.raises(UserError, match=r"could not be put in place .*the packs installed before are unchanged"):
            packs.install_pack(pack_files["en-vi@2"])
    assert _listing() == before
    assert ArgosEngine().translate_batch(SENTENCE, "en", "vi") == working


def test_stale_staging_folders_are_cleaned_when_an_install_starts(pack_files: dict[str, Path]) -> None:
    staging = packs.staging_dir()
    crashed = [staging / "install-abc123", staging / f"download-{os.getpid()}-x", staging / "remove-999999999-y"]
    for folder in crashed:
        (folder / "pack").mkdir(parents=True)
    in_use = staging / "install-1-busy"  # process 1 is alive: another install, leave it be
    in_use.mkdir()
    (staging / "notes").mkdir()  # not a staging folder: not ours to delete

    packs.install_pack(pack_files["vi-en"])

    assert sorted(p.name for p in staging.iterdir()) == ["install-1-busy", "notes"]


def _flip_stored_bytes(path: Path, source: Path, member_suffix: str) -> Path:
    """A copy of ``source`` whose member's data has bytes flipped (its directory stays intact)."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo(next(n for n in zf.namelist() if n.endswith(member_suffix)))
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    for i in range(start, start + 16):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def test_unpacking_errors_name_the_pack_file(tmp_path: Path, pack_files: dict[str, Path]) -> None:
    broken = _flip_stored_bytes(tmp_path / "broken-en-vi.argosmodel", pack_files["en-vi"], "model.bin")
    label = "The file 'broken-en-vi.argosmodel'"
    with zipfile.ZipFile(broken) as archive:
        _top, files = check_entries(archive, label)  # the directory is fine: the damage shows on reading
        with pytest.raises(
            UserError, match=r"^The file 'broken-en-vi\.argosmodel' is damaged \(.+\): download it again\.$"
        ):
            extract(archive, files, tmp_path / "out", label)
        (tmp_path / "taken").write_text("a file where the folder should go", encoding="utf-8")
        with pytest.raises(UserError, match=r"^The file 'broken-en-vi\.argosmodel' cannot be unpacked: .+\.$"):
            extract(archive, files, tmp_path / "taken", label)
    with pytest.raises(UserError, match=r"^The file 'broken-en-vi\.argosmodel' is damaged"):
        packs.install_pack(broken)
    assert packs.list_packs() == []
