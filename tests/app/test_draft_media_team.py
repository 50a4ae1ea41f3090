"""A draft with an image, saved on one machine of a team and reopened on another.

The draft row names a file of the first machine's media folder; its content travels in the
store, so the second machine's composer shows (and can send) the same image.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from app.viewmodels import composer
from core import queries
from core.services import drafts
from core.services.drafts import DraftContent
from tests.support.team import Team

pytestmark = pytest.mark.postgres


def test_a_draft_saved_on_machine_a_opens_and_sends_with_its_image_on_machine_b(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    officer = team.store("officer")
    tokyo = next(a.id for a in queries.list_accounts(officer) if a.name == "Tokyo")
    machine_a = tmp_path / "machine-a"
    monkeypatch.setenv("COMMUNIQUE_HOME", str(machine_a))
    picture = machine_a / "desk" / "flag.png"
    picture.parent.mkdir(parents=True)
    content = b"\x89PNG\r\n\x1a\n" + os.urandom(50_000)
    picture.write_bytes(content)
    attached = composer.attach(str(picture))
    saved = drafts.save_draft(officer, None, DraftContent("Draft with a flag", "ja", (tokyo,), (attached,))).draft
    shutil.rmtree(machine_a)  # the officer goes home; the laptop's files are not here

    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "machine-b"))
    loaded = composer.ComposerSession(saved.id).load(officer, reopen=False)
    assert loaded.draft is not None
    [item] = loaded.draft.content.media
    assert item.path != attached.path and Path(item.path).read_bytes() == content
    assert Path(item.path).is_relative_to(tmp_path / "machine-b")
    post = drafts.post_for_draft(officer, saved.id).post
    assert post is not None
    assert [hashlib.sha256(Path(m.path).read_bytes()).hexdigest() for m in post.media] == [
        hashlib.sha256(content).hexdigest()
    ]
