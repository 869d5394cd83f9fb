"""The codes of a refined frame: its ACLED pair, its CAMEO code, and its confidence.

ACLED's pair comes from the mode (`Ontology.mode_coding`), the lexicon row or the type's fallback
(`data/event_acled_fallbacks.csv`), then the codebook's own turns: territory taken by the state or
by a non-state side, arrests by a non-state group (an abduction), property blown up (an explosion),
force on protesters (excessive force, or an intervention when only riot-control means are used).
Confidence is the lexicon's base adjusted by roles and modality, then calibrated.
"""

from __future__ import annotations

import os
from typing import Optional

from spacy.tokens import Token

from strife.extract.events.frame import Frame
from strife.extract.events.riots import (
    demonstration_context,
    policing_force,
    told_protesting,
)
from strife.extract.events.sides import lexical_side, side_of, violent_crowd
from strife.extract.events.tables import acled_fallback, coding_set, conflict_actor_act
from strife.extract.events.triggers import word_keys
from strife.extract.events.weapon_modes import by_explosives, clause_text
from strife.extract.events.weapons import names_any
from strife.model import Actor
from strife.ontology import Ontology
from strife.spelling_repairs import is_repaired


def acled_pair(frame: Frame, source_actors: list[Actor], target_actors: list[Actor], onto: Ontology) -> tuple[Optional[str], Optional[str]]:
    """ACLED's (event type, sub-event type) of a refined frame, or (None, None) where ACLED codes no
    event (a displacement is told only as its cause's toll)."""
    entry = frame.trigger.entry
    if entry.frame == "displacement":
        return None, None  # ACLED has no displacement event type
    if frame.flight_cause or frame.measure_cause:
        # 'fighting has forced 500 villagers to flee', 'curfew imposed after clashes': the row is the
        # flight or the measure, a strategic development (measure_causes)
        return "Strategic developments", "Other"
    if frame.plover == "PROTEST" and frame.mode == "riot" and not demonstration_context(frame.trigger.token, onto):
        frame.mode = "mob"  # stones thrown in a village feud: mob violence, not a violent demonstration
    coding = onto.mode_coding(frame.plover, frame.mode)
    own_row = frame.plover == entry.plover and frame.mode == entry.mode and entry.acled_event_type
    if frame.mode is None and entry.mode in coding_set("remote_modes") | coding_set("modes_a_killing_outranks") \
            and (fallback := acled_fallback(frame.plover)):
        # The row's pair is its remote mode's; a refinement that took the mode away ('a bomb thrown
        # at a bus': its passengers attacked, bomb_thrown_at_passengers) leaves the type's own pair
        # (event_acled_fallbacks.csv: ASSAULT, Violence against civilians / Attack); so does a killing
        # told of an abduction's victims ('abducted a trader and later killed him', attach_result):
        # ACLED keeps Abduction for takings with no further violence reported, the rest is an Attack.
        return fallback
    if coding is not None and coding.acled_event_type and not own_row:  # the row is the more specific
        pair = (coding.acled_event_type, coding.acled_sub_event_type)
    elif frame.plover == entry.plover and entry.acled_event_type:
        pair = (entry.acled_event_type, entry.acled_sub_event_type)
    elif (fallback := acled_fallback(frame.plover)) is not None:
        pair = fallback
    elif (act := conflict_actor_act(frame.plover)) is not None and side_of(frame.sources, source_actors, onto) == "nonstate":
        pair = act  # a gang handing out food: ACLED's non-violent activity of a conflict actor
    else:
        return None, None
    if frame.mode == "territory" and frame.plover == "FIGHT":
        side = side_of(frame.sources, source_actors, onto)
        if side == "state":
            pair = ("Battles", "Government regains territory")
        elif side == "nonstate":
            pair = ("Battles", "Non-state actor overtakes territory")
        if _unopposed(frame.trigger.token, onto):
            pair = ("Strategic developments", "Non-violent transfer of territory")
    if pair == ("Strategic developments", "Arrests") and side_of(frame.sources, source_actors, onto) == "nonstate":
        pair = ("Violence against civilians", "Abduction/forced disappearance")  # arrests are by the state
    if frame.plover == "COERCE" and frame.mode == "destroy" and by_explosives(frame.trigger.token, onto):
        pair = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    if (pair[0] == "Violence against civilians" and _protesters_targeted(frame, target_actors, onto)) or (
            pair[0] == "Battles" and (_riot_control_at_a_protest(frame, onto) or _police_fired_on_a_protest(frame, onto))):
        pair = ("Protests", "Protest with intervention" if _less_lethal_force(frame, onto) else "Excessive force against protesters")
        if frame.targets and all(violent_crowd(t, onto) for t in frame.targets):
            pair = ("Riots", "Violent demonstration")  # force on rioters: the riot is the event
    return pair


def _unopposed(token: Token, onto: Ontology) -> bool:
    """'took control of the town after the militants withdrew without a fight': territory changing
    hands with no fighting is ACLED's non-violent transfer of territory, not a battle. So is a place
    taken after its holders left it ('after government forces withdrew', 'troops pulled out; rebels
    took over') when the line tells no fighting: the codebook's side that acquires a place without
    engaging in conflict."""
    text = " ".join(t.lower_ for t in token.sent)
    if names_any(text, onto.words("unopposed_words")):
        return True
    return _holders_left(token.sent, onto) and not _fighting_told(token.sent, text, onto)


def _holders_left(sent, onto: Ontology) -> bool:
    """Whether the sentence tells a side leaving a place: 'withdrew', 'retreated', 'pulled out'."""
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in onto.words("withdrawal_lemmas") or t.lower_ in onto.words("withdrawal_lemmas"):
            return True
        if lemma in onto.words("withdrawal_particle_verbs") and any(
                c.dep_ == "prt" and c.lower_ == "out" for c in t.children):
            return True
    return False


def _fighting_told(sent, text: str, onto: Ontology) -> bool:
    """Whether the sentence tells fighting or casualties beside the withdrawal ('withdrew following a
    firefight', 'after heavy shelling', '3 killed'): then the place was taken in a battle."""
    fighting = onto.words("two_sided_lemmas") | onto.words("casualty_verbs") | onto.words("deadly_cause_words") \
        | onto.words("fighting_lemmas")
    if any(t.lemma_.lower() in fighting or t.lower_ in fighting for t in sent):
        return True
    return names_any(text, onto.words("fight_back_words"))


def _riot_control_at_a_protest(frame: Frame, onto: Ontology) -> bool:
    """'Police fired rubber bullets at a demonstration': riot-control means (intervention_words)
    used where the line tells of a protest are force on the protest, never a battle with its crowd."""
    return names_any(clause_text(frame), onto.words("intervention_words")) and demonstration_context(frame.trigger.token, onto)


def _less_lethal_force(frame: Frame, onto: Ontology) -> bool:
    """'Police fired rubber bullets at protesters': ACLED keeps excessive force for lethal force or
    serious harm; force with riot-control means (rubber bullets, tear gas, water cannon) that kills
    or seriously hurts no one in its sentence is an attempt to disperse the protest, a protest with
    intervention: 'protesters were injured when police fired rubber bullets' (the codebook's
    serious injuries are told as such: 'seriously injured', 'hospitalised')."""
    if not names_any(clause_text(frame), onto.words("intervention_words")):
        return False
    words = {t.lemma_.lower() for t in frame.trigger.token.sent} | {t.lower_ for t in frame.trigger.token.sent}
    if words & (onto.words("casualty_verbs") - onto.words("injury_verbs") | {"dead", "death", "die"}):
        return False
    return not (words & onto.words("injury_verbs") and words & onto.words("serious_harm_words"))


def _protesters_targeted(frame: Frame, target_actors: list[Actor], onto: Ontology) -> bool:
    """'Police opened fire at the protesters': force used on protesters is ACLED's excessive force
    against protesters. The actor coder files protesters under civilians (CVL), so the head word
    ('protesters', 'demonstrators') is asked too."""
    if side_of(frame.targets, target_actors, onto) == "protester":
        return True
    if any(lexical_side(t, onto) == "protester" for t in frame.targets):
        return True
    # 'soldiers fired on students during a protest march': the police's force on people at a
    # protest; a killing the protest is about ('a man who was shot by the police') is no such force
    if frame.background or frame.trigger.token.dep_ in ("relcl", "acl"):
        return False
    if any(lexical_side(t, onto) == "protester" for t in frame.victims):
        return True  # 'two demonstrators were killed by police gunfire'
    return bool(_struck(frame, onto)) and policing_force(frame, onto) and demonstration_context(frame.trigger.token, onto)


def _police_fired_on_a_protest(frame: Frame, onto: Ontology) -> bool:
    """'one protester was killed when police fired live rounds at a rally': the police's or soldiers'
    shooting aimed at a protest or at protesters is force on the protest (ACLED's excessive force
    against protesters), not a battle: a crowd at a protest is no armed side."""
    if frame.background or frame.trigger.token.dep_ in ("relcl", "acl") or not policing_force(frame, onto):
        return False
    return any(_at_a_protest(t, onto) for t in _struck(frame, onto))


def _struck(frame: Frame, onto: Ontology) -> list[Token]:
    """Whom the act befell: its targets and victims, and what it was aimed at ('opened fire on
    protesting farmers': the 'on' phrase may hang on the verb or on its object 'fire'), which the
    role readers may leave to the protest the phrase tells."""
    token, aims = frame.trigger.token, onto.words("aiming_preps")
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    aimed = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in aims
             for o in p.children if o.dep_ in ("pobj", "pcomp")]
    return [*frame.targets, *frame.victims, *aimed]


def _at_a_protest(token: Token, onto: Ontology) -> bool:
    """A protest ('a rally', 'the march') or people protesting: protesters by their noun, or by the
    participle or relative clause that tells them protesting ('protesting farmers', 'villagers
    protesting against the dam', 'students who were demonstrating')."""
    if lexical_side(token, onto) == "protester" or (token.pos_ == "NOUN" and token.lemma_.lower() in onto.words("demonstration_words")):
        return True
    if token.dep_ == "pcomp" and word_keys(token) & onto.words("protesting_participles"):
        return True  # 'police firing on agitating farmers': the parser's 'on agitating [farmers]'
    return told_protesting(token, onto)


def cameo_code_of(frame: Frame, onto: Ontology) -> str:
    """CAMEO's code: the lexicon row's own while the refinement kept its type, else the mode's, else
    the type's root code; a converted frame takes its type's root (138 for a threat of violence),
    the row's code being another act's."""
    entry = frame.trigger.entry
    if frame.converted:
        return "138" if frame.plover == "THREATEN" and frame.mode == "violence" else onto.cameo_root(frame.plover)
    if frame.plover == entry.plover and entry.cameo_code and (frame.mode == entry.mode or not frame.mode):
        return entry.cameo_code
    coding = onto.mode_coding(frame.plover, frame.mode)
    if coding is not None and coding.cameo_code:
        return coding.cameo_code
    if frame.plover == entry.plover and entry.cameo_code:
        return entry.cameo_code
    return onto.cameo_root(frame.plover)


def raw_confidence(frame: Frame) -> float:
    """The lexicon row's base, raised by the roles found and lowered by what makes the reading a
    guess (no roles, a pronoun's act, a repaired spelling) or the act less than real (negated,
    hypothetical, old, background), before calibration."""
    score = frame.trigger.entry.confidence
    score += 0.1 if frame.sources else 0.0
    score += 0.05 if frame.targets or frame.victims else 0.0
    score -= 0.1 if not (frame.sources or frame.targets or frame.victims) else 0.0
    score -= 0.1 if frame.anaphoric else 0.0
    score -= 0.05 if is_repaired(frame.trigger.token) else 0.0  # a misspelt word's reading is a guess
    if frame.negated or frame.hypothetical:
        score *= 0.5
    if frame.old:
        score *= 0.7
    if frame.background:
        score *= 0.8
    return round(min(0.99, max(0.05, score)), 3)


def calibrated_confidence(raw: float, onto: Ontology) -> float:
    """The raw score mapped through `ontology/data/calibration.csv` (refit with
    `bench/events_accuracy.py --fit`, which sets STRIFE_RAW_CONFIDENCE=1 to see raw scores)."""
    if os.environ.get("STRIFE_RAW_CONFIDENCE"):
        return raw
    return round(min(0.99, max(0.01, onto.calibrate(raw))), 3)
