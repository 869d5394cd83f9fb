"""One regular expression for many names, written as a letter tree.

The actor dictionary finds every known name in running text with one pattern. Written as a flat
alternation ("Al Shabaab|Al Nusra|...", longest first), Python's `re` tries each name in turn at
every position a name may start at; written as a tree ("Al (?:Nusra|Shabaab)"), it reads each
letter once. Both find the same: at a position, the names that match are prefixes of one another,
and the tree tries the longer continuation before stopping at a shorter name, as the
longest-first alternation does, so what follows a name (a lookahead) is checked in the same order.

Writing the tree for the actor dictionary's names took a third of a second of every coding process,
so `cached_names_alternation` keeps it in strife's cache, named by the names it was written for.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

TREE_VERSION = 1  # bump when the pattern written below changes, so cached patterns of the old one are not read


def names_alternation(names: Iterable[str]) -> str:
    """The regex source matching any of the names (exact case), the longest that fits first, as
    `"|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))` does."""
    tree: dict = {}
    for name in names:
        node = tree
        for letter in name:
            node = node.setdefault(letter, {})
        node[""] = {}  # a name ends here
    return _branch(tree)


def _branch(node: dict) -> str:
    """The pattern of one node: its continuations (one group), optional when a name ends here."""
    continuations = [re.escape(letter) + _branch(node[letter]) for letter in sorted(k for k in node if k)]
    if not continuations:
        return ""
    body = continuations[0] if len(continuations) == 1 else "(?:" + "|".join(continuations) + ")"
    return f"(?:{body})?" if "" in node else body


def cached_names_alternation(names: Iterable[str]) -> str:
    """`names_alternation(names)`, read from strife's cache when it was written for the same names
    before (written there first otherwise; written in memory only when the cache is read-only)."""
    from strife.cache import cached_folder

    names = sorted(set(names))
    digest = hashlib.sha256("\n".join([str(TREE_VERSION), *names]).encode("utf-8")).hexdigest()[:16]

    def write(folder) -> None:
        (folder / "pattern.txt").write_text(names_alternation(names), encoding="utf-8")

    try:
        folder = cached_folder(f"names-{digest}", write, done="pattern.txt")
        return (folder / "pattern.txt").read_text(encoding="utf-8")
    except OSError:
        return names_alternation(names)
