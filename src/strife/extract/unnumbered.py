"""People counted without a numeral: "another soldier died", "both guards", "killing him",
"incurring fatalities", and explicit zeros ("No fatalities were reported").

ACLED codes "a farmer was killed" as one fatality and "no one was hurt" as none; the figure is only
written as a determiner, a definite noun, a pronoun or a bare plural. Read per sentence by
`strife.extract.counts.find_counts`, after the figures written with a numeral.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Optional

from spacy.tokens import Span, Token

from strife.conventions import PLURAL, vague_figure
from strife.datafiles import read_data_csv
from strife.extract import doc_lowers, span_tokens
from strife.extract.count_words import (NOT_COUNT_ENTITIES, companion_verb, conjoined_trigger, count_cues, gapped_participle,
                                        governing_trigger, has_own_victims, is_victim_noun, subject_fate, surely_harmed, trigger_for,
                                        victim_position, victims_of)
from strife.extract.numbers import match_quantity
from strife.model import Count

#: (kind, confidence) of a victim, how many people, and the index of the first token of the words.
Found = tuple[tuple[str, float], int, int]


@lru_cache(maxsize=1)
def count_determiners() -> dict[str, dict[str, int]]:
    """Role -> word -> number (1 where the word gives none), from ``data/count_determiners.csv``."""
    table: dict[str, dict[str, int]] = {}
    for row in read_data_csv("count_determiners.csv"):
        table.setdefault(row["role"], {})[row["word"].lower()] = int(row["number"] or 1)
    return table


def _words(role: str) -> dict[str, int]:
    return count_determiners().get(role, {})


def singular_counts(sentence: Span, owner_of_noun: dict[int, int], kinds: set[Optional[str]],
                    figures: set[int], figure_kinds: dict[int, tuple[str, float]] | None = None) -> Iterator[Count]:
    """People counted without a numeral: "killing a woman", "another soldier died", "both guards
    were shot dead", "killed the owner of the house", "killing him".

    ACLED codes each as the people the words name (one, or two for "both"); the figure is only
    written as a determiner, a definite noun or a pronoun. ``figure_kinds`` (the noun a figure of
    the sentence counts -> its kind and confidence) lets a person listed after people counted by a
    figure count one more ("killing 3 soldiers and their commander").
    """
    counted: dict[int, tuple[str, float]] = {}
    for token in span_tokens(sentence):
        if token.i in owner_of_noun or token.i in figures or token.ent_type_ in NOT_COUNT_ENTITIES:
            continue  # "a number of civilians": the noun of a figure is no person
        if token.pos_ not in _COUNTED_POS:
            continue  # what `_unnumbered` would refuse first, without the call for every word
        if _picked_from_them(token):
            continue  # "3 people, among them a child, were killed": one of the three, not a fourth
        found = _unnumbered(token, counted, kinds, owner_of_noun, figure_kinds or {})
        if found is None:
            continue
        (kind, confidence), number, first = found
        counted[token.i] = (kind, confidence)
        evidence = sentence.doc[first : token.i + 1]
        yield Count(
            low=number, best=number, high=number, text=evidence.text, victims=victims_of(evidence[:1], token),
            span=(evidence.start_char, evidence.end_char), kind=kind, confidence=round(confidence * 0.85, 3),
        )


def _picked_from_them(token: Token) -> bool:
    """ "among them a child", "of whom a soldier": a person picked out of people just told by a
    pronoun phrase before him is one of them, already counted (the parse may hang the phrase on him
    or on the verb)."""
    start = token.left_edge.i
    if start >= 2 and token.doc[start - 2].lower_ in ("among", "of") and token.doc[start - 1].lower_ in ("them", "whom"):
        return True
    return any(child.dep_ == "prep" and child.lower_ in ("among", "of") and child.i < token.i
               and any(g.dep_ == "pobj" and g.lower_ in ("them", "whom") for g in child.children)
               for child in token.children)


def _whose_people_were_counted(token: Token, owner_of_noun: dict[int, int]) -> bool:
    """ "Two bodyguards of a district official were shot dead", "3 sons of a farmer were killed": the
    person an "of" phrase of people counted by a figure names is whose they were, not one more victim."""
    preposition = token.head
    return (token.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head.i in owner_of_noun
            and preposition.head.pos_ == "NOUN")


def _whose_remains_were_counted(token: Token, counted: dict[int, tuple[str, float]]) -> bool:
    """ "A body of a man with bullet wounds was found": the person an "of" phrase of remains counted
    just before names is whose remains they are, the same one dead, not one more."""
    preposition = token.head
    remains = preposition.head
    return (token.dep_ == "pobj" and preposition.lower_ == "of" and remains.i in counted
            and remains.lemma_.lower() in _words("remains"))


#: The parts of speech `_unnumbered` reads a person from: a pronoun, or a noun with what counts it.
_COUNTED_POS = frozenset({"PRON", "NOUN", "PROPN", "DET"})


def _unnumbered(token: Token, counted: dict[int, tuple[str, float]], kinds: set[Optional[str]],
                owner_of_noun: dict[int, int], figure_kinds: dict[int, tuple[str, float]]) -> Optional[Found]:
    """((kind, confidence), how many, first token index) for a person counted without a numeral."""
    if token.pos_ in ("DET", "PRON") and _words("counting").get(token.lower_, 1) > 1 \
            and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "two guards were attacked. Both were killed": a counting word standing for people told
        # before; when their deaths were told before too ("killed a soldier and a policeman. Both
        # were shot dead"), it restates them
        governed = _direct_trigger(token)
        if governed is None or governed[0] not in ("killed", "injured"):
            return None
        if any((t := trigger_for(w)) is not None and t.kind == governed[0] for w in token.doc[: token.sent.start]):
            return None
        return governed, _words("counting")[token.lower_], token.i
    if token.pos_ == "DET":
        return None
    if token.pos_ == "PRON":
        own = _own_death(token) if token.lower_ in _words("reflexive") or token.lower_ in _words("plural_reflexive") else None
        if own is not None:
            return own
        if token.lower_ in _words("reflexive") or token.lower_ in _words("one_more"):
            # "killed himself and 3 others", "another died later": one more, whoever was counted before;
            # "blew himself up" has no word of killing and is not counted
            governed = _direct_trigger(token)
            if governed is None and token.dep_ == "conj" and token.lower_ in _words("reflexive"):
                governed = _direct_trigger(token.head)  # "killing 2 soldiers and himself": listed with the victims
            if governed is None and token.lower_ in _words("reflexive"):
                governed = _beside_the_victims(token)
            return (governed, 1, token.i) if governed is not None and governed[0] in ("killed", "injured") else None
        if token.lower_ in _words("plural_person"):
            return _told_before(token, kinds)
        if token.lower_ not in _words("one_person"):
            return None
        governed = _direct_trigger(token)
        if governed is not None and governed[0] not in ("killed", "injured"):
            return None
        # "he" after a counted victim of the same kind in the sentence is that victim again, a figure's
        # or one counted without a numeral ("found the body of a man; police suspect he was killed")
        told = kinds | {kind for kind, _ in counted.values()}
        return (governed, 1, token.i) if governed is not None and governed[0] not in told else None
    if token.pos_ not in ("NOUN", "PROPN") or _holds_a_figure(token, owner_of_noun):
        return None
    if _whose_people_were_counted(token, owner_of_noun) or _whose_remains_were_counted(token, counted):
        return None
    if token.dep_ == "appos" and token.head.i in counted and not _listed_as_apposition(token):
        return None  # "killed Juma Koro, a teacher,": the person counted, restated by what they were
    determiners = [child for child in token.children if child.dep_ in ("det", "predet")]
    counting = [d for d in determiners if d.lower_ in _words("counting")]
    if counting:
        number = _words("counting")[counting[0].lower_]
        if (number == 1) != (token.tag_ in ("NN", "NNP")) and counting[0].lower_ != "a":
            return None  # "both" with a plural noun, "another" with a singular one
        outcome = subject_fate(trigger_for(token), token)  # "a fourth victim is missing": not dead
        if outcome is not None and outcome.role == "noun" and outcome.kind in ("killed", "injured"):
            return (outcome.kind, outcome.confidence), number, counting[0].i  # "led to another death"
        governed = _victim_of(token)
        return (governed, number, counting[0].i) if governed is not None else None
    listed_after = counted.get(token.head.i) or figure_kinds.get(token.head.i)
    if (token.dep_ == "conj" or _listed_as_apposition(token)) and listed_after is not None:
        # "killing a woman and her son", "killing 3 soldiers and their commander": one more person,
        # listed after people counted
        if not any(child.dep_ == "poss" for child in token.children) or not _is_person(token):
            return None
        return listed_after, 1, min(child.i for child in token.children if child.dep_ == "poss")
    dead_told = "killed" in kinds or any(kind == "killed" for kind, _ in counted.values())
    return (_definite_one(token, determiners) or _named_or_bare_one(token, determiners)
            or (None if dead_told else _ones_body(token)))


def _beside_the_victims(token: Token) -> tuple[str, float] | None:
    """ "killing 14 guests besides himself", "killing 6 worshippers in addition to himself": a
    reflexive in a phrase (``count_cues.csv``, role besides) on the victims of a verb of killing, or on
    the verb, is one more victim of it: the doer, whose own death ACLED counts with the event's."""
    preposition = token.head
    if token.dep_ != "pobj":
        return None
    besides = count_cues().get("besides", frozenset())
    if preposition.lower_ == "to" and preposition.head.lower_ in besides and preposition.head.dep_ == "pobj":
        preposition = preposition.head.head  # "in addition to himself": the "in" phrase holds it
    elif preposition.lower_ not in besides:
        return None
    holder = preposition.head
    trigger = trigger_for(holder)
    if trigger is not None and trigger.role == "object" and trigger.kind == "killed":
        return trigger.kind, trigger.confidence
    governed = _direct_trigger(holder) if holder.pos_ in ("NOUN", "PROPN", "NUM") else None
    return governed if governed is not None and governed[0] == "killed" else None


#: Nouns of anyone at all: a toll of them told apart from the bombing may count the bomber too.
_ANYONE = frozenset({"people", "person", "individual"})


def _own_death(token: Token) -> Optional[Found]:
    """ "A suicide bomber blew himself up", "Three militants blew themselves up at the gate": the
    reflexive object of a verb of blowing up (``count_determiners.csv``, role self_destroying; "blow"
    only with "up") is its subject, dead by its own act. ACLED counts the attackers' own deaths among
    the event's fatalities ("Five dead, plus the bomber": 6), so the subject's people are counted: one
    for a singular subject, its numeral for a plural one; a plural with no numeral gives no figure."""
    verb = token.head
    if token.dep_ != "dobj" or verb.lemma_.lower() not in _words("self_destroying"):
        return None
    if verb.lemma_.lower() == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(other.i not in (subject.i, token.i) and (other.lemma_ == subject.lemma_ or other.lower_ == token.lower_)
           and ("killed" in ((_direct_trigger(other) or ("",))[0], (_direct_trigger(other.head) or ("",))[0]
                             if other.dep_ == "conj" else "") or other.head.lower_ in ("including", "among"))
           for other in token.doc):
        return None  # "The bomber also died", "killing herself and 3", "20 people including the bomber": told in words
    if any(other.i != token.i and other.lower_ == token.lower_ and _beside_the_victims(other) is not None
           for other in token.doc):
        return None  # "blew himself up, killing 4 people besides himself": counted there, once
    if subject.tag_ in ("NN", "NNP") and any(
            other.i > token.i and other.head.lower_ in ("including", "among") and other.tag_ == "NN"
            and other.lemma_.lower() in _words("doer") for other in token.doc):
        return None  # "... blew himself up. 3 killed including the attacker": the one who did it, counted there
    if any(other.sent.start != token.sent.start and other.lemma_.lower() in _ANYONE
           and (_direct_trigger(other) or ("",))[0] == "killed" for other in token.doc):
        return None  # "... blew himself up at a market. 5 people died.": a later toll of anyone may hold him
    if subject.tag_ in ("NN", "NNP"):
        return ("killed", 0.9), 1, token.i
    for child in subject.children:
        if child.dep_ == "nummod":
            found = match_quantity([child.lower_])
            if found is not None and found[0].best is not None:
                return ("killed", 0.9), found[0].best, token.i
    return None


def _told_before(token: Token, kinds: set[Optional[str]]) -> Optional[Found]:
    """ "Gunmen kidnapped two herders and shot them dead", "arrested three men and later killed them",
    "Two traders were abducted. They were later killed.": a plural pronoun (``count_determiners.csv``,
    role plural_person) the victim of a word of killing or wounding stands for the people named just
    before it, and counts as many as their numeral says. Its antecedent is the nearest plural noun of
    people before it in its sentence or the one before, not the doers (`_a_doer`); with no numeral there ("captured villagers
    and killed them") it gives no figure. "they" only as the subject of a passive ("they were killed");
    nothing when the sentence counted these dead already."""
    if (token.lower_ == "they") != (token.dep_ == "nsubjpass") or token.dep_ not in ("dobj", "nsubjpass"):
        return None
    governed = _direct_trigger(token)
    if governed is None or governed[0] not in ("killed", "injured") or governed[0] in kinds:
        return None
    doc = token.doc
    first = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
    for other in reversed(doc[first : token.i]):
        if other.tag_ != "NNS" or other.pos_ != "NOUN" or not is_victim_noun(other) or _a_doer(other):
            continue
        for child in other.children:
            if child.dep_ == "nummod":
                found = match_quantity([child.lower_])
                if found is not None and found[0].best is not None and found[0].best > 1:
                    return (governed[0], governed[1] * 0.9), found[0].best, token.i
        return None
    return None


def _a_doer(token: Token) -> bool:
    """ "gunmen" in "Soldiers captured ...", "abducted by gunmen": the subject of an active verb or the
    agent of a passive does the act; a pronoun that suffers the next one stands for someone else."""
    return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def _listed_as_apposition(token: Token) -> bool:
    """ "killed a boy, his mother and a neighbour": the parser may read the second item of a list of
    three as an apposition of the first; an "appositive" that a conjunction continues ("and a
    neighbour") is an item of the list, one more person, not the first restated."""
    return token.dep_ == "appos" and any(child.dep_ == "cc" for child in token.children) and any(
        child.dep_ == "conj" for child in token.children)


def _named_or_bare_one(token: Token, determiners: list[Token]) -> Optional[Found]:
    """ "Harun Mizandar was beaten to death": a person named by name; "Rebel cadre was gunned down": a
    singular victim noun with its article dropped, as headlines and terse notes write. Each is one
    victim of the word of killing or wounding that governs it directly."""
    if determiners or any(child.dep_ in ("poss", "nummod") for child in token.children):
        return None
    named = (token.ent_type_ == "PERSON" or (token.tag_ == "NNP" and _aged(token))) and token.dep_ != "compound"
    # a headline's first word is capitalised, so the parser may tag "Policeman shot dead" NNP
    bare = (token.tag_ == "NN" or (token.tag_ == "NNP" and token.is_sent_start)) and is_victim_noun(token)
    if not (named or bare):
        return None
    governed = _direct_trigger(token) or _participle_after(token)
    if governed is None or governed[0] not in ("killed", "injured"):
        return None
    first = token.left_edge.i if named else token.i
    while first < token.i and token.doc[first].ent_type_ != "PERSON" and named:
        first += 1
    return (governed[0], governed[1] * 0.9), 1, first


def _aged(token: Token) -> bool:
    """ "52-year-old Tarvo Menzi": a name given an age is a person's, whatever label the entity
    recogniser gave the unknown name (it reads some as an organisation's)."""
    return any(child.dep_ == "amod" and child.lower_ == "old"
               and any(grand.lower_ in ("year", "years") for grand in child.children) for child in token.children)


def _participle_after(token: Token) -> Optional[tuple[str, float]]:
    """ "Journalist killed by unknown gunmen": a headline's person followed by a participle of
    killing or wounding (a reduced passive the parse hangs on the noun) is its victim."""
    for child in token.children:
        trigger = trigger_for(child) if child.dep_ == "acl" and child.tag_ == "VBN" else None
        if trigger is not None and trigger.role == "object" and not has_own_victims(child):
            return trigger.kind, trigger.confidence
    return None


def _ones_body(token: Token) -> Optional[Found]:
    """ "His body was found": the body of one person told before (a possessive, with no "of" phrase
    naming the dead, who are counted there) is one dead. Not "his death": protests over a death are
    told that way, and the death is another incident's. Not after a dead person counted in the same
    sentence ("A soldier was killed and his body taken away"): the body is theirs (the caller's check)."""
    if token.lemma_.lower() not in _words("remains") or token.tag_ != "NN":
        return None
    trigger = trigger_for(token)
    if trigger is None or trigger.kind != "killed":
        return None
    owners = [child for child in token.children if child.dep_ == "poss" and child.lower_ in _words("one_owner")]
    if not owners or any(child.dep_ == "prep" and child.lower_ == "of" for child in token.children):
        return None
    return (trigger.kind, trigger.confidence * 0.9), 1, owners[0].i


def _holds_a_figure(token: Token, owner_of_noun: dict[int, int]) -> bool:
    """ "A total of 18 people", "a group of 5 soldiers": the noun frames people counted in its
    of-phrase, or is itself a word of totals; it is no one person."""
    if token.lemma_.lower() in _totals_and_collectives():
        return True
    if not owner_of_noun:
        return False  # no figure counted yet: no of-phrase can hold one (most sentences)
    return any(grand.i in owner_of_noun for child in token.children if child.lower_ == "of" for grand in child.children)


@lru_cache(maxsize=1)
def _totals_and_collectives() -> frozenset[str]:
    """Words of totals and of groups (count_cues.csv), joined once rather than per noun."""
    return count_cues().get("total", frozenset()) | count_cues().get("collective", frozenset())


def _definite_one(token: Token, determiners: list[Token]) -> Optional[Found]:
    """ "killed the owner of the house", "his brother was shot dead": a definite singular person
    that a word of killing or wounding governs directly is one victim."""
    possessive = [child for child in token.children if child.dep_ == "poss"]
    definite = [d for d in determiners if d.lower_ in _words("definite")] + possessive
    if not definite or token.tag_ != "NN" or _is_group(token) or not _is_person(token):
        return None
    governed = _direct_trigger(token)
    if governed is None or governed[0] not in ("killed", "injured"):
        return None
    return (governed[0], governed[1] * 0.9), 1, min(d.i for d in definite)


def _victim_of(token: Token) -> Optional[tuple[str, float]]:
    """The kind a counted noun of people suffered, when a trigger governs it."""
    if not _is_person(token) or _unaccomplished(token):
        return None
    return governing_trigger(token)


def _unaccomplished(token: Token) -> bool:
    """ "an attempt to assassinate the commander", "threatened to kill him": a word of killing in
    its base form tells an act tried, planned or feared, not a death. Not a base form with a subject
    of its own and no auxiliary: "Gunmen kill a policeman in Kindu" is a headline's present, which
    the tagger may read as a base form, telling what happened."""
    head = token.head
    while head.dep_ in ("prep", "pobj", "agent") and head.head is not head:
        head = head.head
    return head.tag_ == "VB" and not _headline_present(head)


def _headline_present(verb: Token) -> bool:
    """A base-form verb with a subject of its own and no auxiliary, "to" or modal before it."""
    return (any(child.dep_ == "nsubj" for child in verb.children)
            and not any(child.dep_ in ("aux", "auxpass", "neg") for child in verb.children))


def _is_person(token: Token) -> bool:
    """A noun for people: a victim noun, a nationality, or the object of a verb of killing ("killed
    a priest") that names no place and no animal. Not a noun a death word governs: "Several dead
    in a car bombing" names what killed them."""
    if is_victim_noun(token):
        return True
    if (token.dep_ == "conj" and token.tag_ == "NN" and is_victim_noun(token.head)
            and token.lemma_.lower() not in count_cues().get("animal", frozenset())):
        return True  # "A soldier and a porter were killed": English joins like with like, a person with a person
    return token.head.pos_ in ("VERB", "AUX") and surely_harmed(token, token)


def _is_group(token: Token) -> bool:
    return token.lemma_.lower() in count_cues().get("collective", frozenset())


def _direct_trigger(token: Token) -> Optional[tuple[str, float]]:
    """The trigger whose victim ``token`` is, read only from the word it depends on (a definite
    noun or pronoun far from its verb is more often someone else than a victim)."""
    if _unaccomplished(token):
        return None
    if gapped_participle(token) is not None:
        return governing_trigger(token)  # "a child was killed and her mother injured": her own verb's
    head = token.head
    trigger = trigger_for(head)
    if trigger is not None and trigger.role != "noun" and victim_position(token, head, trigger):
        return trigger.kind, trigger.confidence
    if trigger is None and head.pos_ in ("VERB", "AUX"):
        return conjoined_trigger(token, head)
    verb = companion_verb(token)  # "was shot dead along with his driver": one more victim of the verb
    trigger = trigger_for(verb) if verb is not None else None
    if trigger is not None and trigger.role == "object":
        return trigger.kind, trigger.confidence * 0.95
    return None


def plural_outcomes(sentence: Span, figures: set[int]) -> Iterator[Count]:
    """ "The attack incurred fatalities", "the clash resulted in deaths", "clashes, with
    fatalities", "Fatalities reported.": the text says people died but gives no figure; a plural
    means at least two, and ACLED's conventions give it a number (``Count.convention``). Only when
    the sentence counts no dead otherwise, and only as the object of an act that happened, the
    outcome an act came "with", or what a report attests (not "no reports on fatalities", not
    "could cause deaths", not "fatalities are unknown")."""
    for token in sentence:
        trigger = trigger_for(token) if token.tag_ == "NNS" and token.i not in figures else None
        if trigger is None or trigger.role != "noun" or trigger.kind != "killed" or trigger.confidence < 0.9:
            continue
        if any(child.dep_ in ("det", "nummod", "poss", "amod", "quantmod") or (child.dep_ == "prep" and not _on_the_sides(child))
               for child in token.children):
            continue
        if not (_object_of_an_act(token) or _came_with(token) or _attested(token) or _there_were(token)):
            continue
        yield Count(low=2, best=None, high=None, text=token.text, span=(token.idx, token.idx + len(token.text)),
                    kind="killed", vague=True, convention=vague_figure(PLURAL),
                    confidence=round(trigger.confidence * 0.7, 3))
        return
    yield from _plural_victims(sentence, figures)


def _plural_victims(sentence: Span, figures: set[int]) -> Iterator[Count]:
    """ "Civilians were killed in an airstrike", "Soldiers killed in ambush": a bare plural of people
    (no article, figure or quantity word) said to have been killed, in a sentence that counts no dead
    otherwise, is an unknown number of at least two; ACLED codes such an unnumbered plural toll as it
    codes "several" or plural "fatalities" (``Count.convention``, codebook "Reported fatalities")."""
    for token in sentence:
        if token.tag_ != "NNS" or token.i in figures or not is_victim_noun(token):
            continue
        if any(child.dep_ in ("det", "nummod", "poss", "quantmod", "amod", "compound", "prep") or child.like_num
               for child in token.children):
            continue
        verb = _killing_passive_of(token)
        if verb is None or _figure_before(token, sentence, figures):
            continue
        yield Count(low=2, best=None, high=None, text=token.text, span=(token.idx, token.idx + len(token.text)),
                    kind="killed", vague=True, convention=vague_figure(PLURAL), confidence=0.6)
        return


def _figure_before(noun: Token, sentence: Span, figures: set[int]) -> bool:
    """ "At least 7, and possibly as many as 15, civilians were killed": a figure the parse set
    apart from the plural, with no verb between them, still counts it; the plural is not unnumbered."""
    for i in range(noun.i - 1, sentence.start - 1, -1):
        if i in figures:
            return True
        if noun.doc[i].pos_ in ("VERB", "AUX"):
            return False
    return False


def _killing_passive_of(noun: Token) -> Token | None:
    """The word of killing a bare plural is the passive subject of ("Civilians were killed", a
    reduced "Soldiers killed in ambush"), told as happened; None otherwise."""
    if noun.dep_ == "nsubjpass":
        verb = noun.head
    elif noun.dep_ in ("nsubj", "ROOT"):
        verb = noun.head if noun.dep_ == "nsubj" else next(
            (child for child in noun.children if child.dep_ == "acl" and child.tag_ == "VBN"), noun)
        if verb.tag_ not in ("VBN", "VBD") or has_own_victims(verb) or any(c.dep_ == "agent" for c in verb.children) \
                and verb.tag_ == "VBD":
            return None
    else:
        return None
    trigger = trigger_for(verb)
    if trigger is None or trigger.kind != "killed" or trigger.role != "object" or verb.i < noun.i:
        return None
    if any(child.dep_ == "neg" or child.tag_ == "MD" for child in verb.children):
        return None
    return verb


def _object_of_an_act(outcome: Token) -> bool:
    """ "incurred fatalities", "resulted in deaths": the object of a verb telling what happened."""
    verb = outcome.head.head if outcome.dep_ == "pobj" and outcome.head.dep_ == "prep" else outcome.head
    return outcome.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" and _happened(verb)


def _came_with(outcome: Token) -> bool:
    """ "Clashes between two clans, with fatalities": the outcome an act came with."""
    preposition = outcome.head
    return outcome.dep_ == "pobj" and preposition.lower_ == "with" and preposition.head.pos_ in ("NOUN", "VERB")


def _attested(outcome: Token) -> bool:
    """ "Fatalities reported.", "Deaths were confirmed": the subject of a verb that attests the
    outcome (``attested`` cues of count_cues.csv), told as having happened."""
    verb = outcome.head
    return (outcome.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in count_cues().get("attested", frozenset())
            and _happened(verb))


def _there_were(outcome: Token) -> bool:
    """ "There were fatalities on both sides": what an existential "there was/were" says happened."""
    verb = outcome.head
    return (outcome.dep_ == "attr" and verb.lemma_ == "be" and _happened(verb)
            and any(child.dep_ == "expl" for child in verb.children))


def _on_the_sides(preposition: Token) -> bool:
    """ "fatalities on both sides", "deaths on either side": the sides of a fight, no people of their own
    (their figure would be the outcome's own), so the outcome is still plural and unnumbered."""
    return preposition.lower_ == "on" and any(
        child.dep_ == "pobj" and child.lemma_.lower() == "side" for child in preposition.children)


def _happened(verb: Token) -> bool:
    """A verb telling what happened: no negation, no modal, not a bare infinitive."""
    return verb.tag_ in ("VBD", "VBN", "VBG", "VBZ", "VBP") and not any(
        child.dep_ == "neg" or child.tag_ == "MD" for child in verb.children)


_NEGATIONS = frozenset({"no", "neither", "nor", "nobody", "none"})  # the words `zero_counts` reads as none
_ZERO_CASUALTY_CONFIDENCE = 0.4  # "no casualties" as none killed or wounded: the word mixes both


def zero_counts(sentence: Span) -> Iterator[Count]:
    """Explicit zeros: "No fatalities were reported", "Neither injuries nor fatalities", "no one was hurt".

    ACLED records these as 0; keeping them lets the event stage tell "none" from "not reported".
    A sentence without a word of negation is passed by before its tokens and their children are
    walked (a token's children and head are in its sentence).
    """
    if _NEGATIONS.isdisjoint(doc_lowers(sentence.doc)[sentence.start : sentence.end]):
        return
    for token in span_tokens(sentence):
        negated = any(child.dep_ == "det" and child.lower_ in ("no", "neither") for child in token.children)
        negated = negated or (token.dep_ == "conj" and any(t.lower_ == "nor" for t in token.head.children))
        negated = negated or token.lower_ in ("nobody", "none")
        if not negated or token.pos_ not in ("NOUN", "PRON"):
            continue
        trigger = trigger_for(token)
        if trigger is not None and trigger.role == "noun":
            kind, confidence = trigger.kind, trigger.confidence * 0.8
        elif token.lower_ in ("one", "body", "people") or token.lower_ in ("nobody", "none"):
            governed = governing_trigger(token)
            if governed is None:
                continue
            kind, confidence = governed
        else:
            continue
        start = min([token.i] + [child.i for child in token.children if child.dep_ == "det"])
        evidence = sentence.doc[start : token.i + 1]
        # "no casualties": none killed and none wounded (count_kinds.csv, kind casualties)
        if kind == "casualties":
            kinds, confidence = ("killed", "injured"), _ZERO_CASUALTY_CONFIDENCE
        else:
            kinds = (kind,)
        for one_kind in kinds:
            yield Count(
                low=0, best=0, high=0, text=evidence.text, span=(evidence.start_char, evidence.end_char),
                kind=one_kind, confidence=round(confidence, 3),
            )
