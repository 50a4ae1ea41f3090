"""Refresh the interface translations: lupdate over app/ into each .ts, then lrelease each into a .qm.

    python scripts/translations.py            # refresh every resources/i18n/communique_*.ts, build the .qm
    python scripts/translations.py --add de   # start a new language
    python scripts/translations.py --check    # build only; fail if a .ts has unfinished strings,
                                              # or lacks a service sentence marked in the source

The .qm files land next to the .ts (git ignores them): they let a translator check the result
in the app at once. The app does not need them: it compiles the .ts itself on first use
(app/i18n.py). Run from the repository root (``make translations``).
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

I18N = ROOT / "resources" / "i18n"
DOMAIN = "communique"


def _tool(name: str) -> Path:
    """lupdate / lrelease from the PySide6 package this Python uses (found without importing Qt)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("translations: PySide6 is not installed in this Python; run `make` first")
    folder = Path(next(iter(spec.submodule_search_locations)))
    exe = folder / (f"{name}.exe" if sys.platform == "win32" else name)
    if not exe.is_file():
        raise SystemExit(f"translations: {exe} is missing (it ships with PySide6-Essentials)")
    return exe


#: The Qt-free packages whose sentences the app shows; a module in them that marks a sentence
#: (core.words: QT_TRANSLATE_NOOP, Msg, in_app) is read by lupdate.
PACKAGES = ["core", "scheduler", "translation", "connectors"]
#: What lupdate also reads as ``QT_TR_NOOP``: a service's sentence template, and the app's wording
#: of one that names a CLI command (both filed under the empty context, see core.words).
MESSAGE_MARKS = ("Msg", "in_app")
ALIASES = ",".join(f"QT_TR_NOOP+={name}" for name in MESSAGE_MARKS)
_WORDS_IMPORT = re.compile(r"^from core\.words import (\([^)]*\)|[^\n]*)", re.MULTILINE)
_MARKS = re.compile(r"\b(QT_TRANSLATE_NOOP|Msg|in_app)\b")


def marked() -> list[Path]:
    """The Qt-free modules that mark sentences for the app (found by their import from core.words)."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            imports = _WORDS_IMPORT.findall(path.read_text(encoding="utf-8"))
            if any(_MARKS.search(names) for names in imports):
                found.append(path)
    return found


def sources() -> list[Path]:
    """Every Python file of the desktop app, and the Qt-free modules whose marked sentences it shows."""
    return sorted((ROOT / "app").rglob("*.py")) + marked()


def templates(paths: list[Path] | None = None) -> dict[str, list[str]]:
    """Each :class:`core.words.Msg` / ``in_app`` template written in ``paths`` (default: :func:`marked`),
    with where it is written (``file:line``).

    Read from the source as lupdate reads it: the first argument, a string literal. A template that
    is not a literal (a variable, an f-string) cannot be translated, and is listed under ``""``.
    """
    found: dict[str, list[str]] = {}
    for path in paths if paths is not None else marked():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MESSAGE_MARKS):
                continue
            first = node.args[0] if node.args else None
            text = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""
            found.setdefault(text, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def untranslated_templates(ts: Path) -> list[str]:
    """The marked templates that ``ts`` lacks or leaves unfinished, each with where it is written."""
    finished = set()
    for context in ET.parse(ts).getroot().iter("context"):
        if (context.findtext("name") or "") != "":  # core.words.MESSAGE_CONTEXT
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                finished.add(message.findtext("source") or "")
    return sorted(
        f"{', '.join(where)}: {text!r}" if text else f"{', '.join(where)}: not a string literal"
        for text, where in templates().items()
        if text not in finished
    )


def update(ts: Path, language: str) -> None:
    """Add the strings new in app/ to ``ts`` and drop the ones no longer there."""
    files = [str(path.relative_to(ROOT)) for path in sources()]
    # No line numbers: five people editing app/ would otherwise rewrite every location each time.
    command = [str(_tool("lupdate")), "-no-obsolete", "-locations", "none", "-source-language", "en"]
    command += ["-tr-function-alias", ALIASES]
    command += ["-target-language", language, *files, "-ts", str(ts.relative_to(ROOT))]
    subprocess.run(command, cwd=ROOT, check=True)


def release(ts: Path) -> tuple[int, int]:
    """Compile ``ts`` next to itself; returns (finished, unfinished) as lrelease counts them."""
    done = subprocess.run(
        [str(_tool("lrelease")), str(ts), "-qm", str(ts.with_suffix(".qm"))],
        capture_output=True,
        text=True,
        check=True,
    )
    print(done.stdout.strip())
    found = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", done.stdout)
    untranslated = re.search(r"Ignored (\d+) untranslated source text", done.stdout)
    unfinished = int(found.group(3)) if found else 0
    return (int(found.group(2)) if found else 0), unfinished + (int(untranslated.group(1)) if untranslated else 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--add", metavar="CODE", action="append", default=[], help="start a translation into CODE")
    parser.add_argument("--check", action="store_true", help="do not run lupdate; fail on unfinished strings")
    args = parser.parse_args()
    I18N.mkdir(parents=True, exist_ok=True)
    for code in args.add:
        target = I18N / f"{DOMAIN}_{code}.ts"
        if not target.exists():
            update(target, code)
    files = sorted(I18N.glob(f"{DOMAIN}_*.ts"))
    if not files:
        print("translations: no .ts in resources/i18n; start one with --add CODE", file=sys.stderr)
        return 1
    missing = 0
    for ts in files:
        if not args.check:
            update(ts, ts.stem.removeprefix(f"{DOMAIN}_"))
        _finished, unfinished = release(ts)
        if unfinished:
            print(f"translations: {ts.name} has {unfinished} string(s) left to translate")
            missing += unfinished
        absent = untranslated_templates(ts)
        if absent and args.check:  # after an update they are the unfinished ones counted above
            print(f"translations: {ts.name} lacks {len(absent)} service sentence(s); run without --check:")
            print("\n".join(f"  {line}" for line in absent))
            missing += len(absent)
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
