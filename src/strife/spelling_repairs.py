"""Misspelt trigger words read as the word meant, before the parser reads the text.

Event notes are typed fast: "Police and protesters clahsed", "a gundfight broke out". The small
model has no vectors, so it sees an unknown word, tags it anyhow, and the trigger lexicon finds no
row for its lemma: the event is lost. A word is read as a trigger form when

* it is written in lower case (a capitalised word may be a name, and a name is never repaired),
  is alphabetic and is not a word strife knows: a base form of the lemmatizer's word index, an
  exception form of its tables, a regular inflection of a base form, a past form of
  `data/verb_past_forms.csv`, a number word or itself a trigger form;
* it is one edit (two adjacent letters swapped, one letter inserted, dropped or replaced) from
  exactly one trigger form of six letters or more (the lexicon's single-word lemmas and their
  regular and exception inflections). Short words have too many neighbours to guess from.

The repair sets the token's norm, which the model's embedding reads instead of the written form,
and its lemma, which the lemmatizer then keeps (it fills only tokens that have none): the tagger,
parser and trigger matching see the word meant, while the text, and so every evidence span,
stays as written. The one-edit index of the trigger forms is built once (symmetric deletion:
each form and each of its one-letter deletions); a word is looked up once per process.
"""

from __future__ import annotations

import functools
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from strife.memo import keep

COMPONENT = "strife_spellings"
#: The `Doc.user_data` key of the indices of the repaired tokens (see `is_repaired`).
REPAIRED = "strife_spellings"
#: The shortest trigger form a misspelling may be read as: shorter words have too many neighbours.
MIN_FORM = 6
#: Suffixes of regular inflection (suffix, what replaces it on the base form), for known-word tests.
INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("d", ""),
               ("ing", ""), ("ing", "e"), ("er", ""), ("er", "e"), ("ers", ""), ("ers", "e"), ("ly", ""),
               ("ee", ""), ("ees", ""), ("ee", "e"), ("ees", "e"))
_LEMMATIZER_POS = ("noun", "verb", "adj", "adv")
_KEPT = 100_000  # words whose repair (or none) is kept; then the memo starts over


def _regular_forms(lemma: str, pos: str, exceptions: list[str]) -> set[str]:
    """The regular inflections of a lexicon lemma by its part of speech (verb: -s, -ed, -ing;
    noun: plural). A verb with exception forms ('fought', 'stabbed') takes its past from them, and
    its -ing form too when they have one ('stabbing'): no 'fighted', no 'stabed'."""
    forms = {lemma}
    if pos in ("NOUN", "PROPN", "VERB"):
        forms.add(lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else
                  lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"))
    if pos == "VERB":
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        if not exceptions:
            forms.add(lemma[:-1] + "ied" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else stem + "ed")
        if not any(form.endswith("ing") for form in exceptions):
            forms.add(stem + "ing" if not lemma.endswith("ee") else lemma + "ing")
    return forms


class SpellingRepairs:
    """The known words, the trigger forms and their one-edit index (see the module docstring)."""

    def __init__(self, lemmatizer_tables: Any, trigger_lemmas: dict[str, set[str]],
                 extra_known: set[str], extra_forms: dict[str, str]):
        """`trigger_lemmas`: lexicon lemma -> its parts of speech; `extra_forms`: form -> lemma
        (irregular past forms); `extra_known`: further words that are never repaired."""
        index, exceptions = table_of(lemmatizer_tables, "lemma_index"), table_of(lemmatizer_tables, "lemma_exc")
        self.base: set[str] = set(extra_known)
        for pos in _LEMMATIZER_POS:
            self.base.update(index.get(pos, ()))
        self.forms: dict[str, str] = {}  # trigger form -> lemma
        by_lemma: dict[str, list[str]] = {}
        for pos in _LEMMATIZER_POS:
            for form, lemmas in exceptions.get(pos, {}).items():
                self.base.add(form)
                for lemma in lemmas:
                    by_lemma.setdefault(lemma, []).append(form)
        for lemma, parts in trigger_lemmas.items():
            for pos in parts:
                for form in _regular_forms(lemma, pos, by_lemma.get(lemma, [])):
                    self.forms.setdefault(form, lemma)
            for form in by_lemma.get(lemma, ()):
                self.forms.setdefault(form, lemma)
        for form, lemma in extra_forms.items():
            self.forms.setdefault(form, lemma)
        self.neighbours: dict[str, set[str]] = {}
        for form in self.forms:  # shorter forms too: 'expell' is as near 'expel' as 'expels'
            if len(form) >= MIN_FORM - 2:
                for key in _deletions(form) | {form}:
                    self.neighbours.setdefault(key, set()).add(form)
        # a word longer than every key + 1 has no key in the index (its keys are itself and its
        # one-letter deletions): skip the look-up, which costs len(word)**2 (a 400,000-letter token
        # took 46 s of CPU)
        self._longest_key = max(map(len, self.neighbours), default=0)
        self._memo: dict[str, Optional[str]] = {}

    def known(self, word: str) -> bool:
        """Whether a lower-case word is one strife knows (a base form, an exception form, a regular
        inflection of a base form, or a trigger form)."""
        if word in self.base or word in self.forms:
            return True
        return any(word.endswith(suffix) and word[: len(word) - len(suffix)] + base in self.base
                   for suffix, base in INFLECTIONS if len(word) - len(suffix) >= 2) or (
            word.endswith(("ed", "ing")) and _undoubled(word) in self.base)

    def repair(self, word: str) -> Optional[str]:
        """The trigger form a lower-case unknown word misspells, or None (kept once per word)."""
        if word in self._memo:
            return self._memo[word]
        found = None
        if (MIN_FORM - 1 <= len(word) <= self._longest_key + 1 and word.isalpha() and word.islower()
                and not self.known(word)):
            candidates = {form for key in _deletions(word) | {word} for form in self.neighbours.get(key, ())}
            near = [form for form in candidates if _one_edit(word, form)]
            found = near[0] if len(near) == 1 and len(near[0]) >= MIN_FORM else None
        return keep(self._memo, word, found, _KEPT)

    def __call__(self, doc: Doc) -> Doc:
        """Give each misspelt trigger word the norm and lemma of the form it misspells."""
        repaired = []
        for token in doc:
            text = token.text
            if len(text) < MIN_FORM - 1 or not text.islower():
                continue
            form = self.repair(text)
            if form is not None:
                token.norm_ = form
                token.lemma_ = self.forms[form]
                repaired.append(token.i)
        if repaired:
            doc.user_data[REPAIRED] = frozenset(repaired)
        return doc


def is_repaired(token: Token) -> bool:
    """Whether the token is a misspelling read as the word meant: its reading is a guess."""
    return token.i in token.doc.user_data.get(REPAIRED, ())


def _deletions(word: str) -> set[str]:
    """The word with one letter dropped, at each place."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _undoubled(word: str) -> str:
    """'stabbed' -> 'stab', 'shelling' -> 'shel': the base of a form with a doubled last consonant."""
    stem = word[:-2] if word.endswith("ed") else word[:-3]
    return stem[:-1] if len(stem) >= 3 and stem[-1] == stem[-2] != stem[-3] else stem


def _one_edit(word: str, form: str) -> bool:
    """Whether two different words are one edit apart: a letter inserted, dropped or replaced, or
    two adjacent letters swapped."""
    if word == form or abs(len(word) - len(form)) > 1:
        return False
    if len(word) == len(form):
        diff = [i for i, (a, b) in enumerate(zip(word, form)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == form[diff[1]] and word[diff[1]] == form[diff[0]])
    shorter, longer = sorted((word, form), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


@functools.lru_cache(maxsize=4)
def _trigger_vocabulary() -> tuple[dict[str, set[str]], dict[str, str], set[str]]:
    """Lexicon lemmas (single words) with their parts of speech, irregular past forms and number words."""
    from strife.extract.numbers import number_words
    from strife.extract.events.misreads import past_forms
    from strife.ontology import load_ontology

    lemmas: dict[str, set[str]] = {}
    for entry in load_ontology().lexicon:
        if len(entry.words) == 1 and entry.key.isalpha():
            lemmas.setdefault(entry.key, set()).add(entry.pos)
    extra = {form: lemma for form, (lemma, _tag) in past_forms().items()}
    return lemmas, extra, set(number_words())


_LOADED: list[Any] = []  # the lemmatizer tables of the pipeline the repairs were last added to


def lemmatizer_tables() -> Any:
    """The lemmatizer tables (`lemma_index`, `lemma_exc`) strife parses with: those the pipeline the
    repairs were added to loaded, already in memory; before any, read once from the installed
    pipeline (`spacy_model.model_name`) without loading it; empty for a pipeline with none."""
    return _LOADED[-1] if _LOADED else installed_lemmatizer_tables()


def table_of(tables: Any, name: str) -> Any:
    """One table of the lemmatizer's (`lemma_index`: part of speech -> base forms), or {} when absent."""
    return tables.get_table(name) if tables.has_table(name) else {}


@functools.lru_cache(maxsize=1)
def installed_lemmatizer_tables() -> Any:
    """The lemmatizer tables of the installed pipeline (`spacy_model.model_name`), read from its
    folder once, without loading the pipeline; empty Lookups for a pipeline with none."""
    from pathlib import Path

    from spacy.lookups import Lookups

    from strife.spacy_model import model_name

    name = model_name()
    try:
        if Path(name).is_dir():
            root = Path(name)
        else:
            import spacy.util

            root = spacy.util.get_package_path(name)
        folders = sorted(root.glob("**/lemmatizer/lookups"))
        return Lookups().from_disk(folders[0]) if folders else Lookups()
    except Exception:  # a blank or custom pipeline: no tables
        return Lookups()


@Language.factory(COMPONENT)
def make_spelling_repairs(nlp: Language, name: str) -> SpellingRepairs:
    """The repairs of misspelt trigger words, from the pipeline's lemmatizer tables and the lexicon."""
    lemmas, extra, numbers = _trigger_vocabulary()
    if "lemmatizer" in nlp.component_names:
        tables = nlp.get_pipe("lemmatizer").lookups
        _LOADED[:] = [tables]
    else:
        from spacy.lookups import Lookups

        tables = Lookups()
    return SpellingRepairs(tables, lemmas, numbers, extra)


def use_spelling_repairs(nlp: Language) -> None:
    """Put the repairs first in the pipeline, before the embedding reads the words' norms."""
    if COMPONENT not in nlp.component_names:
        nlp.add_pipe(COMPONENT, first=True)
