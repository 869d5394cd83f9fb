"""ACLED's actor for an event the text tells without naming one (strife.extract.implied), on
made-up reports: a crowd is "Protesters (Country)", an unknown attacker "Unidentified Armed
Group (Country)", the country being the event's place."""

from __future__ import annotations



from strife.extract.events.tables import side_sectors
from strife.extract.implied import ROLES, implied_actors
from strife.model import Event


def acled(events: list[Event], acled_type: str) -> Event:
    found = [e for e in events if e.acled_event_type == acled_type and not (e.negated or e.hypothetical)]
    assert found, [(e.event_type, e.acled_event_type, e.trigger and e.trigger.text) for e in events]
    return found[0]


def test_the_table_names_known_acled_types_and_sides():
    from strife.ontology import load_ontology

    known = {a.event_type for a in load_ontology().acled}
    table = implied_actors()
    assert table and {acled_type for acled_type, _ in table} <= known
    assert all(role in ROLES for _, role in table)
    rows = [row for rows in table.values() for row in rows]
    assert all(side in side_sectors() for side, _, _ in rows)
    assert all(when in ("always", "other_named", "casualties", "intervention", "contraband", "arrest", "force_on_protest",
                                "mob_harm", "looting")
               for _, _, when in rows)


def test_a_protest_with_no_one_named_is_by_protesters_of_the_place(code):
    event = acled(code("On Monday, a demonstration took place in the centre of Nairobi."), "Protests")
    (actor,) = event.source
    assert actor.kind == "implied" and actor.span is None and actor.country == "KEN" and actor.sector == "CVL"


def test_a_killing_with_no_perpetrator_named_is_by_an_unidentified_armed_group(code):
    event = acled(code("On Monday, a man was found shot dead in a street of Puerto Vallarta, Jalisco."),
                  "Violence against civilians")
    (actor,) = event.source
    assert actor.kind == "implied" and actor.country == "MEX" and actor.sector == "UAF"


def test_a_named_source_is_kept(code):
    event = acled(code("On Monday, soldiers shot dead a man in a street of Puerto Vallarta, Jalisco."),
                  "Violence against civilians")
    assert event.source and all(a.kind != "implied" for a in event.source)


def test_an_unplaced_armed_actor_of_the_sentence_blocks_the_unidentified_one():
    """The sentence names an armed actor the parse gave no role: not 'unidentified' (nor
    promoted); an unarmed one ('residents') does not block it."""
    from strife.extract.implied import add_implied_actors
    from strife.model import Actor, Span

    def event(*unassigned: Actor) -> Event:
        return Event(id="e1", event_type="ASSAULT", acled_event_type="Violence against civilians",
                     evidence=Span(start=0, end=5, text="shot"), unassigned=list(unassigned))

    armed, unarmed = event(Actor(name="soldiers", sector="MIL")), event(Actor(name="residents", sector="CVL"))
    add_implied_actors([armed, unarmed], fallback="MEX")
    assert armed.source == []
    assert [(a.kind, a.country, a.sector) for a in unarmed.source] == [("implied", "MEX", "UAF")]


def test_victims_and_unidentified_attackers_do_not_block_the_unidentified_one():
    """The victims placed on the event ('two guards were killed') and an unidentified actor ('an
    IED planted by an unidentified group') say nothing against an unidentified source."""
    from strife.extract.implied import add_implied_actors
    from strife.model import Actor, Span

    guards = Actor(name="guards", sector="COP", span=(4, 10))
    victims = Event(id="e1", event_type="ASSAULT", acled_event_type="Explosions/Remote violence",
                    evidence=Span(start=0, end=5, text="bomb"), target=[guards], unassigned=[guards])
    unknown = Event(id="e2", event_type="ASSAULT", acled_event_type="Explosions/Remote violence",
                    evidence=Span(start=0, end=5, text="bomb"),
                    unassigned=[Actor(name="unidentified group", sector="UAF", span=(20, 38))])
    add_implied_actors([victims, unknown], fallback="NPL")
    assert [(a.kind, a.country, a.sector) for a in victims.source] == [("implied", "NPL", "UAF")]
    assert [(a.kind, a.country, a.sector) for a in unknown.source] == [("implied", "NPL", "UAF")]


def test_a_bomb_that_wounds_guards_is_by_an_unidentified_armed_group(code):
    event = acled(code("Two guards were killed when a powerful bomb exploded near a depot in Gao, Mali, on Monday."),
                  "Explosions/Remote violence")
    assert [(a.kind, a.sector) for a in event.source] == [("implied", "UAF")]


def test_an_unnamed_attacker_of_a_named_force_is_an_unidentified_armed_group(code):
    """'A convoy came under attack': a battle with one side named and the attacker unnamed."""
    event = acled(code("On Monday, an army convoy came under attack near Gao, Mali. Three soldiers were killed."),
                  "Battles")
    assert [(a.kind, a.country, a.sector) for a in event.source] == [("implied", "MLI", "UAF")]


def test_a_battle_with_no_side_named_is_between_unidentified_armed_groups():
    """'Shots were exchanged near the village': ACLED writes an unknown party to armed violence
    "Unidentified Armed Group (Country)", and a battle has two sides, so both are."""
    from strife.extract.implied import add_implied_actors
    from strife.model import Span

    fight = Event(id="e1", event_type="FIGHT", acled_event_type="Battles", evidence=Span(start=0, end=5, text="clash"))
    add_implied_actors([fight], fallback="MLI")
    assert [(a.kind, a.country, a.sector) for a in fight.source] == [("implied", "MLI", "UAF")]
    assert [(a.kind, a.country, a.sector) for a in fight.target] == [("implied", "MLI", "UAF")]


def test_unnamed_people_hurt_by_a_bomb_are_civilians():
    """A bomb that wounded people the parse put on no side: ACLED's 'Civilians (Country)'; not when
    it hurt no one, nor when the sentence names a state force left without a role."""
    from strife.extract.implied import add_implied_actors
    from strife.model import Actor, Count, Span

    def bomb(**fields) -> Event:
        return Event(id="e1", event_type="ASSAULT", acled_event_type="Explosions/Remote violence",
                     evidence=Span(start=0, end=4, text="bomb"), **fields)

    hurt, unhurt = bomb(injured=Count(best=7, low=7, text="seven")), bomb()
    soldiers = bomb(injured=Count(best=2, low=2, text="two"), unassigned=[Actor(name="soldiers", sector="MIL", span=(0, 8))])
    add_implied_actors([hurt, unhurt, soldiers], fallback="BGD")
    assert [(a.kind, a.country, a.sector) for a in hurt.target] == [("implied", "BGD", "CVL")]
    assert unhurt.target == [] and soldiers.target == []


def test_unnamed_people_hurt_by_rioters_are_civilians():
    """'Four people were injured as supporters hurled crude bombs': mob violence against people the
    text does not name is against "Civilians (Country)"; a riot that hurt no one has no target."""
    from strife.extract.implied import add_implied_actors
    from strife.model import Count, Span

    def riot(**fields) -> Event:
        return Event(id="e1", event_type="PROTEST", acled_event_type="Riots",
                     evidence=Span(start=0, end=6, text="hurled"), **fields)

    hurt, unhurt = riot(injured=Count(best=4, low=4, text="four")), riot()
    add_implied_actors([hurt, unhurt], fallback="BGD")
    assert [(a.kind, a.country, a.sector) for a in hurt.target] == [("implied", "BGD", "CVL")]
    assert unhurt.target == []


def test_a_mob_that_injures_passers_by_is_against_civilians(code):
    event = acled(code("At least four people were injured as party supporters hurled crude bombs near a market in "
                       "Khulna, Bangladesh, on Wednesday."), "Riots")
    assert [(a.kind, a.country, a.sector) for a in event.target] == [("implied", "BGD", "CVL")]


def test_a_protest_broken_up_by_an_unnamed_force_is_against_the_police():
    """A protest with intervention whose force the parse did not name has ACLED's "Police Forces of
    Country" as its target; a peaceful protest gets no target."""
    from strife.extract.implied import add_implied_actors
    from strife.model import Span

    def protest(sub_type: str) -> Event:
        return Event(id="e1", event_type="PROTEST", acled_event_type="Protests", acled_sub_event_type=sub_type,
                     evidence=Span(start=0, end=7, text="protest"))

    broken_up, peaceful = protest("Protest with intervention"), protest("Peaceful protest")
    add_implied_actors([broken_up, peaceful], fallback="PER")
    assert [(a.kind, a.country, a.sector) for a in broken_up.target] == [("implied", "PER", "COP")]
    assert peaceful.target == []


def test_protesters_dispersed_by_police_have_the_police_as_target(code):
    event = acled(code("On Monday, nurses held a protest in Arequipa, Peru, demanding unpaid wages, and were "
                       "dispersed by police."), "Protests")
    assert [(a.country, a.sector) for a in event.target] == [("PER", "COP")]


def test_violence_against_civilians_with_no_victim_named_is_against_civilians(code):
    event = acled(code("On Monday, gunmen attacked and burned a school in a village near Kano, Nigeria."),
                  "Violence against civilians")
    assert [(a.name, a.country, a.sector) for a in event.target] == [("civilians", "NGA", "CVL")]  # the school's



def test_the_speaker_of_a_quote_outranks_an_implied_attacker(code):
    """'"We shot dead a militant," an officer said': the speaker's side did it, not an unknown group."""
    text = ('Gunmen attacked a hotel in Mogadishu on Monday. "We shot dead an armed militant who wanted to '
            'storm the gate," Ahmed Ali, a police officer, told reporters.')
    fight = acled(code(text), "Battles")
    assert [a.name for a in fight.source] == ["Ahmed Ali"]


def test_contraband_seized_by_a_state_force_was_held_by_an_unidentified_gang(code):
    """'Police seized two tons of cannabis': ACLED writes the unnamed holders of the goods
    "Unidentified Gang (Country)"; weapons seized are no contraband, and goods seized by a
    group that is no state force were not taken from a gang."""
    event = acled(code("On Monday, federal police seized 250 kilograms of smuggled cigarettes near Campinas, Sao Paulo."),
                  "Strategic developments")
    assert [(a.kind, a.country, a.sector) for a in event.target] == [("implied", "BRA", "CRM")]

    from strife.extract.implied import add_implied_actors
    from strife.model import Actor, Span

    def seizure(text: str, by: str) -> Event:
        return Event(id="e1", event_type="SEIZE", acled_event_type="Strategic developments",
                     evidence=Span(start=0, end=len(text), text=text), source=[Actor(name="x", sector=by)])

    weapons = seizure("Soldiers seized rifles and ammunition.", "MIL")
    looted = seizure("Gunmen seized a truck of cocaine.", "UAF")
    drugs = seizure("Soldiers seized a truck of cocaine.", "MIL")
    add_implied_actors([weapons, looted, drugs], fallback="COL")
    assert weapons.target == [] and looted.target == []
    assert [(a.name, a.country, a.sector) for a in drugs.target] == [("unidentified gang", "COL", "CRM")]


def test_an_arrest_of_someone_the_coder_does_not_know_is_of_civilians(code):
    """'Police arrested the alleged abuser': ACLED's actor2 of an arrest is the arrested, and a person
    named by no word the actor coder knows is "Civilians (Country)"; an arrest with contraband
    named is of the gang (the first row that applies), and an arrested group named stays."""
    event = acled(code("On Monday, police arrested the alleged abuser in Campinas, Sao Paulo."), "Strategic developments")
    assert [(a.name, a.kind, a.country, a.sector) for a in event.target] == [("civilians", "implied", "BRA", "CVL")]

    from strife.extract.implied import add_implied_actors
    from strife.model import Actor, Span

    def arrest(text: str) -> Event:
        return Event(id="e1", event_type="COERCE", mode="arrest", acled_event_type="Strategic developments",
                     acled_sub_event_type="Arrests", evidence=Span(start=0, end=len(text), text=text),
                     source=[Actor(name="police", sector="COP")])

    smugglers, suspect = arrest("Police arrested two men carrying heroin."), arrest("Police arrested the abuser.")
    add_implied_actors([smugglers, suspect], fallback="COL")
    assert [(a.name, a.sector) for a in smugglers.target] == [("unidentified gang", "CRM")]
    assert [(a.name, a.country, a.sector) for a in suspect.target] == [("civilians", "COL", "CVL")]


def test_whom_a_mob_beats_is_civilians_even_when_the_parse_loses_the_victim(code):
    """'In Ombeni, Kenya, a suspected thief was beaten up by villagers': ACLED's mob violence is against
    "Civilians (Country)" whoever the crowd beat or lynched, with no count of the hurt; a mob that
    only wrecked things names no victim and gets none."""
    beaten = acled(code("On Monday, in Ombeni village, Kenya, a suspected goat thief was beaten up by villagers "
                        "before being handed to the police."), "Riots")
    assert [(a.name, a.kind, a.country, a.sector) for a in beaten.target] == [("civilians", "implied", "KEN", "CVL")]
    lynched = acled(code("On Friday, in Ombeni village, Kenya, a man accused of witchcraft was held and nearly "
                         "lynched by residents."), "Riots")
    assert [(a.name, a.country) for a in lynched.target] == [("civilians", "KEN")]

    from strife.extract.implied import add_implied_actors
    from strife.model import Span

    def mob(verb: str) -> Event:
        return Event(id="e1", event_type="PROTEST", acled_event_type="Riots", acled_sub_event_type="Mob violence",
                     evidence=Span(start=0, end=len(verb), text=verb), trigger=Span(start=0, end=len(verb), text=verb))

    thrashed, vandalised = mob("thrashed"), mob("vandalised")
    add_implied_actors([thrashed, vandalised], fallback="UGA")
    assert [(a.name, a.country) for a in thrashed.target] == [("civilians", "UGA")]
    assert vandalised.target == []


def test_the_unnamed_other_side_of_a_battle_is_an_unidentified_armed_group(code):
    """'Soldiers killed 3 gunmen in an encounter', 'police exchanged fire near the market': ACLED's
    battle is between two armed groups, and the one the text does not name is "Unidentified Armed
    Group (Country)", in the country of the event's place; a side the text names is kept."""
    encounter = acled(code("On Monday, soldiers exchanged fire for two hours near Dambali village, Mali."), "Battles")
    assert [(a.name, a.kind, a.country, a.sector) for a in encounter.target] == [
        ("unidentified armed group", "implied", "MLI", "UAF")]
    assert encounter.source and encounter.source[0].kind != "implied"
    named = acled(code("On Monday, soldiers clashed with Jund al-Sahel fighters near Dambali village, Mali."), "Battles")
    assert named.target and all(a.kind != "implied" for a in named.target)


def test_property_looted_or_destroyed_with_no_owner_named_was_civilians(code):
    """'Armed men looted <village>', 'militiamen burned houses in <village>': ACLED's looting or
    destruction of property is against the people whose homes and shops they were, "Civilians
    (Country)", in the country of the event's place, when the text names no owner."""
    looted = acled(code("Armed men looted Kadoli-Mbewa village in Upper Nile state."), "Strategic developments")
    assert looted.acled_sub_event_type == "Looting/property destruction"
    assert [(a.name, a.kind, a.country, a.sector) for a in looted.target] == [("civilians", "implied", "SSD", "CVL")]
    burned = acled(code("Militiamen burned 30 houses in Lubiro-Kasando village, South Kivu province."),
                   "Strategic developments")
    assert [(a.name, a.country) for a in burned.target] == [("civilians", "COD")]
