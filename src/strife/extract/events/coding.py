"""Coding a frame: its type refined by who acts on whom and with what, its ACLED and CAMEO
codes, its confidence.

ASSAULT becomes FIGHT when both sides are armed, crowds' violence becomes rioting, a weapon named
in the clause sets the mode; ACLED's pair comes from the mode, the lexicon row or the type's
fallback (`data/event_acled_fallbacks.csv`); what the events of one line settle together (a
protest's sub-event, an attack's parts) is `incident_rows`. Confidence is the lexicon's
base adjusted by roles and modality, then calibrated.
"""

from __future__ import annotations

import os
import re
from typing import Optional

from spacy.tokens import Token

from strife.extract import clause_verb, line_of
from strife.extract.events.communal import communal_group, community_members, line_tells_deaths, rival_residents
from strife.extract.events.crowd_voice import crowd_voice
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import (
    CLAUSE_DEPS,
    hyphenated_words,
)
from strife.extract.events.roles import argument_phrase
from strife.extract.events.sides import (
    ARMED,
    lexical_side,
    military_installation,
    sectors_of,
    side_of,
    told_armed_afterwards,
    violent_crowd,
)
from strife.extract.events.tables import (
    acled_fallback,
    coding_set,
    conflict_actor_act,
)
from strife.extract.events.triggers import month_of_a_date, word_keys
from strife.extract.events.weapons import (
    chemical_weapon,
    explosion_device,
    may_name_any,
)
from strife.extract.events.weapons import names_any as _names_any
from strife.model import Actor
from strife.ontology import Ontology
from strife.spelling_repairs import is_repaired
from strife.ontology.families import VIOLENCE


def refine_type(frame: Frame, source_actors: list[Actor], target_actors: list[Actor], onto: Ontology) -> None:
    """ASSAULT when civilians are the target, FIGHT when both sides are armed, riots when
    protesters fight."""
    if frame.trigger.entry.frame == "displacement":
        return  # the type is its cause's; who fled does not make it a riot or an attack
    if frame.plover == "PROTEST" and frame.mode not in ("riot", "mob") and _violent_protest(frame, onto):
        frame.mode = "riot"
        return
    if frame.plover in coding_set("property_types") and _crowd_source(frame, source_actors, onto):
        # Residents vandalising a police station, workers setting tyres on fire: rioting (ACLED).
        frame.plover, frame.mode = "PROTEST", "riot" if _demonstration_context(frame.trigger.token, onto) else "mob"
        return
    if crowd_voice(frame, source_actors, onto):
        frame.plover, frame.mode = "PROTEST", "demo"
        return
    if frame.plover not in VIOLENCE:
        return
    _suicide_bomber(frame, onto)
    _weapon_mode(frame, onto)
    _air_force_offensive(frame, onto)
    explosion_device(frame, onto)
    chemical_weapon(frame, onto)
    source_side = side_of(frame.sources, source_actors, onto)
    if source_side != "protester" and _bomb_thrown_at_passengers(frame, onto):
        frame.plover, frame.mode = "ASSAULT", None  # an attack on the people inside: no remote mode, so the type's own ACLED pair
        return
    if _makeshift_bombing(frame, source_side, onto):
        frame.plover, frame.mode = "PROTEST", "riot" if _demonstration_context(frame.trigger.token, onto) else "mob"
        return
    attacked = not _fended_off(frame, onto)
    target_side = side_of(frame.targets, target_actors, onto, attacked=attacked) or side_of(frame.victims, [], onto)
    if frame.inherited is not None and source_side is None:
        source_side = side_of(frame.inherited.sources, [], onto)
    remote = frame.mode in coding_set("remote_modes")
    direct_target = side_of(frame.targets, target_actors, onto, attacked=attacked)
    objects = frame.targets or [c for c in frame.trigger.token.children if c.dep_ == "dobj"]
    if direct_target == "civilian" and told_armed_afterwards(frame.targets, frame.sources, onto):
        direct_target = target_side = "nonstate"  # 'The victim was a member of a local gang.'
    if direct_target == "state" and attacked and _off_duty(frame, onto):
        direct_target = target_side = "civilian"  # 'shot a police officer who was off duty at his home'
    if direct_target in ARMED and attacked and _held_captive(frame.targets, onto):
        direct_target = target_side = "civilian"  # 'soldiers executed two captured militants'
    if direct_target is None and target_side is None and military_installation(objects, onto):
        direct_target = target_side = "state"  # 'attacked a checkpoint': only an armed force keeps one
    if _communal_clash(frame, onto) and "state" not in (source_side, direct_target):
        source_side = direct_target = target_side = "nonstate"
    if source_side == "civilian" and direct_target == "nonstate" and _community_militia_kills(frame, onto):
        source_side = "nonstate"  # 'youths from the Dima community attacked a militia camp, killing two'
    if _telegraphic_passive(frame.trigger.token, onto):
        # 'At least three soldiers killed and one injured': the subject is who was killed
        # (the roles stage may already have made it the target)
        source_side = None
        direct_target = side_of(frame.sources, source_actors, onto, attacked=True) or direct_target
        target_side = direct_target
    rioting = source_side == "civilian" and not remote and (
        frame.plover == "FIGHT" or direct_target in ARMED or not _organised(source_actors, onto))
    rioting = rioting or _unarmed_side_of_a_clash(frame, source_side, direct_target, target_actors, onto)
    rioting = rioting or _clash_with_police_at_a_protest(frame, source_actors + target_actors, onto)
    rioting = rioting or (not remote and direct_target in ARMED and _stoned_by_unknown(frame, onto))
    if rioting and source_side == "civilian" and frame.plover == "ASSAULT" and direct_target not in ARMED and _lone_doer(frame, onto):
        rioting = False  # 'beaten to death by a party activist': one person's attack, no mob (ACLED Riots are group acts)
    if source_side == "protester" or rioting:
        # Crowds, residents, party supporters clashing with each other or with the police, or
        # beating up a suspected thief: rioting, never a battle nor violence against civilians,
        # which ACLED keeps for organised armed perpetrators (ACLED Riots).
        frame.plover, frame.mode = "PROTEST", "riot" if _demonstration_context(frame.trigger.token, onto) else "mob"
        return
    _mixed_weapons(frame, onto)
    if frame.plover == "ASSAULT" and frame.mode not in coding_set("remote_modes") and _within_a_fight(frame.trigger.token, onto):
        frame.plover = "FIGHT"
        frame.mode = frame.mode if frame.mode in onto.plover("FIGHT").modes else None
        return
    armed_target = direct_target in ARMED or (frame.plover == "ASSAULT" and target_side in ARMED)
    fight_mode = frame.mode is None or frame.mode in onto.plover("FIGHT").modes or not (remote or frame.mode in coding_set("one_sided_modes"))
    if source_side in (ARMED | {None}) and armed_target and _explosives_with_gunfire(frame, onto):
        frame.plover, frame.mode = "FIGHT", "firearms"  # 'attacked the police post with IEDs and gunfire'
    elif source_side in (ARMED | {None}) and armed_target and fight_mode:
        # Whoever kills soldiers or militants is armed: ACLED codes it as a battle, not violence
        # against civilians, even when the attacker is unnamed.
        frame.plover = "FIGHT"
    elif (direct_target in ("civilian", "protester") and frame.plover == "FIGHT" and frame.mode != "territory"
          and not _two_sided(frame, onto)):
        frame.plover = "ASSAULT"
    if frame.mode and frame.mode not in onto.plover(frame.plover).modes:
        frame.mode = None if frame.mode not in coding_set("remote_modes") else ("artillery" if frame.mode != "aerial" else "aerial")
        if frame.mode not in onto.plover(frame.plover).modes:
            frame.mode = None


def _community_militia_kills(frame: Frame, onto: Ontology) -> bool:
    """'Youths from the Dima community attacked a camp of the Wula militia, killing two': members of a
    community who attack an armed group and kill, with no crowd weapon told, fight as their
    community's (identity) militia, which ACLED codes as a battle, not mob violence."""
    line = line_of(frame.trigger.token)
    return bool(frame.sources) and all(community_members(t, onto) for t in frame.sources) and line_tells_deaths(
        frame.trigger.token, onto) and not _names_any(" ".join(t.lower_ for t in line), onto.words("crowd_weapon_words"))


def _explosives_with_gunfire(frame: Frame, onto: Ontology) -> bool:
    """'Militants attacked the police station with IEDs and gunfire': explosives or grenades used
    in an assault on an armed side that the same clause tells was also fought with small arms are
    part of a ground attack, which ACLED codes as the battle (Armed clash), as it does remote
    violence told as part of a ground assault (_support_phrases); a bomb alone stays the remote
    explosive or grenade. Only for an armed target: the caller asks."""
    return frame.mode in ("IED", "grenade") and _names_any(_clause_text(frame), onto.words("small_arms_words"))


def _held_captive(targets: list[Token], onto: Ontology) -> bool:
    """'Soldiers executed two captured militants', 'killed a kidnapped policeman', 'militants who
    were in custody': a fighter or a member of a force held captive cannot fight back, and ACLED's
    codebook codes violence against people who are unarmed and take no part in fighting, detainees
    among them, as violence against civilians, not a battle (roles.yaml captive_words, among the
    modifiers of each one attacked; captive_phrases, in its own phrase and relative clauses)."""
    words, phrases = onto.words("captive_words"), onto.words("captive_phrases")
    return bool(targets) and all(
        any(c.lower_ in words for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i)
        or _names_any(" ".join(d.lower_ for d in t.subtree), phrases) for t in targets)


def _off_duty(frame: Frame, onto: Ontology) -> bool:
    """'Gunmen shot dead a soldier who was off duty at his home', 'an unarmed policeman': ACLED's
    codebook keeps Battles for a clash of two armed, organised sides and codes violence against
    people who are unarmed and take no part in the fighting as violence against civilians; a member
    of the state's forces the report tells was off duty, on leave, unarmed or at home when he was
    attacked was no armed side at that moment (roles.yaml off_duty_words, read in the attack's own
    clause and its argument phrases, relative clauses of the one attacked included: 'a soldier who
    was on leave')."""
    told = " ".join(t.lower_ for target in frame.targets for t in target.subtree)
    return _names_any(_clause_text(frame) + " " + told, onto.words("off_duty_words"))


def _fended_off(frame: Frame, onto: Ontology) -> bool:
    """'Soldiers repelled a Houthi attack': the target of a fight told as fending off an attack is
    the attacker (belligerents.add_repelled_attackers), armed whatever its sector, not someone attacked."""
    return frame.plover == "FIGHT" and frame.trigger.token.lemma_.lower() in onto.words("fending_off_verbs")


def _within_a_fight(verb: Token, onto: Ontology) -> bool:
    """'A soldier was killed by militants in a gunfight', 'killed one in ongoing battles with
    rebels': a killing told as part of a clash is that clash's toll, and ACLED codes it as the
    battle (Battles), even when the dead are civilians caught in it."""
    if verb.pos_ != "VERB":
        return False
    words = onto.words("two_sided_lemmas")
    inner = {t.i for d in verb.subtree if d.i != verb.i and d.dep_ in ("relcl", "acl", "advcl", "ccomp", "parataxis")
             and not _tally_participle(d, onto)
             for t in d.subtree}  # 'killed a man who had fought in the war': the war is not this killing's
    return any(t.dep_ == "pobj" and t.lemma_.lower() in words and t.head.lower_ in ("in", "during", "amid")
               for t in verb.subtree if t.i not in inner)


def _tally_participle(token: Token, onto: Ontology) -> bool:
    """'1 man was killed and 4 others injured during a clash': a casualty participle hung on a
    tally's noun tells the same casualties' circumstance, which the killing shares."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in onto.words("casualty_verbs")


def _violent_protest(frame: Frame, onto: Ontology) -> bool:
    """'rioters demonstrating ... blocked the road with burning tyres', 'blocked roads and engaged
    in stone pelting': the sentence names violent means, so the protest is a riot (ACLED)."""
    if frame.mode not in (None, "demo", "obstruct"):
        return False  # hunger strikes and boycotts are never riots
    token = frame.trigger.token
    if token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "amod" and c.lemma_.lower() in onto.words("violent_crowd_modifiers") - {"armed"} for c in token.children):
        return True  # 'a violent protest', 'violent demonstrations': a riot by its own words
    text = _UNREAL_TURN.sub(" ", " ".join(t.lower_ for t in token.sent))
    return _names_any(text, onto.words("violent_protest_words"))


# 'a protest that could turn violent', 'fears it would turn violent', 'did not turn violent': a turn
# a modal, an infinitive or a negation holds is no violence that happened (English modality).
_UNREAL_TURN = re.compile(r"\b(?:could|may|might|would|will|can|should|to|not|never|n't)\s+(?:have\s+)?(?:turn|turns|turning|turned)\s+violent\b")


def _telegraphic_passive(verb: Token, onto: Ontology) -> bool:
    """'Five soldiers wounded.', 'Two killed and 30 wounded in clashes': a note or a headline drops
    the auxiliary of a passive, so a casualty verb whose subject is a tally of people and which has
    no object, auxiliary or 'by' agent tells who was hit, not who hit."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
        return False
    to_death = _to_death(verb)
    if not (to_death or word_keys(verb) & onto.words("casualty_verbs")):
        return False
    deps = {c.dep_ for c in verb.children if not _clause_before_a_semicolon(c, verb)}
    if to_death and verb.dep_ == "acl" and verb.head.i < verb.i and not deps & {"dobj", "agent"}:
        return True  # 'Sectarian killing: a Shia man shot dead in ...': a reduced relative, its noun the victim
    if "nsubj" not in deps or deps & {"dobj", "aux", "auxpass", "agent", "nsubjpass", "ccomp", "xcomp"}:
        return False
    return to_death or any(_counted(s) for s in verb.children if s.dep_ == "nsubj")


def _to_death(verb: Token) -> bool:
    """'A trader shot dead in ...', 'a man hacked to death': a verb of violence told with its result
    and no object is a headline passive whoever its subject (the active has an object: 'gunmen
    shot dead a trader')."""
    return any((c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp"))
               or (c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children))
               for c in verb.children)


def _clause_before_a_semicolon(child: Token, verb: Token) -> bool:
    """'Gunmen raided the village; 2 herders killed': the parser may hang the clause before a
    semicolon on the tally's verb as its complement; that clause is the act, not the verb's own."""
    if child.dep_ != "ccomp" or child.i > verb.i:
        return False
    return any(t.text in (";", ":") for t in verb.doc[child.right_edge.i + 1:verb.i])


def _counted(subject: Token) -> bool:
    """A tally of people ('three soldiers', 'Two'), as casualty notes give them."""
    return subject.pos_ == "NUM" or subject.like_num or any(c.dep_ == "nummod" for c in subject.children)


def _unarmed_side_of_a_clash(frame: Frame, source_side: Optional[str], target_side: Optional[str],
                             target_actors: list[Actor], onto: Ontology) -> bool:
    """'Police clashed with activists': a clash has two sides, and when civilians or protesters face
    the state's forces, ACLED codes the unarmed side as rioters (Riots may target armed actors),
    not a battle. Militias clashing with farmers stay a battle (communal fighting); a state named
    as the other side ("forces of India and Pakistan exchanged fire") stands for its forces."""
    if frame.plover != "FIGHT" or not _two_sided(frame, onto) or any(a.kind in ("country", "state") for a in target_actors):
        return False
    return source_side == "state" and target_side in ("civilian", "protester")


def _clash_with_police_at_a_protest(frame: Frame, actors: list[Actor], onto: Ontology) -> bool:
    """'Student members clashed with police during a protest march', 'clashes broke out between
    party cadres and police during the strike': when a line tells of a protest, a clash in which
    the state's forces face no armed group is the demonstrators rioting (ACLED Riots, violent
    demonstration), not a battle, which needs two organised armed sides."""
    if frame.plover != "FIGHT" or not _demonstration_context(frame.trigger.token, onto):
        return False
    if _policing_force(frame, onto):
        return False
    sides = {side_of([t], [], onto) for t in frame.sources + frame.targets + frame.victims}
    sides |= {side_of([], [a], onto) for a in actors}
    return "state" in sides and "nonstate" not in sides


def _policing_force(frame: Frame, onto: Ontology) -> bool:
    """'Police fired on protesters', 'soldiers opened fire on the crowd during the march': when only
    the state's police or soldiers act and the act is not a clash, the force is theirs alone, which
    ACLED codes as force against the protest (Protests), not as the demonstrators rioting. Only
    head nouns of the state's own forces count: 'pro-X forces stormed' may be anyone's."""
    if _two_sided(frame, onto) or not frame.sources or frame.mode == "territory":
        return False  # 'regained control of the compound': a place taken back, not force on people
    if any(lexical_side(t, onto) in ARMED for t in frame.targets):
        return False
    return all(_police_or_soldiers(t, onto) for t in frame.sources)


def _police_or_soldiers(token: Token, onto: Ontology) -> bool:
    """'police', 'soldiers', or forces the state's by their modifier ('security forces',
    'government troops'); 'pro-government forces' are a militia's (a non-state modifier)."""
    nouns = onto.words("protest_policing_nouns")
    if token.lemma_.lower() in nouns or token.lower_ in nouns:
        return True
    if lexical_side(token, onto) != "state":
        return False
    modifiers = {w for c in token.children if c.dep_ in ("compound", "amod") for w in c.lower_.split("-")}
    nonstate = {n.rstrip("-") for n in onto.words("nonstate_modifiers")}  # 'pro-' may be its own token
    return bool(modifiers & onto.words("state_modifiers")) and not modifiers & nonstate


def riot_put_down(frame: Frame, onto: Ontology) -> None:
    """'Police dispersed rioters': force used on rioters tells of the riot, which ACLED codes as
    the event (Riots) with the rioters as actor1 and the police as actor2, so a riot whose
    patients are rioters has its sides swapped."""
    if frame.plover != "PROTEST" or not frame.targets:
        return
    verb = frame.trigger.token
    if all(t.lemma_.lower() in onto.words("rioter_nouns") and t.dep_ == "dobj" and t.head.i == verb.i for t in frame.targets):
        frame.sources, frame.targets = frame.targets, frame.sources


def _communal_clash(frame: Frame, onto: Ontology) -> bool:
    """'Clashes between Tobi and Kanyi communities', 'herders and farmers clashed': a clash one of
    whose sides is a community, clan, tribe or herders fights as an identity militia (ACLED codes
    communal fighting as a battle between communal militias, not a riot); roles.yaml
    communal_group_nouns, named_communal_nouns (these only after a proper name)."""
    if frame.plover != "FIGHT" or not _two_sided(frame, onto):
        return False
    sides = [t for side in (frame.sources, frame.targets) for t in side]
    if any(communal_group(t, onto) for t in sides):
        return True
    if any(rival_residents(t, onto) for t in sides) and line_tells_deaths(frame.trigger.token, onto):
        # 'villagers of A and B clashed; four killed' (a brawl that only injures, or stone pelting, stays a riot)
        return not _names_any(" ".join(t.lower_ for t in line_of(frame.trigger.token)), onto.words("crowd_weapon_words"))
    # 'two rival groups of villagers armed with guns clashed': sides that fight with firearms are
    # organised armed groups (ACLED's communal or political militias), not a mob; so are sides told
    # fighting with them in a participle of the clash's own verb ('clashed, exchanging gunfire')
    token = frame.trigger.token
    manner = " ".join(t.lower_ for c in token.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"
                      and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for t in c.subtree)
    return _names_any(_clause_text(frame) + " " + manner, onto.words("clash_firearm_words"))


def _stoned_by_unknown(frame: Frame, onto: Ontology) -> bool:
    """'Unidentified people attacked two policemen with stones': doers named only as unknown people
    (roles.yaml person_nouns, never told as armed) whose clause names only a crowd's weapons (stones,
    sticks; crowd_weapon_words) and no firearm are a mob, which ACLED codes as Riots (rioters may
    target armed actors), not an unidentified armed group's battle. Asked only of attacks on an
    armed force (an unknown few stoning a civilian stay as they were)."""
    if not frame.sources or frame.plover not in ("ASSAULT", "FIGHT"):
        return False
    for token in frame.sources:
        if token.lemma_.lower() not in onto.words("person_nouns"):
            return False
        if any(c.lower_ in onto.words("armed_group_modifiers") for c in token.children):
            return False
    text = " ".join(t.lower_ for t in frame.trigger.token.sent)
    return _names_any(text, onto.words("crowd_weapon_words")) and not _names_any(text, onto.words("clash_firearm_words"))


def _lone_doer(frame: Frame, onto: Ontology) -> bool:
    """'A man was beaten to death by a party activist', 'a trader stabbed a farmer': the doer is one
    person, a singular noun counted by 'a', 'an' or 'one', not a group noun ('a mob', 'a group of
    youths'; roles.yaml group_nouns) nor joined to others ('a man and his sons'). ACLED codes riots
    and mob violence as group acts (a demonstration or a mob, at least three people), so one
    person's attack on a civilian is violence against civilians, not a riot."""
    if not frame.sources:
        return False
    groups = onto.words("group_nouns") | onto.words("protester_nouns") | onto.words("collective_nouns")
    for token in frame.sources:
        if token.tag_ != "NN" or token.lemma_.lower() in groups or token.lower_ in groups:
            return False
        if any(c.dep_ == "conj" for c in token.children) or token.dep_ == "conj":
            return False
        if not any((c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "nummod" and c.lower_ in ("one", "1"))
                   for c in token.children):
            return False
    return True


def _organised(actors: list[Actor], onto: Ontology) -> bool:
    """Party workers or a caste's members beating a person: a political or identity militia
    (ACLED violence against civilians), not a mob."""
    return any((a.sector or "").lower() in sectors_of("militia_like") for a in actors)


def _two_sided(frame: Frame, onto: Ontology) -> bool:
    """'clashed with farmers', 'a shoot-out broke out': a clash has two sides by meaning, so it
    stays a battle (the lexicon row's lemma counts too: 'shoot-out' ends on the token 'out')."""
    words = onto.words("two_sided_lemmas")
    return bool(word_keys(frame.trigger.token) & words) or frame.trigger.entry.lemma.lower() in words


def _crowd_source(frame: Frame, source_actors: list[Actor], onto: Ontology) -> bool:
    """Destruction or arson by civilians or a crowd ('residents vandalized a police station',
    'rioters tore up billboards'), or looting by a crowd ('an angry crowd ransacked the police post':
    ACLED codes looting by rioters as the riot; looting by residents or soldiers stays
    looting/property destruction): rioters."""
    if frame.plover == "COERCE" and frame.mode == "seize" and not _by_explosives(frame.trigger.token, onto):
        crowd = bool(frame.sources) and all(t.lemma_.lower() in onto.words("protester_nouns") for t in frame.sources)
        return crowd or side_of(frame.sources, source_actors, onto) == "protester"  # residents' looting stays looting
    if frame.plover == "COERCE" and (frame.mode != "destroy" or _by_explosives(frame.trigger.token, onto)):
        return False  # blowing up a pylon takes explosives, not a crowd
    if frame.plover == "ASSAULT" and frame.mode != "arson":
        return False
    if side_of(frame.sources, source_actors, onto) in ("civilian", "protester"):
        return True
    if frame.mode != "arson" or not _unorganised_attackers(frame, onto):
        return False
    return bool(frame.sources) or not _line_tells_casualties(frame.trigger.token, onto)


def _unorganised_attackers(frame: Frame, onto: Ontology) -> bool:
    """'Buses were set on fire', 'assailants torched a bus', 'crude bombs were hurled': property
    burnt or home-made bombs thrown by no one named, or by people named only by the act, are mob
    violence in ACLED; an armed group's arson ('militants torched the village') is not, and an
    event that inherits its doer from an earlier clause is that doer's."""
    if frame.inherited is not None and frame.inherited.sources:
        return False
    if not frame.sources:  # 'an arson attack' takes its doer from elsewhere; 'they set fire' has one
        verb = frame.trigger.token
        return verb.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "agent", "csubj") for c in verb.children)
    return all(t.lemma_.lower() in onto.words("unorganised_attacker_nouns") for t in frame.sources)


def _line_tells_casualties(token: Token, onto: Ontology) -> bool:
    """'Two were killed and houses were set on fire': the line counts people hurt, so the burning
    is part of an attack on people, not mob damage to property alone."""
    words = onto.words("casualty_verbs")
    return any(t.lemma_.lower() in words for t in line_of(token))


def _bomb_thrown_at_passengers(frame: Frame, onto: Ontology) -> bool:
    """'Assailants threw bombs at a moving bus', 'hurled a crude bomb on the vehicle, injuring three
    passengers': a bomb thrown by hand at a bus or its passengers that hurts people is an attack on
    the people in it, violence against civilians in ACLED, neither rioting nor remote violence
    (thrown by a protest's enforcers, 'pro-hartal activists', it is their riot)."""
    if frame.plover != "ASSAULT" or frame.mode not in ("grenade", "IED") or frame.trigger.token.pos_ != "VERB":
        return False
    if not word_keys(frame.trigger.token) & onto.words("throwing_verbs"):
        return False
    sent = frame.trigger.token.sent
    sentence = " ".join(t.lower_ for t in sent)
    if _names_any(sentence, onto.words("grenade_words")):
        return False  # a grenade is a grenade, whoever it hits
    hurt = any(t.lemma_.lower() in onto.words("casualty_verbs") for t in sent)  # 'only a bus's windows damaged': no attack on people
    return hurt and _names_any(sentence, onto.words("passenger_vehicle_words"))


def _makeshift_bombing(frame: Frame, source_side: str | None, onto: Ontology) -> bool:
    """'Party supporters hurled crude bombs', 'assailants blasted two cocktails': home-made bombs
    thrown by civilians or by unnamed attackers are rioting (ACLED Riots), not remote violence,
    which ACLED keeps for organised armed groups; 'militants threw a petrol bomb' stays an
    explosion."""
    if frame.plover != "ASSAULT" or frame.mode not in ("grenade", "IED"):
        return False
    if not _names_any(_clause_text(frame), onto.words("makeshift_bomb_words")):
        return False
    if _unorganised_attackers(frame, onto):
        return True
    if any(lexical_side(t, onto) in ARMED for t in frame.sources):
        return False  # 'members of the party's militia': an armed group, whatever its party
    return source_side in ("civilian", "protester")


# A grenade comes last: 'grenade launchers' and 'rocket-propelled grenades' are artillery's (ACLED
# Shelling); a grenade thrown or 'attacked with a hand grenade' is ACLED's Grenade.
_WEAPON_MODES = (("aerial_weapon_words", "aerial"), ("artillery_weapon_words", "artillery"), ("explosive_weapon_words", "IED"),
                 ("grenade_words", "grenade"))


def _weapon_mode(frame: Frame, onto: Ontology) -> None:
    """A generic attack takes the mode of the weapon its own clause names: 'LNA air force
    targeted GNA positions' is an air strike, 'fired IFVs and grenade launchers at' a shelling.
    Rows that name their weapon ('shot', 'bombed') keep their mode."""
    if not _generic_attack(frame, onto) or not any(
            may_name_any(frame.trigger.token.doc, onto.words(words)) for words, _ in _WEAPON_MODES):
        return
    token = frame.trigger.token
    text = " ".join((_clause_text(frame, _support_phrases(token, onto)), _holding_phrase(token), _means_text(token, onto), _gerunds(token),
                     _adjectives_set_after(token)))
    for words, mode in _WEAPON_MODES:
        if _names_any(text, onto.words(words)):
            if mode == "IED" and frame.plover == "FIGHT":
                frame.plover = "ASSAULT"  # PLOVER has no FIGHT mode for explosives
            frame.mode = mode
            return


def _adjectives_set_after(token: Token) -> str:
    """'fired machine guns, assumedly heavy, at ...': an adjective set off after its noun (a
    hedged afterthought) qualifies it as one before it would; each such noun of the verb's own
    phrases is read again in English order ('heavy machine guns')."""
    phrases = []
    for noun in token.subtree:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for adjective in (c for c in noun.children if c.dep_ == "amod" and c.i > noun.i):
            compounds = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
            phrases.append(" ".join([adjective.lower_, *compounds, noun.lower_]))
    return " ".join(phrases)


def _means_text(token: Token, onto: Ontology) -> str:
    """The lower-cased words of the verb's means clause ('attacked a post using mortars',
    'fired at positions, using grenade launchers'): the weapon it names is the attack's. A means
    participle the parse hangs on the object ('positions using ...') is still the act's manner."""
    if token.pos_ not in ("VERB", "AUX"):
        return ""
    means = onto.words("means_verbs")
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return " ".join(t.lower_ for head in (token, *objects) for c in head.children
                    if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in means for t in c.subtree)


def _gerunds(token: Token) -> str:
    """The verb's own gerunds, each alone: 'killed in Israeli shelling' ('killed in regime shelling')
    may be parsed with 'shelling' as a clause of 'killed' (of 'regime') rather than the object of
    'in'; the word still names the means."""
    heads = [token] + [o for p in token.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return " ".join(c.lower_ for h in heads for c in h.children if c.tag_ == "VBG" and c.dep_ in ("advcl", "acl", "pcomp", "pobj"))


def _holding_phrase(token: Token) -> str:
    """The lower-cased nouns of the phrases the trigger modifies, up to their clause: in 'shells
    fired by rebels killed a man' (which the parser may read as 'rebels killed' modifying
    'shells') or 'the rockets that killed five', the weapon is the noun the killing hangs on."""
    nouns = []
    node = token
    while node.dep_ in ("acl", "relcl", "pobj", "agent", "prep") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            nouns.append(node.lower_)
    return " ".join(nouns)


def _suicide_bomber(frame: Frame, onto: Ontology) -> None:
    """'A suicide bomber targeted a convoy': a bomber who is a suicide attacker is a person on
    foot, not an aircraft, though the lexicon reads 'bomber' as a subject of air strikes; the
    attack is a suicide bombing (ACLED Suicide bomb). A generic attack ('an attack with a
    suicide vest') is one too when its own clause says so."""
    if not may_name_any(frame.trigger.token.doc, onto.words("suicide_attack_words")):
        return
    text = " ".join(t.lower_ for s in frame.sources for t in argument_phrase(s))
    if _generic_attack(frame, onto):
        text += " " + _clause_text(frame)
    if _names_any(text, onto.words("suicide_attack_words")):
        frame.plover, frame.mode = "ASSAULT", "suicide"


def _generic_attack(frame: Frame, onto: Ontology) -> bool:
    """An attack whose row names no weapon ('attacked', 'targeted'), not yet given a mode other
    than gunfire: its clause's weapon words decide its mode (`_weapon_mode`)."""
    entry = frame.trigger.entry
    generic = (entry.plover == "ASSAULT" and entry.mode is None) or bool(word_keys(frame.trigger.token) & onto.words("weapon_scan_lemmas"))
    return generic and frame.mode in (None, "firearms")


def _by_explosives(token: Token, onto: Ontology) -> bool:
    """'destroyed a mast using explosives', 'set off explosives and destroyed a bridge', 'blew up
    pylons': property destroyed by explosives stays a destruction in PLOVER (COERCE) but is an
    explosion for ACLED (Remote explosive), not property destruction. The means may sit in a
    manner clause or in the verb the destruction is coordinated with; a participle of a means
    verb ('using explosives') is the act's manner even where the parse hangs it on an object."""
    head = token
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
    means = onto.words("means_verbs")
    inner = {t.i for d in head.subtree if d.dep_ in ("relcl", "acl") and not (d.dep_ == "acl" and d.lemma_.lower() in means)
             for t in d.subtree}
    return _names_any(" ".join(t.lower_ for t in head.subtree if t.i not in inner), onto.words("explosive_weapon_words"))


def _air_force_offensive(frame: Frame, onto: Ontology) -> None:
    """'The air force launched nine offensives against IS positions': when the attacker is an air
    arm (air force, warplanes, drones) and no weapon says otherwise, the fight is an air strike
    (ACLED Explosions/Remote violence), one-sided by its means."""
    if frame.plover != "FIGHT" or frame.mode is not None or not frame.sources:
        return
    text = " ".join(t.lower_ for s in frame.sources for t in argument_phrase(s))
    if _names_any(text, onto.words("aerial_weapon_words")):
        frame.plover, frame.mode = "ASSAULT", "aerial"


def _clause_text(frame: Frame, left_out: frozenset[int] = frozenset()) -> str:
    """The lower-cased words of the trigger's own clause (coordinated and subordinate clauses
    left out) and of its argument phrases, space separated; `left_out` token indices skipped."""
    token = frame.trigger.token
    head = token if token.pos_ in ("VERB", "AUX") else (clause_verb(token) or token)
    own = _own_clause(head)
    for arg in frame.sources + frame.targets:
        own.update(t.i for t in argument_phrase(arg))
    if token.pos_ not in ("VERB", "AUX"):
        own.update(t.i for t in token.subtree)
    return " ".join(token.doc[i].lower_ for i in sorted(own - left_out))


def _support_phrases(token: Token, onto: Ontology) -> frozenset[int]:
    """'attacked the positions with air and artillery support', 'backed by helicopters', 'under the
    cover of mortar fire': weapons that support a ground attack are not its means. ACLED codes the
    ground assault, remote violence told as part of it, as the battle (Armed clash), so these
    phrases are left out of the weapon scan."""
    head = token if token.pos_ in ("VERB", "AUX") else (clause_verb(token) or token)
    words = onto.words("support_words")
    phrases = [d.head if d.dep_ == "conj" else d for d in head.subtree  # 'air and artillery support': the whole phrase
               if d.lemma_.lower() in words and d.i != head.i and d.dep_ in ("pobj", "dobj", "acl", "advcl", "prep", "npadvmod", "conj")]
    if head.lemma_.lower() in onto.words("ground_assault_lemmas"):
        # 'stormed the village after heavy shelling': the fire before the assault prepared it
        phrases += [c for c in head.children if c.dep_ == "prep" and c.lower_ in onto.words("preparation_preps")]
    return frozenset(t.i for d in phrases for t in d.subtree)


def _own_clause(verb: Token) -> set[int]:
    """Token indices of the verb's clause without the clauses inside it ('forces who were
    airdropped by helicopters', '..., killing', 'and attacked')."""
    skipped = {t.i for d in verb.subtree if d.i != verb.i and d.dep_ in CLAUSE_DEPS and d.pos_ in ("VERB", "AUX")
               for t in d.subtree}
    return {t.i for t in verb.subtree} - skipped


def _demonstration_context(token: Token, onto: Ontology) -> bool:
    """Violence by a crowd is a violent demonstration when its line tells of a protest, else
    mob violence (ACLED's two Riots sub-events)."""
    words, line = onto.words("demonstration_words"), line_of(token)
    return any((t.lemma_.lower() in words or t.lower_ in words) and not month_of_a_date(t) for t in line) or bool(
        hyphenated_words(line) & words)


def _mixed_weapons(frame: Frame, onto: Ontology) -> None:
    """'fired mortars, heavy machine guns and small arms': an engagement with small arms is an
    armed clash (ACLED), not a shelling, even when heavier weapons join in; aimed at farms or
    villages and at no armed side it is no engagement, and stays the heavy weapons' shelling."""
    if frame.mode != "artillery":
        return
    clause = clause_verb(frame.trigger.token) or frame.trigger.token
    text = " ".join(t.lower_ for t in clause.subtree)
    if frame.trigger.token.lemma_.lower() in onto.words("explosion_nouns"):
        # a monitor's '9 explosions/shots involving unknown weapons' counts shots beside explosions:
        # only a named small arm ('involving small arms') makes the count an exchange of fire
        counted = onto.words("observed_fire_nouns")
        text = " ".join(w for w in text.split() if w not in counted and w.rstrip("s") not in counted)
    aim = " ".join(t.lower_ for p in clause.children if p.dep_ == "prep" and p.lower_ in ("at", "on", "into", "towards", "toward")
                   for t in p.subtree)
    if _names_any(text, onto.words("small_arms_words")) and not (
            _names_any(aim, onto.words("civilian_place_words")) and not _names_any(aim, onto.words("armed_target_words"))):
        frame.plover, frame.mode = "FIGHT", "firearms"


def acled_pair(frame: Frame, source_actors: list[Actor], target_actors: list[Actor], onto: Ontology) -> tuple[Optional[str], Optional[str]]:
    entry = frame.trigger.entry
    if entry.frame == "displacement":
        return None, None  # ACLED has no displacement event type
    if frame.flight_cause:
        # 'fighting has forced 500 villagers to flee': the row is the flight, a strategic development
        return "Strategic developments", "Other"
    if frame.plover == "PROTEST" and frame.mode == "riot" and not _demonstration_context(frame.trigger.token, onto):
        frame.mode = "mob"  # stones thrown in a village feud: mob violence, not a violent demonstration
    coding = onto.mode_coding(frame.plover, frame.mode)
    own_row = frame.plover == entry.plover and frame.mode == entry.mode and entry.acled_event_type
    if frame.mode is None and entry.mode in coding_set("remote_modes") and (fallback := acled_fallback(frame.plover)):
        # The row's pair is its remote mode's; a refinement that took the mode away ('a bomb thrown
        # at a bus': its passengers attacked, _bomb_thrown_at_passengers) leaves the type's own pair
        # (event_acled_fallbacks.csv: ASSAULT, Violence against civilians / Attack).
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
    if frame.plover == "COERCE" and frame.mode == "destroy" and _by_explosives(frame.trigger.token, onto):
        pair = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    if (pair[0] == "Violence against civilians" and _protesters_targeted(frame, target_actors, onto)) or (
            pair[0] == "Battles" and _riot_control_at_a_protest(frame, onto)):
        pair = ("Protests", "Protest with intervention" if _less_lethal_force(frame, onto) else "Excessive force against protesters")
        if frame.targets and all(violent_crowd(t, onto) for t in frame.targets):
            pair = ("Riots", "Violent demonstration")  # force on rioters: the riot is the event
    return pair


def _unopposed(token: Token, onto: Ontology) -> bool:
    """'took control of the town after the militants withdrew without a fight': territory changing
    hands with no fighting is ACLED's non-violent transfer of territory, not a battle."""
    return _names_any(" ".join(t.lower_ for t in token.sent), onto.words("unopposed_words"))


def _riot_control_at_a_protest(frame: Frame, onto: Ontology) -> bool:
    """'Police fired rubber bullets at a demonstration': riot-control means (intervention_words)
    used where the line tells of a protest are force on the protest, never a battle with its crowd."""
    return _names_any(_clause_text(frame), onto.words("intervention_words")) and _demonstration_context(frame.trigger.token, onto)


def _less_lethal_force(frame: Frame, onto: Ontology) -> bool:
    """'Police fired rubber bullets at protesters': ACLED keeps excessive force for lethal force or
    serious harm; force with riot-control means (rubber bullets, tear gas, water cannon) that kills
    or seriously hurts no one in its sentence is an attempt to disperse the protest, a protest with
    intervention: 'protesters were injured when police fired rubber bullets' (the codebook's
    serious injuries are told as such: 'seriously injured', 'hospitalised')."""
    if not _names_any(_clause_text(frame), onto.words("intervention_words")):
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
    if not frame.targets or frame.background or frame.trigger.token.dep_ in ("relcl", "acl"):
        return False
    return _policing_force(frame, onto) and _demonstration_context(frame.trigger.token, onto)


def cameo_code_of(frame: Frame, onto: Ontology) -> str:
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
