"""The words of a casualty figure: what a word says happened to people, and where its victims sit.

Shared by `strife.extract.counts` (figures written with a numeral), the modules it reads a figure
with (`count_parts`, `count_totals`, `count_spread`), `strife.extract.unnumbered` (people counted
without one: "another soldier", "killing him") and the figure linker (`background_clause`): the lexicons of
``data/count_kinds.csv``, ``count_victims.csv`` and ``count_cues.csv``, and the parse rules that
find the word governing a counted phrase. Role matters: in "3 soldiers killed 5 militants" the
soldiers are the killers, so the active subject of a transitive trigger is never a victim.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from strife.datafiles import read_data_csv as _data_rows
from strife.extract import doc_lowers, result_complements

#: Entity labels of spaCy that mark a figure as something other than a head count.
NOT_COUNT_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
#: Month names and their abbreviations: a figure before one is a day ("8 May"), and a date naming
#: one with a range of days spreads a toll over them (`strife.extract.count_spread.days_of_range`).
MONTH_NAMES = frozenset(name.lower() for name in [*calendar.month_name, *calendar.month_abbr] if name)
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
OBJECTS = ("dobj", "nsubjpass", "attr", "oprd", "dative", "pobj", "appos")
_CLIMB_THROUGH = ("prep", "pobj", "conj", "appos", "cc", "npadvmod", "quantmod", "nummod", "amod")


@dataclass(frozen=True)
class Trigger:
    """One row of count_kinds.csv: what a word says happened, and where its victims sit."""

    kind: str
    role: str
    confidence: float


@lru_cache(maxsize=1)
def count_triggers() -> dict[str, Trigger]:
    """Lemma (or two-word phrase) -> Trigger, from ``data/count_kinds.csv``."""
    return {
        row["lemma"].lower(): Trigger(row["kind"], row["role"], float(row["confidence"]))
        for row in _data_rows("count_kinds.csv")
    }


@lru_cache(maxsize=1)
def victim_nouns() -> dict[str, Optional[str]]:
    """Lemma -> CAMEO sector hint (or None), from ``data/count_victims.csv``."""
    return {row["lemma"].lower(): row["sector"] or None for row in _data_rows("count_victims.csv")}


@lru_cache(maxsize=1)
def count_cues() -> dict[str, frozenset[str]]:
    """Role -> cue words, from ``data/count_cues.csv`` (total, part, not_count)."""
    cues: dict[str, set[str]] = {}
    for row in _data_rows("count_cues.csv"):
        cues.setdefault(row["role"], set()).add(row["cue"].lower())
    return {role: frozenset(words) for role, words in cues.items()}


def another_source(words: str) -> bool:
    """Whether a source's words name another source than the one before ("another source", "other
    reports"; cue roles distinct and source_noun): its figure is a rival account of the figure told
    before it, even when the note gives that one no source."""
    cues, said = count_cues(), set(words.lower().split())
    return bool(said & cues.get("distinct", frozenset())) and bool(said & cues.get("source_noun", frozenset()))


def lookup_keys(token: Token) -> Iterator[str]:
    """Lookup keys for a token: two-word phrases with its particles/compounds, lemma, surface."""
    for child in token.children:
        if child.i > token.i and child.dep_ in ("prt", "acomp", "oprd", "dobj", "amod", "advmod"):
            yield f"{token.lemma_.lower()} {child.lower_}"
        elif child.i < token.i and child.dep_ in ("compound", "amod", "advmod"):
            yield f"{child.lower_} {token.lemma_.lower()}"  # "fatally shot": the adverb says the harm killed
        elif child.i > token.i and child.dep_ in ("prep", "dative") and child.lower_ == "to":
            # "shot to death", "stabbed him to death": the manner verb with its result
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield f"{token.lemma_.lower()} to {grand.lower_}"
        elif (child.i > token.i and child.dep_ == "prep" and child.lower_ in ("in", "during") and _bare_verb(token)
              and any(grand.dep_ == "pobj" and grand.lemma_.lower() in _fights() for grand in child.children)):
            yield f"{token.lemma_.lower()} {child.lower_} fight"  # "fell in the fighting": died in it
    for result in result_complements(token):  # "burned 14 villagers alive", "shot dead dozens of them"
        yield f"{token.lemma_.lower()} {result.lower_}"
    yield token.lemma_.lower()
    yield token.lower_


def _bare_verb(verb: Token) -> bool:
    """A verb with no complement saying where or how it went: "fell in the fighting" tells a death,
    "fell into the hands of troops during the fighting", "fell back", "fell ill" do not."""
    return not any(child.dep_ in ("dobj", "prt", "acomp", "oprd", "xcomp")
                   or (child.dep_ == "prep" and child.lower_ in ("into", "to", "under", "back"))
                   for child in verb.children)


@lru_cache(maxsize=1)
def _fights() -> frozenset[str]:
    """Nouns of fighting (count_cues.csv role fight), read once."""
    return count_cues().get("fight", frozenset())


def trigger_for(token: Token) -> Optional[Trigger]:
    """The count trigger a token is, if any ("killed" -> killed/object, "deaths" -> killed/noun);
    none for a verb told as nearly done ("was nearly killed": no one died)."""
    if _nearly_done(token) or _abbreviation_of_a_name(token):
        return None
    table = count_triggers()
    for key in lookup_keys(token):
        if key in table:
            return table[key]
    return None


def _abbreviation_of_a_name(token: Token) -> bool:
    """ "two KIA and three WIA", "one soldier KIA": the military abbreviations (killed, wounded in
    action; count_cues.csv role in_action) are outcomes only right after the people they count, a
    figure or a counted noun, and last in their phrase; elsewhere the letters are as often a group's
    name (the Kachin Independence Army: "KIA fighters", "clashes between KIA and the army")."""
    if token.lower_ not in count_cues().get("in_action", frozenset()):
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    counted = before is not None and (before.like_num or (
        before.pos_ == "NOUN" and any(child.like_num for child in before.children)))
    return not counted or (after is not None and after.pos_ in ("NOUN", "PROPN", "VERB", "AUX"))


def _nearly_done(token: Token) -> bool:
    """'was almost killed', 'nearly lynched': an adverb of near completion (``near_miss`` cues of
    count_cues.csv) before a verb says its act fell short; 'killed nearly 50' counts the figure."""
    near = count_cues().get("near_miss", frozenset())
    return token.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.i < token.i and c.lower_ in near for c in token.children)


def count_kind_for(token: Token) -> Optional[str]:
    """The CountKind a word signals on its own ("wounded" -> "injured"), or None.

    For the event stage: an event whose trigger is "killed" takes the killed counts of its sentence.
    """
    trigger = trigger_for(token)
    return trigger.kind if trigger else None


def surely_harmed(noun: Token, anchor: Token) -> bool:
    """A counted noun of no known victim class that a word of killing or wounding governs
    ("shot and killed 5 merchants"): only living beings are killed, so they are counted. A name
    the tagger took for a place counts too when it is what the killing word itself acts on ("3
    Alphans were killed"): a place is hit or shelled, never killed. A name counted by a figure
    ("Five Taliban were eliminated") is a group's members, counted by any word of killing."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in NOT_COUNT_ENTITIES:
        return False
    if noun.ent_type_ in ("GPE", "LOC", "FAC") and not _killed_itself(noun):
        return False
    if noun.lemma_.lower() in count_cues().get("animal", frozenset()):
        return False  # "killed 15 livestock": no fatality
    governed = governing_trigger(anchor)
    # a named group's members ("Five Taliban were eliminated"): a name counted by a figure is people,
    # so a word that kills only in war ("eliminate", "neutralise") counts them as surely
    floor = 0.0 if noun.pos_ == "PROPN" else 0.85
    return governed is not None and governed[0] in ("killed", "injured") and governed[1] >= floor


def _subject_taken_for_apposition(anchor: Token) -> Optional[tuple[str, float]]:
    """ "In Alpha, Beta, a man was killed": after an opening phrase of places set off by commas, the
    noun right before a passive verb with no subject is that verb's subject, though the parser
    hangs it on the places as an apposition. Kind and confidence of the verb, or None."""
    if anchor.dep_ != "appos" or anchor.head.i > anchor.i:
        return None
    after = anchor.right_edge.i + 1
    doc = anchor.doc
    while after < len(doc) and doc[after].dep_ in ("aux", "auxpass", "neg", "advmod"):
        after += 1
    if after >= len(doc) or after == anchor.right_edge.i + 1:
        return None  # no auxiliary: "Alpha, a town, killed ..." is not a passive
    verb = doc[after]
    trigger = trigger_for(verb)
    if (trigger is None or trigger.role != "object" or verb.tag_ != "VBN" or anchor.head.i < verb.i < anchor.i
            or any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)):
        return None
    return trigger.kind, trigger.confidence * 0.9


def _killed_itself(noun: Token) -> bool:
    """The noun is the passive subject or the object of a word of killing or wounding."""
    trigger = trigger_for(noun.head)
    return (noun.dep_ in ("nsubjpass", "dobj") and trigger is not None and trigger.role == "object"
            and trigger.kind in ("killed", "injured"))


def governing_trigger(anchor: Token) -> Optional[tuple[str, float]]:
    """Kind and confidence from the word that governs the counted phrase, climbing the parse."""
    subject_of = _subject_taken_for_apposition(anchor)
    if subject_of is not None:
        return subject_of
    gapped = gapped_participle(anchor)
    if gapped is not None:  # "2 soldiers were killed and 5 militants arrested": their own verb, not "killed"
        own = trigger_for(gapped)
        return (own.kind, own.confidence) if own is not None and own.role == "object" else None
    revised = revised_toll_verb(anchor)
    if revised is not None:  # "5 civilians were killed, later raised to 8": the outcome's latest figure
        outcome = trigger_for(revised)
        return outcome.kind, outcome.confidence * 0.9
    token, discount = anchor, 1.0
    for _ in range(6):
        head = token.head
        if head is token or (token is not anchor and _another_act(token)) or _part_cue(head):
            return None
        trigger = trigger_for(head)
        if trigger is not None:
            if victim_position(token, head, trigger):
                return trigger.kind, trigger.confidence * discount
            return None
        if head.pos_ in ("VERB", "AUX"):
            return conjoined_trigger(token, head) or complement_trigger(token, head) or _elided_killing(token, head)
        if token.dep_ not in _CLIMB_THROUGH and head.pos_ not in ("ADP", "NOUN", "PROPN", "NUM"):
            return None
        token, discount = head, discount * 0.95
    return None


def _part_cue(token: Token) -> bool:
    """ "killing 3 civilians (incl. a nurse)": a part cue read as a preposition (count_cues.csv, role
    part) says its object is one of people told before, who have their outcome there; the climb
    stops at it, as it stops at "including" read as a verb."""
    return token.pos_ == "ADP" and token.lower_ in count_cues().get("part", frozenset()) and token.lower_ != "among"


def _another_act(token: Token) -> bool:
    """ "resulted in 2 deaths and the abduction of 9 people", "the deaths of 2 soldiers and the arrest
    of 5 suspects": a noun listed with others that holds the figure in an "of" phrase of its own,
    and is neither people nor a word of harm, names another act, whose people these are; the word
    of harm its list hangs on is not theirs."""
    return (token.dep_ == "conj" and token.pos_ == "NOUN"
            and any(child.dep_ == "prep" and child.lower_ == "of" for child in token.children)
            and trigger_for(token) is None and not is_victim_noun(token))


def gapped_participle(noun: Token) -> Token | None:
    """ "Two soldiers were killed and 5 militants arrested", "a child was killed and her mother
    injured", "12 killed, 5 hideouts destroyed and 8 suspects held": a conjunct that carries a
    participle of its own is a clause of its own with its auxiliary dropped (gapping), so that
    participle, not the first clause's verb, tells what befell its people. Only when the conjunct
    hangs on the verb itself, or the list it is in gives another item a participle too; "killed 2
    soldiers and 3 civilians caught in the crossfire" lists victims of the verb. None elsewhere."""
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    own = _participle_of(noun)
    if own is None:
        return None
    if noun.head.pos_ in ("VERB", "AUX"):
        return own
    listed = [item for item in noun.conjuncts if item.i != noun.i]
    return own if any(_participle_of(item) is not None for item in listed) else None


def _participle_of(noun: Token) -> Token | None:
    """The past participle right after a noun, a reduced clause ("5 hideouts destroyed"), whichever
    item of the list the parse hangs it on ("5 hideouts destroyed and 8 suspects held")."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.dep_ != "acl" or after.tag_ not in ("VBN", "VBD"):
        return None
    return after if after.head.i == noun.i or after.head in noun.conjuncts else None


def _elided_killing(token: Token, verb: Token) -> tuple[str, float] | None:
    """ "3 policemen were and 5 others wounded": a bare "were" with nothing said of its subject, then
    "and" and other people wounded, drops the word of killing that a tally line puts first (the dead
    before the wounded): its subject are the dead, with less confidence than a word written."""
    doc = verb.doc
    if token.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "and":
        return None
    for partner in verb.children:
        trigger = trigger_for(partner) if partner.dep_ == "conj" else None
        if trigger is not None and trigger.kind == "injured" and any(
                child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in ("other", "others")
                for child in partner.children):
            killed = count_triggers()["kill"]
            return killed.kind, killed.confidence * 0.6
    return None


def victim_position(token: Token, head: Token, trigger: Trigger) -> bool:
    """Whether ``token`` sits where the trigger's victims go (not where its perpetrator does)."""
    if trigger.role == "noun":
        return token.dep_ in ("pobj", "prep", "nummod", "compound", "appos", "conj")
    if trigger.role == "subject":
        return token.dep_ in SUBJECTS
    if token.dep_ == "nsubj":
        # "30 wounded": a bare participle without an object is a reduced passive; so is a verb with
        # an agent ("Policeman shot dead by militants": a headline drops "was", the parse reads VBD)
        # "6 killed incl. 2 policemen": an "object" opened by a part cue is a part of the subject's
        # dead, so the verb is a reduced passive too
        cued = any(child.dep_ == "dobj" and _part_cue(child.left_edge) for child in head.children)
        reduced = head.tag_ == "VBN" or cued or any(child.dep_ == "agent" for child in head.children)
        return reduced and not any((child.dep_ == "dobj" and not cued) or _range_taken_for_preposition(child, head)
                                   for child in head.children)
    return (token.dep_ in OBJECTS or token.dep_ == "conj" or _object_taken_for_adverb(token, head)
            or _range_taken_for_preposition(token, head) or _killed_along_with(token, head)
            or _gerund_read_as_a_noun(token, head))


def _gerund_read_as_a_noun(token: Token, verb: Token) -> bool:
    """ "Killing of 2 people by unknown gunmen": a heading opened by a gerund with an "of" phrase and
    no object of its own is the noun ("the killing of"), whose "of" phrase holds its victims, though
    the parse reads a verb."""
    return (token.dep_ == "prep" and token.lower_ == "of" and verb.tag_ == "VBG" and token.i == verb.i + 1
            and not any(child.dep_ == "dobj" for child in verb.children))


def _killed_along_with(token: Token, verb: Token) -> bool:
    """ "A commander was killed along with 3 bodyguards", "killed a chief together with two of his
    sons": the people of a "with" phrase after a verb with a victim of its own, opened by a word of
    company (count_cues.csv, role companion), were killed with that victim: more of the verb's
    victims, whom ACLED counts too. Not before the verb ("militants along with soldiers killed"):
    there they are its doers' company."""
    if token.i < verb.i or not has_own_victims(verb):
        return False
    company = count_cues().get("companion", frozenset())
    if token.dep_ == "prep" and token.lower_ == "with":
        return any(child.lower_ in company and child.dep_ in ("prt", "advmod") for child in verb.children)
    return token.dep_ in ("prep", "advmod", "prt") and token.lower_ in company and any(
        child.dep_ == "prep" and child.lower_ == "with" for child in token.children)


def companion_verb(token: Token) -> Token | None:
    """ "killed along with his driver": the verb whose victims a person of a "with" phrase of company
    joins (`_killed_along_with`), read from the person; also the company of a passive's subject,
    before the verb ("A leader along with his driver was shot dead": the subject is a victim, and
    so is who was with him); None elsewhere."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "with":
        return None
    company = count_cues().get("companion", frozenset())
    opener = preposition.head if preposition.head.lower_ in company else preposition
    verb = opener.head
    if opener is not preposition and verb.dep_ == "nsubjpass" and trigger_for(verb.head) is not None:
        return verb.head  # "A leader along with his driver was shot dead": a victim's company, victims too
    return verb if verb is not opener and _killed_along_with(opener, verb) else None


def _range_taken_for_preposition(token: Token, verb: Token) -> bool:
    """ "killed between 6 and 10 civilians": the parser may read a range's opener after the verb
    as a preposition with the people as its object; the range and its people are the object all
    the same (a figure inside it, `strife.extract.numbers`, is what brought the climb here)."""
    return (token.dep_ == "prep" and token.lower_ == "between" and token.i > verb.i
            and any(child.dep_ == "pobj" and any(g.dep_ == "nummod" for g in child.children)
                    for child in token.children))


def _object_taken_for_adverb(token: Token, verb: Token) -> bool:
    """ "Gunmen shot dead a couple returning home": the parser may read the people after a verb
    that has no object as an adverbial noun phrase ("a couple" as in "a couple of times"); after a
    word of killing with no object of its own, and naming no time, they are its object."""
    return (token.dep_ == "npadvmod" and token.i > verb.i and token.ent_type_ not in NOT_COUNT_ENTITIES
            and not has_own_victims(verb))


def conjoined_trigger(token: Token, verb: Token) -> Optional[tuple[str, float]]:
    """ "2 members were shot and killed", "stabbed and killed a man": the passive subject or object
    of a verb conjoined with a word of killing is its victim too; not when that word has a subject
    of its own, a clause of its own ("repelled an attack; 2 soldiers killed"). The subject of a verb
    with a verb of dying after it shares that death (`later_death`)."""
    if token.dep_ in SUBJECTS and (death := later_death(token)) is not None:
        return death.kind, death.confidence * 0.95  # "a soldier was shot and later died"
    if token.dep_ not in ("nsubjpass", "dobj"):
        return None
    for partner in verb.children:
        trigger = trigger_for(partner) if partner.dep_ == "conj" else None
        if trigger is not None and trigger.role == "object" and not has_own_victims(partner) \
                and not any(child.dep_ == "nsubj" for child in partner.children):
            return trigger.kind, trigger.confidence * 0.95
    return None


def later_death(subject: Token) -> Trigger | None:
    """ "A soldier was shot and later died in hospital", "3 people were wounded and later succumbed":
    a verb of dying conjoined after the subject's verb, with no subject of its own, has that subject;
    ACLED counts a wounded person who died of the wounds among the event's fatalities. The trigger
    of that verb, or None ("3 were wounded and two of them died" tells the dead apart)."""
    if subject.dep_ not in SUBJECTS:
        return None
    verb = subject.head
    for partner in verb.children:
        if partner.dep_ != "conj" or partner.i < verb.i or partner.pos_ not in ("VERB", "AUX"):
            continue
        trigger = trigger_for(partner)
        if (trigger is not None and trigger.kind == "killed" and trigger.role == "subject"
                and not any(child.dep_ in SUBJECTS for child in partner.children)):
            return trigger
    return None


def has_own_victims(verb: Token) -> bool:
    return any(child.dep_ in ("dobj", "nsubjpass") for child in verb.children)


def complement_trigger(token: Token, verb: Token) -> Optional[tuple[str, float]]:
    """ "left 12 people dead", "forced 3,000 to flee", "200 remain missing", "bringing the toll to 40"."""
    for child in verb.children:
        if child.dep_ not in ("oprd", "acomp", "xcomp", "ccomp"):
            continue
        if child.dep_ == "ccomp" and token.dep_ in ("nsubj", "nsubjpass"):
            continue  # "..., a hospital official said": the subject of the report is its source
        if child.dep_ == "xcomp" and token.dep_ == "nsubj" and has_own_victims(child):
            continue  # "both sides claimed to have killed 15": the subject did the killing, its victims are the object
        trigger = trigger_for(child)
        if trigger is None:
            continue
        if trigger.role == "object" and child.tag_ != "VBN" and not _adjectival_passive(child, verb):
            continue
        if token.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return trigger.kind, trigger.confidence * 0.9
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in count_cues().get("part", frozenset()):
            for outcome in child.children:  # "Among the dead were 5 children"
                trigger = trigger_for(outcome)
                if outcome.dep_ == "pobj" and trigger is not None and trigger.role == "noun":
                    return trigger.kind, trigger.confidence * 0.9
    if token.dep_ == "dobj" and verb.lemma_.lower() in count_cues().get("part", frozenset()):
        for subject in verb.children:  # "The dead include 5 children": the outcome noun includes them
            trigger = trigger_for(subject)
            if subject.dep_ == "nsubj" and trigger is not None and trigger.role == "noun":
                return trigger.kind, trigger.confidence * 0.9
    tally = tally_noun(verb)
    if tally is not None and (token.dep_ in ("pobj", "prep") or (token.dep_ in ("dobj", "attr") and tally.dep_ == "nsubj")):
        return tally_kind(tally)  # "the toll rose to 11", "the death toll reached 11", "the toll is 11"
    return None


def _adjectival_passive(participle: Token, verb: Token) -> bool:
    """ "Six farmers were slain": the parser may read a passive participle after 'be' as an adjective
    complement (acomp, JJ); it is still the passive of the killing verb, its subject the victims."""
    return participle.dep_ == "acomp" and participle.tag_ == "JJ" and verb.lemma_ == "be"


def revised_toll_verb(token: Token) -> Optional[Token]:
    """ "5 civilians were killed, later raised to 8": the word of killing or wounding whose toll a
    subjectless verb of revision (count_cues.csv role revise) raises to the figure ``token`` heads
    in its "to" phrase, or None."""
    to = token.head
    if token.dep_ != "pobj" or to.lower_ != "to":
        return None
    verb = to.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in count_cues().get("revise", frozenset()):
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass", "dobj") for child in verb.children):
        return None  # "the toll rose to 8", "police raised the toll to 8": a tally noun's, read as such
    outcome = verb.head
    trigger = trigger_for(outcome) if outcome is not verb else None
    return outcome if trigger is not None and trigger.kind in ("killed", "injured") and trigger.role != "noun" else None


def tally_noun(verb: Token) -> Optional[Token]:
    """The "toll"/"total" a verb moves ("the death toll rose to 20", "bringing the toll to 40")."""
    totals = count_cues().get("total", frozenset())
    counts_of = count_cues().get("count_of", frozenset())
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in totals:
            return child
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in counts_of and _of_an_outcome(child):
            return child  # "the number of dead rose to 8"
    return None


def _of_an_outcome(noun: Token) -> bool:
    """ "the number of dead", "the number of deaths": the noun's "of" names an outcome (a noun of count_kinds.csv)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for outcome in prep.children:
                trigger = trigger_for(outcome) if outcome.dep_ == "pobj" else None
                if trigger is not None and trigger.role == "noun":
                    return True
    return False


def tally_kind(tally: Token) -> Optional[tuple[str, float]]:
    for token in tally.subtree:
        trigger = trigger_for(token)
        if trigger is not None and trigger.role == "noun":
            return trigger.kind, trigger.confidence * 0.9
    return ("killed", 0.6) if tally.lemma_.lower() == "toll" else None


def victims_of(span: Span, noun: Token) -> Optional[str]:
    """Who was counted, as written with its modifiers ("Russian nurses"), or None for a bare figure."""
    if span.start <= noun.i < span.end or not is_victim_noun(noun):
        return None
    doc, start = span.doc, noun.i
    while start - 1 >= span.end:
        left = doc[start - 1]
        if left.dep_ not in ("amod", "compound", "nmod") or trigger_for(left) is not None:
            break
        start -= 1
    return doc[start : noun.i + 1].text


def is_victim_noun(noun: Token) -> bool:
    table = victim_nouns()
    return noun.ent_type_ == "NORP" or any(key in table for key in lookup_keys(noun))


def past_hedges(doc: Doc, last: int) -> int:
    """The last of the adverbs right after token ``last`` that hedge or place a report ("Three
    civilians reportedly killed", "2 soldiers also wounded"): they leave the word after them said of
    the people; never a negation ("not killed") nor a near miss ("nearly killed", count_cues.csv)."""
    near = count_cues().get("near_miss", frozenset())
    for _ in range(2):
        after = doc[last + 1] if last + 2 < len(doc) else None
        if after is None or after.tag_ != "RB" or after.dep_ == "neg" or after.lower_ in near:
            break
        last += 1
    return last


def past_reported_names(doc: Doc, last: int, bare: bool) -> int:
    """ "Four reported militants dead", "3 confirmed Kelo dead": after a bare figure (token ``last``),
    a report's participle (cue role attested, count_cues.csv) and the people's noun or name say the
    outcome word after them of the figure, as "four militants reported dead" does; the last of those
    nouns, or ``last`` when the words are not so."""
    if not bare or last + 3 >= len(doc):
        return last
    participle = doc[last + 1]
    if participle.tag_ not in ("VBD", "VBN") or participle.lemma_.lower() not in count_cues().get("attested", ()):
        return last
    end = last + 2
    while end < min(len(doc) - 1, last + 6) and doc[end].pos_ in ("NOUN", "PROPN") and trigger_for(doc[end]) is None:
        end += 1
    return end - 1 if end > last + 2 else last


def background_clause(token: Token) -> Optional[Token]:
    """The head of the clause of earlier events ``token`` sits in, or None.

    "inhabitants attacked police after two children were killed": "two children" sits in the
    clause headed by "killed", opened by "after" (a ``background`` cue of count_cues.csv). A
    figure there counts that earlier incident, not the one of the main clause.
    """
    cues = count_cues().get("background", frozenset())
    sentence = token.sent  # the walk stays in it: without a cue word there, no clause to find
    if cues.isdisjoint(doc_lowers(token.doc)[sentence.start : sentence.end]):
        return None
    current = token
    for _ in range(12):
        if any(child.dep_ == "mark" and child.lower_ in cues for child in current.children):
            return current
        if current.dep_ == "pobj" and current.head.lower_ in cues:
            return current
        if current.head is current:
            return None
        current = current.head
    return None


#: Below this a noun's own outcome is a guess ("victim": 0.5) the predicate of its clause can overrule.
_WEAK_NOUN = 0.85


def subject_fate(own: Optional[Trigger], noun: Token) -> Optional[Trigger]:
    """ "a fourth victim is missing", "two victims were abducted": a noun that only guesses its
    people's fate ("victim", of any harm) is the subject of a clause that tells it, so the predicate's
    outcome (missing, detained, wounded) is theirs, not a death."""
    if own is None or own.confidence >= _WEAK_NOUN or noun.dep_ not in ("nsubj", "nsubjpass"):
        return own
    head = noun.head
    for word in (head, *(c for c in head.children if c.dep_ in ("acomp", "attr", "oprd"))):
        told = trigger_for(word)
        if told is None or word.i == noun.i:
            continue
        if word is head and told.role == "object" and noun.dep_ != "nsubjpass":
            continue  # "the victim shot a guard": the subject of an active verb did it
        return told if told.kind != own.kind else own
    return own
