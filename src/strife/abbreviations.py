"""Abbreviations of terse notes read as the words they stand for, from the tokenizer on.

Coder notes abbreviate: "5 dead incl. 3 militants", "killed approx. 20". The tokenizer splits
"incl." into "incl" and a full stop, the parser ends the sentence there, and "3 militants" becomes
a sentence of its own, read as a second toll. Written without the stop ("incl 3 militants") the
unknown word is parsed as a noun. Each form of ``data/note_abbreviations.csv`` is made one token
(a tokenizer special case) whose norm, which the model's embedding reads instead of the written
form, is the full word: the parser reads "incl." as it reads "including", while the text, and so
every evidence span, stays as written.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.symbols import NORM, ORTH

from strife.datafiles import read_data_csv


@lru_cache(maxsize=1)
def note_abbreviations() -> dict[str, str]:
    """Written form -> the word it stands for."""
    return {row["form"]: row["reads_as"] for row in read_data_csv("note_abbreviations.csv")}


def use_note_abbreviations(nlp: Language) -> None:
    """Make each abbreviation one token that reads as its full word (see the module docstring)."""
    for form, word in note_abbreviations().items():
        nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: word}])
