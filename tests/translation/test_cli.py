"""The real console script in a subprocess, with a temporary COMMUNIQUE_HOME."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.translation.test_spans import EXPECTED, POSTS
from translation import spans

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "communique"


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, str(REPO / "main.py")]
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )


def test_lang_install_list_translate_remove(pack_files: dict[str, Path]) -> None:
    for key in ("vi-en", "en-ja"):
        done = run("lang", "install", str(pack_files[key]))
        assert done.returncode == 0, done.stderr
    listed = run("lang", "list", "--json")
    assert [(p["from"], p["from_name"], p["to"], p["to_name"]) for p in json.loads(listed.stdout)] == [
        ("en", "English", "ja", "Japanese"),
        ("vi", "Vietnamese", "en", "English"),
    ]
    assert "Vietnamese" in run("lang", "list").stdout

    done = run("translate", "--from", "vi", "--to", "en,ja", "--json", "--platform", "x", "-", stdin=POSTS["vi"])
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [(r["to"], r["path"]) for r in results] == [("en", ["vi", "en"]), ("ja", ["vi", "en", "ja"])]
    for result in results:
        assert [(p.kind.value, p.text) for p in spans.split(result["text"]) if p.protected] == [
            (kind.value, text) for kind, text in EXPECTED["vi"]
        ]
        assert isinstance(result["flags"], list)

    human = run("translate", "--from", "vi", "--to", "ja", "Hôm nay")
    assert human.returncode == 0 and "(vi -> en -> ja)" in human.stdout

    assert run("lang", "remove", "en", "ja").returncode == 0
    assert [p["to"] for p in json.loads(run("lang", "list", "--json").stdout)] == ["en"]


def test_over_limit_is_flagged(pack_files: dict[str, Path]) -> None:
    run("lang", "install", str(pack_files["vi-en"]))
    done = run("translate", "--from", "vi", "--to", "en", "--json", "--limit", "20", "Hôm nay https://mofa.gov.vn")
    assert "over_limit" in [f["code"] for f in json.loads(done.stdout)[0]["flags"]]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_bad_input_exits_2_with_one_sentence(tmp_path: Path, pack_files: dict[str, Path]) -> None:
    run("lang", "install", str(pack_files["vi-en"]))
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_bytes(b"not a zip")
    offline = {"COMMUNIQUE_PACK_INDEX": f"http://127.0.0.1:{_closed_port()}/index.json"}
    cases = [
        (("translate", "--from", "vi", "--to", "de", "Xin chào"), None, "No language pack translates"),
        (("translate", "--from", "xx", "--to", "en", "Xin chào"), None, "Unknown language code"),
        (("translate", "--from", "vi", "--to", "en", "--platform", "myspace", "Xin chào"), None, "Unknown platform"),
        (
            ("translate", "--from", "vi", "--to", "en", "--engine", "nope", "Xin chào"),
            None,
            "Unknown translation engine",
        ),
        (("lang", "install", str(bogus)), None, "not a language pack"),
        (("lang", "remove", "en", "vi"), None, "No language pack from en to vi"),
        (("lang", "available"), offline, "Cannot reach the language pack index"),
        (("lang", "available"), {"COMMUNIQUE_PACK_INDEX": "http://[::1"}, "is not a valid web address"),
        (("lang", "available", "--timeout", "0"), offline, "not a number of seconds above zero"),
        (("lang", "available", "--timeout", "nan"), offline, "not a number of seconds above zero"),
        (("lang", "download", "en", "vi", "--timeout", "inf"), offline, "not a number of seconds above zero"),
        (("glossary", "remove", "999999999999999999999"), None, "is not an id"),
        (("glossary", "remove", "0"), None, "is not an id"),
    ]
    for args, env, message in cases:
        done = run(*args, env=env)
        assert done.returncode == 2, (args, done.stderr)
        assert message in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert "Traceback" not in done.stderr
    assert [p["from"] for p in json.loads(run("lang", "list", "--json").stdout)] == ["vi"]


def test_glossary_commands(pack_files: dict[str, Path]) -> None:
    run("lang", "install", str(pack_files["vi-en"]))
    added = run("glossary", "add", "--from", "vi", "--to", "en", "--translation", "MOFA", "--json", "Bộ Ngoại giao")
    assert added.returncode == 0, added.stderr
    done = run("translate", "--from", "vi", "--to", "en", "Bộ Ngoại giao hôm nay")
    assert done.stdout.splitlines()[1].startswith("MOFA ")
    entry = json.loads(added.stdout)
    assert run("glossary", "remove", str(entry["id"])).returncode == 0
    assert json.loads(run("glossary", "list", "--json").stdout) == []
