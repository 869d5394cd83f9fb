"""Dependency labels and pronoun lists the event modules share.

These are facts about spaCy's English parse (which labels make a subject, an object, a
complement), not coding choices: the coding vocabulary lives in `ontology/data/`.
"""

from __future__ import annotations

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp", "xcomp", "ccomp", "dative", "obj"})
# Clauses inside a clause, left out of its own words ("..., killing", "who were airdropped").
CLAUSE_DEPS = frozenset({"conj", "advcl", "relcl", "acl", "parataxis", "ccomp"})
# What an argument phrase leaves out: relative clauses, appositions, conjuncts.
PHRASE_DROP_DEPS = frozenset({"relcl", "acl", "appos", "conj", "cc", "advcl", "parataxis"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl", "attr", "oprd", "conj", "advcl"})
PERSONAL_PRONOUNS = frozenset(
    {"i", "we", "you", "he", "she", "it", "they", "them", "him", "her", "us", "me", "its", "their",
     "his", "our", "my", "your", "this", "that", "these", "those", "which", "who", "whom", "what",
     "both", "all", "some", "one", "everyone", "anyone", "such"}
)
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
