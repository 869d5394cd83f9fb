"""Refining a frame's type by who acts on whom and with what, as ACLED's codebook sets it apart.

ASSAULT becomes FIGHT when both sides are armed, crowds' violence becomes rioting, a weapon named
in the clause sets the mode. `refine_type` decides in the order the codebook's distinctions
nest, asking the rules of each concern: the weapon (`weapon_modes`), whether the sides are armed
(`battle_sides`), whether a crowd riots (`riots`). The codes of the refined frame (ACLED pair,
CAMEO code, confidence) are `event_codes`; what the events of one line settle together (a
protest's sub-event, an attack's parts) is `incident_rows`.
"""

from __future__ import annotations

from strife.extract.events.battle_sides import (
    communal_attack_kills,
    communal_clash,
    community_militia_kills,
    defenders_who_killed,
    explosives_with_gunfire,
    fended_off,
    gun_fight,
    held_captive,
    household_attacked,
    off_duty,
    no_longer_serving,
    only_civilians_hit,
    pronoun_victim_side,
    telegraphic_passive,
    two_sided,
    within_a_fight,
)
from strife.extract.events.crowd_voice import crowd_voice
from strife.extract.events.frame import Frame
from strife.extract.events.riots import (
    bomb_thrown_at_passengers,
    clash_of_plain_groups,
    clash_over_a_dispute,
    clash_with_police_at_a_protest,
    crowd_source,
    demonstration_context,
    lone_doer,
    makeshift_bombing,
    organised,
    stoned_by_unknown,
    stoned_vehicles,
    unarmed_side_of_a_clash,
    violent_protest,
)
from strife.extract.events.sides import (
    ARMED,
    held_side,
    military_installation,
    side_of,
    told_armed_afterwards,
)
from strife.extract.events.tables import coding_set
from strife.extract.events.weapon_modes import air_force_offensive, mixed_weapons, suicide_bomber, weapon_mode
from strife.extract.events.weapons import chemical_weapon, explosion_device
from strife.model import Actor
from strife.ontology import Ontology
from strife.ontology.families import VIOLENCE


def refine_type(frame: Frame, source_actors: list[Actor], target_actors: list[Actor], onto: Ontology) -> None:
    """ASSAULT when civilians are the target, FIGHT when both sides are armed, riots when
    protesters fight."""
    if frame.trigger.entry.frame == "displacement":
        return  # the type is its cause's; who fled does not make it a riot or an attack
    if frame.plover == "PROTEST" and frame.mode not in ("riot", "mob") and violent_protest(frame, onto):
        frame.mode = "riot"
        return
    if frame.plover in coding_set("property_types") and crowd_source(frame, source_actors, onto):
        # Residents vandalising a police station, workers setting tyres on fire: rioting (ACLED).
        frame.plover, frame.mode = "PROTEST", "riot" if demonstration_context(frame.trigger.token, onto) else "mob"
        return
    if crowd_voice(frame, source_actors, onto):
        frame.plover, frame.mode = "PROTEST", "demo"
        return
    if frame.plover not in VIOLENCE:
        return
    suicide_bomber(frame, onto)
    weapon_mode(frame, onto)
    air_force_offensive(frame, onto)
    explosion_device(frame, onto)
    chemical_weapon(frame, onto)
    source_side = side_of(frame.sources, source_actors, onto)
    if source_side != "protester" and bomb_thrown_at_passengers(frame, onto):
        frame.plover, frame.mode = "ASSAULT", None  # an attack on the people inside: no remote mode, so the type's own ACLED pair
        return
    if makeshift_bombing(frame, source_side, onto):
        frame.plover, frame.mode = "PROTEST", "riot" if demonstration_context(frame.trigger.token, onto) else "mob"
        return
    attacked = not fended_off(frame, onto)
    target_side = side_of(frame.targets, target_actors, onto, attacked=attacked) or side_of(frame.victims, [], onto)
    if frame.inherited is not None and source_side is None:
        source_side = side_of(frame.inherited.sources, [], onto)
    remote = frame.mode in coding_set("remote_modes")
    direct_target = side_of(frame.targets, target_actors, onto, attacked=attacked)
    objects = frame.targets or [c for c in frame.trigger.token.children if c.dep_ == "dobj"]
    if direct_target == "civilian" and told_armed_afterwards(frame.targets, frame.sources, onto):
        direct_target = target_side = "nonstate"  # 'The victim was a member of a local gang.'
    if direct_target == "state" and attacked and (off_duty(frame, onto) or household_attacked(frame, onto)):
        direct_target = target_side = "civilian"  # 'shot a police officer who was off duty at his home'
    if direct_target in ARMED and attacked and held_captive(frame.targets, onto):
        direct_target = target_side = "civilian"  # 'soldiers executed two captured militants'
    if direct_target == "state" and attacked and no_longer_serving(frame.targets, onto):
        direct_target = target_side = "civilian"  # 'gunmen killed a retired soldier on his farm'
    if direct_target is None and target_side is None and military_installation(objects, onto):
        direct_target = target_side = "state"  # 'attacked a checkpoint': only an armed force keeps one
    if direct_target is None and target_side is None and not objects and (told := pronoun_victim_side(frame, onto)):
        direct_target = target_side = told  # 'the body of a policeman was found; he had been shot by gunmen'
    if direct_target is None and target_side is None and (held := _held_by_a_force(objects, onto)):
        direct_target = target_side = held  # 'attacked the village defended by local militia': its defenders
    if communal_clash(frame, onto) and "state" not in (source_side, direct_target):
        source_side = direct_target = target_side = "nonstate"
    if gun_fight(frame, onto) and "civilian" in (source_side, direct_target) and ARMED & {source_side, direct_target}:
        # 'a leader of an outlawed party was killed in a gunfight with police': both sides fired
        source_side = "nonstate" if source_side == "civilian" else source_side
        direct_target = target_side = "nonstate" if direct_target == "civilian" else direct_target
    if source_side == "civilian" and direct_target != "state" and defenders_who_killed(frame, onto):
        source_side = "nonstate"  # 'villagers repelled an attack by cattle raiders, killing 3 raiders'
        direct_target = target_side = "nonstate" if direct_target in (None, "civilian") else direct_target
    if source_side == "civilian" and direct_target == "nonstate" and community_militia_kills(frame, onto):
        source_side = "nonstate"  # 'youths from the Dima community attacked a militia camp, killing two'
    if source_side == "civilian" and direct_target in (None, "civilian") and communal_attack_kills(frame, onto):
        source_side = "nonstate"  # 'herders attacked farmers, killing 3': an identity militia's attack
    if telegraphic_passive(frame.trigger.token, onto):
        # 'At least three soldiers killed and one injured': the subject is who was killed
        # (the roles stage may already have made it the target)
        source_side = None
        direct_target = side_of(frame.sources, source_actors, onto, attacked=True) or direct_target
        target_side = direct_target
    rioting = source_side == "civilian" and not remote and (
        frame.plover == "FIGHT" or direct_target in ARMED or not organised(source_actors, onto))
    rioting = rioting or unarmed_side_of_a_clash(frame, source_side, direct_target, target_actors, onto)
    rioting = rioting or clash_with_police_at_a_protest(frame, source_actors + target_actors, onto)
    rioting = rioting or clash_over_a_dispute(frame, source_side, direct_target, onto)
    rioting = rioting or clash_of_plain_groups(frame, source_side, direct_target, source_actors + target_actors, onto)
    rioting = rioting or (not remote and direct_target in ARMED and stoned_by_unknown(frame, onto))
    rioting = rioting or (not remote and stoned_vehicles(frame, onto))
    if rioting and source_side == "civilian" and frame.plover == "ASSAULT" and direct_target not in ARMED and lone_doer(frame, onto):
        rioting = False  # 'beaten to death by a party activist': one person's attack, no mob (ACLED Riots are group acts)
    if source_side == "protester" or rioting:
        # Crowds, residents, party supporters clashing with each other or with the police, or
        # beating up a suspected thief: rioting, never a battle nor violence against civilians,
        # which ACLED keeps for organised armed perpetrators (ACLED Riots).
        frame.plover, frame.mode = "PROTEST", "riot" if demonstration_context(frame.trigger.token, onto) else "mob"
        return
    mixed_weapons(frame, onto)
    if frame.plover == "ASSAULT" and frame.mode not in coding_set("remote_modes") and within_a_fight(frame.trigger.token, onto):
        frame.plover = "FIGHT"
        frame.mode = frame.mode if frame.mode in onto.plover("FIGHT").modes else None
        return
    armed_target = direct_target in ARMED or (frame.plover == "ASSAULT" and target_side in ARMED)
    fight_mode = frame.mode is None or frame.mode in onto.plover("FIGHT").modes or not (remote or frame.mode in coding_set("one_sided_modes"))
    if source_side in (ARMED | {None}) and armed_target and explosives_with_gunfire(frame, onto):
        frame.plover, frame.mode = "FIGHT", "firearms"  # 'attacked the police post with IEDs and gunfire'
    elif source_side in (ARMED | {None}) and frame.plover == "ASSAULT" and not armed_target and explosives_with_gunfire(frame, onto):
        frame.mode = "firearms"  # 'attacked the house with guns and grenades, killing two': an attack in person on civilians
    elif source_side in (ARMED | {None}) and armed_target and fight_mode:
        # Whoever kills soldiers or militants is armed: ACLED codes it as a battle, not violence
        # against civilians, even when the attacker is unnamed.
        frame.plover = "FIGHT"
    elif ((direct_target in ("civilian", "protester") or (direct_target is None and only_civilians_hit(frame, onto)))
          and frame.plover == "FIGHT" and frame.mode != "territory" and not two_sided(frame, onto)):
        frame.plover = "ASSAULT"  # 'ambushed a vehicle and killed 3 passengers': those hit were unarmed
    if frame.mode and frame.mode not in onto.plover(frame.plover).modes:
        frame.mode = None if frame.mode not in coding_set("remote_modes") else ("artillery" if frame.mode != "aerial" else "aerial")
        if frame.mode not in onto.plover(frame.plover).modes:
            frame.mode = None




def _held_by_a_force(objects: list, onto: Ontology) -> str | None:
    """The armed side that holds the place attacked ('a village defended by local militia', 'a mine
    guarded by soldiers'), whom the attackers meet: None when no armed holder is told."""
    for place in objects:
        side = held_side(place, onto)
        if side in ARMED:
            return side
    return None
