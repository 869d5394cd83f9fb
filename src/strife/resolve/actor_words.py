"""Words of an actor phrase: splitting, index keys, singulars, and the words that count, not name.

The actor coder works on plain strings: `words_of` splits a phrase keeping what names need,
`name_key` is the dictionary's index key, `singulars` the candidate singular forms of an actor
noun, and `is_count_word` / `LEADING_NOISE` the words that say how many rather than who.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words that open a phrase without saying who: dropped before coding.
LEADING_NOISE = frozenset(
    """the a an some all those these this that its their his her our several many most both other
    more dozens hundreds thousands tens two three four five six seven eight nine ten so-called
    about around nearly almost over least at any each every various numerous""".split()
)
_WORD = re.compile(r"[^\W_][\w.\-'’]*")


def words_of(text: str) -> list[str]:
    """Split a phrase into words, dropping quotes, possessive endings and sentence punctuation.

    Keeps what names need: hyphens (al-Nusra), inner dots (U.S.) and inner apostrophes (d'Ivoire).
    """
    return list(_words_of(text))


@lru_cache(maxsize=65536)
def _words_of(text: str) -> tuple[str, ...]:
    """`words_of`, remembered: resolution splits the same few names thousands of times an article."""
    text = re.sub(r"[“”\"«»‘]", " ", text)
    text = re.sub(r"(\w)['’]s\b", r"\1", text)
    text = re.sub(r"(\w)s['’](?=\s|$)", r"\1s", text)
    words = []
    for word in _WORD.findall(text):
        word = word.rstrip("'’-")
        if word.endswith(".") and word.count(".") == 1 and len(word) > 4:
            word = word[:-1]
        if word:
            words.append(word)
    return tuple(words)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The index key of a name: its words, without a leading 'the' (remembered, as `words_of`:
    every look-up of a name asks for it)."""
    words = words_of(text)
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def singulars(word: str) -> list[str]:
    """Candidate singular forms, most literal first: enough English for actor nouns."""
    word = word.lower()
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith(("ses", "xes", "ches", "shes")):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def is_count_word(word: str) -> bool:
    """A number or a quantity word that counts people ('two', '25', 'dozens', 'several')."""
    return is_number(word) or word.lower() in _COUNT_WORDS


_COUNT_WORDS = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozens", "hundreds", "thousands", "tens", "scores", "several", "many", "some", "numerous",
})


def is_number(word: str) -> bool:
    return bool(re.fullmatch(r"[\d.,]+", word))
