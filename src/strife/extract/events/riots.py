"""When violence by a crowd is a riot (ACLED Riots), and whether a violent demonstration or mob violence.

ACLED codes violence by demonstrators, residents, party supporters or an unnamed crowd as Riots,
never as a battle nor as violence against civilians, which it keeps for organised armed
perpetrators: a protest that names violent means ('burning tyres', 'stone pelting'), property
damaged by a crowd, home-made bombs thrown by civilians, unknown people stoning the police, the
unarmed side of a clash with the state's forces. A riot is a violent demonstration when its line
tells of a protest, else mob violence (`demonstration_context`). Force the police alone use on a
protest is not the crowd's riot (`policing_force`); `strife.extract.events.event_codes` codes it.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from strife.extract import line_of
from strife.extract.events.battle_sides import two_sided
from strife.extract.events.communal import communal_group
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import hyphenated_words
from strife.extract.events.sides import ARMED, lexical_side, sectors_of, side_of
from strife.extract.events.tables import side_sector
from strife.extract.events.triggers import month_of_a_date, word_keys
from strife.extract.events.weapon_modes import by_explosives, clause_text
from strife.extract.events.weapons import names_any
from strife.model import Actor
from strife.ontology import Ontology


def demonstration_context(token: Token, onto: Ontology) -> bool:
    """Violence by a crowd is a violent demonstration when its line tells of a protest, else
    mob violence (ACLED's two Riots sub-events)."""
    words, line = onto.words("demonstration_words"), line_of(token)
    return any((t.lemma_.lower() in words or t.lower_ in words) and not month_of_a_date(t) for t in line) or bool(
        hyphenated_words(line) & words)


def violent_protest(frame: Frame, onto: Ontology) -> bool:
    """'rioters demonstrating ... blocked the road with burning tyres', 'blocked roads and engaged
    in stone pelting': the sentence names violent means, so the protest is a riot (ACLED)."""
    if frame.mode not in (None, "demo", "obstruct"):
        return False  # hunger strikes and boycotts are never riots
    token = frame.trigger.token
    if token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "amod" and c.lemma_.lower() in onto.words("violent_crowd_modifiers") - {"armed"} for c in token.children):
        return True  # 'a violent protest', 'violent demonstrations': a riot by its own words
    text = _UNREAL_TURN.sub(" ", " ".join(t.lower_ for t in token.sent))
    return names_any(text, onto.words("violent_protest_words"))


# 'a protest that could turn violent', 'fears it would turn violent', 'did not turn violent': a turn
# a modal, an infinitive or a negation holds is no violence that happened (English modality).
_UNREAL_TURN = re.compile(r"\b(?:could|may|might|would|will|can|should|to|not|never|n't)\s+(?:have\s+)?(?:turn|turns|turning|turned)\s+violent\b")


def told_protesting(token: Token, onto: Ontology) -> bool:
    """'protesting farmers', 'agitating students', 'villagers demonstrating against the dam', 'students
    who were protesting': people a participle or relative clause tells protesting (roles.yaml
    protesting_participles) are protesters, whatever their own noun."""
    words = onto.words("protesting_participles")
    return any(c.dep_ in ("amod", "acl", "relcl") and word_keys(c) & words for c in token.children)


def _told_angry(token: Token, onto: Ontology) -> bool:
    """'angry students', 'irate villagers': people told in anger (roles.yaml angry_crowd_modifiers)."""
    return any(c.dep_ == "amod" and c.lower_ in onto.words("angry_crowd_modifiers") for c in token.children)


def crowd_source(frame: Frame, source_actors: list[Actor], onto: Ontology) -> bool:
    """Destruction or arson by civilians or a crowd ('residents vandalized a police station',
    'rioters tore up billboards'), or looting by a crowd ('an angry crowd ransacked the police post':
    ACLED codes looting by rioters as the riot; looting by residents or soldiers stays
    looting/property destruction): rioters."""
    if frame.plover == "COERCE" and frame.mode == "seize" and not by_explosives(frame.trigger.token, onto):
        crowd = bool(frame.sources) and all(t.lemma_.lower() in onto.words("protester_nouns") or told_protesting(t, onto)
                                            or _told_angry(t, onto) for t in frame.sources)
        return crowd or side_of(frame.sources, source_actors, onto) == "protester"  # residents' looting stays looting
    if frame.plover == "COERCE" and (frame.mode != "destroy" or by_explosives(frame.trigger.token, onto)):
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


def bomb_thrown_at_passengers(frame: Frame, onto: Ontology) -> bool:
    """'Assailants threw bombs at a moving bus', 'hurled a crude bomb on the vehicle, injuring three
    passengers': a bomb thrown by hand at a bus or its passengers that hurts people is an attack on
    the people in it, violence against civilians in ACLED, neither rioting nor remote violence
    (thrown by a protest's enforcers, 'pro-hartal activists', it is their riot). So is a bomb thrown
    or set off at or amid a gathering of people by no armed group, 'exploded a crude bomb amid a rally
    of the rival party, injuring four' (`bombed_gathering`): the people gathered are its target, not
    a crowd's rioting ('militants threw bombs at a procession' stays their explosion)."""
    if frame.plover != "ASSAULT" or frame.mode not in ("grenade", "IED") or frame.trigger.token.pos_ != "VERB":
        return False
    sent = frame.trigger.token.sent
    sentence = " ".join(t.lower_ for t in sent)
    if names_any(sentence, onto.words("grenade_words")):
        return False  # a grenade is a grenade, whoever it hits
    hurt = any(t.lemma_.lower() in onto.words("casualty_verbs") for t in sent)  # 'only a bus's windows damaged': no attack on people
    if hurt and bombed_gathering(frame.trigger.token, onto) and not any(lexical_side(t, onto) in ARMED for t in frame.sources):
        return True  # 'militants threw crude bombs at a procession' stays the armed group's explosion
    if not word_keys(frame.trigger.token) & onto.words("throwing_verbs"):
        return False
    return hurt and names_any(sentence, onto.words("passenger_vehicle_words"))


def bombed_gathering(verb: Token, onto: Ontology) -> bool:
    """'hurled crude bombs at a procession', 'exploded a bomb amongst a rally of the alliance': the
    object of the verb's place preposition (roles.yaml gathering_target_preps) is a gathering of
    people (gathering_nouns), which the bomb was thrown or set off at."""
    preps, nouns = onto.words("gathering_target_preps"), onto.words("gathering_nouns")
    heads = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps]
    heads += [p for o in verb.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep" and p.lower_ in preps]
    return any(o.dep_ == "pobj" and o.lemma_.lower() in nouns for p in heads for o in p.children)


def makeshift_bombing(frame: Frame, source_side: str | None, onto: Ontology) -> bool:
    """'Party supporters hurled crude bombs', 'assailants blasted two cocktails': home-made bombs
    thrown by civilians or by unnamed attackers are rioting (ACLED Riots), not remote violence,
    which ACLED keeps for organised armed groups; 'militants threw a petrol bomb' stays an
    explosion."""
    if frame.plover != "ASSAULT" or frame.mode not in ("grenade", "IED"):
        return False
    if not names_any(clause_text(frame), onto.words("makeshift_bomb_words")):
        return False
    if _unorganised_attackers(frame, onto):
        return True
    if any(lexical_side(t, onto) in ARMED for t in frame.sources):
        return False  # 'members of the party's militia': an armed group, whatever its party
    return source_side in ("civilian", "protester")


def stoned_by_unknown(frame: Frame, onto: Ontology) -> bool:
    """'Unidentified people attacked two policemen with stones': doers named only as unknown people
    (roles.yaml person_nouns, never told as armed) whose clause names only a crowd's weapons (stones,
    sticks; crowd_weapon_words) and no firearm are a mob, which ACLED codes as Riots (rioters may
    target armed actors), not an unidentified armed group's battle. Asked only of attacks on an
    armed force (an unknown few stoning a civilian stay as they were)."""
    if not frame.sources or frame.plover not in ("ASSAULT", "FIGHT"):
        return False
    if not all(_unknown_person(t, onto) for t in frame.sources):
        return False
    text = " ".join(t.lower_ for t in frame.trigger.token.sent)
    return names_any(text, onto.words("crowd_weapon_words")) and not names_any(text, onto.words("clash_firearm_words"))


def _unknown_person(token: Token, onto: Ontology) -> bool:
    """A doer named only as people ('unidentified people', 'unknown men'; roles.yaml person_nouns),
    never told as armed (no armed_group_modifiers)."""
    return token.lemma_.lower() in onto.words("person_nouns") and not any(
        c.lower_ in onto.words("armed_group_modifiers") for c in token.children)


def stoned_vehicles(frame: Frame, onto: Ontology) -> bool:
    """'Unidentified people stoned a bus carrying pilgrims', 'youths pelted vehicles with stones': stones
    or bricks (crowd_weapon_words, or a stoning verb) thrown at vehicles (stoned_vehicle_nouns) by no
    armed group, with no firearm told, are a crowd's violence, which ACLED codes as Riots, not as an
    attack on the passengers by an armed group."""
    token, vehicles = frame.trigger.token, onto.words("stoned_vehicle_nouns")
    objects = [c for c in token.children if c.dep_ == "dobj"]
    # 'a bus carrying pilgrims', which the parser may read as one noun phrase headed by 'pilgrims'
    if frame.plover != "ASSAULT" or not any(
            t.lemma_.lower() in vehicles for o in objects for t in o.subtree if t.i <= o.i):
        return False
    if "death" in frame.trigger.entry.object:
        return False  # 'stoned the bus driver to death': a person killed, not vehicles stoned
    if not all(_unknown_person(t, onto) or lexical_side(t, onto) in (None, "civilian", "protester") for t in frame.sources):
        return False  # an armed group's men stoning a bus stay its attack
    text = " ".join(t.lower_ for t in token.sent)
    stoning = bool(word_keys(token) & onto.words("stoning_verbs")) or names_any(text, onto.words("crowd_weapon_words"))
    return stoning and not names_any(text, onto.words("clash_firearm_words"))


def lone_doer(frame: Frame, onto: Ontology) -> bool:
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


def organised(actors: list[Actor], onto: Ontology) -> bool:
    """Party workers or a caste's members beating a person: a political or identity militia
    (ACLED violence against civilians), not a mob."""
    return any((a.sector or "").lower() in sectors_of("militia_like") for a in actors)


def unarmed_side_of_a_clash(frame: Frame, source_side: Optional[str], target_side: Optional[str],
                             target_actors: list[Actor], onto: Ontology) -> bool:
    """'Police clashed with activists': a clash has two sides, and when civilians or protesters face
    the state's forces, ACLED codes the unarmed side as rioters (Riots may target armed actors),
    not a battle. Militias clashing with farmers stay a battle (communal fighting); a state named
    as the other side ("forces of India and Pakistan exchanged fire") stands for its forces."""
    if frame.plover != "FIGHT" or not two_sided(frame, onto) or any(a.kind in ("country", "state") for a in target_actors):
        return False
    return source_side == "state" and target_side in ("civilian", "protester")


def clash_over_a_dispute(frame: Frame, source_side: Optional[str], target_side: Optional[str], onto: Ontology) -> bool:
    """'Disputes over the local chieftaincy led to clashes, one killed', 'clashes over a land dispute':
    a clash whose sides the line never names, told of a quarrel among locals (roles.yaml
    dispute_words), with no firearm told and no side named anywhere in the line, is their crowd
    violence (ACLED Riots), not a battle of unidentified armed groups: ACLED's battles need two
    organised armed sides, and a line that names clans or militias has told who fought."""
    disputes = onto.words("dispute_words")
    named = [t for t in frame.sources + frame.targets if t.lemma_.lower() not in disputes]  # 'disputes led to clashes'
    if frame.plover != "FIGHT" or source_side is not None or target_side is not None or named:
        return False
    if not two_sided(frame, onto):
        return False
    tokens = line_of(frame.trigger.token)
    if any(t.pos_ in ("NOUN", "PROPN") and (lexical_side(t, onto) in ARMED or communal_group(t, onto)) for t in tokens):
        return False  # 'two rival clans ... the ensuing clashes': the line names the sides elsewhere
    lemmas = {t.lemma_.lower() for t in tokens}
    return bool(lemmas & disputes) and not names_any(" ".join(t.lower_ for t in tokens), onto.words("clash_firearm_words"))


def clash_of_plain_groups(frame: Frame, source_side: str | None, target_side: str | None, actors: list[Actor],
                          onto: Ontology) -> bool:
    """'Hindu and Muslim groups clashed', 'two rival groups clashed over the bus stand', 'two factions
    of the ruling party clashed, 15 injured': a clash whose sides are named only as groups or factions
    (roles.yaml plain_group_nouns), which the side words read as armed by their noun alone, is crowds
    fighting when the line tells nothing armed: no firearm, no armed, criminal or rebel modifier, no
    armed side, clan or contraband. ACLED codes it as Riots (mob violence); its battles need two
    organised armed sides ('two armed groups', 'criminal groups', a militia's factions stay one: the
    actor coder's armed sector for the body, 'factions of Al Shabaab', other than the unnamed group's)."""
    if frame.plover != "FIGHT" or not two_sided(frame, onto) or "state" in (source_side, target_side):
        return False
    if any((a.sector or "").lower() in sectors_of("nonstate_force") | sectors_of("state_force") and a.sector != side_sector("nonstate")
           for a in actors):
        return False
    named = frame.sources + frame.targets
    if not frame.sources or not all(_plain_group(t, onto) for t in frame.sources) or not all(
            _plain_group(t, onto) or _no_side(t, onto) for t in frame.targets):
        return False
    plain = {t.i for t in named} | {t.head.head.i for t in named if t.dep_ == "pobj"}
    armed = (onto.words("armed_person_modifiers") | onto.words("armed_group_modifiers") | onto.words("nonstate_modifiers")
             | onto.words("contraband_words"))
    for t in line_of(frame.trigger.token):
        if t.lower_ in armed or t.lemma_.lower() in armed:
            return False
        if t.i not in plain and t.pos_ in ("NOUN", "PROPN") and (lexical_side(t, onto) in ARMED or communal_group(t, onto)):
            return False
    return not names_any(" ".join(t.lower_ for t in line_of(frame.trigger.token)), onto.words("clash_firearm_words"))


def _no_side(token: Token, onto: Ontology) -> bool:
    """A clash's 'other side' that names no one, a place or a weapon the parse took for it ('clashed at
    Sadar College', 'with sticks and rods'): no side word, no name of people or organisation."""
    if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
        return True  # 'at Sadar College': where, not who
    return token.pos_ in ("NOUN", "PROPN") and lexical_side(token, onto) is None and token.ent_type_ not in ("PERSON", "NORP", "ORG")


_PLACE_PREPS = frozenset({"at", "in", "near", "inside", "outside"})


def _plain_group(token: Token, onto: Ontology) -> bool:
    """'groups', 'factions', or the body in 'two factions of the Kalo Sangha' (the roles stage takes the
    'of' object for the side): a side named only as a group or a faction."""
    groups = onto.words("plain_group_nouns")
    if token.lemma_.lower() in groups:
        return True
    prep = token.head if token.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in groups


def clash_with_police_at_a_protest(frame: Frame, actors: list[Actor], onto: Ontology) -> bool:
    """'Student members clashed with police during a protest march', 'clashes broke out between
    party cadres and police during the strike': when a line tells of a protest, a clash in which
    the state's forces face no armed group is the demonstrators rioting (ACLED Riots, violent
    demonstration), not a battle, which needs two organised armed sides."""
    if frame.plover != "FIGHT" or not demonstration_context(frame.trigger.token, onto):
        return False
    if policing_force(frame, onto):
        return False
    sides = {side_of([t], [], onto) for t in frame.sources + frame.targets + frame.victims}
    sides |= {side_of([], [a], onto) for a in actors}
    return "state" in sides and "nonstate" not in sides


def policing_force(frame: Frame, onto: Ontology) -> bool:
    """'Police fired on protesters', 'soldiers opened fire on the crowd during the march': when only
    the state's police or soldiers act and the act is not a clash, the force is theirs alone, which
    ACLED codes as force against the protest (Protests), not as the demonstrators rioting. Only
    head nouns of the state's own forces count: 'pro-X forces stormed' may be anyone's."""
    if two_sided(frame, onto) or not frame.sources or frame.mode == "territory":
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
