"""``communique lang``, ``translate`` and ``glossary``: the real console script in a subprocess, with a temporary
COMMUNIQUE_HOME."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from core import queries
from core.store import open_store
from tests.support.cli import run_cli
from tests.support.cli import run_script as run
from tests.support.sample_posts import EXPECTED, POSTS
from translation import glossary, spans


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


def add_forced_term(home: Path, term: str, translation: str, *, to: str = "en") -> str:
    """``communique glossary add`` a vi -> ``to`` forced translation in another process; its id."""
    added = run_cli(
        "glossary", "add", "--from", "vi", "--to", to, "--translation", translation, "--json", term, home=home
    )
    assert added.code == 0, added.err
    return str(added.json()["id"])


def test_glossary_edit_changes_an_entry_and_is_audited(isolated_home: Path, pack_files: dict[str, Path]) -> None:
    assert run_cli("lang", "install", str(pack_files["vi-en"]), home=isolated_home).code == 0
    entry_id = add_forced_term(isolated_home, "Bộ Ngoại giao", "MOFA")

    edited = run_cli(
        "glossary",
        "edit",
        entry_id,
        "--translation",
        "Foreign Ministry",
        "--ignore-case",
        "--note",
        "official name",
        "--json",
        home=isolated_home,
    )
    assert edited.code == 0, edited.err
    assert (edited.json()["translation"], edited.json()["case_sensitive"], edited.json()["note"]) == (
        "Foreign Ministry",
        False,
        "official name",
    )
    done = run_cli("translate", "--from", "vi", "--to", "en", "bộ ngoại giao hôm nay", home=isolated_home)
    assert done.out.splitlines()[1].startswith("Foreign Ministry ")  # ignore-case applies too

    kept = run_cli("glossary", "edit", entry_id, "--keep", "--case-sensitive", home=isolated_home)
    assert kept.code == 0 and "kept as written" in kept.out
    (listed,) = run_cli("glossary", "list", "--json", home=isolated_home).json()
    assert (listed["translation"], listed["case_sensitive"], listed["note"]) == (None, True, "official name")
    done = run_cli("translate", "--from", "vi", "--to", "en", "Bộ Ngoại giao hôm nay", home=isolated_home)
    assert done.out.splitlines()[1].startswith("Bộ Ngoại giao ")

    store = open_store()
    try:
        events = queries.list_events(store, entity=glossary.AUDIT_ENTITY, entity_id=int(entry_id))
    finally:
        store.dispose()
    assert [(e.action, e.actor) for e in reversed(events)] == [
        ("glossary_add", "tester"),
        ("glossary_update", "tester"),
        ("glossary_update", "tester"),
    ]
    assert events[1].details["translation"] == "Foreign Ministry" and events[0].details["translation"] is None


def test_glossary_edit_refuses_bad_input_with_one_sentence(isolated_home: Path) -> None:
    added = run_cli("glossary", "add", "--from", "vi", "--json", "ASEAN", home=isolated_home)
    entry_id = str(added.json()["id"])
    cases = [
        (("glossary", "edit", "999"), "There is no glossary entry number 999"),
        (("glossary", "edit", "999", "--note", "x"), "There is no glossary entry number 999"),
        (("glossary", "edit", entry_id), "Nothing to change"),
        (("glossary", "edit", entry_id, "--translation", "A", "--keep"), "not allowed with argument"),
        (("glossary", "edit", entry_id, "--ignore-case", "--case-sensitive"), "not allowed with argument"),
        (("glossary", "edit", entry_id, "--translation", "Hiệp hội"), "needs one target language"),
        (("glossary", "edit", entry_id, "--translation", " "), "cannot be empty"),
        (("glossary", "edit", "zero"), "is not an id"),
    ]
    for args, message in cases:
        done = run_cli(*args, home=isolated_home)
        assert done.code == 2, (args, done.err)
        assert message in done.err and done.err.count("\n") == 1, (args, done.err)
    (entry,) = run_cli("glossary", "list", "--json", home=isolated_home).json()
    assert (entry["translation"], entry["case_sensitive"], entry["note"]) == (None, True, "")
