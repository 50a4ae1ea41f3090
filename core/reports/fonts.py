"""Unicode fonts for the PDF report, found by file on this machine.

A report holds post texts in any audience's language: Vietnamese and Ukrainian need a font
with Latin Extended and Cyrillic, Hindi a Devanagari font (shaped with HarfBuzz), Japanese a
CJK font. The first family found is the report's main font; the others are fallbacks that
fill in the glyphs it lacks. Without any main font the report is refused in one sentence.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from core.errors import UserError
from core.words import Msg

#: Where Linux distributions install fonts; the first folders win.
DEFAULT_ROOTS: tuple[Path, ...] = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
)
_SUFFIXES = (".ttf", ".otf", ".ttc")


@dataclass(frozen=True)
class FontFile:
    """One face: a font file and, for a collection (``.ttc``), the face's number in it."""

    path: Path
    index: int = 0


@dataclass(frozen=True)
class FontFamily:
    """A family registered in the PDF under ``name``; ``bold`` is ``regular`` where no bold face exists."""

    name: str
    regular: FontFile
    bold: FontFile


# (name in the PDF, regular file names, bold file names, face number in a collection).
# Noto Sans covers Latin (Vietnamese included), Greek and Cyrillic; DejaVu is the fallback main
# font. The CJK collections hold JP, KR, SC, TC, HK faces: face 0 is the Japanese one.
_MAIN: tuple[tuple[str, tuple[str, ...], tuple[str, ...], int], ...] = (
    ("NotoSans", ("NotoSans-Regular.ttf",), ("NotoSans-Bold.ttf",), 0),
    ("DejaVuSans", ("DejaVuSans.ttf",), ("DejaVuSans-Bold.ttf",), 0),
)
_FALLBACKS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], int], ...] = (
    ("NotoSansDevanagari", ("NotoSansDevanagari-Regular.ttf",), ("NotoSansDevanagari-Bold.ttf",), 0),
    (
        "NotoSansCJK",
        ("NotoSansCJK-Regular.ttc", "NotoSansCJKjp-Regular.otf", "NotoSansJP-Regular.otf"),
        ("NotoSansCJK-Bold.ttc", "NotoSansCJKjp-Bold.otf", "NotoSansJP-Bold.otf"),
        0,
    ),
    ("DejaVuSans", ("DejaVuSans.ttf",), ("DejaVuSans-Bold.ttf",), 0),
)


def report_fonts(roots: Sequence[Path] | None = None) -> tuple[FontFamily, ...]:
    """The report's font families, main font first, then the fallbacks found.

    ``roots``: the folders to search (default: the system's font folders, then ``fc-match``).
    A :class:`UserError` when no main font with Vietnamese and Cyrillic letters is installed.
    """
    files = _index(tuple(roots) if roots is not None else DEFAULT_ROOTS)
    families: list[FontFamily] = []
    for candidates in (_MAIN, _FALLBACKS):
        for name, regular_names, bold_names, index in candidates:
            if any(family.name == name for family in families):
                continue
            found = _family(files, name, regular_names, bold_names, index)
            if found is not None:
                families.append(found)
                if candidates is _MAIN:
                    break
        if not families:
            matched = _fc_match() if roots is None else None
            if matched is None:
                raise UserError(
                    Msg(
                        "No Unicode font for the PDF report is installed; install Noto Sans or DejaVu Sans (the "
                        "fonts-noto-core or fonts-dejavu-core package on Debian) and try again.",
                    )
                )
            families.append(FontFamily("Main", FontFile(matched), FontFile(matched)))
    return tuple(families)


def _family(
    files: dict[str, Path], name: str, regular_names: Sequence[str], bold_names: Sequence[str], index: int
) -> FontFamily | None:
    regular = next((files[n] for n in regular_names if n in files), None)
    if regular is None:
        return None
    bold = next((files[n] for n in bold_names if n in files), regular)
    # A collection's face number only applies to collections; an .otf has one face.
    return FontFamily(
        name,
        FontFile(regular, index if regular.suffix == ".ttc" else 0),
        FontFile(bold, index if bold.suffix == ".ttc" else 0),
    )


@functools.lru_cache(maxsize=8)
def _index(roots: tuple[Path, ...]) -> dict[str, Path]:
    """Font file name -> first path with that name under ``roots``."""
    found: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() in _SUFFIXES and path.name not in found and path.is_file():
                found[path.name] = path
    return found


def _fc_match() -> Path | None:
    """The file fontconfig picks for Vietnamese sans-serif text, when it is a face the PDF can embed."""
    command = shutil.which("fc-match")
    if command is None:
        return None
    try:
        done = subprocess.run(
            [command, "--format=%{file}", "sans-serif:lang=vi"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(done.stdout.strip())
    return path if done.returncode == 0 and path.suffix.lower() in (".ttf", ".otf") and path.is_file() else None
