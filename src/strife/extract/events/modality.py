"""Modality: whether an act is negated, hypothetical or future, and what a future act becomes.

Modality is kept, not filtered (see the package docstring): negation from 'not', 'no' and
negating governors; hypothetical from modals, conditions, irrealis governors and nouns, generic
relatives and background aggregates; future from 'will', 'going to' and stated readiness. A
stated future act becomes THREATEN or AGREE as CAMEO codes intent; a withheld cooperation, REJECT.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from strife.datafiles import read_data_sets
from strife.extract import clause_verb, doc_text, doc_tokens, line_bounds
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import COMPLEMENT_DEPS
from strife.extract.events.tables import coding_set
from strife.extract.events.triggers import word_keys
from strife.extract.quote_marks import doc_quoted_ranges
from strife.ontology import Ontology
from strife.ontology.families import FORCE

QUOTE_OPEN, QUOTE_CLOSE = "“", "”"
# Dependents that make a noun the predicate of a clause ("if the hospital is the cause")
FINITE_MARKS = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "cop"})
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def read_modality(frame: Frame, onto: Ontology) -> None:
    token = frame.pivot or frame.trigger.token
    clause = clause_verb(token)
    own = [token] + ([clause] if clause is not None and clause is not token else [])
    frame.negated = (any(_negates(t, onto) for t in own)
                     or _reported_as_false(token, onto)
                     or (frame.trigger.entry.frame not in ("consequence", "result") and _negating_subject(token, onto))
                     or _governed_by(token, onto.words("negating_verbs") - onto.words("halting_verbs"), onto, purposes=True)
                     or _governed_by(token, onto.words("halting_verbs"), onto, ("conj",), purposes=True))
    auxes = [c for t in own for c in t.children if c.dep_ == "aux"]
    modal = any(c.lower_ in onto.words("modal_verbs") for c in auxes)
    frame.future = any(c.lower_ in onto.words("future_aux") for c in auxes)
    frame.future = frame.future or any(_going_to(t) for t in own)
    if modal and _reported_would(auxes, clause, onto):
        modal, frame.future = False, True
    irrealis = onto.words("irrealis_verbs")
    if _stated_readiness(token, onto):
        frame.future = True  # 'is willing to withdraw', 'is prepared to lift': an intent, like 'will'
        irrealis = irrealis - onto.words("intent_adjectives")
    frame.unreal = (
        modal
        or _governed_by(token, irrealis, onto)
        or _under_irrealis_noun(token, onto)
        or _alleged_of_someone(token, onto)
        or _irrealis_modifier(token, onto)
        or (frame.plover == "PROTEST" and _announced_for_later(token, onto))
        or _in_condition(token, onto)
        or _generic_relative(token, onto)
        or (frame.plover in FORCE and _scare_quoted(frame.trigger.token))
    )
    frame.attempted = _undone_attempt(frame, token, onto)
    frame.unreal = frame.unreal or frame.attempted
    frame.conditional = _conditioned(token)
    frame.hypothetical = frame.unreal or frame.conditional


def _stated_readiness(token: Token, onto: Ontology) -> bool:
    """'Syria says it is willing to withdraw', 'he is prepared to lift the ban': the act is the
    complement of an adjective of readiness (roles.yaml `intent_adjectives`) after 'be'."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_.lower() not in onto.words("intent_adjectives"):
        return False
    return head.pos_ == "ADJ" or any(c.lemma_ == "be" and c.dep_ in ("aux", "auxpass") for c in head.children)


def controlling_clause(clause: Optional[Token]) -> Optional[Token]:
    """Up from an infinitive to the clause that controls it: 'withdraw' in 'said it is willing to
    withdraw' is reported through 'is'."""
    for _ in range(4):
        if clause is None or clause.dep_ not in ("xcomp", "acomp") or clause.head.i == clause.i:
            return clause
        clause = clause.head
    return clause


def _reported_would(auxes: list[Token], clause: Optional[Token], onto: Ontology) -> bool:
    """'said they would boycott': in reported speech 'would' is the past of 'will' (sequence of
    tenses), a stated intent; 'would have implemented' stays counterfactual."""
    if any(a.lower_ not in ("would", "'d", "will", "have") for a in auxes if a.lower_ in onto.words("modal_verbs")):
        return False
    if any(a.lemma_ == "have" for a in auxes) or not any(a.lower_ in ("would", "'d") for a in auxes):
        return False
    return reported_clause(clause, onto)


def reported_clause(clause: Optional[Token], onto: Ontology) -> bool:
    """The clause is what a speech verb reports ('Hungary has said it will support ...')."""
    if clause is None or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return False
    return bool(word_keys(clause.head) & onto.words("intent_speech_verbs"))


def _negates(token: Token, onto: Ontology) -> bool:
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in onto.words("negating_preps"):
        return True  # 'withdrew without a fight', 'without firing a shot': what did not happen
    if _instead_of(token, onto):
        return True
    for child in token.children:
        if child.dep_ == "neg":
            nxt = token.doc[child.i + 1] if child.i + 1 < len(token.doc) else None
            if nxt is None or nxt.lower_ != "only":
                return True
    return _determined_by_no(token, onto)


def _instead_of(token: Token, onto: Ontology) -> bool:
    """'thanked the council for listening rather than fighting', 'chose talks instead of a march': the
    act is the alternative not taken (roles.yaml `alternative_openers` right before its phrase)."""
    doc, start = token.doc, token.left_edge.i
    if doc[start].lower_ in ("rather", "instead"):  # the parser may hang the opener's first word on the act
        start += 2
    opener = " ".join(t.lower_ for t in doc[max(0, start - 2):start])
    return start <= token.i and opener in onto.words("alternative_openers")


def _determined_by_no(noun: Token, onto: Ontology) -> bool:
    """'no truth', 'no protesters', 'no attack': a determiner that denies the noun (`negating_dets`)."""
    return any(c.dep_ == "det" and c.lower_ in onto.words("negating_dets") for c in noun.children)


@functools.lru_cache(maxsize=1)
def denial_words() -> dict[str, frozenset[str]]:
    """`event_denials.csv`: kind ('falsity', 'negating_subject') -> words."""
    return read_data_sets("event_denials.csv", "kind", "word")


def _reported_as_false(token: Token, onto: Ontology) -> bool:
    """'reports of clashes were untrue', 'claims that the convoy had been attacked were denied', 'the
    outlet withdrew its report of an ambush', 'described as baseless reports that vigilantes had
    killed ...', 'there was no truth in reports that a bomb had been found': the act is the content
    of a report (roles.yaml `report_nouns`) that the sentence says is false (data/event_denials.csv, as its
    predicate or modifier), denies or retracts (`debunking_verbs`, the report as object), or finds
    no truth in. What a report that is only cited tells ('reports said gunmen attacked') stays."""
    for child, ancestor in _path_up(token):
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in onto.words("report_nouns") \
                and child.dep_ in ("acl", "prep", "ccomp", "relcl", "appos"):
            return _said_false(ancestor, onto)
    return False


def _said_false(report: Token, onto: Ontology) -> bool:
    """The report noun is called false, denied or found without truth (`_reported_as_false`)."""
    falsity = denial_words().get("falsity", frozenset())
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in falsity for c in report.children):
        return True  # 'baseless reports', 'false claims'
    head = report.head
    if report.dep_ in ("dobj", "nsubjpass") and word_keys(head) & onto.words("debunking_verbs"):
        return True  # 'denied reports that', 'the report was retracted'
    if report.dep_ == "nsubj":
        predicates = [c for c in head.subtree if c.dep_ in ("acomp", "attr", "oprd") and c.i > report.i]
        if any(p.lemma_.lower() in falsity for p in predicates):
            return True  # 'were untrue', 'was a hoax', 'turned out to be false'
    truth = head.head if report.dep_ == "pobj" and head.lower_ == "in" else None
    return bool(truth is not None and truth.lemma_.lower() == "truth" and _determined_by_no(truth, onto))


def _negating_subject(verb: Token, onto: Ontology) -> bool:
    """'no one had been abducted', 'no protesters were arrested': the act's own subject denies it.
    Called only for an act that is not a casualty ('no one was hurt' after an attack tells the
    attack had no victims, not that nothing happened: `read_modality` leaves consequences out)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False  # 'no one was hurt in the attack': the attack, a noun, is not what 'no one' denies
    subjects = denial_words().get("negating_subject", frozenset())
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        phrase = " ".join(t.lower_ for t in child.subtree if t.i <= child.i)
        if child.lower_ in subjects or phrase in subjects or _determined_by_no(child, onto):
            return True
    return False


def _undone_attempt(frame: Frame, token: Token, onto: Ontology) -> bool:
    """'Vigilantes tried to arrest a thief': what was only tried did not happen. ACLED codes an
    attempted attack as the attack, so only the modes of `undone_attempt_modes` (an arrest) are
    left undone by a verb of trying."""
    return frame.mode in coding_set("undone_attempt_modes") and _governed_by(token, onto.words("attempt_verbs"), onto)


def _going_to(token: Token) -> bool:
    """'is going to attack'."""
    head = token.head
    return token.dep_ == "xcomp" and head.lower_ == "going" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)


def _path_up(token: Token) -> Iterable[tuple[Token, Token]]:
    """(child, ancestor) pairs up the tree while the link is a complement: the first hop from a
    noun to its verb may be any relation but a relative clause."""
    child = token
    first = True
    while child.head.i != child.i:
        ancestor = child.head
        if child.dep_ == "relcl":
            return
        if not first and child.dep_ not in COMPLEMENT_DEPS:
            return
        if child.dep_ == "advcl" and not first:
            return
        if child.dep_ == "ccomp" and _across_a_semicolon(child, ancestor):
            return
        yield child, ancestor
        first = False
        child = ancestor


def _across_a_semicolon(clause: Token, verb: Token) -> bool:
    """'Protesters blocked the highway; they demanded the release of their leader': a semicolon
    joins two sentences, so the clause before it is no complement of the verb after it (the parser
    hangs it there as 'demanded [that protesters blocked ...]'): the blocking happened."""
    lo, hi = sorted((clause.i, verb.i))
    return any(t.text == ";" and t.head.i == verb.i for t in verb.doc[lo + 1:hi])


def _governed_by(token: Token, lemmas: frozenset[str], onto: Ontology, parallel: tuple[str, ...] = (),
                 purposes: bool = False) -> bool:
    """The act is the complement of one of `lemmas` ('refused to attend'); `parallel` names the
    links that make it a second act instead ('stopped and looted a boat': a conjunct). With
    `purposes`, a to-infinitive of purpose is no complement (`purpose_infinitive`), nor of a refusal
    above it ('refused to ply their buses to protest the hike': a protest done by refusing); one
    prevented or stopped above it is ('stopped militants from crossing the river to attack the town');
    nor is a 'for' phrase, the reason of a denying or stopping verb ('suspended two officers for
    beating a suspect': the beating happened), nor a 'by' phrase, its means ('foiled a terror bid by
    defusing an IED': the defusing happened)."""
    purpose_of = None
    for child, ancestor in _path_up(token):
        if purposes and purpose_of is None and purpose_infinitive(child, ancestor):
            purpose_of = ancestor
        if ancestor.pos_ in ("VERB", "AUX") and word_keys(ancestor) & lemmas:
            if purpose_of is ancestor or (purpose_of is not None and word_keys(ancestor) & onto.words("refusal_verbs")):
                return False  # the purpose of a done act, or of a refused one (the refusal is the act)
            if purposes and child.dep_ == "prep" and child.lower_ == "for":
                return False  # 'suspended two officers for beating a suspect': the reason, not what is stopped
            if purposes and child.dep_ == "prep" and child.lower_ == "by":
                return False  # 'foiled a bomb plot by defusing the device': the means, done to stop it
            if child.dep_ not in ("nsubj", "nsubjpass", "advcl", *parallel) or to_infinitive(child):
                return True
    return False


def purpose_infinitive(clause: Token, governor: Token) -> bool:
    """'refused food to protest the death', 'stopped work to protest the arrest': a 'to' infinitive
    hung as an adverbial clause on a verb that already has its own object says why that act was
    done, not what was refused or stopped; a refusing or halting verb does not deny it (the food was
    refused, the protest happened). 'refused to attend' (no object) keeps its complement."""
    return to_infinitive(clause) and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in governor.children)


def to_infinitive(clause: Token) -> bool:
    """'have sworn to fight' parsed as an adverbial clause: a 'to' infinitive is the complement."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _under_irrealis_noun(token: Token, onto: Ontology) -> bool:
    nouns = onto.words("irrealis_nouns")
    for child, ancestor in _path_up(token):
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in nouns and child.dep_ in ("acl", "prep", "relcl"):
            if child.dep_ == "prep" and child.lower_ not in ("for", "to", "on", "of"):
                continue
            return True
        if child.dep_ == "ccomp" and _said_of_its_subject(child, ancestor, nouns):
            return True
    return False


def _said_of_its_subject(clause: Token, verb: Token, nouns: frozenset[str]) -> bool:
    """'Rumours circulated in the town that soldiers had burned a village': a 'that' clause set after
    the verb whose subject is an irrealis noun is that noun's content, moved to the end of the sentence."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
        s.dep_ == "nsubj" and s.pos_ == "NOUN" and s.lemma_.lower() in nouns and s.i < verb.i for s in verb.children)


def _alleged_of_someone(token: Token, onto: Ontology) -> bool:
    """'arrested three men suspected of kidnapping', 'a man accused of murder': the act a person
    is described as suspected of is an allegation about that person, not a reported event (unlike
    'militants are suspected of attacking the post', where the attack is the news and its
    author the suspicion). So is an act a person is told to be involved in or linked to ('arrested
    four men linked to the bombing of a church', 'suspects involved in the murder'), and the act a
    deed is done 'in connection with' ('arrested three suspects in connection with the murder of a
    journalist'): the case the arrest is made in, told of the arrested, not the line's news
    (roles.yaml involvement_participles, connection_nouns)."""
    for child, ancestor in _path_up(token):
        if child.dep_ == "prep" and child.lower_ == "of" and ancestor.dep_ == "acl" and ancestor.head.pos_ in ("NOUN", "PROPN"):
            return bool(word_keys(ancestor) & onto.words("allegation_participles"))
        if child.dep_ == "prep" and child.lower_ in onto.words("involvement_preps") and ancestor.dep_ == "acl" \
                and ancestor.head.pos_ in ("NOUN", "PROPN") and word_keys(ancestor) & onto.words("involvement_participles"):
            return True  # 'arrested four men linked to the bombing', 'suspects involved in the murder'
        if child.dep_ == "prep" and child.lower_ == "with" and ancestor.lemma_.lower() in onto.words("connection_nouns") \
                and ancestor.head.dep_ == "prep":
            return True  # 'arrested three suspects in connection with the murder of a journalist'
    return False


def _irrealis_modifier(token: Token, onto: Ontology) -> bool:
    """'a planned attack', 'the possible arrest of', 'a protest scheduled for Friday': an event noun
    whose modifier says it has not happened (roles.yaml `irrealis_modifiers`); a light verb that
    carries it out ('launched the planned offensive') says it has."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "dobj" and word_keys(token.head) & onto.words("light_verbs"):
        return False
    words = onto.words("irrealis_modifiers")
    return any(c.dep_ in ("amod", "acl", "compound") and c.lower_ in words for c in token.children)


def _announced_for_later(token: Token, onto: Ontology) -> bool:
    """'announced a 48-hour strike from Monday', 'announced a shutdown for 12 June', 'announced a
    strike to begin on Monday': a strike or protest announced with the later day it starts is a plan,
    not a protest held (roles.yaml `plan_announcing_verbs`, `later_start_words`); 'announced an
    indefinite strike from today' starts when it is announced. A protest named by the programme it
    is ('announced a protest programme for the coming week') is announced as the programme is."""
    if token.dep_ == "compound" and token.head.lemma_.lower() in onto.words("event_carrier_nouns"):
        token = token.head
    if token.dep_ != "dobj" or not word_keys(token.head) & onto.words("plan_announcing_verbs"):
        return False
    starts = onto.words("later_start_words")
    for holder in (token, token.head):
        for c in holder.children:
            if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in starts and any(a.dep_ == "aux" for a in c.children):
                return True  # 'a strike to begin on Monday'
            days = [o for o in c.subtree if o.ent_type_ == "DATE" and o.i > c.i]
            if c.dep_ == "prep" and c.lower_ in starts and days and not any(d.lower_ in ("today", "tonight") for d in days):
                return True
    return False


def _in_condition(token: Token, onto: Ontology) -> bool:
    """The act is the condition itself ('if war starts', 'whether talks would begin')."""
    marks = onto.words("conditional_marks")
    return any(c.dep_ == "mark" and c.lower_ in marks for node in _clause_path(token) for c in node.children)


def _conditioned(token: Token) -> bool:
    """The act depends on a condition ('will boycott unless the president resigns')."""
    return any(c.dep_ == "advcl" and _is_condition(c) for node in _clause_path(token) for c in node.children)


def _is_condition(clause: Token) -> bool:
    """An 'if'/'unless' clause states a condition only when it is a clause: a bare noun phrase after 'if'
    ('a protest against the administration if the hospital') is a slip for 'of', not a condition."""
    if not any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
        return False
    return clause.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in FINITE_MARKS for c in clause.children)


def _clause_path(token: Token) -> list[Token]:
    return [token] + [a for _, a in _path_up(token)]


def _generic_relative(token: Token, onto: Ontology) -> bool:
    """'Those armed groups that refuse to leave': a class, not an act that happened."""
    clause = clause_verb(token)
    if clause is None or clause.dep_ != "relcl":
        return False
    return any(c.dep_ == "det" and c.lower_ in onto.words("generic_dets") for c in clause.head.children)


def finish_modality(frame: Frame, onto: Ontology, on: Optional[dt.date]) -> None:
    """Future acts become THREATEN/AGREE; background aggregates are flagged."""
    frame.generic = _background(frame, onto)
    if frame.generic:
        frame.hypothetical = True
    if frame.future and frame.conditional and not (frame.unreal or frame.generic) and _stated(frame, onto):
        frame.hypothetical = False  # 'will boycott unless ...', 'would meet him if ...': a conditional promise or threat
    if _refusal(frame, onto):
        frame.plover, frame.mode, frame.negated, frame.converted = "REJECT", None, False, True
    elif frame.future and not frame.negated and not frame.hypothetical and frame.plover not in ("THREATEN", "AGREE", "REQUEST", "DEMAND"):
        if _announced_change(frame, onto):
            pass  # 'the group announced it would suspend operations': the announcement is the change
        elif _stated(frame, onto):
            plover_type = onto.plover(frame.plover)
            if plover_type.conflictual:
                frame.plover, frame.mode = "THREATEN", plover_type.threat_mode
            else:
                frame.plover, frame.mode = "AGREE", None
            frame.converted = True
        else:
            frame.hypothetical = True
    if on is not None:
        frame.old = frame.old or _names_old_year(frame, on)


#: the ACLED sub-event an armed group's decision about its own activity is coded as
CHANGE_TO_GROUP = "Change to group/activity"


def _announced_change(frame: Frame, onto: Ontology) -> bool:
    """'The front announced it would suspend its operations': an armed group's decision about its
    own activity (a lexicon row coded Change to group/activity whose subject is an armed group's
    noun and whose verb is a decision, roles.yaml announced_change_verbs: suspending or halting
    operations, merging, naming a commander) is made when it is announced; ACLED codes the announcement as the change,
    not as a promise of one. Only in reported speech or a quote, and with no condition."""
    entry = frame.trigger.entry
    if entry.acled_sub_event_type != CHANGE_TO_GROUP or not entry.subject or frame.conditional \
            or entry.key not in onto.words("announced_change_verbs"):
        return False  # 'will suspend operations if the army withdraws': a condition, no decision yet
    token = frame.trigger.token
    return _in_quote(token) or reported_clause(controlling_clause(clause_verb(token)), onto)


def _stated(frame: Frame, onto: Ontology) -> bool:
    """The act is someone's stated intent: it has an actor, or is quoted or reported speech."""
    token = frame.trigger.token
    return bool(frame.sources) or _in_quote(token) or reported_clause(controlling_clause(clause_verb(token)), onto)


def _refusal(frame: Frame, onto: Ontology) -> bool:
    """'said it will not accept more refugees', 'failed to reach agreement': a cooperative act
    announced as not going to happen, or an agreement that did not happen, is a rejection (CAMEO
    12) by whoever withheld it. An agreement someone 'refused' is left to the refusal's own event."""
    if not frame.negated or frame.hypothetical:
        return False
    token = frame.trigger.token
    if frame.plover == "AGREE" and frame.trigger.entry.frame != "intent":
        return not _governed_by(token, onto.words("refusal_verbs"), onto)
    return frame.future and onto.quad(frame.plover).endswith("cooperation") and _stated(frame, onto)


def _background(frame: Frame, onto: Ontology) -> bool:
    token = frame.trigger.token
    clause = clause_verb(token)
    holders = [token] + ([clause] if clause is not None else [])
    durations = onto.words("duration_nouns")
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "over", "throughout"):
                if any(o.lemma_.lower() in durations for o in child.children if o.dep_ == "pobj"):
                    return True
    masses = onto.words("vague_masses")
    for victim in frame.victims + frame.targets:
        if (victim.lower_ in masses and not any(c.dep_ == "nummod" for c in victim.children)
                and not _toll_of_a_past_act(victim, token) and not _one_act_in_the_past(victim, onto)):
            return True
    return _undated_stance(token, onto.quad(frame.plover), onto) or _habitual(clause or token, onto)


def _toll_of_a_past_act(victim: Token, act: Token) -> bool:
    """'Gunmen attacked the village, killing scores of people': a vague mass that is the object of a
    participle telling what the act, itself a verb in the simple past, did is that act's toll
    (ACLED's 'scores' 20, 'hundreds' 100), not a rhetorical aggregate ('costing the lives of
    millions', 'has killed thousands', 'the conflict escalated, killing thousands')."""
    result = victim.head
    return (victim.dep_ == "dobj" and result.tag_ == "VBG" and result.dep_ in ("advcl", "conj", "xcomp")
            and result.head.i == act.i != result.i and act.tag_ == "VBD")


def _one_act_in_the_past(victim: Token, onto: Ontology) -> bool:
    """'Gunmen killed scores of villagers', 'scores of villagers were killed': a mass one attack can
    kill (roles.yaml `single_act_masses`) as the object or passive subject of a verb in the simple
    past is that act's toll; the present perfect ('have killed scores') stays a running total."""
    if victim.lower_ not in onto.words("single_act_masses") or victim.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = victim.head
    if verb.tag_ == "VBD":
        return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children) \
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _habitual(verb: Token, onto: Ontology) -> bool:
    """'The hospital is regularly attacked by militants', 'such groups often target pylons': the
    simple present with an adverb of frequency tells what tends to happen, not an act on a day."""
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "advmod" and c.lower_ in onto.words("habitual_adverbs") for c in verb.children):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _undated_stance(token: Token, quad: str, onto: Ontology) -> bool:
    """'Mattis has called for ...', 'Both have criticized ...': a position held, not a dated statement.

    A stance verb (roles.yaml `stance_verbs`) in the present perfect with no date in its clause
    reports someone's standing view (background to the news), not an act on a day a coder could
    put in a row. Commitments and refusals ("has agreed to", "has refused") are acts: not listed.
    """
    if not quad.startswith("verbal") or token.tag_ != "VBN":
        return False
    if not word_keys(token) & onto.words("stance_verbs"):
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in token.children)
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    return perfect and not dated


def _names_old_year(frame: Frame, on: dt.date) -> bool:
    """'attacked the garrison in 2011', 'the 2011 civil war': background, not news. The clause's
    subtree is asked only about the article's few year tokens, not walked for every event."""
    token = frame.trigger.token
    clause = clause_verb(token) or token
    tokens = doc_tokens(token.doc)
    return any(year < on.year - 1 and (i == clause.i or clause.is_ancestor(tokens[i]))
               for i, year in _year_tokens(token.doc))


_YEARS_KEY = ("strife", "year_tokens")


def _year_tokens(doc: Doc) -> list[tuple[int, int]]:
    """(index, year) of every token written as a year (`YEAR`), read once per Doc."""
    years = doc.user_data.get(_YEARS_KEY)
    if years is None:
        years = doc.user_data[_YEARS_KEY] = [(t.i, int(t.text)) for t in doc_tokens(doc) if YEAR.match(t.text)]
    return years


#: The most words a quoted stretch may hold to be someone's word for an act rather than speech.
SCARE_QUOTE_WORDS = 3


def _scare_quoted(token: Token) -> bool:
    """'His manager first spoke of an "ambush"', 'the "gunfire" reported by a news site': an event
    noun alone in quotation marks, with at most a determiner or an adjective, is someone's word for
    what happened, which the writer does not make their own: a claim, not a told act. Read for acts
    of force only: a speaker's quoted word for a statement ('declared the resolution a "provocation"')
    is the statement itself. A quoted stretch with a verb is speech, read by `strife.extract.quotes`."""
    if token.pos_ != "NOUN":
        return False
    doc = token.doc
    for start, end in doc_quoted_ranges(doc):
        if start < token.idx < end:
            words = [t for t in doc.char_span(start + 1, end, alignment_mode="contract") or () if t.is_alpha]
            return 0 < len(words) <= SCARE_QUOTE_WORDS and all(t.pos_ not in ("VERB", "AUX") for t in words)
    return False


def _in_quote(token: Token) -> bool:
    text = doc_text(token.doc)
    start = line_bounds(text, token.idx, token.idx)[0]
    before = text[start: token.idx]
    return before.count(QUOTE_OPEN) > before.count(QUOTE_CLOSE) or before.count('"') % 2 == 1
