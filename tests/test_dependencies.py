"""The dependency tree stays light: Qt without WebEngine, Argos without torch, stanza or spacy, Lingua alone."""

from __future__ import annotations

import re
from importlib import metadata

HEAVY = {"torch", "stanza", "spacy", "pyside6", "pyside6-webengine", "facebook-sdk"}


def _name(requirement: str) -> str:
    return re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _runtime_tree(root: str) -> set[str]:
    """Every distribution that installing ``root`` pulls in (extras and markers that do not apply left out)."""
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requirements = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requirements:
            # "extra ==" markers belong to optional groups the project does not ask for.
            if "extra ==" not in requirement:
                todo.append(_name(requirement))
    return seen


def test_no_heavy_package_is_in_the_dependency_tree() -> None:
    tree = _runtime_tree("communique")
    assert {"pyside6-essentials", "argos-translate-lt", "tweepy", "python-facebook-api"} <= tree
    # Comment languages: Lingua's models are inside its wheel, and it pulls in nothing else.
    assert "lingua-language-detector" in tree
    assert [r for r in metadata.requires("lingua-language-detector") or [] if "extra ==" not in r] == []
    assert tree & HEAVY == set()
