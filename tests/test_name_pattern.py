"""The actor names' letter-tree pattern finds what the longest-first alternation finds."""

import re

from strife.resolve.actors import ActorDictionary
from strife.resolve.name_pattern import names_alternation

NAMES = ["Ab", "Abcd", "Abx", "Vorn Militia", "Vorn", "Vorn Militia Council", "Kestrel Front", "Kes", "X-Ray Guard"]


def _flat(names):
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _spans(alternatives, text):
    return [m.span() for m in re.finditer(rf"(?<![\w\-])(?:{alternatives})(?![\w\-])", text)]


def test_the_tree_finds_the_longest_name_that_ends_at_a_word_boundary():
    text = ("The Vorn Militia Council met the Vorn Militiamen and the Vorn; Abcd, Abx, Abc and Ab-2 "
            "joined the Kestrel Front, not the Kestrels; the X-Ray Guard and X-Ray stayed.")
    tree = _spans(names_alternation(NAMES), text)
    assert tree == _spans(_flat(NAMES), text)
    found = [text[a:b] for a, b in tree]
    assert found == ["Vorn Militia Council", "Vorn", "Vorn", "Abcd", "Abx", "Kestrel Front", "X-Ray Guard"]


def test_the_dictionary_pattern_finds_the_same_names_as_the_flat_alternation():
    dictionary = ActorDictionary.default()
    tree = dictionary.name_regex()
    flat = re.compile(tree.pattern.replace(names_alternation(_names(tree)), _flat(_names(tree))))
    text = ("Fighters of the Islamic State and al-Shabaab clashed with the Syrian Democratic Forces near "
            "the village of Tel Dovrin; the Taliban and Boko Haram denied it, said the Afghan Army.")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert tree.search(text) is not None


def _names(pattern):
    """The names of the dictionary, as `ActorDictionary.name_regex` gathers them."""
    from strife.resolve.actors import AMBIGUOUS_UPPER

    dictionary = ActorDictionary.default()
    names = set(dictionary._names) | {c for c, e in dictionary._capitals.items() if e is not None}
    return {n for n in names if len(n) > 1 and n.upper() not in AMBIGUOUS_UPPER}


def test_the_cached_pattern_is_written_once_and_read_back(tmp_path, monkeypatch):
    from strife.resolve.name_pattern import cached_names_alternation

    monkeypatch.setenv("STRIFE_CACHE", str(tmp_path))
    assert cached_names_alternation(reversed(NAMES)) == names_alternation(NAMES)
    written = list(tmp_path.glob("names-*/pattern.txt"))
    assert len(written) == 1
    written[0].write_text("Kept", encoding="utf-8")  # what a later process reads: the cache, not a new tree
    assert cached_names_alternation(NAMES) == "Kept"
    assert cached_names_alternation(NAMES[:-1]) == names_alternation(NAMES[:-1])  # other names: a pattern of their own
    monkeypatch.setenv("STRIFE_CACHE", str(tmp_path / "names-x" / "in-a-file"))
    (tmp_path / "names-x").write_text("", encoding="utf-8")  # a cache that cannot be written: the tree in memory
    assert cached_names_alternation(NAMES) == names_alternation(NAMES)
