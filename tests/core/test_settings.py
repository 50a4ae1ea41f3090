"""The settings file: round trip, precedence, sources, refusals, and every process honouring it."""

from __future__ import annotations

import dataclasses
import json
import tomllib
from pathlib import Path

import pytest

from core import paths, practice, settings
from core.errors import ConfigurationError, UserError
from core.settings import Source
from core.store import open_store
from tests.support.cli import run_cli

ENV_VARIABLES = [spec.env for spec in settings.SPECS]


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start from no setting in the environment (the suite's home is already fresh)."""
    for variable in ENV_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def test_the_settings_fields_and_the_specs_agree() -> None:
    names = [f.name for f in dataclasses.fields(settings.Settings) if f.name != "sources"]
    assert names == [spec.name for spec in settings.SPECS]
    assert settings.load() == settings.Settings()  # nothing set anywhere: the defaults


def test_round_trip_keeps_non_ascii_quotes_and_control_characters() -> None:
    awkward = 'sqlite:////srv/Bộ Ngoại giao/外務省 "team"\\ \t\x7f.sqlite3'
    saved = settings.update(database_url=awkward, interface_language="VI", publish_in_app=False)
    assert (saved.database_url, saved.interface_language, saved.publish_in_app) == (awkward, "vi", False)
    raw = settings.path().read_bytes()
    assert "Bộ Ngoại giao/外務省".encode() in raw  # written as UTF-8, not escaped
    assert tomllib.loads(raw.decode("utf-8"))["database_url"] == awkward
    assert settings.load() == saved
    assert not [p for p in settings.path().parent.iterdir() if p.name.endswith(".tmp")]

    back_to_default = settings.update(database_url=None)
    assert back_to_default.database_url is None and back_to_default.source("database_url") is Source.DEFAULT
    assert "database_url" not in tomllib.loads(settings.path().read_text(encoding="utf-8"))


def test_the_environment_overrides_the_file_and_each_source_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    settings.update(interface_language="vi", publish_in_app=False, database_url="sqlite:////tmp/from-file.sqlite3")
    monkeypatch.setenv("COMMUNIQUE_LANGUAGE", "en")
    monkeypatch.setenv("COMMUNIQUE_PUBLISH_IN_APP", "On")
    monkeypatch.setenv("COMMUNIQUE_PRACTICE", "")  # empty counts as unset
    found = settings.load()
    assert (found.interface_language, found.publish_in_app, found.practice) == ("en", True, False)
    assert {spec.name: found.source(spec.name) for spec in settings.SPECS} == {
        "database_url": Source.FILE,
        "interface_language": Source.ENVIRONMENT,
        "publish_in_app": Source.ENVIRONMENT,
        "practice": Source.DEFAULT,
    }
    assert found.forced("interface_language") and not found.forced("database_url")

    # --db, then COMMUNIQUE_DB, then the file, then the SQLite file.
    assert paths.database_url() == "sqlite:////tmp/from-file.sqlite3"
    monkeypatch.setenv("COMMUNIQUE_DB", "postgresql://press:pw@db.example.org/team")  # a password is fine here
    assert paths.database_url() == "postgresql://press:pw@db.example.org/team"
    assert paths.database_url("sqlite:////tmp/explicit.sqlite3") == "sqlite:////tmp/explicit.sqlite3"
    monkeypatch.delenv("COMMUNIQUE_DB")
    settings.update(database_url=None)
    assert paths.database_url() == f"sqlite:///{paths.default_db_path()}"


def test_saving_never_copies_an_environment_value_into_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_LANGUAGE", "ja")
    monkeypatch.setenv("COMMUNIQUE_DB", "postgresql://press:pw@db.example.org/team")
    edited = dataclasses.replace(settings.load(), publish_in_app=False)  # what a settings screen does
    settings.save(edited)
    assert tomllib.loads(settings.path().read_text(encoding="utf-8")) == {"publish_in_app": False}


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("publish_in_app = maybe\n", "is not valid TOML at line 1, column 18"),
        ("# fine\npractice = true\ninterface_language = 'vi\n", "is not valid TOML at line 3"),
        ("interface_language = 'vi'\npractice = \"yes\"\n", "(line 2), practice must be true or false, not 'yes'"),
        ("publish_in_app = 1\n", "publish_in_app must be true or false, not 1"),
        ("interface_language = 12\n", "interface_language must be text in double quotes, not 12"),
        ("interface_language = 'klingon'\n", "must be a language code such as en or vi"),
        ("database_url = 'not a url'\n", "must be a database URL"),
        ("[practice]\non = true\n", "(line 1), practice must be true or false, not a table"),
    ],
)
def test_a_bad_file_is_one_sentence_naming_the_file(content: str, fragment: str) -> None:
    settings.path().write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError) as caught:
        settings.load()
    message = str(caught.value)
    assert str(settings.path()) in message and fragment in message, message
    assert "\n" not in message
    with pytest.raises(ConfigurationError):
        open_store()  # every process stops with the same sentence, not a traceback


def test_a_file_that_is_not_utf8_names_the_line() -> None:
    settings.path().write_bytes(b"practice = true\ninterface_language = '\xff'\n")
    with pytest.raises(ConfigurationError, match=r"is not UTF-8 text \(line 2\)"):
        settings.load()


def test_unknown_keys_are_ignored_and_kept() -> None:
    settings.path().write_text('future_option = "x"\n"odd key" = 7\npractice = false\n', encoding="utf-8")
    assert settings.load().practice is False
    settings.update(interface_language="de")
    assert tomllib.loads(settings.path().read_text(encoding="utf-8")) == {
        "interface_language": "de",
        "practice": False,
        "future_option": "x",
        "odd key": 7,
    }


def test_update_fixes_a_bad_value_but_refuses_to_drop_what_it_cannot_rewrite() -> None:
    settings.path().write_text('publish_in_app = "no"\n', encoding="utf-8")
    assert settings.update(publish_in_app=False).publish_in_app is False
    settings.path().write_text("publish_in_app = false\nhosts = ['a', 'b']\n", encoding="utf-8")
    before = settings.path().read_bytes()
    with pytest.raises(ConfigurationError, match="holds 'hosts' as a list, which Communiqué cannot rewrite"):
        settings.update(practice=True)
    assert settings.path().read_bytes() == before


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"publish_in_app": "yes"}, "publish_in_app must be true or false, not 'yes'"),
        ({"interface_language": "xx"}, "must be a language code such as en or vi, not 'xx'"),
        ({"colour": "blue"}, "There is no setting 'colour'; the settings are database_url"),
        ({"database_url": "db.example.org/team"}, "must be a database URL"),
    ],
)
def test_wrong_values_are_refused_and_nothing_is_written(changes: dict[str, object], fragment: str) -> None:
    settings.update(practice=False)
    before = settings.path().read_bytes()
    with pytest.raises(UserError, match=fragment):
        settings.update(**changes)  # type: ignore[arg-type]
    assert settings.path().read_bytes() == before


@pytest.mark.parametrize(
    "url", ["postgresql://press:s3cret@db.example.org/team", "postgresql://press@db.example.org/team?password=s3cret"]
)
def test_a_database_url_with_a_password_is_never_saved(url: str) -> None:
    with pytest.raises(UserError) as caught:
        settings.update(database_url=url)
    message = str(caught.value)
    assert "PGPASSWORD" in message and "~/.pgpass" in message and "s3cret" not in message
    assert not settings.path().exists()

    # Typed into the file by hand: refused on reading too, still without echoing it.
    settings.path().write_text(f'database_url = "{url}"\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="holds a database password") as read:
        settings.load()
    assert "s3cret" not in str(read.value)


def test_a_bad_environment_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_PUBLISH_IN_APP", "perhaps")
    with pytest.raises(ConfigurationError, match="COMMUNIQUE_PUBLISH_IN_APP must be 1 or 0"):
        settings.load()
    monkeypatch.delenv("COMMUNIQUE_PUBLISH_IN_APP")
    monkeypatch.setenv("COMMUNIQUE_PRACTICE", "ja")  # a mistyped safety switch must not mean "off"
    with pytest.raises(ConfigurationError, match="COMMUNIQUE_PRACTICE must be 1 or 0"):
        practice.enabled()


def test_command_line_text_is_parsed_by_type() -> None:
    assert settings.parse("publish_in_app", "OFF") is False
    assert settings.parse("practice", "1") is True
    assert settings.parse("interface_language", "vi") == "vi"
    with pytest.raises(UserError, match="true or false"):
        settings.parse("practice", "sometimes")


def test_a_database_url_in_the_file_is_used_by_open_store(tmp_path: Path) -> None:
    team = tmp_path / "shared folder" / "team.sqlite3"
    team.parent.mkdir()
    settings.update(database_url=f"sqlite:///{team}")
    store = open_store()
    try:
        assert store.is_sqlite and team.exists()
    finally:
        store.dispose()
    assert not paths.default_db_path().exists()


def test_the_file_practice_flag_puts_a_command_into_practice_mode(isolated_home: Path) -> None:
    settings.update(practice=True)
    result = run_cli("account", "list", home=isolated_home)
    assert result.code == 0, result.err
    assert (isolated_home / "practice.sqlite3").exists()
    assert not (isolated_home / "communique.sqlite3").exists()

    # The environment wins over the file, either way.
    assert run_cli("account", "list", home=isolated_home, env={"COMMUNIQUE_PRACTICE": "0"}).code == 0
    assert (isolated_home / "communique.sqlite3").exists()


def test_a_running_process_never_changes_practice_mode_halfway() -> None:
    assert not practice.enabled()
    settings.update(practice=True)  # e.g. by 'communique settings set' while the app runs
    assert settings.load().practice is True
    assert not practice.enabled()
    assert paths.database_url() == f"sqlite:///{paths.default_db_path()}"


def test_describe_never_shows_a_password_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_DB", "postgresql://press:s3cret@db.example.org/team")
    settings.update(interface_language="vi")
    rows = {row["name"]: row for row in settings.describe()}
    assert rows["database_url"]["shown"] == "postgresql://press:***@db.example.org/team"
    assert (rows["database_url"]["source"], rows["database_url"]["variable"]) == ("environment", "COMMUNIQUE_DB")
    assert (rows["interface_language"]["value"], rows["interface_language"]["source"]) == ("vi", "file")
    assert rows["practice"]["shown"] == "false" and rows["practice"]["source"] == "default"
    assert "s3cret" not in json.dumps(rows)
