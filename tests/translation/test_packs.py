"""Installing, listing, replacing and removing packs; hostile and damaged archives are refused."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from core.errors import NotFoundError, UserError
from translation import pack_stamp, packs
from translation.argos import ArgosEngine


def _listing() -> list[tuple[str, str, str]]:
    return [(p.from_code, p.to_code, p.version) for p in packs.list_packs()]


def test_install_list_and_remove(install: Callable[..., list[packs.PackInfo]]) -> None:
    assert packs.list_packs() == []
    (vi_en,) = install("vi-en")
    assert vi_en.path.parent == packs.packs_dir()
    listed = packs.list_packs()
    assert [(p.from_code, p.from_name, p.to_code, p.to_name) for p in listed] == [("vi", "Vietnamese", "en", "English")]
    assert listed[0].has_splitter and len(listed[0].fingerprint) == 12
    assert ArgosEngine().translate_batch(["hôm nay bộ ngoại giao."], "vi", "en")[0]

    removed = packs.remove_pack("vi", "en")
    assert removed.path == vi_en.path and not vi_en.path.exists()
    assert packs.list_packs() == []
    with pytest.raises(UserError, match="No language pack from vi to en"):
        ArgosEngine().translate_batch(["hôm nay."], "vi", "en")
    with pytest.raises(NotFoundError):
        packs.remove_pack("vi", "en")


def test_names_fall_back_to_the_language_table(pack_files: dict[str, Path]) -> None:
    # The pack built without names carries "EN"/"FR" in its metadata; people see real names.
    pack = packs.install_pack(pack_files["en-fr-nosplit"])
    assert (pack.from_name, pack.to_name) == ("English", "French")
    assert not pack.has_splitter


def test_reinstall_in_the_same_process_uses_the_new_model(install: Callable[..., list[packs.PackInfo]]) -> None:
    engine = ArgosEngine()
    sentences = ["the ministry of foreign affairs.", "welcome partner country today!"]
    install("en-vi")
    first = engine.translate_batch(sentences, "en", "vi")
    old_version = engine.model_version("en", "vi")

    install("en-vi@2")
    assert _listing() == [("en", "vi", "2.0")]
    # One pack folder, and nothing left of the install but the change stamp.
    assert sorted(p.name for p in packs.packs_dir().iterdir()) == [pack_stamp.FILE_NAME, "translate-en_vi"]
    second = engine.translate_batch(sentences, "en", "vi")
    assert second != first  # a stale cached model would give the old output
    assert engine.model_version("en", "vi") != old_version

    install("en-vi")  # and back again
    assert engine.translate_batch(sentences, "en", "vi") == first


def _valid_members(pack_file: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack_file) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def _write_zip(path: Path, members: dict[str, bytes], extra: Callable[[zipfile.ZipFile], None] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if extra is not None:
            extra(zf)
    return path


def _symlink(zf: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("translate-en_vi-1_0/model/evil")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    zf.writestr(info, "/etc/passwd")


def _bomb(zf: zipfile.ZipFile) -> None:
    zf.writestr("translate-en_vi-1_0/model/padding.bin", b"\0" * (3 * 1024 * 1024))


HOSTILE = {
    "zip slip": ({"../../escaped.txt": b"x"}, None, "outside the pack folder"),
    "absolute path": ({"/tmp/escaped.txt": b"x"}, None, "outside the pack folder"),
    "symlink": ({}, _symlink, "link or a special file"),
    "zip bomb": ({}, _bomb, "absurd size"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archives_are_refused_and_installed_packs_keep_working(
    case: str, tmp_path: Path, pack_files: dict[str, Path], install: Callable[..., list[packs.PackInfo]]
) -> None:
    install("vi-en")
    before = _listing()
    extra_members, extra, message = HOSTILE[case]
    members = _valid_members(pack_files["en-vi"]) | extra_members
    hostile = _write_zip(tmp_path / "hostile.argosmodel", members, extra)

    with pytest.raises(UserError, match=message):
        packs.install_pack(hostile)

    assert _listing() == before
    assert not (tmp_path / "escaped.txt").exists() and not Path("/tmp/escaped.txt").exists()
    assert list(packs.staging_dir().iterdir()) == []
    assert ArgosEngine().translate_batch(["hôm nay."], "vi", "en")[0]


def _corrupt(path: Path, source: Path) -> Path:
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo(next(n for n in zf.namelist() if n.endswith("model.bin")))
    start = info.header_offset + 30 + len(info.filename) + 200
    for i in range(start, start + 64):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def _without(members: dict[str, bytes], suffix: str) -> dict[str, bytes]:
    return {name: data for name, data in members.items() if not name.endswith(suffix)}


def test_damaged_and_incomplete_packs_are_refused(
    tmp_path: Path, pack_files: dict[str, Path], install: Callable[..., list[packs.PackInfo]]
) -> None:
    install("vi-en")
    before = _listing()
    members = _valid_members(pack_files["en-vi"])
    top = next(iter(members)).split("/")[0]
    (tmp_path / "a.argosmodel").write_bytes(b"hello, not a zip")
    cases = {
        "not a zip archive": tmp_path / "a.argosmodel",
        "is damaged": _corrupt(tmp_path / "b.argosmodel", pack_files["en-vi"]),
        "no metadata.json": _write_zip(tmp_path / "c.argosmodel", _without(members, "metadata.json")),
        "not valid JSON": _write_zip(tmp_path / "d.argosmodel", members | {f"{top}/metadata.json": b"{oops"}),
        "no valid from_code": _write_zip(
            tmp_path / "e.argosmodel", members | {f"{top}/metadata.json": json.dumps({"to_code": "vi"}).encode()}
        ),
        "no model/model.bin": _write_zip(tmp_path / "f.argosmodel", _without(members, "model.bin")),
        "exactly one folder": _write_zip(tmp_path / "g.argosmodel", members | {"other/readme.txt": b"x"}),
        "no tokenizer": _write_zip(tmp_path / "h.argosmodel", _without(members, "sentencepiece.model")),
    }
    for message, path in cases.items():
        with pytest.raises(UserError, match=message) as caught:
            packs.install_pack(path)
        assert "\n" not in str(caught.value)
        assert _listing() == before, message
    assert ArgosEngine().translate_batch(["hôm nay."], "vi", "en")[0]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        packs.install_pack(tmp_path / "nope.argosmodel")


def test_folders_that_are_not_packs_break_nothing(install: Callable[..., list[packs.PackInfo]]) -> None:
    install("vi-en")
    (packs.packs_dir() / "stray").mkdir()  # copied in by hand: Argos's own scan fails on these
    (packs.packs_dir() / "stray" / "metadata.json").write_bytes(b"not json")
    (packs.packs_dir() / "empty").mkdir()
    assert _listing() == [("vi", "en", "1.0")]
    assert ArgosEngine().translate_batch(["hôm nay."], "vi", "en")[0]
