"""War words in a game or a market: figures of speech, not events.

"Grandmaster Vorontsev launched a ferocious kingside attack in the fifth round to defeat the
tournament's top seed", "the battle for the title goes down to the final day", "the boxer knocked
out his opponent in the third round", "the central bank fired its first shot in the fight against
inflation, raising its key rate", "shareholders defeated a hostile takeover bid": English borrows
the words of war for sport, games and business. ACLED codes no event in them. An act of force
(an assault, a fight, a coercion, a riot) told in a sentence that speaks of a game or a market
(a noun of `data/event_metaphor_contexts.csv` kind `game`, or a score such as "3-2") and names no
one hurt, no armed or security force, no crowd and no weapon (kind `literal`: "fans fought in the
stands after the match", "gunmen attacked the team's bus" stay events) is a figure of speech, and
its trigger gives no frame. The lexicon's own figurative rows ("defeated the bill", "fight
inflation") are the narrower rule for one verb and its object; this one reads the sentence.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from strife.datafiles import read_data_sets
from strife.extract import span_tokens
from strife.extract.events.triggers import Trigger
from strife.ontology.families import FORCE

#: A score of a game: "3-2", "4-1", "48-10" (two numbers of at most three digits joined by a dash).
SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")
#: Modes of a crowd's violence that a game's words can also describe ("the home side ran riot").
CROWD_VIOLENCE_MODES = frozenset({"riot", "mob"})


@functools.lru_cache(maxsize=1)
def metaphor_contexts() -> dict[str, frozenset[str]]:
    """`event_metaphor_contexts.csv`: kind ('game', 'literal') -> lemmas."""
    return read_data_sets("event_metaphor_contexts.csv", "kind", "word")


def figurative(trig: Trigger) -> bool:
    """The trigger is a word of force used as a figure of a game or a market (module docstring)."""
    entry = trig.entry
    if entry.plover not in FORCE and not (entry.plover == "PROTEST" and entry.mode in CROWD_VIOLENCE_MODES):
        return False
    words = metaphor_contexts()
    sentence = span_tokens(trig.token.sent)  # the kept tokens: a Span makes new ones on every walk
    game, names = words.get("game", frozenset()), words.get("party_name", frozenset())
    if not any(_game_word(t, game, names) for t in sentence):
        return False
    literal = words.get("literal", frozenset())
    return not any(t.lemma_.lower() in literal or t.lower_ in literal for t in sentence)


def _game_word(token: Token, game: frozenset[str], names: frozenset[str] = frozenset()) -> bool:
    """A noun of a game or a market, or a score ("3-2"). A capitalised word of a name that heads a
    party's name as often as a sport's (kind `party_name`: 'Awami League', 'Jubo League') is none:
    a sport's sentence names its game in other words (a match, a season, a title)."""
    if SCORE.match(token.text):
        return True
    if token.pos_ == "PROPN" and token.lemma_.lower() in names and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        return False
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in game
