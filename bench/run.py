"""Run every benchmark in bench/ and (with --write FILE) update its section of FILE."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["store", "translation", "scheduler", "gui", "engagement", "feedback", "media"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", help="Markdown file whose sections are replaced with the new figures")
    parser.add_argument("only", nargs="*", help="run only these benchmarks")
    args = parser.parse_args()
    failed = []
    for name in args.only or BENCHMARKS:
        script = HERE / f"{name}.py"
        if not script.exists():
            print(f"bench: {name}.py not present, skipped")
            continue
        command = [sys.executable, str(script)] + (["--write", args.write] if args.write else [])
        print(f"bench: running {name}", flush=True)
        if subprocess.run(command, cwd=HERE.parent, check=False).returncode != 0:
            failed.append(name)
    if failed:
        print(f"bench: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
