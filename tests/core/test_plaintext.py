"""Control characters are refused wherever text is stored, not only in a post's text (issue 15, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import paths
from core.errors import UserError
from core.services import accounts, drafts, posts
from core.services.drafts import DraftContent
from core.store import Store
from tests.support.scheduling import PNG


def test_a_draft_with_a_nul_byte_is_refused(store: Store) -> None:
    with pytest.raises(UserError, match="The draft text contains a NUL byte at position 3"):
        drafts.save_draft(store, None, DraftContent(text="ab\x00c"))
    assert drafts.latest_draft(store) is None


def test_an_alt_text_with_a_terminal_escape_is_refused_and_nothing_is_copied(store: Store, tmp_path: Path) -> None:
    accounts.add_account(store, name="Berlin", platform="x", language="de", timezone="Europe/Berlin")
    image = tmp_path / "flag.png"
    image.write_bytes(PNG)
    with pytest.raises(UserError, match=r"The alt text of 'flag\.png' contains the control character U\+001B"):
        posts.create_post(store, text="Flag", accounts=["Berlin"], media_files=[(str(image), "\x1b[2Jflag")])
    media = paths.subdir("media")
    assert list(media.iterdir()) == []
