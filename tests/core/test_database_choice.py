"""Choosing the database: tested before it is saved, a password refused before any connection."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core import settings
from core.errors import ConfigurationError, UserError
from core.services.database import choose_database, try_database


def test_a_url_with_a_password_is_refused_with_the_settings_sentence_and_nothing_is_saved() -> None:
    with pytest.raises(UserError, match="cannot be saved with a password in it") as caught:
        choose_database("postgresql://press:hunter2secret@db.example.org/communique")
    assert "hunter2secret" not in str(caught.value)
    assert not settings.path().exists()


def test_a_database_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a database")
    with pytest.raises(ConfigurationError, match="file is not a database"):
        choose_database(f"sqlite:///{tmp_path / 'notes.txt'}")
    with pytest.raises(UserError, match="must be a database URL"):
        try_database("not a url")
    assert settings.load().database_url is None


def test_a_good_url_is_tested_then_saved_and_nothing_is_created_in_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    assert choose_database(url).database_url == url
    with sqlite3.connect(tmp_path / "team.sqlite3") as conn:  # a test is a read: no tables were made
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    assert settings.load().database_url == url
    assert choose_database(None).database_url is None  # back to the built-in database
