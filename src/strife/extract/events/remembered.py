"""Acts of years past told as the background of today's news: remembered, not happened today.

"A memorial garden at the site of the 2014 market bombing", "the families of the victims of the
2015 bus bombing", "the opposition leader, who was jailed after the 2011 protests": an act named by
a year before the report's ("the 2014 bombing"), or told in a relative or participial clause on a
noun that names a year well before it ("the bridge, destroyed by rebels in 2012, reopened"), is
what the reader already knows about a thing or a person of the news. ACLED records it on its own
day, from its own report, never as today's event; the record model has no flag for the past
recalled, so it is `hypothetical` (as background aggregates are) as well as `old` and `background`.
Without a publication date the reference is today: a text read now that names an act by a past
year is telling its history. (An act in the 'of' phrase of an anniversary is `building.commemorated`.)
So is an act named by a past period beside an act of the report's own in its sentence ("police
arrested 4 suspects over last week's attack that killed 5 villagers", "a similar attack in April
killed 4"): a possessive last week, month or year, or a month other than the report's; the figures
told of what it did are its own (`past_period_clause`, read by `strife.extract.figure_links`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Span, Token

from strife.extract import clause_verb
from strife.extract.events.background_rows import describes_a_noun
from strife.extract.events.frame import Frame

#: A year (2014) or a decade (the 1980s, the early 2010s): wider than `modality.YEAR`, which reads
#: a year alone, since a past decade names the background as well as a past year does.
YEAR_OR_DECADE = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
#: Labels by which a year names an event noun ('the 2014 bombing', 'the 2014 market bombing').
NAMING_DEPS = frozenset({"nummod", "compound", "nmod", "amod", "npadvmod"})


def mark_remembered(frames: list[Frame], on: dt.date | None) -> None:
    """Flag the acts of a past year, or of a past period beside the news, told as background (module docstring)."""
    year = (on or dt.date.today()).year
    earlier = {id(f) for f in frames if _told_of_a_past_period(f.trigger.token, on)}
    for frame in frames:
        token = frame.trigger.token
        if (named_by_a_past_year(token, year) or (id(frame) in earlier and _beside_the_news(frame, frames, earlier))
                or _in_a_description_of_a_past_year(token, year)
                or _in_a_circumstance_of_a_past_year(token, year) or _the_extreme_of_a_past_set(token, year)):
            frame.background = frame.old = frame.hypothetical = True


def named_by_a_past_year(token: Token, year: int) -> bool:
    """'the 2014 bombing', 'the 2015 Salvi bus bombing', 'the 2011 protests': an event noun whose
    own phrase, before it, names a year before `year` (a year told after the noun, 'the bombing in
    2014', is a date of the clause, read by `_in_a_description_of_a_past_year`)."""
    if token.pos_ != "NOUN":
        return False
    return any(YEAR_OR_DECADE.match(t.text) and _year(t) < year and _names(t, token)
               for t in token.doc[token.left_edge.i:token.i])


#: A period before the report's, told as whose an act was: "last week's attack", "last month's clashes".
PAST_PERIODS = frozenset({"week", "month", "year"})
PAST_WORDS = frozenset({"last", "previous"})
#: Month names, written as a name ("the May attack", "an attack in April").
MONTH_NAMES = frozenset(calendar.month_name[1:])


def named_by_a_past_period(token: Token, on: dt.date | None) -> bool:
    """'over last week's attack that killed 5 villagers', 'the May attack', 'a similar attack in April':
    an event noun whose own phrase names a past week, month or year as its owner, or a month other
    than the report's, is an earlier incident told as the background of the report's news (its dead
    are that incident's); a day ('Sunday's attack') may be the report's own incident and is not read."""
    if token.pos_ != "NOUN":
        return False
    for child in token.children:
        if (child.dep_ == "poss" and child.lemma_.lower() in PAST_PERIODS
                and any(word.lower_ in PAST_WORDS for word in child.children)):
            return True
        if on is not None and child.dep_ in ("compound", "nmod", "npadvmod") and _other_month(child, on):
            return True
        if on is not None and child.dep_ == "prep" and child.lower_ == "in" and any(
                _other_month(o, on) and not any(g.like_num for g in o.children) for o in child.children if o.dep_ == "pobj"):
            return True
    return False


def _beside_the_news(frame: Frame, frames: list[Frame], earlier: set[int]) -> bool:
    """An act of a past period is background only beside an act of the report's own in its sentence
    ("police arrested 4 over last week's attack"); told alone ("Last week's attack killed 5, police
    said") it is what the report tells, dated by its own words."""
    sentence = frame.trigger.token.sent.start
    return any(id(other) not in earlier and other.trigger.token.sent.start == sentence for other in frames)


def _told_of_a_past_period(token: Token, on: dt.date | None) -> bool:
    """The act is an event noun named by a past period (`named_by_a_past_period`), or tells what one
    did: its verb's subject ("last month's attack on the town killed 15") or the noun its relative
    clause describes ("over last week's attack that killed 5 villagers")."""
    if named_by_a_past_period(token, on):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and named_by_a_past_period(c, on) for c in token.children):
        return True
    clause = next((a for a in [token, *token.ancestors] if describes_a_noun(a)), None)
    return clause is not None and named_by_a_past_period(clause.head, on)


def past_period_clause(token: Token, on: dt.date | None) -> Span | None:
    """The words telling what an act of a past period did, that ``token`` (a figure's word) sits in:
    "last month's attack on the town killed 15" (from the act to the end of the clause whose subject
    it is), "over last week's attack that killed 5 villagers" (the relative clause on the act); else
    None. Its dead are that earlier incident's, never the toll of the report's news
    (`strife.extract.figure_links`)."""
    for node in [token, *token.ancestors]:
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and named_by_a_past_period(c, on)),
                       None) if node.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            told = token.doc[subject.left_edge.i : node.right_edge.i + 1]
            return told if told.start <= token.i < told.end else None
        if describes_a_noun(node) and named_by_a_past_period(node.head, on):
            return token.doc[node.left_edge.i : node.right_edge.i + 1]
    return None


def _other_month(word: Token, on: dt.date) -> bool:
    """A month written as a name, not the report's month (so an earlier one: acts are not told ahead)."""
    return word.pos_ == "PROPN" and word.text in MONTH_NAMES and list(calendar.month_name).index(word.text) != on.month


def _names(year: Token, noun: Token) -> bool:
    """The year hangs on the noun, or on a compound of it ('the 2015 [Salvi bus] bombing')."""
    head = year
    for _ in range(4):
        if head.dep_ not in NAMING_DEPS or head.head.i == head.i:
            return False
        head = head.head
        if head.i == noun.i:
            return True
    return False


def _in_a_description_of_a_past_year(token: Token, year: int) -> bool:
    """'the bridge, destroyed by rebels in 2012, reopened', 'the school, which closed in 2015 after
    gunmen attacked it, reopened': the act is (or lies in) a relative or participial clause on a
    noun, and that clause names a year at least two before `year` (the tolerance of
    `modality._names_old_year`)."""
    clause = next((a for a in [token, *token.ancestors] if describes_a_noun(a)), None)
    if clause is None:
        return False
    return any(YEAR_OR_DECADE.match(t.text) and _year(t) < year - 1 for t in clause.subtree)


#: Words that open a phrase or clause telling the circumstance of the clause above ('closed after
#: fighting near the runway', 'closed since gunmen robbed it', 'the worst year was 2018, when ...').
CIRCUMSTANCE_WORDS = frozenset({"after", "following", "during", "since", "when"})


def _in_a_circumstance_of_a_past_year(token: Token, year: int) -> bool:
    """'The airport, closed in 2013 after fighting near the runway, reopened', 'the bank has been closed
    since gunmen robbed it in 2016', 'the deadliest year was 2018, when 19 were killed': the act lies
    in an 'after', 'during', 'since' or 'when' phrase or clause, and the clause it hangs on names a
    year at least two before `year`: the act tells how a thing of today's news came to be, or what
    made a past year what it was, not an incident of the report."""
    for node in [token, *token.ancestors]:
        opener = _circumstance(node)
        if opener is not None and any(YEAR_OR_DECADE.match(t.text) and _year(t) < year - 1 for t in opener.head.subtree):
            return True
    return False


def _circumstance(node: Token) -> Token | None:
    """The phrase or clause of circumstance `node` heads: the preposition whose object it is, or the
    clause itself when marked by one of CIRCUMSTANCE_WORDS (None when it is neither)."""
    if node.dep_ in ("pobj", "pcomp") and node.head.dep_ == "prep" and node.head.lower_ in CIRCUMSTANCE_WORDS:
        return node.head
    if node.dep_ in ("advcl", "relcl") and any(c.dep_ in ("mark", "advmod") and c.lower_ in CIRCUMSTANCE_WORDS
                                              for c in node.children):
        return node
    return None


#: Adverbs that make an adjective a superlative ('the most violent').
SUPERLATIVE_ADVERBS = frozenset({"most", "least"})


def _the_extreme_of_a_past_set(token: Token, year: int) -> bool:
    """'... since 2014. In the worst of them, 12 soldiers died', 'The deadliest, in 1996, killed 44
    passengers': the act's doer or setting is a superlative standing for a noun of a set told before
    ('the worst [of them]'), and that sentence or the one before names a year at least two before
    `year`: one incident picked out of a past tally, the paragraph's history, not today's news."""
    verb = clause_verb(token) or token
    phrases = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    phrases += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    if not any(_a_superlative_for_a_noun(p) for p in phrases):
        return False
    sentence = verb.sent
    before = token.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    return any(YEAR_OR_DECADE.match(t.text) and _year(t) < year - 1 for t in token.doc[before.start:sentence.end])


def _a_superlative_for_a_noun(word: Token) -> bool:
    """'the worst', 'the deadliest of them', 'the most violent': a superlative heading its own phrase."""
    return word.tag_ == "JJS" or (word.pos_ == "ADJ" and any(c.lower_ in SUPERLATIVE_ADVERBS for c in word.children))


def _year(token: Token) -> int:
    """The year a token names ('2014'; a decade, 'the 2010s', by its last year: 2019)."""
    return int(token.text[:4]) + (9 if token.text.endswith("s") else 0)
