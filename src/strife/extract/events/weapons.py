"""The weapon of a violent act where its lexicon row names none, or a looser one.

Two rules of ACLED's codebook that hang on the weapon alone, whatever the trigger verb:

* **Chemical weapon** is the sub-event of any attack that uses chemical agents ("dropped barrel
  bombs containing chlorine", "fired shells filled with mustard agent", "a chemical weapons
  attack with sarin"): the agent decides, not the means of delivery (air strike, shelling) nor
  who was hit. The act's own words are read with the phrases that describe its weapon ('bombs
  containing chlorine'), but not the clauses joined to it ('..., days after a chlorine attack');
* an **explosion** noun ("explosion", "detonation") is read as a shelling unless its own phrase
  names the device: "a landmine explosion", "the explosion of an IED" are a remote explosive
  (ACLED Remote explosive/landmine/IED), "a grenade explosion" a grenade.

The whole-word matching of word lists (`names_any`) lives here for the event coder too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from strife.extract import doc_text
from strife.extract.events.frame import Frame
from strife.ontology import Ontology
from strife.ontology.families import VIOLENCE

# Clauses joined to an act that tell another act, not its weapon ('and fired', 'a year later'), and
# the prepositions that set it beside another act in time ('a year after a chlorine attack').
JOINED_CLAUSE_DEPS = frozenset({"conj", "advcl", "parataxis", "ccomp", "npadvmod"})
OTHER_TIME_PREPS = frozenset({"after", "before", "since", "following", "until"})
# The word lists of roles.yaml that name weapons.
WEAPON_LISTS = ("explosive_weapon_words", "artillery_weapon_words", "aerial_weapon_words", "weapon_nouns", "grenade_words")


def names_any(text: str, words: Iterable[str]) -> bool:
    """Whether `text` (space-separated lower-case tokens) contains one of `words` as whole words.
    A hyphen the tokenizer split off is joined again, so 'remote - controlled bomb' reads as the
    list's 'remote-controlled bomb'."""
    pattern = _whole_words(words if isinstance(words, frozenset) else frozenset(words))
    return pattern is not None and pattern.search(text.replace(" - ", "-")) is not None


def small_arms_named(text: str, onto: Ontology) -> bool:
    """Whether `text` (as `names_any` reads it) names small arms or guns ('guns and grenades', 'small
    arms fire'): the heavy weapons of artillery_weapon_words are read out first, so 'heavy machine
    guns' or 'anti-aircraft guns' are no gunfire of small arms (roles.yaml small_arms_words, gun_words)."""
    heavy = _longest_first(onto.words("artillery_weapon_words"))
    text = text.replace(" - ", "-")
    return names_any(heavy.sub(" ", text) if heavy is not None else text, onto.words("small_arms_words") | onto.words("gun_words"))


@functools.lru_cache(maxsize=16)
def _longest_first(words: frozenset[str]) -> re.Pattern | None:
    """A word list's whole-word pattern trying its longest entries first, so that what it reads out is
    the whole phrase ('anti-aircraft guns', not 'anti-aircraft' leaving 'guns')."""
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))})(?![\w-])")


def may_name_any(doc: Doc, words: Iterable[str]) -> bool:
    """Whether the Doc could name one of `words` at all, before the phrase text `names_any` reads
    is built from the parse: the texts are its tokens' lower-case forms joined by spaces, so a
    listed phrase's first word lies inside one token and then inside the lower-cased text. Most
    acts name no listed word, and building their phrases walked their subtrees for nothing. The
    answer is kept per Doc and word list: every act asks it of the same few lists."""
    listed = words if isinstance(words, frozenset) else frozenset(words)
    answers = doc.user_data.setdefault(_MAY_NAME_KEY, {})
    if listed not in answers:
        text = doc.user_data.get(_LOWER_TEXT_KEY)
        if text is None:
            text = doc.user_data[_LOWER_TEXT_KEY] = doc_text(doc).lower()
        answers[listed] = any(first in text for first in _first_words(listed))
    return answers[listed]


_LOWER_TEXT_KEY = ("strife", "lower_text")
_MAY_NAME_KEY = ("strife", "may_name_any")


@functools.lru_cache(maxsize=256)
def _first_words(words: frozenset[str]) -> frozenset[str]:
    return frozenset(word.split()[0] for word in words if word.split())


@functools.lru_cache(maxsize=256)
def _whole_words(words: frozenset[str]) -> re.Pattern | None:
    """One compiled pattern for a word list (searching once beats one regex search per word)."""
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in sorted(words))})(?![\w-])")


def chemical_weapon(frame: Frame, onto: Ontology) -> None:
    """An act of violence whose own words name a chemical agent is a chemical weapon attack
    (ACLED Explosions/Remote violence, Chemical weapon), one-sided by its means."""
    agents = onto.words("chemical_agent_words")
    if frame.plover not in VIOLENCE or frame.mode == "cbrn" or not may_name_any(frame.trigger.token.doc, agents):
        return
    if names_any(_act_text(frame.trigger.token), agents):
        frame.plover, frame.mode = "ASSAULT", "cbrn"


def explosion_device(frame: Frame, onto: Ontology) -> None:
    """An explosion noun whose own phrase names its device takes the device's mode: a landmine
    or IED explosion is a remote explosive, a grenade explosion a grenade, not a shelling."""
    token = frame.trigger.token
    if token.lemma_.lower() not in onto.words("explosion_nouns") or frame.mode not in (None, "artillery"):
        return
    phrase = " ".join(t.lower_ for t in token.subtree)
    if names_any(phrase, onto.words("grenade_words")):
        frame.mode = "grenade"
    elif names_any(phrase, onto.words("explosive_weapon_words")) or _at_a_site(token, onto):
        frame.mode = "IED"


def _at_a_site(token: Token, onto: Ontology) -> bool:
    """'an explosion at a mosque', 'an explosion inside a bus': the explosion noun is told at or in
    a building or vehicle (a word of the place's phrase, so 'a place of worship' counts too) (`explosion_site_nouns`) and its sentence names no projectile or aircraft,
    so a device went off there (ACLED Remote explosive/landmine/IED)."""
    sites = onto.words("explosion_site_nouns")
    if not any(prep.lower_ in ("at", "in", "inside") and any(t.lemma_.lower() in sites for o in prep.children
                                                               if o.dep_ == "pobj" for t in o.subtree)
               for prep in token.children if prep.dep_ == "prep"):
        return False
    sentence = " ".join(t.lower_ for t in token.sent)
    return not any(names_any(sentence, onto.words(name)) for name in ("artillery_weapon_words", "aerial_weapon_words"))


def struck_objects(noun: Token, onto: Ontology) -> list[Token]:
    """'Coalition airstrikes hit Houthi positions', 'a rocket struck the base': what an event noun
    (or its weapon) hits as the subject of an aiming verb is the event's target."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in onto.words("aiming_verbs"):
        return []
    return [c for c in noun.head.children if c.dep_ == "dobj"]


def names_a_weapon(token: Token, onto: Ontology) -> bool:
    """'an IED blast', 'a mortar attack': a modifier that names the weapon, never who used it."""
    word = token.lower_
    return any(word in onto.words(name) for name in WEAPON_LISTS)


def _act_text(token: Token) -> str:
    """The lower-cased words of the act: the trigger's subtree less the clauses joined to it and
    the phrases of another time, so the phrases describing its weapon ('bombs containing
    chlorine') are kept."""
    joined = {t.i for d in token.subtree if d.i != token.i and (
        d.dep_ in JOINED_CLAUSE_DEPS or (d.dep_ == "prep" and d.lower_ in OTHER_TIME_PREPS)) for t in d.subtree}
    return " ".join(t.lower_ for t in token.subtree if t.i not in joined)
