"""Three-way merge of a text two people edited from the same start, word by word.

When a save meets an edit made meanwhile (:class:`core.errors.EditConflictError`), the person
should not have to choose between losing their words and losing a colleague's: where the two
edits touch different words, both are kept; where both changed the same words differently, the
person's own words are kept and the place is reported, with the colleague's version, so that a
screen can highlight it for a decision. Qt-free, so the CLI and tests use it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Words, runs of white space, and single other characters: an edit inside a sentence touches
# only its own words, and two edits a space apart never collide.
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Clash:
    """A place both people changed differently: ``text[start:end]`` holds ``mine``; ``theirs`` is the other."""

    start: int
    end: int
    mine: str
    theirs: str


@dataclass(frozen=True)
class Merged:
    """The merged text and the places left for the person to decide (none: a clean merge)."""

    text: str
    clashes: tuple[Clash, ...] = ()

    @property
    def clean(self) -> bool:
        """Both edits are in, with nothing left to decide."""
        return not self.clashes


@dataclass(frozen=True)
class _Hunk:
    start: int  # base token range replaced
    end: int
    tokens: tuple[str, ...]  # what replaces it
    side: int  # 0: mine, 1: theirs


def tokens(text: str) -> list[str]:
    """``text`` cut into words, white space and punctuation; joined, they give ``text`` back."""
    return _TOKENS.findall(text)


def merge3(base: str, mine: str, theirs: str) -> Merged:
    """Merge the edits that took ``base`` to ``mine`` and to ``theirs``."""
    if mine == theirs or theirs == base:
        return Merged(mine)
    if mine == base:
        return Merged(theirs)
    origin = tokens(base)
    hunks = sorted(
        _hunks(origin, tokens(mine), 0) + _hunks(origin, tokens(theirs), 1), key=lambda h: (h.start, h.end, h.side)
    )
    out: list[str] = []
    clashes: list[Clash] = []
    length = 0
    position = 0
    index = 0
    while index < len(hunks):
        cluster = [hunks[index]]
        end = hunks[index].end
        index += 1
        while index < len(hunks) and _joins(hunks[index], end):
            end = max(end, hunks[index].end)
            cluster.append(hunks[index])
            index += 1
        start = cluster[0].start
        kept = "".join(origin[position:start])
        out.append(kept)
        length += len(kept)
        versions = [_apply(origin, start, end, [h for h in cluster if h.side == side]) for side in (0, 1)]
        sides = {h.side for h in cluster}
        if len(sides) == 1:
            chosen = versions[cluster[0].side]
        else:
            chosen = versions[0]
            if versions[0] != versions[1]:
                clashes.append(Clash(length, length + len(versions[0]), versions[0], versions[1]))
        out.append(chosen)
        length += len(chosen)
        position = end
    out.append("".join(origin[position:]))
    return Merged("".join(out), tuple(clashes))


def _hunks(base: list[str], other: list[str], side: int) -> list[_Hunk]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [_Hunk(i1, i2, tuple(other[j1:j2]), side) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _joins(hunk: _Hunk, end: int) -> bool:
    """Whether ``hunk`` overlaps or touches the cluster ending at ``end``.

    Touching counts: two insertions at one point, or an insertion right after a change, leave an
    order or a choice that cannot be guessed, so both sides go to the same decision.
    """
    return hunk.start <= end


def _apply(base: list[str], start: int, end: int, hunks: list[_Hunk]) -> str:
    """``base[start:end]`` with one side's ``hunks`` (sorted, inside that range) applied."""
    out: list[str] = []
    position = start
    for hunk in hunks:
        out.extend(base[position : hunk.start])
        out.extend(hunk.tokens)
        position = hunk.end
    out.extend(base[position:end])
    return "".join(out)
