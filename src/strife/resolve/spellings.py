"""How place names are compared: one key for every spelling of a name, and transliteration skeletons.

`normalise_name` is the form every gazetteer key and every looked-up name is reduced to (case,
accents, hyphens and apostrophes aside). `variant_key` is looser: the consonant skeleton that
different transliterations of one Arabic, Russian or Ukrainian name share ("Kafr Qaseem" and
Kafr Qasim); `variant_similarity` ranks the names a skeleton finds. The index stores both
(`strife.resolve.gazetteer_build`), the look-ups use both (`strife.resolve.geocode`).
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence

from strife.name_particles import name_particles

_APOSTROPHES = "'’‘`´ʻʼʽʿʾ′"
_DASHES = "-‐‑‒–—―"
# Apostrophes and periods vanish; dashes and commas are spaces (one `str.translate`, as the index build
# normalises a million names).
_PUNCTUATION = str.maketrans({**dict.fromkeys(_APOSTROPHES + "."), **dict.fromkeys(_DASHES + ",", " ")})
_SPECIAL_LETTERS = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th"})


@functools.lru_cache(maxsize=65536)  # pure, and asked for the same names over and over
def normalise_name(name: str) -> str:
    """The form names are compared in: casefolded, accents stripped, hyphens and apostrophes unified.

    "Dayr az-Zawr", "DAYR AZ ZAWR" and "Dayr az Zawr" share one key; apostrophes vanish
    ("Ta'izz" == "Taizz") because transliterations use them inconsistently; periods vanish so
    "U.S." == "US".
    """
    if name.isascii():  # most names: no special letters, nothing to decompose, no accents to drop
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.casefold().translate(_SPECIAL_LETTERS))
        if not text.isascii():
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.translate(_PUNCTUATION).split())


# Words a transliteration may or may not write before an Arabic name ("Ar Rastan" = "Rastan"):
# a column of data/name_particles.csv.
_VARIANT_ARTICLES = name_particles("transliteration_article")
# Spellings of one sound across transliteration schemes, folded to one letter before vowels are dropped.
_VARIANT_FOLDS = (("kh", "h"), ("gh", "h"), ("g", "h"), ("sh", "s"), ("ch", "c"), ("dh", "d"), ("th", "t"), ("ph", "f"),
                  ("zh", "j"), ("dj", "j"), ("q", "k"), ("ck", "k"), ("w", "v"))
MIN_VARIANT_KEY = 3
_VOWEL_W = re.compile(r"([aeiou])w")
_VOWELS = re.compile(r"[aeiouy]")
# A skeleton match counts when its spelling is this similar, and within VARIANT_MARGIN of the best one.
VARIANT_SIMILARITY = 0.6
VARIANT_MARGIN = 0.05


@functools.lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    """The name with articles dropped, one letter per sound, and every vowel written "a"."""
    text = _drop_final_h("".join(filter(str.isalpha, _without_articles(name))))
    text = _VOWEL_W.sub(r"\1", text)
    for spelling, letter in _VARIANT_FOLDS:
        text = text.replace(spelling, letter)
    text = _VOWELS.sub("a", text)
    return "".join(letter for letter, _ in itertools.groupby(text))  # doubled letters once


def variant_key(name: str) -> str:
    """A transliteration skeleton: the name's consonants, with the spellings of one sound folded.

    "Dayr az Zawr" = "Deir ez-Zor" ("drzr"), "Kafr Qaseem" = "Kafr Qasim", "Rovenky" =
    "Roven'ki", "Bilohorivka" = "Belogorovka" (Ukrainian h is Russian g). Leading articles
    ("al", "ash") are dropped, doubled letters collapsed, "w" after a vowel read as a vowel, and a
    final "h" after a vowel dropped ("Shajara" = "Shajarah"). Too loose to trust alone:
    `Gazetteer.lookup_variants` also checks `variant_similarity`.
    """
    text = _folded(name)
    return text[:1] + text[1:].replace("a", "") if text else ""


def same_sounds(a: str, b: str) -> bool:
    """Are two spellings one name in two transliterations: the same sounds, vowel for vowel, once
    articles, spaces, doubled letters and the spellings of one sound are folded ("Shajarah" =
    "Ash Shajjara")? Unlike a skeleton match (`variant_key`), no letter is dropped or changed:
    "Kimbala" is not "Kimball", nor "Godob" "Godby"."""
    return bool(_folded(a)) and _folded(a) == _folded(b)


def _without_articles(name: str) -> str:
    words = normalise_name(name).split()
    while len(words) > 1 and words[0] in _VARIANT_ARTICLES:
        words = words[1:]
    return "".join(words)


def _drop_final_h(text: str) -> str:
    """A final "h" after a vowel is a transliteration's letter, not a sound ("Hamrah" = "Hamra")."""
    return text[:-1] if len(text) > 2 and text[-1] == "h" and text[-2] in "aeiou" else text


def without_final_h(key: str) -> str:
    """A normalised name's words run together, articles anywhere dropped (unless it is all articles)
    and a final "h" after a vowel dropped: spellings alike but for that letter ("Tall Hamrah",
    "Tall al Hamra") have one key."""
    words = [w for w in key.split() if w not in _VARIANT_ARTICLES] or key.split()
    return _drop_final_h("".join(words))


def variant_similarity(a: str, b: str) -> float:
    """How alike two spellings are, leading articles and spaces aside (0..1): ranks skeleton matches."""
    return difflib.SequenceMatcher(None, _without_articles(a), _without_articles(b)).ratio()


# A place written by the initials of its first words and its last word or two in full, as South Asian
# and African papers shorten long names: "D.I. Khan", "D.G Khan", "DG Khan", "D G Khan", "T.T. Singh"; one
# initial is a compass word ("N. Waziristan", "S. Kivu", "N Waziristan"). Two or three capitals run
# together or spaced count as initials; one capital without a period only when a compass letter
# ("A Block" is no initial).
_INITIALLED = re.compile(r"^(?P<initials>(?:[A-Z]\.\s?){1,3}|(?:[A-Z]\.){1,2}[A-Z]\s+|[A-Z]{2,3}\s+|(?:[A-Z]\s+){2,3}|[NSEW]\s+)"
                         r"(?P<rest>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)$")


def initialled_name(name: str) -> tuple[str, tuple[str, ...]] | None:
    """The initials (lower-cased) and the written-out words (normalised) of a name shortened to the
    initials of its first words ("D.I. Khan" -> ("di", ("khan",))), or None when it is not so written."""
    match = _INITIALLED.match(name.strip())
    if match is None:
        return None
    initials = "".join(ch for ch in match["initials"] if ch.isalpha()).lower()
    return initials, tuple(normalise_name(match["rest"]).split())


def expands_initials(key: str, initials: str, rest: Sequence[str]) -> bool:
    """Is the gazetteer key a name the initials shorten: one word of two letters at least per initial,
    each beginning with it, then the written words themselves; a lone initial stands for a compass
    word ("N." = North, never "Nankana")?"""
    words = key.split()
    if len(words) != len(initials) + len(rest) or tuple(words[len(initials):]) != tuple(rest):
        return False
    if not all(len(word) > 1 and word[0] == letter for word, letter in zip(words, initials)):
        return False
    return len(initials) > 1 or words[0] in compass_words()


@functools.lru_cache(maxsize=1)
def part_words() -> dict[str, tuple[str, str]]:
    """word -> (part, kind) from geo_parts.csv: how a text says a part of a place or a direction
    ("eastern Aleppo", "the outskirts of Homs"). Read once here, below the gazetteer and the places
    stage that both use it."""
    from strife.datafiles import read_data_csv

    return {row["word"].casefold(): (row["part"], row["kind"]) for row in read_data_csv("geo_parts.csv")}


@functools.lru_cache(maxsize=1)
def compass_words() -> frozenset[str]:
    """The compass words of geo_parts.csv ("north", "southern"): what a lone initial may stand for."""
    return frozenset(word for word, (part, kind) in part_words().items() if kind == "direction" and part != "centre")


SPELLING_FOLDS_FILE = "geo_spelling_folds.csv"


@functools.lru_cache(maxsize=1)
def _spelling_folds() -> tuple[tuple[str, tuple[tuple[re.Pattern, str], ...], frozenset[str]], ...]:
    """The orthographies of `geo_spelling_folds.csv`: name, its rules in order, the countries writing it."""
    from strife.datafiles import read_data_csv

    rules: dict[str, list[tuple[re.Pattern, str]]] = {}
    countries: dict[str, set[str]] = {}
    for row in read_data_csv(SPELLING_FOLDS_FILE):
        rules.setdefault(row["orthography"], []).append((re.compile(row["pattern"]), row["english"]))
        countries.setdefault(row["orthography"], set()).update(c for c in row["countries"].split("|") if c)
    return tuple((name, tuple(rules[name]), frozenset(countries[name])) for name in rules)


@functools.lru_cache(maxsize=65536)
def respellings(name: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The English spellings of `name` under each orthography that rewrites it ("Ceel Dibiir" ->
    "el dibir" in Somalia and its neighbours), each stage of the rules in order, with the countries a
    reading so found may be in. Empty when no rule changes the name."""
    found: list[tuple[str, frozenset[str]]] = []
    for _, rules, countries in _spelling_folds():
        text = normalise_name(name)
        for pattern, english in rules:
            changed = pattern.sub(english, text)
            if changed != text:
                text = " ".join(changed.split())
                if text and (text, countries) not in found:
                    found.append((text, countries))
    return tuple(found)
