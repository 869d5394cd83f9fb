"""A crowd's voice: a demand, condemnation, call or rejection a crowd makes in public is a protest.

Issue #21. ACLED codes a demonstration whatever verb carries it ('workers of a bakery demanded
their unpaid salaries', 'hundreds of villagers gathered and condemned the killing of a trader'),
and codes no statements: the same verbs said in a statement, a letter or at a press conference are
not a protest. A demand by a crowd as the news of its sentence is already the crowd in the street
(the rule this module took over from `coding`); the softer voices (condemn, denounce, call for,
petition, reject, oppose: roles.yaml crowd_voice_verbs) need a cue that the crowd was gathered:
a gathering whose purpose or second act they are ('gathered outside the office to denounce ...',
'gathered ... and condemned ...'), a public place the crowd stood in ('outside X', 'in front of X',
'in the square'), or a count of its people ('about 300 students', 'hundreds of residents').
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract.events.frame import Frame
from strife.extract.events.grammar import clause_before_semicolon
from strife.extract.events.sides import lexical_side, side_of
from strife.extract.events.triggers import word_keys
from strife.model import Actor
from strife.ontology import Ontology

_CROWD_NUMBERS = ("hundreds", "thousands", "dozens", "scores")
VOICE_TYPES = frozenset({"DEMAND", "DISAPPROVE", "REQUEST", "REJECT"})


def crowd_voice(frame: Frame, source_actors: list[Actor], onto: Ontology) -> bool:
    """Whether the frame is a crowd's demand or voice made in public (a protest)."""
    if frame.plover not in VOICE_TYPES:
        return False
    token = frame.trigger.token
    if frame.plover == "DEMAND":
        return crowd_demand(frame, source_actors, onto)
    if token.pos_ != "VERB" or frame.mode or not word_keys(token) & onto.words("crowd_voice_verbs"):
        return False  # accusations and diplomatic protests stay statements
    if _in_a_statement(token, onto):
        return False
    civilian = side_of(frame.sources, source_actors, onto) in ("civilian", "protester")
    if _gathering_act(token, onto) and (civilian or not frame.sources):
        return True  # soldiers who gather and refuse an order are no crowd of protesters
    if not _main_clause_act(frame) or not civilian:
        return False
    crowd = [s for s in frame.sources if _plural_people(s)]
    return bool(crowd) and (any(_counted(s) or _protesters_by_name(s, onto) for s in crowd) or _in_public(token, onto))


def _protesters_by_name(crowd: Token, onto: Ontology) -> bool:
    """'demonstrators in Kabul condemned the attack', 'protesters denounced the killing': a crowd named
    by its protest (roles.yaml protester_nouns) is already gathered in public, so its voice is its
    protest, as a counted crowd's is."""
    return crowd.lemma_.lower() in onto.words("protester_nouns") and lexical_side(crowd, onto) == "protester"


def crowd_demand(frame: Frame, source_actors: list[Actor], onto: Ontology) -> bool:
    """'Workers of a bakery demanded their unpaid salaries': a demand a crowd makes as the news of
    its sentence is made in public, which ACLED codes as a protest whatever verb carries it. A
    crowd is a plural civilian noun ('workers', 'hundreds of residents'), not one speaker nor an
    organisation; a demand in a subordinate clause or a quote is not the crowd's act, and a demand
    that something be done ('demanded that ...') is a statement."""
    token = frame.trigger.token
    if token.pos_ == "VERB" and _gathering_act(token, onto, purpose_only=True):
        return True
    if _demand_of_a_crowd_act(token, onto) and (not (crowd := _crowd_sources(frame, token)) or side_of(
            crowd, source_actors, onto) in ("civilian", "protester", None)):
        return True
    if _demand_as_a_crowd_acts_purpose(token, onto) and side_of(frame.sources, source_actors, onto) in ("civilian", "protester"):
        return True
    if not _main_clause_act(frame):
        return False
    if side_of(frame.sources, source_actors, onto) not in ("civilian", "protester"):
        return False
    return any(_plural_people(s) for s in frame.sources)


def _crowd_sources(frame: Frame, demand: Token) -> list[Token]:
    """The demand's sources less the place noun the parser hung the participle on ('journalists
    gathered outside the police station demanding his release': 'station', read as the demand's
    doer, is where the crowd stood, and its 'police' no side of the demand); the crowd itself is the
    act's subject, whose side `_demand_of_a_crowd_act` asks, so no source left is no side to ask."""
    return [s for s in frame.sources if s.i != demand.head.i or _plural_people(s)]


def _demand_of_a_crowd_act(demand: Token, onto: Ontology) -> bool:
    """'employees went on mass leave demanding salaries', 'nurses sat in outside the hospital
    demanding their salaries': a crowd's act of presence or withdrawal (roles.yaml
    crowd_act_verbs) done demanding something is the form its protest took. The parser often hangs
    the participle on the nearest noun ('leave', 'hospital'); a noun of the act's own phrases leads
    back to its verb, and a participle it follows ('squatted on the track, halting trains, demanding
    loan waivers') to the act both tell of. Letters, meetings and statements with a demand are not
    on the list."""
    if demand.tag_ != "VBG" or demand.dep_ not in ("advcl", "acl"):
        return False
    head = demand.head
    while head.pos_ in ("NOUN", "PROPN") and not _plural_people(head) and head.dep_ in ("pobj", "dobj"):
        head = head.head.head if head.dep_ == "pobj" else head.head
    while head.tag_ == "VBG" and head.dep_ == "advcl" and head.head.pos_ == "VERB":
        head = head.head  # 'squatted on the track, halting trains, demanding ...': adjuncts of one act
    if head.pos_ != "VERB" or head.dep_ not in ("ROOT", "conj") or not word_keys(head) & onto.words("crowd_act_verbs"):
        return False
    return any(_plural_people(s) and lexical_side(s, onto) in (None, "civilian", "protester")
               for s in head.children if s.dep_ == "nsubj")


def _demand_as_a_crowd_acts_purpose(demand: Token, onto: Ontology) -> bool:
    """'residents went to the town hall to demand water', 'vendors marched to the market office to
    demand ...': a crowd's act of presence (roles.yaml crowd_act_verbs) whose purpose is a demand is
    the crowd making it in public, a protest, as a gathering to demand is; the crowd must be plural
    civilians (the caller checks its side), so soldiers going to a village to demand a surrender are not."""
    head = demand.head
    if demand.pos_ != "VERB" or demand.dep_ != "advcl" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in demand.children):
        return False
    if head.pos_ != "VERB" or head.dep_ not in ("ROOT", "conj") or not word_keys(head) & onto.words("crowd_act_verbs"):
        return False
    return any(_plural_people(s) for s in head.children if s.dep_ == "nsubj")


def _main_clause_act(frame: Frame) -> bool:
    """The verb is its sentence's news (a main or coordinated clause) with a doer, and takes no
    clause of what is to be done ('demanded that control be taken away': a statement)."""
    token = frame.trigger.token
    if token.pos_ != "VERB" or not (token.dep_ in ("ROOT", "conj") or clause_before_semicolon(token)) or not frame.sources:
        return False
    return not any(c.dep_ in ("ccomp", "xcomp") for c in token.children)


def _gathering_act(voice: Token, onto: Ontology, purpose_only: bool = False) -> bool:
    """'Shop owners gathered in front of the town hall to demand ...' (the voice is the gathering's
    purpose) or 'villagers gathered in X and condemned ...' (its second act): a voice of people
    come together is voiced in public, a protest; the gathering's subject must be plural people."""
    verbs = onto.words("assembly_verbs")
    head = voice.head
    deps = ("advcl",) if purpose_only else ("advcl", "conj")
    # a crowd's act of presence with a voice as its purpose ('laid flowers at the memorial to condemn ...')
    acts = verbs if purpose_only else verbs | onto.words("crowd_act_verbs")
    if voice.dep_ in deps and head.pos_ == "VERB" and word_keys(head) & (verbs if voice.dep_ == "conj" else acts):
        return any(_plural_people(s) for s in head.children if s.dep_ == "nsubj")
    if purpose_only:
        return False
    # 'petitioned the governor, gathering outside his office': the gathering told as the voice's manner
    return any(_plural_people(s) for s in voice.children if s.dep_ == "nsubj") and any(
        c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and word_keys(c) & verbs for c in voice.children)


def _plural_people(token: Token) -> bool:
    """A plural common noun or a quantity of people ('residents', 'hundreds of students')."""
    return token.pos_ == "NOUN" and (token.tag_ == "NNS" or any(c.dep_ == "nummod" for c in token.children))


def _counted(token: Token) -> bool:
    """A crowd told by its number ('about 300 students', 'hundreds of residents')."""
    if any(c.dep_ == "nummod" for c in token.children) or token.lower_ in _CROWD_NUMBERS:
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.tag_ == "NNS" and head.head.lower_ in (
        _CROWD_NUMBERS)


def _in_public(verb: Token, onto: Ontology) -> bool:
    """The verb's own place phrase puts the crowd in public: 'outside/opposite X', 'in front of X',
    'in/at/on' a street, square, road or gate."""
    preps, places = onto.words("public_place_preps"), onto.words("public_place_nouns")
    for child in _own_phrases(verb):
        if child.lower_ in preps:
            return True
        if child.lower_ in ("in", "at", "on", "along", "through") and any(
                o.dep_ == "pobj" and o.lemma_.lower() in places for o in child.children):
            return True
    return False


def _own_phrases(verb: Token) -> list[Token]:
    """The prepositions of the verb's clause: its own, and those its objects' phrases hang ('denounced
    the cuts outside the office', as the parser often attaches the place), not those of a clause
    below it."""
    out, stack = [], [c for c in verb.children if c.dep_ in ("prep", "dobj", "pobj")]
    while stack:
        token = stack.pop()
        if token.dep_ == "prep":
            out.append(token)
        stack.extend(c for c in token.children if c.dep_ in ("prep", "pobj", "dobj"))
    return out


def _in_a_statement(verb: Token, onto: Ontology) -> bool:
    """'denounced the cuts in a statement', 'called for ... at a press conference', 'wrote a letter
    calling for ...': the voice is a statement, which ACLED does not code."""
    cues = onto.words("statement_cue_words")
    scope = [verb, verb.head] if verb.dep_ in ("advcl", "xcomp", "acl") else [verb]
    for holder in scope:
        for child in holder.children:
            if child.dep_ in ("prep", "dobj", "advcl", "npadvmod") and any(t.lower_ in cues for t in child.subtree):
                return True
    return False
