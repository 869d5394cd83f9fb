"""spaCy's attribute ruler (tag map and exceptions: POS, MORPH, LEMMA), applied by lookup.

The English models set each token's coarse POS and morphology with an `AttributeRuler`: some 180
Matcher patterns, most of one token ("TAG NN -> POS NOUN", "TAG PRP and LOWER he -> ..."). Its
Matcher tries every pattern at every token and builds a Span per match; on news text that cost
as much as the parser (bench/throughput.py). `AttributeRules` gives the same annotations: the
patterns of one token become rules looked up by the token's tag or lower-cased form, the others
(two-token exceptions such as "gon na") stay with a Matcher, and all matches are applied in the
ruler's own order (a later pattern wins), with the ruler's own `set_token_attrs`.

`use_attribute_rules(nlp)` puts it in place of the ruler (disabled, kept for its patterns).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from strife.memo import keep

RULER = "attribute_ruler"
COMPONENT = "strife_attribute_rules"

#: The token attributes a one-token rule may test, in the order `Doc.to_array` reads them.
_READ = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEPT = 100_000  # kinds of token whose rules are kept (`AttributeRules._rules_of`); then it starts over


@dataclass(frozen=True)
class _Rule:
    """One pattern of one token: its place in the ruler's order, its tests and what it sets."""

    order: int
    tests: tuple[tuple[str, Callable[[Any], bool]], ...]
    attrs: dict

    def matches(self, values: dict[str, Any]) -> bool:
        """Whether a token with these attribute values (by `_READ` name) matches."""
        return all(test(values[name]) for name, test in self.tests)


def _test(value: Any) -> Callable[[Any], bool] | None:
    """The Matcher's test of one attribute value (equality, IN, NOT_IN, REGEX); None for another."""
    if isinstance(value, (str, bool)):
        return lambda seen: seen == value
    if isinstance(value, dict) and len(value) == 1:
        (operator, argument), = value.items()
        if operator == "IN":
            return lambda seen: seen in set(argument)
        if operator == "NOT_IN":
            return lambda seen: seen not in set(argument)
        if operator == "REGEX":
            pattern = re.compile(argument)
            return lambda seen: pattern.search(seen) is not None
    return None


def _one_token_rule(order: int, pattern: dict, attrs: dict) -> _Rule | None:
    """The rule of a ruler pattern that tests one token only, or None (left to the Matcher)."""
    if pattern["index"] not in (0, -1) or any(len(alternative) != 1 for alternative in pattern["patterns"]):
        return None
    if len(pattern["patterns"]) != 1:
        return None
    tests = []
    for name, value in pattern["patterns"][0][0].items():
        test = _test(value) if name in _READ else None
        if test is None:
            return None
        tests.append((name, test))
    return _Rule(order, tuple(tests), attrs)


@dataclass(frozen=True)
class _Sequence:
    """One alternative of a pattern of several tokens ("gon na"): the ids of its tokens' tests
    (`AttributeRules._steps`), in order, and the pattern's order, attributes and token index."""

    order: int
    steps: tuple[int, ...]
    attrs: dict
    index: int


def _token_tests(tests: dict) -> tuple[tuple[str, Callable[[Any], bool]], ...] | None:
    """The tests of one token of a pattern, or None when one reads another attribute or has an
    operator ("OP"): such a pattern is left to the Matcher."""
    found = []
    for name, value in tests.items():
        test = _test(value) if name in _READ else None
        if test is None:
            return None
        found.append((name, test))
    return tuple(found)


class AttributeRules:
    """The attribute ruler's patterns as rules found by lookup (see the module's docstring)."""

    def __init__(self, ruler: Any):
        self.vocab = ruler.vocab
        self._by_tag: dict[str, list[_Rule]] = {}
        self._by_lower: dict[str, list[_Rule]] = {}
        self._others: list[_Rule] = []
        self._kinds: dict[tuple[int, ...], tuple[list[tuple[int, dict]], tuple[int, ...]]] = {}  # rules, steps
        self._matcher = Matcher(ruler.vocab, validate=False)
        self._matched: dict[str, tuple[int, dict, int]] = {}  # Matcher key -> (order, attrs, index)
        self._steps: list[tuple[tuple[str, Callable[[Any], bool]], ...]] = []  # tests of one token of a sequence
        self._sequences: list[_Sequence] = []
        self._starting: dict[int, list[_Sequence]] = {}  # the sequences by the id of their first token's tests
        for order, (pattern, attrs) in enumerate(zip(ruler.patterns, ruler.attrs)):
            rule = _one_token_rule(order, pattern, attrs)
            if rule is not None:
                self._file(rule, pattern["patterns"][0][0])
            elif not self._add_sequences(order, pattern, attrs):
                key = f"{COMPONENT}_{order}"
                self._matcher.add(key, pattern["patterns"])
                self._matched[key] = (order, attrs, pattern["index"])

    def _add_sequences(self, order: int, pattern: dict, attrs: dict) -> bool:
        """Keep each alternative of a pattern of fixed tokens as a `_Sequence`, matched by lookup
        like the one-token rules (the Matcher tried them at every token); False when one cannot be."""
        alternatives = [[_token_tests(tests) for tests in alternative] for alternative in pattern["patterns"]]
        if not alternatives or any(not tokens or None in tokens for tokens in alternatives):
            return False
        for tokens in alternatives:
            steps = tuple(range(len(self._steps), len(self._steps) + len(tokens)))
            self._steps.extend(tokens)
            self._sequences.append(_Sequence(order, steps, attrs, pattern["index"]))
            self._starting.setdefault(steps[0], []).append(self._sequences[-1])
        return True

    def _file(self, rule: _Rule, tests: dict) -> None:
        """Keep a rule under the tag or lower-cased form it requires, if any, to be found by it."""
        for name, shelf in (("TAG", self._by_tag), ("LOWER", self._by_lower)):
            if isinstance(tests.get(name), str):
                shelf.setdefault(tests[name], []).append(rule)
                return
        self._others.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        """Set the attributes of every matching pattern, the ruler's later patterns last.

        A token's one-token rules depend only on its tag, form, dependency and whether it is a
        space: they are looked up once per such kind of token, read from `Doc.to_array`.
        """
        found: list[tuple[int, int, dict]] = []
        steps: list[tuple[int, ...]] = []  # per token, the ids of the sequence tests it passes
        for i, kind in enumerate(map(tuple, doc.to_array(list(_READ)).tolist())):
            rules, passed = self._rules_of(kind)
            found += [(order, i, attrs) for order, attrs in rules]
            steps.append(passed)
        if self._sequences:
            found += self._sequence_matches(steps)
        if len(self._matcher):
            for match_id, start, end in self._matcher(doc, allow_missing=True):
                order, attrs, index = self._matched[self.vocab.strings[match_id]]
                found.append((order, range(start, end)[index], attrs))
        found.sort(key=lambda item: (item[0], item[1]))
        for _, i, attrs in found:
            set_token_attrs(doc[i], attrs)
        return doc

    def _sequence_matches(self, steps: list[tuple[int, ...]]) -> list[tuple[int, int, dict]]:
        """(order, token, attributes) of every sequence found, as the Matcher's matches gave them."""
        found = []
        for start, passed in enumerate(steps):
            for step in passed:  # most tokens pass no test of any sequence
                for sequence in self._starting.get(step, ()):
                    end = start + len(sequence.steps)
                    if end <= len(steps) and all(wanted in steps[start + k] for k, wanted in enumerate(sequence.steps)):
                        found.append((sequence.order, range(start, end)[sequence.index], sequence.attrs))
        return found

    def _rules_of(self, kind: tuple[int, ...]) -> tuple[list[tuple[int, dict]], tuple[int, ...]]:
        """(order, attributes) of the one-token rules a kind of token matches, and the ids of the
        sequence tokens' tests it passes: found once per kind."""
        known = self._kinds.get(kind)
        if known is None:
            strings = self.vocab.strings
            values = {name: (bool(value) if name == "IS_SPACE" else strings[value]) for name, value in zip(_READ, kind)}
            candidates = self._by_tag.get(values["TAG"], []) + self._by_lower.get(values["LOWER"], []) + self._others
            rules = sorted((rule.order, rule.attrs) for rule in candidates if rule.matches(values))
            steps = tuple(number for number, tests in enumerate(self._steps)
                          if all(test(values[name]) for name, test in tests))
            known = keep(self._kinds, kind, (rules, steps), _KEPT)
        return known


@Language.factory(COMPONENT)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """The rules of the pipeline's attribute ruler (which must be in the pipeline)."""
    return AttributeRules(nlp.get_pipe(RULER))


def use_attribute_rules(nlp: Language) -> None:
    """Run `AttributeRules` in place of the pipeline's attribute ruler, which stays disabled."""
    if RULER in nlp.pipe_names and COMPONENT not in nlp.component_names:
        nlp.add_pipe(COMPONENT, before=RULER)
        nlp.disable_pipe(RULER)


LEMMATIZER = "lemmatizer"
LEMMAS = "strife_lemmas"
_LEMMA_COLUMNS = (ORTH, POS, MORPH, LEMMA)


class _WordIndex(list):
    """A word list of the lemmatizer's index that answers `in` from a set, as the list would.

    The rule lemmatizer asks whether each form its rules make is a known word (`form in index`);
    its index of English nouns is a list of some 57,000 words, scanned from the start each time, so
    a form seen first cost about 85 µs. It stays a list for everything else (order, length)."""

    def __init__(self, words: list[str]):
        super().__init__(words)
        self._words = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._words


def _index_words_by_set(lemmatizer: Any) -> None:
    """Give the lemmatizer's index (`lemma_index`) lists of words that answer `in` from a set."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list and all(isinstance(word, str) for word in words):
            table[key] = _WordIndex(words)


def _lemma_exceptions() -> dict[tuple[str, str], str]:
    """(lemmatizer table, form) -> lemma, from `data/lemma_exceptions.csv` ("corpses" is "corpse",
    not "corps"): forms whose rule lemma the lemmatizer's own exceptions cannot override."""
    from strife.datafiles import read_data_csv

    return {(row["pos"], row["form"]): row["lemma"] for row in read_data_csv("lemma_exceptions.csv")}


class KeptLemmas:
    """spaCy's rule lemmatizer, each lemma found once per (form, POS, morphology) and kept.

    Its rules read nothing else of a token, yet it keeps only the lemmas of its rules, not those
    of its early answers (base forms, spaces), and calls them per token in Python: on news text
    it cost about half as much as the parser. The lemma is the lemmatizer's own on first sight.
    """

    def __init__(self, lemmatizer: Any):
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}
        _index_words_by_set(lemmatizer)
        self._exceptions = _lemma_exceptions()

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token that has none (or every token, if the lemmatizer overwrites)."""
        rows = doc.to_array(list(_LEMMA_COLUMNS))
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                token = doc[i]
                lemma = self._exceptions.get((token.pos_.lower(), token.lower_)) or self.lemmatizer.lemmatize(token)[0]
                found = keep(self._lemmas, key, doc.vocab.strings.add(lemma), _KEPT)
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory(LEMMAS)
def make_kept_lemmas(nlp: Language, name: str) -> KeptLemmas:
    """The lemmas of the pipeline's rule lemmatizer (which must be in the pipeline), kept."""
    return KeptLemmas(nlp.get_pipe(LEMMATIZER))


def use_kept_lemmas(nlp: Language) -> None:
    """Run `KeptLemmas` in place of a rule lemmatizer, which stays disabled (others stay)."""
    if LEMMATIZER in nlp.pipe_names and getattr(nlp.get_pipe(LEMMATIZER), "mode", None) == "rule":
        nlp.add_pipe(LEMMAS, before=LEMMATIZER)
        nlp.disable_pipe(LEMMATIZER)
