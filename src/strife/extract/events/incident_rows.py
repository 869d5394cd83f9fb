"""One ACLED row per incident: what the events told in one line of text settle together.

ACLED codes an incident once, by its gravest act, while the event stage codes each clause on its
own. Once every event of a document is coded, the events of a line are read together: protesters
rioting make the protest a violent demonstration, police dispersing it a protest with
intervention, an attack fought back an armed clash, an arrest or a burning told within an attack
that attack's part (no row of its own), a device that failed to go off a disrupted weapons use.
Kept apart from `coding`, which codes one frame at a time.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from strife.extract import clause_verb, doc_lowers, doc_text, line_of
from strife.extract.events.battle_sides import two_sided
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import describes_object_of
from strife.extract.events.riots import bombed_gathering
from strife.extract.events.sides import armed_state_sectors, sectors_of, side_of
from strife.extract.events.tables import coding_set, note_heading
from strife.extract.events.triggers import word_keys
from strife.extract.events.weapons import names_any as _names_any
from strife.model import Actor, Event
from strife.ontology import Ontology

SHELLING = "Shelling/artillery/missile attack"  # ACLED's sub-event of heavy fire from afar


def adjust_acled_within_lines(frames: list[Frame], events: list[Event], onto: Optional[Ontology] = None) -> None:
    """ACLED codes one row per incident, so what happens around a protest in the same line
    decides its sub-event: protesters rioting make it a violent demonstration, the police
    dispersing or arresting them a protest with intervention. Arrests told alongside violence or a
    protest are part of that incident, not a strategic development of their own (the PLOVER
    COERCE/arrest event is kept; only its ACLED type is cleared)."""
    if onto is not None:
        _explosives_that_failed(frames, events, onto)
        _explosives_made_safe(frames, events, onto)
    groups: dict[int, list[tuple[Frame, Event]]] = {}
    for frame, event in zip(frames, events):
        if not (event.negated or event.hypothetical) or frame.attempted:  # an attempted arrest still intervenes
            groups.setdefault(line_of(frame.trigger.token).start, []).append((frame, event))
    fight_back = onto.words("fight_back_words") if onto is not None else frozenset()
    for members in groups.values():
        line = line_of(members[0][0].trigger.token)
        line_text = " ".join(doc_lowers(line.doc)[line.start : line.end])  # read once per Doc, not per token
        if (fight_back and _names_any(line_text, fight_back)) or _forces_fired_on(members):
            _attacks_fought_back(members)
        elif onto is not None:
            _casualties_of_a_clash(members, onto)
        if onto is not None:
            _attacks_on_armed_holders(members, onto)
            _ambushes_that_hit_civilians(members, onto)
            _remote_parts_of_a_clash(members, onto)
            _explosives_then_gunfire(members)
            _explosions_counted_with_shots(members, onto)
        _clash_of_a_crowd(members)
        if onto is not None:
            _gatherings_bombed(members, onto)
        # a grievance or a participant's description ('protested against ... targeting civilians')
        # is not part of the incident: it neither makes the protest violent nor takes away an arrest's row
        charged = _protests_charged(members, onto) if onto is not None else []
        incident = [(f, e) for f, e in members if not f.background and not any(e is c for c in charged)]
        if onto is not None:
            _raids_that_only_arrested(incident, onto)
        incident_types = {e.acled_event_type for _, e in incident} & coding_set("incident_acled_types")
        incident_types |= {e.mode for _, e in incident if e.event_type == "COERCE"} & coding_set("operation_modes")
        rioting = any(e.acled_event_type == "Riots" or (e.event_type == "COERCE" and e.mode == "destroy") for _, e in incident)
        if onto is not None:
            _raids_that_only_took(incident, onto)
            _fire_that_was_intercepted(members, onto)
        _parts_of_an_attack(incident, members)
        _headed_line(members)
        for frame, event in members:
            if event.acled_sub_event_type == "Arrests" and incident_types:
                event.acled_event_type = event.acled_sub_event_type = None
            elif event.event_type == "MOBILIZE" and incident_types & coding_set("crowd_acled_types"):
                event.acled_event_type = event.acled_sub_event_type = None  # forces deployed at a protest: its response
            elif event.acled_sub_event_type in ("Peaceful protest", "Protest with intervention") and rioting:
                # the protesters rioted: the police's tear gas at them is the riot's response, one row (Riots)
                event.acled_event_type, event.acled_sub_event_type = "Riots", "Violent demonstration"
            elif event.acled_sub_event_type == "Peaceful protest" and (force := [  # the force decides the one row
                    e for _, e in incident if e.acled_sub_event_type == "Excessive force against protesters"]):
                event.acled_sub_event_type = "Excessive force against protesters"
                event.target += [a for e in force for a in e.source if a not in event.target]
            elif event.acled_sub_event_type == "Peaceful protest" and (force := [  # 'police fired tear gas to disperse traders protesting'
                    e for _, e in incident if e is not event and e.acled_sub_event_type == "Protest with intervention"]):
                event.acled_sub_event_type = "Protest with intervention"  # the force's row: the same incident
            elif event.acled_sub_event_type == "Peaceful protest" and (_intervened(frame, members, onto) or _force_told_after(frame, onto)):
                event.acled_sub_event_type = "Protest with intervention"
                event.target += [a for a in _intervening_forces(frame, members, onto) if a not in event.target]


def _gatherings_bombed(members: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'Four were injured as members of the Sabuj Dal exploded a crude bomb amongst a protest rally of the
    Lok Morcha': the rally is where the attack struck, its target (riots.bombed_gathering), not an
    event of its own the line reports; the attack on the people gathered is the line's one row
    (ACLED Violence against civilians), so the gathering's protest keeps no ACLED row."""
    attacks = [f for f, e in members if e.acled_event_type == "Violence against civilians" and f.mode in ("grenade", "IED", None)
               and f.trigger.token.pos_ == "VERB" and bombed_gathering(f.trigger.token, onto)]
    if not attacks:
        return
    for frame, event in members:
        token = frame.trigger.token
        if event.event_type == "PROTEST" and token.dep_ == "pobj" and any(
                token.head.head.i == f.trigger.token.i or token.head.head.head.i == f.trigger.token.i for f in attacks):
            event.acled_event_type = event.acled_sub_event_type = None


def _protests_charged(members: list[tuple[Frame, Event]], onto: Ontology) -> list[Event]:
    """'police arrested the leader for inciting protests last month', 'detained three students for
    organising a protest': a protest told as what an arrest's 'for' phrase charges (a verb of
    bringing it about, roles.yaml instigating_verbs) is the arrest's reason, no ACLED row of its own
    nor part of the arrest's incident: the arrest is the line's event (Strategic developments)."""
    arrests = {f.trigger.token.i for f, e in members if e.event_type == "COERCE" and e.mode == "arrest"
               and f.trigger.token.pos_ == "VERB"}
    charged = []
    for frame, event in members:
        if event.event_type != "PROTEST":
            continue
        token = frame.trigger.token
        gerund = token.head if token.dep_ == "dobj" else None
        if gerund is None or gerund.dep_ != "pcomp" or not word_keys(gerund) & onto.words("instigating_verbs"):
            continue
        prep = gerund.head
        if prep.lower_ == "for" and prep.head.i in arrests:
            event.acled_event_type = event.acled_sub_event_type = None
            charged.append(event)
    return charged


def _explosives_that_failed(frames: list[Frame], events: list[Event], onto: Ontology) -> None:
    """'lobbed a grenade at them, however the grenade did not explode', 'a bomb thrown at the
    station failed to go off': an explosive attack whose device did not explode is a disrupted
    weapons use (ACLED Strategic developments), not an explosion. The line's throwing or planting
    takes that type; told alone, the failed explosion is the event that happened."""
    failed_lines = {line_of(f.trigger.token).start: (f, e) for f, e in zip(frames, events)
                    if e.negated and f.mode in coding_set("remote_modes") and _failed_to_go_off(f.trigger.token, onto)}
    for start, (failed_frame, failed) in failed_lines.items():
        attacks = [e for f, e in zip(frames, events) if line_of(f.trigger.token).start == start and f is not failed_frame
                   and not (e.negated or e.hypothetical) and e.acled_event_type == "Explosions/Remote violence"]
        for event in attacks or [failed]:
            event.acled_event_type, event.acled_sub_event_type = "Strategic developments", "Disrupted weapons use"
            event.negated = False


def _explosives_made_safe(frames: list[Frame], events: list[Event], onto: Ontology) -> None:
    """'militants planted an IED near the bridge but police defused it', 'recovered a roadside bomb
    and detonated it safely', 'a controlled detonation of unexploded ordnance': a device planted and
    then defused in the same line, or set off by those who made it safe, is a disrupted weapons use
    (ACLED Strategic developments), not an explosion. The planting takes the defusing's type; a
    detonation told 'safely' or 'controlled' (roles.yaml safe_detonation_words) is the disposal."""
    safe = onto.words("safe_detonation_words")
    placing = onto.words("device_placing_verbs")
    defused = {line_of(f.trigger.token).start for f, e in zip(frames, events) if not (e.negated or e.hypothetical)
               and e.acled_sub_event_type == "Disrupted weapons use"}
    for frame, event in zip(frames, events):
        if event.acled_event_type != "Explosions/Remote violence" or event.mode != "IED":
            continue
        token = frame.trigger.token
        planted = word_keys(token) & placing and line_of(token).start in defused
        if planted or any(c.lower_ in safe for c in token.children if c.dep_ in ("advmod", "amod")):
            event.event_type, event.mode, event.cameo_root, event.cameo_code = "COERCE", "disrupt", "17", "17"
            event.acled_event_type, event.acled_sub_event_type = "Strategic developments", "Disrupted weapons use"


def _failed_to_go_off(token: Token, onto: Ontology) -> bool:
    """A verb of detonating negated by 'not' or 'failed to' (a denial, 'denied detonating', is no failure)."""
    if not word_keys(token) & onto.words("detonation_verbs"):
        return False
    return any(c.dep_ == "neg" for c in token.children) or (token.dep_ == "xcomp" and token.head.lemma_.lower() == "fail")


def _headed_line(members: list[tuple[Frame, Event]]) -> None:
    """ACLED notes may open with the kind of their event ('Movement of forces: ... brought in
    reinforcements, likely in connection to the ongoing clashes'): when an act of that kind is told,
    it is the line's row, and the others (the clashes) are its context, with no ACLED row; when
    none is, the line's first act is the row the heading names (a heading of a crowd's violence
    names only the doer a doerless attack leaves out)."""
    line = line_of(members[0][0].trigger.token)
    named = note_heading(doc_text(line.doc)[line.start_char:line.end_char])
    if named is None:
        return
    if named[0] == "Riots":
        _crowd_of_the_heading(members, named)
        if not any((e.acled_event_type, e.acled_sub_event_type) == named for _, e in members):
            return
    elif not any((e.acled_event_type, e.acled_sub_event_type) == named for _, e in members):
        # 'Security measures: ... closed all entrances. This followed a deadly explosion the day
        # prior': the coder's heading names the row, so the line's first act told is its act
        first = min(members, key=lambda m: m[0].trigger.token.i)[1]
        first.acled_event_type, first.acled_sub_event_type = named
    for _, event in members:
        if event.acled_event_type and (event.acled_event_type, event.acled_sub_event_type) != named:
            event.acled_event_type = event.acled_sub_event_type = None


def _crowd_of_the_heading(members: list[tuple[Frame, Event]], named: tuple[str, str]) -> None:
    """'Mob justice: 1 suspected thief killed in ...': a heading that names a crowd's violence
    names the doer the verbless passive after it leaves out; an attack on a person told with no
    doer of its own is the crowd's, a riot (ACLED codes mob justice as mob violence)."""
    for frame, event in members:
        if (event.acled_event_type, event.acled_sub_event_type) == ("Violence against civilians", "Attack") and not frame.sources:
            event.acled_event_type, event.acled_sub_event_type = named


def _raids_that_only_took(incident: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'Gunmen raided the village and looted shops', 'a raid in which cattle were stolen and nobody
    was hurt': a raid (a forcible entry, roles.yaml raid_lemmas) whose sentence tells property taken
    or destroyed (a verb whose lexicon row is Looting/property destruction, even where the parse
    left it no event of its own: 'looted' read as a modifier) and no one harmed is ACLED's
    Looting/property destruction: its codebook keeps that sub-event for property taken or destroyed
    with no violence against people reported. Any other act of violence in the line, or a verb of
    killing or wounding not denied ('nobody was hurt' is), leaves the raid an attack or a battle."""
    raids = onto.words("raid_lemmas")
    violent = [(f, e) for f, e in incident if e.acled_event_type in _VIOLENT_TYPES and not _denied(f.trigger.token)]
    raid_rows = [(f, e) for f, e in violent if f.trigger.token.lemma_.lower() in raids
                 and (e.acled_event_type, e.acled_sub_event_type) == ("Violence against civilians", "Attack")]
    if not raid_rows or len(raid_rows) != len(violent):
        return
    sentences = {f.trigger.token.sent for f, _ in raid_rows}
    kinds = [_property_or_harm(token, onto) for sent in sentences for token in sent]
    if "harm" in kinds or "property" not in kinds:
        return
    for _, event in raid_rows:
        event.acled_event_type, event.acled_sub_event_type = "Strategic developments", "Looting/property destruction"


def _raids_that_only_arrested(incident: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'Police raided homes in X, arresting 30 young men': a raid by the state's armed forces whose
    sentence tells arrests and no one harmed is the search that made the arrests, ACLED's Arrests
    (its codebook: arrests by state forces are strategic developments), not an attack on civilians;
    a raid that killed or wounded stays the attack, and an armed group's raid stays its own."""
    raids = onto.words("raid_lemmas")
    violent = [(f, e) for f, e in incident if e.acled_event_type in _VIOLENT_TYPES and not _denied(f.trigger.token)]
    raid_rows = [(f, e) for f, e in violent if f.trigger.token.lemma_.lower() in raids
                 and (e.acled_event_type, e.acled_sub_event_type) == ("Violence against civilians", "Attack")
                 and e.source and all((a.sector or "").lower() in armed_state_sectors() for a in e.source)]
    if not raid_rows or len(raid_rows) != len(violent):
        return
    sentences = {f.trigger.token.sent for f, _ in raid_rows}
    if not any(f.plover == "COERCE" and f.mode == "arrest" and f.trigger.token.sent in sentences for f, _ in incident):
        return
    if any(_property_or_harm(token, onto) == "harm" for sent in sentences for token in sent):
        return
    for _, event in raid_rows:
        event.acled_event_type, event.acled_sub_event_type = "Strategic developments", "Arrests"


def _fire_that_was_intercepted(members: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'Air defences intercepted a missile fired at the town': ACLED codes a missile, rocket or
    drone intercepted in the air as Disrupted weapons use (its codebook: an explosion prevented from
    occurring), so the firing told of the intercepted projectile (a reduced relative on it, 'fired
    at', 'launched at') is part of that row, no shelling of its own; other fire in the sentence stays.
    When the sentence tells someone killed or wounded ('debris killed two people'), the weapon did
    its harm: the firing keeps its row."""
    interceptions = [f for f, e in members if not f.background and e.acled_sub_event_type == "Disrupted weapons use"
                     and f.trigger.token.lemma_.lower() in onto.words("interception_verbs")]
    if not interceptions:
        return
    sentences = {f.trigger.token.sent for f in interceptions}
    if any(_property_or_harm(token, onto) == "harm" for sent in sentences for token in sent):
        return
    told_of = {t.i for f in interceptions for c in f.trigger.token.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
    for frame, event in members:  # a reduced relative on the projectile is told as its description
        if event.acled_event_type == "Explosions/Remote violence" and frame.trigger.token.i in told_of:
            event.acled_event_type = event.acled_sub_event_type = None  # the interception's part


_VIOLENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence", "Riots"})
_NO_ONE = frozenset({"nobody", "none", "noone"})


def _denied(token: Token) -> bool:
    """'nobody was hurt', 'no one was injured', 'was not harmed': a verb whose subject is no one or
    that is negated tells that the act did not happen."""
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NO_ONE or any(d.lower_ == "no" for d in c.children))
        for c in token.children)


def _property_or_harm(token: Token, onto: Ontology) -> str:
    """'property' for a verb whose lexicon rows take or destroy property ('looted', 'stolen',
    'burned'), 'harm' for a verb of killing or wounding that is not denied ('killed', 'injuring';
    not 'nobody was hurt', 'no one was injured'), '' otherwise."""
    if not token.tag_.startswith("VB"):
        return ""
    entries = [e for key in word_keys(token) for e in onto.index.get(key, ()) if e.pos == "VERB"]
    if any(e.frame in ("consequence", "result") for e in entries):
        return "" if _denied(token) else "harm"
    if any(e.acled_sub_event_type == "Looting/property destruction" for e in entries):
        return "property"
    return ""


def _parts_of_an_attack(incident: list[tuple[Frame, Event]], members: list[tuple[Frame, Event]]) -> None:
    """ACLED codes one row per incident by its gravest act: 'gunmen attacked the village, killed a
    resident and abducted two others' is an attack, not an abduction; 'attacked the village and
    burned down huts' is the attack, the burning no looting/property destruction row of its own
    (ACLED keeps that sub-event for destruction with no violence against people); 'After a heavy fight ...
    the militants retreated' is the battle, the withdrawal no strategic development of its own."""
    kinds = {(e.acled_event_type, e.acled_sub_event_type) for _, e in incident}
    battle = any(kind == "Battles" for kind, _ in kinds)
    attacks = {f.trigger.token.sent.start for f, e in incident
               if e.acled_event_type == "Battles" or (e.acled_event_type, e.acled_sub_event_type) == ("Violence against civilians", "Attack")}
    for frame, event in members:
        attack = frame.trigger.token.sent.start in attacks
        if event.acled_sub_event_type == "Abduction/forced disappearance" and ("Violence against civilians", "Attack") in kinds:
            event.acled_sub_event_type = "Attack"
        elif attack and event.acled_sub_event_type == "Looting/property destruction":
            event.acled_event_type = event.acled_sub_event_type = None  # 'attacked and looted the office': the attack's part
        elif battle and event.event_type == "RETREAT" and event.mode in coding_set("battle_part_modes"):
            event.acled_event_type = event.acled_sub_event_type = None


def _attacks_fought_back(members: list[tuple[Frame, Event]]) -> None:
    """'Gunmen attacked a convoy ... Soldiers guarding it returned fire': when the line tells that
    the attacked side fought back, the attack is an armed clash between two sides (ACLED Battles),
    as is the fire exchanged; abductions and other one-sided acts stay what they are. Shelling
    answered in kind ('fired mortars at the positions of ... shells landed in both directions',
    'prompting the army to retaliate') is an exchange of heavy fire, an armed clash too, and so is
    a grenade attack whose target fired back ('attacked the police station with grenades; police
    returned fire'): ACLED keeps Explosions/Remote violence for explosive attacks the target cannot
    answer. Air strikes and bombs stay remote violence."""
    for _, event in members:
        if event.acled_event_type == "Violence against civilians" and event.acled_sub_event_type == "Attack":
            event.event_type = "FIGHT"
            event.acled_event_type, event.acled_sub_event_type = "Battles", "Armed clash"
        elif event.acled_sub_event_type in (SHELLING, "Grenade"):
            event.event_type, event.mode, event.cameo_root, event.cameo_code = "FIGHT", "heavy-weapons", "19", "194"
            event.acled_event_type, event.acled_sub_event_type = "Battles", "Armed clash"


def _remote_parts_of_a_clash(members: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'Clashes broke out between the army and the rebels ... The air force also struck their
    positions', 'heavy fighting, with both sides shelling each other's positions': ACLED records
    remote violence that occurs during an ongoing battle as part of the battle (Battles, Armed
    clash), not as an explosion of its own. A line that tells a clash (a two-sided word: clash,
    fighting, firefight, exchange) makes its explosions of the modes in `clash_part_modes` the
    clash's row; a line with only one side's fire keeps them remote violence. A shell its own
    clause places inside the clash ('during fighting in the town, a mortar shell hit a house', 'a
    firefight in which mortars were fired') is the clash's too (`clash_inner_modes`), though a
    shelling merely told beside a clash keeps its type."""
    two_sided = onto.words("two_sided_lemmas")
    parts, within = coding_set("clash_part_modes"), coding_set("clash_inner_modes")
    told_clash = any((not f.background or _told_as_what_followed(f.trigger.token)) and e.acled_event_type == "Battles"
                     and _clash_word(f.trigger.token, two_sided) for f, e in members)
    for frame, event in members:
        inside = frame.background and _told_within_a_clash(frame.trigger.token, two_sided)
        if (not frame.background or inside) and event.acled_event_type == "Explosions/Remote violence" and (
                (event.mode in parts and told_clash)
                or (event.mode in within and (inside or _during_a_clash(frame.trigger.token, onto)))):
            event.acled_event_type, event.acled_sub_event_type = "Battles", "Armed clash"


def _clash_word(token: Token, two_sided: frozenset[str]) -> bool:
    """Whether the trigger tells a clash by a two-sided word: its own ('clashes', 'fighting'), the
    noun whose 'of' phrase it is ('an exchange of fire'), or the noun of its 'in' phrase ('engaged
    in a firefight'): the light verb or the object noun carries the event, the two-sided word
    says both sides fired."""
    if token.lemma_.lower() in two_sided:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in two_sided:
        return True
    return any(p.dep_ == "prep" and p.lower_ == "in" and any(o.dep_ == "pobj" and o.lemma_.lower() in two_sided for o in p.children)
               for p in token.children)


def _explosives_then_gunfire(members: list[tuple[Frame, Event]]) -> None:
    """'An IED hit a police vehicle; 4 policemen were shot dead', 'an IED targeted a military
    vehicle, and gunmen then opened fire': a bomb or a grenade set off against an armed side, in a
    line that also tells gunfire, opened an ambush fought with small arms. ACLED codes a remote
    explosive followed by an armed engagement as the battle (Armed clash), as it does explosives
    and gunfire told in one clause (`battle_sides.explosives_with_gunfire`); a bomb alone, or one
    aimed at civilians, stays remote violence."""
    armed = sectors_of("state_force") | sectors_of("nonstate_force")

    def sectors(actors: list[Actor]) -> set[str]:
        return {(a.sector or "").lower() for a in actors}

    def on_the_armed_side(event: Event) -> bool:
        """The fire hits an armed side ('4 policemen were shot dead'), or is a non-state hand's fire
        at no one named ('gunmen then opened fire'); fire at the bomber is the answer, not the ambush."""
        if event.target:
            return bool(sectors(event.target) & armed)
        return bool(event.source) and not sectors(event.source) & sectors_of("state_force")

    gunfire = [f for f, e in members if e.mode == "firearms" and not (e.negated or e.hypothetical)
               and e.acled_event_type in ("Battles", "Violence against civilians") and on_the_armed_side(e)]
    if not gunfire:
        return
    for frame, event in members:
        if frame.background or event.acled_event_type != "Explosions/Remote violence" or event.mode not in ("IED", "grenade"):
            continue
        if sectors(event.target) & armed and any(f is not frame for f in gunfire):
            event.event_type, event.mode, event.cameo_root, event.cameo_code = "FIGHT", "firearms", "19", "193"
            event.acled_event_type, event.acled_sub_event_type = "Battles", "Armed clash"


def _told_as_what_followed(token: Token) -> bool:
    """'an IED struck a convoy, followed by an exchange of fire': the act lies in the agent phrase of
    a 'followed by' participle. The parser hangs the participle on a noun, which makes the act read
    as that noun's description (background); it tells the next act of the incident."""
    return any(a.dep_ == "agent" and a.head.lemma_.lower() == "follow" for a in token.ancestors)


def _told_within_a_clash(token: Token, two_sided: frozenset[str]) -> bool:
    """'engaged in a firefight in which a grenade was thrown': the act lies in a relative clause on
    a two-sided noun, which tells what happened within the clash."""
    clause = next((a for a in [token, *token.ancestors] if a.dep_ == "relcl"), None)
    return clause is not None and clause.head.lemma_.lower() in two_sided


def _during_a_clash(token: Token, onto: Ontology) -> bool:
    """'drones struck the militants during clashes with the army', 'air strikes amid heavy fighting':
    a strike its own clause places inside a clash (a 'during'/'amid' phrase on a two-sided word,
    roles.yaml clash_time_preps) supports the fighting; ACLED records it as the battle."""
    verb = clause_verb(token) or token
    preps = onto.words("clash_time_preps")
    two_sided = onto.words("two_sided_lemmas")
    return any(p.dep_ == "prep" and p.lower_ in preps and any(o.dep_ == "pobj" and o.lemma_.lower() in two_sided for o in p.children)
               for head in {verb, token} for p in head.children)


def _explosions_counted_with_shots(members: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'observed a total of 9 explosions/shots', '4 explosions and 2 shots': a monitor's count that
    joins explosions (or projectiles) to shots tells heavy fire from unknown hands, coded by ACLED as
    the explosions' shelling; shots counted alone stay an exchange of fire (Armed clash)."""
    heavy = onto.words("explosion_nouns") | {"projectile"}
    counted = onto.words("observed_fire_nouns")
    explosions = {f.trigger.token.i: e for f, e in members if e.acled_event_type == "Explosions/Remote violence"
                  and f.trigger.token.lemma_.lower() in heavy}
    if not explosions:
        return
    for frame, event in members:
        token = frame.trigger.token
        if event.acled_event_type != "Battles" or token.lemma_.lower() not in counted:
            continue
        joined = {c.i for c in token.children if c.dep_ in ("nmod", "compound", "conj", "appos")} | {c.i for c in token.conjuncts}
        if token.dep_ in ("nmod", "compound", "conj", "appos"):
            joined.add(token.head.i)
        explosion = next((explosions[i] for i in joined if i in explosions), None)
        if explosion is not None:
            event.acled_event_type, event.acled_sub_event_type = explosion.acled_event_type, explosion.acled_sub_event_type


def _clash_of_a_crowd(members: list[tuple[Frame, Event]]) -> None:
    """'Around 200, including some soldiers, clashed with each other and pelted stones': a clash
    that names no armed side, told in a line whose violence is a crowd's (stones thrown, a riot), is
    that riot (ACLED Riots), not an armed clash between organised groups."""
    riot = next((e for _, e in members if e.acled_event_type == "Riots"), None)
    if riot is None:
        return
    armed = sectors_of("state_force") | sectors_of("nonstate_force")
    for _, event in members:
        sides = {(a.sector or "").lower() for a in event.source + event.target}
        if (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash") and not sides & armed:
            event.event_type, event.mode, event.cameo_root, event.cameo_code = "PROTEST", riot.mode, riot.cameo_root, riot.cameo_code
            event.acled_event_type, event.acled_sub_event_type = riot.acled_event_type, riot.acled_sub_event_type


def _forces_fired_on(members: list[tuple[Frame, Event]]) -> bool:
    """'A teenager was killed by the police. According to the police, he shot at the officers':
    a line in which state forces attack someone and state forces are themselves attacked by an
    unnamed or non-state hand tells a two-sided fight, which ACLED codes as an armed clash
    (Battles), not as violence against civilians."""
    state = armed_state_sectors()

    def sectors(actors: list[Actor]) -> set[str]:
        return {(a.sector or "").lower() for a in actors}

    forces_attack = any(e.acled_event_type == "Violence against civilians" and e.acled_sub_event_type == "Attack"
                        and sectors(e.source) & state for _, e in members)
    forces_attacked = any(e.acled_event_type == "Battles" and sectors(e.target) & state
                          and not sectors(e.source) & state for _, e in members)
    return forces_attack and forces_attacked


def _attacks_on_armed_holders(members: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'Armed men attacked a prison and freed inmates; 2 guards killed', 'bandits attacked a mine
    guarded by vigilantes; 3 vigilantes killed': an attack on a place whose words tell no side, told
    in a line whose toll (a casualty report with no attacker of its own) counts armed men among the
    dead, fell on the armed side holding the place. ACLED codes an attack on armed people as a
    battle (Armed clash), even when only one side fired, so the attack takes the toll's type. The
    toll is told after the attack, in its sentence or the next: an earlier report is another act."""
    tolls = [f.trigger.token for f, e in members
             if e.acled_event_type == "Battles" and f.trigger.entry.frame == "consequence" and not f.sources]
    for frame, event in members:
        token = frame.trigger.token
        if ((event.acled_event_type, event.acled_sub_event_type) == ("Violence against civilians", "Attack")
                and frame.sources and frame.targets and not frame.victims and not frame.background
                and any(_told_right_after(token, toll) for toll in tolls)
                and side_of(frame.targets, [], onto, attacked=True) is None):
            event.event_type, event.mode = "FIGHT", None
            event.acled_event_type, event.acled_sub_event_type = "Battles", "Armed clash"


def _ambushes_that_hit_civilians(members: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'Two teachers were killed when militants ambushed their vehicle': a one-sided attack (an
    ambush, not a clash) on something whose words tell no side, whose sentence counts only
    civilians among the dead (casualty reports with no attacker of their own), fell on unarmed
    people: ACLED's violence against civilians, as the ambush told with its victims is
    (`battle_sides.only_civilians_hit`). A toll of an armed side in the sentence leaves the battle,
    and so do the state's forces as the attackers: police who fire on robbers or meet dacoits in an
    encounter fight criminals the toll's words do not arm ('2 robbers killed')."""
    tolls = [(f, e) for f, e in members if f.trigger.entry.frame == "consequence" and not f.sources]
    for frame, event in members:
        sent = frame.trigger.token.sent.start
        told = [e for f, e in tolls if f.trigger.token.sent.start == sent]
        if not told or any(e.acled_event_type != "Violence against civilians" for e in told):
            continue
        if ((event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash") and frame.plover == "FIGHT"
                and frame.sources and frame.targets and not frame.victims and not two_sided(frame, onto)
                and side_of(frame.targets, [], onto, attacked=True) is None
                and side_of(frame.sources, [], onto) != "state"):
            event.event_type = "ASSAULT"
            event.acled_event_type, event.acled_sub_event_type = "Violence against civilians", "Attack"


def _told_right_after(act: Token, toll: Token) -> bool:
    """Whether the toll comes after the act, in its sentence or the one right after it."""
    return toll.i > act.i and (toll.sent.start == act.sent.start or toll.sent.start == act.sent.end)


def _casualties_of_a_clash(members: list[tuple[Frame, Event]], onto: Ontology) -> None:
    """'Security forces engaged in a firefight with three militants. All three were killed.', 'Two
    killed in clashes between rival supporters': in a line that tells a clash, a casualty report
    with no attacker of its own counts the clash's dead, so it is the clash's row (a battle, or
    mob violence when the clash is a riot), not an attack on civilians."""
    two_sided = onto.words("two_sided_lemmas")
    if not any(t.lemma_.lower() in two_sided for t in line_of(members[0][0].trigger.token)):
        return
    clash = _told_clash(members)
    if clash is None:
        return
    for frame, event in members:
        if (event.acled_event_type == "Violence against civilians" and event.acled_sub_event_type == "Attack"
                and frame.trigger.entry.frame == "consequence" and not frame.sources):
            event.event_type, event.mode = clash.event_type, clash.mode if clash.acled_event_type == "Riots" else event.mode
            event.acled_event_type, event.acled_sub_event_type = clash.acled_event_type, clash.acled_sub_event_type
            if clash.acled_event_type == "Battles":
                event.acled_sub_event_type = "Armed clash"


def _told_clash(members: list[tuple[Frame, Event]]) -> Optional[Event]:
    """The line's clash: a battle if one is told, else a riot (crowds clashing; a clash told as
    the setting of the deaths may read as background, and still counts), else none."""
    battle = next((e for f, e in members if not f.background and e.acled_event_type == "Battles"), None)
    return battle or next((e for _, e in members if e.acled_event_type == "Riots"), None)


def _intervened(protest: Frame, members: list[tuple[Frame, Event]], onto: Ontology | None = None) -> bool:
    """The protest is followed by an act of force against it ('were dispersed by police', 'arrested
    14 people'); an arrest the protest is *about* ('protested against the arrest of ...') comes
    before it or is a noun, and does not count; nor does one told as after the protest ('One person
    was arrested right after the protest': the protest had ended, nothing suppressed it)."""
    return bool(_interventions(protest, members, onto))


def _interventions(protest: Frame, members: list[tuple[Frame, Event]], onto: Ontology | None = None) -> list[Event]:
    """The acts of force against the protest (see `_intervened`): told after it, or told before it
    on those the protest's clause describes ('arrested 15 protesters who had gathered')."""
    protest_token = protest.trigger.token
    return [
        e for f, e in members
        if e.event_type == "COERCE" and e.mode in (None, "arrest") and f.trigger.token.pos_ == "VERB"
        and (f.trigger.token.i > protest_token.i or _describes_the_held(protest_token, f.trigger.token)
             or _during_the_protest(f.trigger.token, protest_token))
        and f.trigger.token.dep_ not in ("relcl", "acl") and not _singular_patient(f.trigger.token)
        and not (onto is not None and _after_the_protest(f.trigger.token, onto))
    ]


def _describes_the_held(protest: Token, verb: Token) -> bool:
    """'arrested 12 activists who were staging a dharna', 'detained 30 members of the party who were
    trying to march', 'detained dozens of teachers who tried to march': the clause that tells the
    protest describes the arrest's object, though the protest word is the object of a light verb
    ('staging', 'holding') or the complement of 'try', and the clause may hang on the 'of' phrase
    after the object (the arrested are those who protested: a protest with intervention)."""
    clause = protest
    for _ in range(2):  # up from the protest noun or verb to the clause's own verb
        if clause.dep_ in ("dobj", "xcomp") and clause.head.pos_ in ("VERB", "AUX") and clause.head.i != verb.i:
            clause = clause.head
    if describes_object_of(clause, verb):
        return True
    noun = clause.head
    return (clause.dep_ == "relcl" and noun.dep_ == "pobj" and noun.head.lower_ == "of"
            and noun.head.head.dep_ in ("dobj", "obj") and noun.head.head.head.i == verb.i)


def _during_the_protest(verb: Token, protest: Token) -> bool:
    """'Police arrested 25 activists during a sit-in': an arrest told before the protest noun, whose
    'during' phrase is the protest, is force used on it (a protest with intervention)."""
    return any(c.dep_ == "prep" and c.lower_ == "during" and any(o.i == protest.i for o in c.children)
               for c in verb.children)


def _after_the_protest(verb: Token, onto: Ontology) -> bool:
    """'was arrested right after the protest', 'arrested two marchers after the rally': an
    'after'/'following' phrase on the arrest's verb whose object is a protest word (roles.yaml
    demonstration_words) places the arrest once the protest was over, not as force used on it."""
    words = onto.words("demonstration_words")
    return any(c.dep_ == "prep" and c.lower_ in ("after", "following")
               and any(o.dep_ == "pobj" and o.lemma_.lower() in words for o in c.children)
               for c in verb.children)


def _intervening_forces(protest: Frame, members: list[tuple[Frame, Event]], onto: Ontology | None = None) -> list[Actor]:
    """Who dispersed or arrested the protesters: ACLED's actor2 of a protest with intervention
    ("Police Forces of Country"), so they stand on the protest's target side."""
    return [a for e in _interventions(protest, members, onto) for a in e.source]


def _force_told_after(protest: Frame, onto: Ontology | None) -> bool:
    """'... and were dispersed by police', 'The police intervened with rubber bullets': force used
    on the protest, told after it in its line (ACLED: a physical attempt to disperse or suppress it)."""
    if onto is None:
        return False
    token = protest.trigger.token
    line = line_of(token)
    after = " ".join(t.lower_ for t in line.doc[token.i + 1:line.end] if not (_denied(t) or _left_of_itself(t)))
    return _names_any(after, onto.words("intervention_words"))


def _left_of_itself(token: Token) -> bool:
    """'participants chanted slogans and dispersed peacefully': 'disperse' used intransitively, in
    the active with no object, tells that the crowd left, not that anyone broke it up; the passive
    ('were dispersed', with or without 'by police') and the transitive ('police dispersed them') do."""
    return token.pos_ == "VERB" and token.lemma_.lower() == "disperse" and not any(
        c.dep_ in ("dobj", "auxpass", "nsubjpass", "agent") for c in token.children)


def _denied(token: Token) -> bool:
    """The word's verb is negated ('they did not intervene'): what it names did not happen."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.dep_ == "neg" for c in verb.children)


def _singular_patient(verb: Token) -> bool:
    """'He was arrested in connection with ...': one person's arrest, the cause a protest is about."""
    return any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in ("he", "she", "him", "her") for c in verb.children)
