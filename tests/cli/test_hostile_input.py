"""Hostile and careless input to the real console script (issue 15, items 6-14): each is refused
with one sentence and exit status 2, and nothing is written: no row, no audit event, no media file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.support.cli import SCRIPT, Result, run_cli

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One X account (Berlin) and one Page (Hanoi); every test here must leave it as it was."""
    folder = tmp_path_factory.mktemp("hostile-home")
    for args in (
        ("--platform", "x", "--name", "Berlin", "--language", "de", "--timezone", "Europe/Berlin"),
        ("--platform", "facebook", "--name", "Hanoi", "--language", "vi", "--timezone", "Asia/Ho_Chi_Minh"),
    ):
        extra = ("--page-id", "100200300") if "facebook" in args else ()
        assert run_cli("account", "add", *args, *extra, home=folder).code == 0
    return folder


def _state(home: Path) -> tuple[dict[str, int], list[str]]:
    """Rows per table and the files in the media folder."""
    with sqlite3.connect(home / "communique.sqlite3") as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t != "alembic_version"}
    media = home / "media"
    return rows, sorted(p.name for p in media.iterdir()) if media.exists() else []


def _refused(result: Result, fragment: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert fragment in result.err, result.err
    assert result.err.startswith("communique: ") and result.err.count("\n") == 1, "one sentence on one line"
    assert "Traceback" not in result.err and "Error:" not in result.err


def _run_refused(home: Path, fragment: str, *args: str, stdin: str | None = None) -> Result:
    before = _state(home)
    result = run_cli(*args, home=home, stdin=stdin)
    _refused(result, fragment)
    assert _state(home) == before, "a refused command wrote something"
    return result


# --- 6. NUL and other C0 controls; 11. text that shows nothing --------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Hello\x00world", "contains a NUL byte at position 6"),
        ("Red \x1b[31malert", "control character U+001B at position 5"),
        ("bell\x07", "control character U+0007"),
        ("\u200b\u200d\u202e\u2066\u2069\ufeff", "shows nothing"),
        ("\u3164 \u2800\u00a0", "shows nothing"),
    ],
)
def test_controls_and_invisible_texts_are_refused(home: Path, tmp_path: Path, text: str, fragment: str) -> None:
    source = tmp_path / "post.txt"
    source.write_text(text, encoding="utf-8")
    _run_refused(home, fragment, "post", "create", "--account", "Berlin", "--text-file", str(source))
    _run_refused(home, fragment, "post", "create", "--account", "Berlin", "--text", "-", stdin=text)


def test_tabs_line_breaks_and_windows_line_ends_are_kept(home: Path) -> None:
    created = run_cli(
        "post", "create", "--account", "Berlin", "--text", "-", "--json", home=home, stdin="a\tb\r\nc\u200bd"
    )
    assert created.code == 0, created.err
    assert created.json()["text"] == "a\tb\nc\u200bd"
    assert run_cli("post", "cancel", str(created.json()["id"]), home=home).code == 0


# --- 7. far-future (and far-past) times ----------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "fragment"),
    [
        ("9999-12-31 23:59", "9999-12-31 23:59 is more than 100 years ahead"),
        ("2999-01-01 09:00", "is more than 100 years ahead"),
        ("0001-01-01 00:00", "0001-01-01 00:00 in Europe/Berlin (account 'Berlin') is already past"),
    ],
)
def test_times_outside_a_sane_horizon_are_refused(home: Path, at: str, fragment: str) -> None:
    _run_refused(home, fragment, "post", "create", "--account", "Berlin", "--text", "hi", "--at", at)


def test_a_recurrence_starting_past_the_horizon_is_refused(home: Path) -> None:
    _run_refused(
        home,
        "9999-12-31 23:59 is more than 100 years ahead",
        "recur", "start", "1", "--rule", "FREQ=DAILY", "--start", "9999-12-31 23:59",
    )  # fmt: skip


# --- 8. bounded reads ---------------------------------------------------------------------------


def test_an_endless_file_or_stdin_is_refused_after_the_limit(home: Path, tmp_path: Path) -> None:
    before = _state(home)
    _run_refused(
        home, "holds more than 400,000 bytes", "post", "create", "--account", "Berlin", "--text-file", "/dev/zero"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    environment["COMMUNIQUE_HOME"] = str(home)
    with open("/dev/zero", "rb") as endless:  # noqa: PTH123
        done = subprocess.run(
            [str(SCRIPT), "post", "create", "--account", "Berlin", "--text", "-"],
            stdin=endless,
            capture_output=True,
            text=True,
            env=environment,
            timeout=60,
            check=False,
        )
    _refused(Result(done.returncode, done.stdout, done.stderr), "standard input holds more than 400,000 bytes")
    _run_refused(home, "is a folder", "post", "create", "--account", "Berlin", "--text-file", str(tmp_path))
    assert _state(home) == before


# --- 9. sure to fail: refused when scheduled; 10. no media copied on refusal ----------------------


def test_a_post_sure_to_fail_is_refused_when_scheduled_with_the_publishing_message(home: Path) -> None:
    emoji = "\U0001f600" * 10_000
    _run_refused(
        home,
        "This post cannot be published to 'Berlin': The text is 20000 weighted characters; X allows 280",
        "post", "create", "--account", "Berlin", "--text", emoji, "--at", "2099-01-05 09:00",
    )  # fmt: skip
    drafted = run_cli("post", "create", "--account", "Berlin", "--text", emoji, "--json", home=home)
    assert drafted.code == 0, drafted.err  # a draft may be too long: it is to be shortened or threaded
    post_id = str(drafted.json()["id"])
    _run_refused(home, "X allows 280", "post", "schedule", post_id, "--at", "2099-01-05 09:00")
    assert run_cli("post", "cancel", post_id, home=home).code == 0


def test_a_post_sure_to_fail_is_refused_by_the_next_free_slot_and_by_a_recurrence_too(home: Path) -> None:
    drafted = run_cli("post", "create", "--account", "Berlin", "--text", "\U0001f600" * 10_000, "--json", home=home)
    assert drafted.code == 0, drafted.err
    variant_id = str(drafted.json()["variants"][0]["id"])
    assert run_cli("slot", "add", "Berlin", "09:00", home=home).code == 0
    _run_refused(home, "X allows 280", "slot", "next", variant_id)
    _run_refused(
        home, "X allows 280",
        "recur", "start", variant_id, "--rule", "FREQ=WEEKLY;BYDAY=MO", "--start", "2099-01-05 09:00",
    )  # fmt: skip


def test_an_oversized_image_is_refused_when_scheduled_naming_the_persons_file(home: Path, tmp_path: Path) -> None:
    big = tmp_path / "Summit photo.png"
    with big.open("wb") as handle:
        handle.write(PNG)
        handle.truncate(60 * 1024 * 1024)  # sparse: 60 MB without writing them
    result = _run_refused(
        home,
        "Summit photo.png is 60.0 MB; X takes at most 5 MB for image/png",
        "post", "create", "--account", "Berlin", "--text", "hi", "--media", str(big), "--at", "2099-01-05 09:00",
    )  # fmt: skip
    assert "media/" not in result.err  # the person's file, not a copy in the app's folder


@pytest.mark.parametrize(
    "extra",
    [
        ("--account", "Nowhere"),
        ("--account", "Berlin", "--at", "2001-01-01 09:00"),
        ("--account", "Berlin", "--language", "zz"),
    ],
)
def test_a_refused_create_copies_no_media(home: Path, tmp_path: Path, extra: tuple[str, ...]) -> None:
    image = tmp_path / "flag.png"
    image.write_bytes(PNG + os.urandom(8))  # a file the media folder cannot already hold
    result = run_cli("post", "create", "--text", "hi", "--media", str(image), *extra, home=home)
    assert result.code == 2, result.err
    assert _state(home)[1] == []


# --- 12. empty option values; 13. ids in ASCII digits only; 14. canonical zones only -------------


@pytest.mark.parametrize(
    "args",
    [
        ("post", "create", "--account", "Berlin", "--text", "hi", "--at", ""),
        ("post", "create", "--account", "Berlin", "--text", "hi", "--language", ""),
        ("post", "create", "--account", "", "--text", "hi"),
        ("post", "create", "--account", "Berlin", "--text", "hi", "--media", " "),
        ("post", "list", "--status", ""),
    ],
)
def test_empty_option_values_are_refused(home: Path, args: tuple[str, ...]) -> None:
    _run_refused(home, "the value is empty", *args)


@pytest.mark.parametrize("given", ["1_0", "\u0661\u0660", "\uff11", " 1", "+1", "1.0", "0x1"])
def test_ids_are_ascii_digits_only(home: Path, given: str) -> None:
    _run_refused(home, "is not an id", "post", "show", given)


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "Factory", "right/UTC", "posix/Europe/Berlin", "../UTC"])
def test_machine_dependent_zones_are_refused(home: Path, zone: str) -> None:
    _run_refused(
        home,
        "Unknown time zone",
        "account", "add", "--platform", "x", "--name", "Zone", "--language", "en", "--timezone", zone,
    )  # fmt: skip
