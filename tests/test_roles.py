"""Who did what to whom, on made-up sentences: each rule of issue 22 in the role it gives.

Checked through the full engine, since coded countries (not phrases) are what a user reads.
"""

from __future__ import annotations



from strife.model import Event


def one(events: list[Event], plover: str) -> Event:
    found = [e for e in events if e.event_type == plover and not (e.negated or e.hypothetical)]
    assert found, [(e.event_type, e.trigger and e.trigger.text) for e in events]
    return found[0]


def countries(actors) -> set:
    return {a.country for a in actors}


def test_a_backer_of_an_event_noun_is_a_source(code):
    event = one(code("The French-backed offensive by Malian troops killed dozens of militants on Monday."), "FIGHT")
    assert {"FRA", "MLI"} <= countries(event.source)


def test_a_later_mention_adds_its_partners_to_the_incident(code):
    events = code("Turkey is playing a key role in the offensive on the town. "
                  "The Turkish-backed offensive by Syrian National Army fighters has displaced thousands.")
    fights = [e for e in events if e.event_type in ("FIGHT", "ASSAULT") and not e.hypothetical]
    assert len(fights) == 1 and "TUR" in countries(fights[0].source)
    assert any(a.sector == "REB" or a.country == "SYR" for a in fights[0].source)


def test_a_tabled_resolution_asks_its_body(code):
    text = ("Russia vetoed a UN Security Council resolution on Monday. "
            "The resolution, which was tabled by Norway and Ireland, would have set up a truce.")
    event = one(code(text), "REQUEST")
    assert {"NOR", "IRL"} <= countries(event.source)
    assert any(a.sector == "IGO" for a in event.target)


def test_a_resolution_called_a_provocation_targets_its_body(code):
    text = "France tabled a UN Security Council resolution.\n\nThe Russian foreign minister declared the resolution to be a provocation."
    event = one(code(text), "DISAPPROVE")
    assert "RUS" in countries(event.source)
    assert any(a.sector == "IGO" for a in event.target)


def test_a_request_for_what_another_party_grants_is_addressed_to_it(code):
    event = one(code("The German chancellor was pushing for a deal in exchange for an agreement on the part of Iran."), "REQUEST")
    assert "DEU" in countries(event.source) and "IRN" in countries(event.target)


def test_a_crowd_misparsed_as_a_reduced_relative_still_protests(code):
    event = one(code("On 3 May 2021, a group of nurses protested in front of the district hospital in Nakuru."), "PROTEST")
    assert event.source and not event.target
    assert "KEN" in countries(event.source)  # a crowd takes the country of the event's place


def test_fired_on_the_positions_of_x_targets_x_not_the_weapons(code):
    event = one(code("On 4 May 2021, military forces of Chad fired with unspecified weapons on the positions "
                     "of the military forces of Sudan."), "FIGHT")
    assert "TCD" in countries(event.source) and countries(event.target) == {"SDN"}


def test_a_time_after_on_is_not_a_target(code):
    event = one(code("The Kenyan government on Tuesday demanded that Uganda withdraw its troops."), "DEMAND")
    assert "UGA" in countries(event.target)


def test_a_named_group_with_no_country_takes_the_place_country(code):
    event = one(code("On 3 May 2021, members of the Green Dawn Movement demonstrated in Mombasa."), "PROTEST")
    assert countries(event.source) == {"KEN"}


def test_an_ownerless_checkpoint_gives_way_to_the_victims(code):
    events = code("On 2 May 2021, four policemen were killed following an attack by militants on a check point in Kandahar.")
    event = next(e for e in events if e.event_type in ("FIGHT", "ASSAULT"))
    assert event.event_type == "FIGHT" and {a.sector for a in event.target} == {"COP"}


def test_word_lists_hold_words_only():
    """YAML reads a bare `on` as True: 'on' was silently missing from the target prepositions."""
    from strife.ontology import load_ontology

    lists = load_ontology().word_lists
    assert "on" in lists["target_preps"]
    assert not [name for name, words in lists.items() if words & {"true", "false", "none", "null"}]


def test_coordinated_sides_of_a_clash_are_source_and_target(code):
    event = one(code("Shabaab militants and Kenyan troops clashed near Mandera on Sunday."), "FIGHT")
    assert event.source and event.target
    assert {a.sector for a in event.target} & {"MIL"}


def test_a_gerund_takes_its_sides_from_between(code):
    event = one(code("Fighting between the Arakan Army and the Myanmar army continued in Rakhine."), "FIGHT")
    assert [a.sector for a in event.target] == ["MIL"] and event.source


def test_the_parties_of_the_dispute_a_clash_is_over_are_its_sides(code):
    """'clashes over a land dispute between X and Y': the parser hangs 'between' on the dispute."""
    event = one(code("Four people were killed in clashes over a land dispute between Abaro and Tenke near Kita, Mali."),
                "FIGHT")
    assert [a.name for a in event.source] == ["Abaro"] and "Tenke" in [a.name for a in event.target]
    assert countries(event.source) == {"MLI"}


def test_an_installation_named_after_its_owner_stands_for_the_owner(code):
    """'shelled militant hideouts', 'looted a civilian boat': the owner is the target."""
    event = one(code("On Monday, soldiers shelled militant hideouts using mortars near Kita, Mali."), "FIGHT")
    assert [(a.sector, a.country) for a in event.target] == [("REB", "MLI")]
    bombed = next(e for e in code("On Monday, the Malian army bombed Islamic militant bases in forests in the north.")
                  if e.trigger and e.trigger.text == "bombed")
    assert [a.sector for a in bombed.target] == ["REB"]  # 'bases', lemmatised 'basis'
    looted = code("On Monday, militants stopped and looted a civilian boat near Kita, Mali.")
    assert any(("CVL", "MLI") in [(a.sector, a.country) for a in e.target] for e in looted)


def test_the_agent_of_a_weapon_that_acts_is_the_source(code):
    """'shells fired by X killed ...', 'an IED planted by X exploded': X did it, not the weapon."""
    events = code("On Monday, mortar rounds fired by militants killed two children in Kita, Mali.")
    assert any(("REB", "MLI") in [(a.sector, a.country) for a in e.source] for e in events)
    events = code("On Monday, a bomb planted by rebels exploded near an army truck in Kita, Mali, killing a soldier.")
    assert any("REB" in [a.sector for a in e.source] for e in events if e.acled_event_type)


def test_a_thing_belonging_to_someone_stands_for_its_owner(code):
    events = code("On Monday, suspected rebels seized a vehicle belonging to a local councilor in Kita, Mali.")
    assert any(("GOV", "MLI") in [(a.sector, a.country) for a in e.target] for e in events if e.acled_event_type)


def test_into_names_the_target_of_an_attack_not_of_a_march(code):
    fired = one(code("On Monday, gunmen fired into a crowd of villagers in Kita, Mali."), "ASSAULT")
    assert "CVL" in [a.sector for a in fired.target]
    marched = one(code("On Monday, protesters marched into the city centre of Kita, Mali."), "PROTEST")
    assert marched.target == []


def test_the_force_that_fought_back_is_the_attacked_side(code):
    """'gunmen attacked a convoy ... Soldiers guarding the convoy returned fire': the soldiers."""
    events = code("On Monday, rebel gunmen attacked a convoy travelling on the main highway to Kita, Mali. "
                  "Soldiers guarding the convoy returned fire.")
    attack = next(e for e in events if e.trigger and e.trigger.text == "attacked")
    assert [(a.sector, a.country) for a in attack.target] == [("MIL", "MLI")]


def test_the_force_that_repelled_the_attackers_is_the_attacked_side(code):
    events = code("On Monday, suspected militants attacked a village near Kita, Mali. "
                  "They burned down 20 huts before being repelled by soldiers.")
    attack = next(e for e in events if e.trigger and e.trigger.text == "attacked")
    assert ("MIL", "MLI") in [(a.sector, a.country) for a in attack.target]


def test_who_a_patrol_came_under_attack_by_is_the_source(code):
    event = one(code("On Monday, a police patrol came under attack by militants near Kita, Mali."), "FIGHT")
    assert [a.sector for a in event.source] == ["REB"] and [a.sector for a in event.target] == ["COP"]


def test_a_civilian_building_attacked_stands_for_civilians(code):
    """ACLED codes damage to a market, a hotel or a school as against "Civilians (Country)"."""
    riot = next(e for e in code("On Monday, rioters hurled a Molotov cocktail at a hotel in the town of Kita.")
                if e.trigger and e.trigger.text == "hurled")
    assert [(a.name, a.sector) for a in riot.target] == [("civilians", "CVL")]


def test_the_country_after_a_town_is_where_not_whom(code):
    """'at a market in Khulna, Bangladesh': the market's country is no target; 'shelled Syria' keeps one."""
    riot = next(e for e in code("On Monday, party supporters hurled two crude bombs at a market in Tarnow, Poland.")
                if e.trigger and e.trigger.text == "hurled")
    assert [(a.sector, a.country) for a in riot.target] == [("CVL", "POL")]
    assert "GOV" not in [a.sector for a in riot.target]


def test_a_clash_within_one_group_has_it_on_both_sides(code):
    """ACLED writes 'Rioters (X)' as actor1 and actor2 when one group clashes among itself."""
    for text in ("On Monday, two student groups clashed over election results at a college in Kita, Mali.",
                 "On Monday, around 200 villagers clashed with each other in Kita, Mali.",
                 "On Monday, clashes broke out between rival supporters in Kita, Mali."):
        clash = next(e for e in code(text) if e.trigger and e.trigger.text.startswith("clash"))
        assert clash.source and [a.name for a in clash.target] == [a.name for a in clash.source], text
    alone = next(e for e in code("On Monday, militants clashed in Kita, Mali.") if e.trigger)
    assert [a.name for a in alone.target] != [a.name for a in alone.source]  # no copy of its source
    assert all(a.kind == "implied" for a in alone.target)  # only ACLED's unidentified other side


def test_a_one_sided_offensive_keeps_all_its_sources(code):
    event = one(code("The Iraqi army, Kurdish Peshmerga and US-led coalition launched an offensive on Mosul."), "FIGHT")
    assert {"IRQ", "USA"} <= countries(event.source)


def test_an_event_with_no_place_gives_its_actors_the_article_country():
    from strife.extract.actors import localise_actors
    from strife.model import Actor, Span

    event = Event(id="e1", event_type="PROTEST", evidence=Span(start=0, end=1, text="x"),
                  source=[Actor(name="Green Dawn members")], target=[Actor(name="UN", sector="IGO")])
    localise_actors(event, "KEN")
    assert event.source[0].country == "KEN" and event.target[0].country is None


def test_a_purpose_clause_does_not_hide_the_protesters(code):
    event = one(code("Nurses staged a protest against the minister in Kisumu to denounce unpaid wages."), "PROTEST")
    assert {a.sector for a in event.source} and "GOV" in {a.sector for a in event.target}


def test_people_on_strike_are_the_protesters(code):
    event = one(code("Teachers on strike over unpaid salaries in Juba."), "PROTEST")
    assert event.source and not event.target


def test_what_comes_under_attack_is_the_target(code):
    event = next(e for e in code("A military convoy came under attack near Gao.") if e.event_type in ("FIGHT", "ASSAULT"))
    assert [a.sector for a in event.target] == ["MIL"]
    assert [a.kind for a in event.source] == ["implied"]  # the attacker is unnamed, not read off the text


def test_an_actor_the_parse_gave_no_role_is_said_not_promoted(code):
    event = one(code("The offensive continued in the north, a day after Kenyan troops crossed the border."), "FIGHT")
    assert event.source == [] and [a.country for a in event.unassigned] == ["KEN"]


def test_victims_of_a_headline_passive_are_targets(code):
    event = next(e for e in code("At least three soldiers killed and one injured near Gao on Monday.")
                 if e.event_type in ("FIGHT", "ASSAULT"))
    assert [a.sector for a in event.target] == ["MIL"]
    assert all(a.kind == "implied" for a in event.source)  # no one the text names is the attacker


def test_coordinated_verbs_with_a_shared_object_stay_active(code):
    event = one(code("Unidentified armed men kidnapped and killed a farmer in Zamfara on Wednesday."), "ASSAULT")
    assert [a.sector for a in event.source] == ["UAF"] and event.target


def test_an_active_participle_after_an_event_noun_leaves_the_subject_its_source(code):
    """'held a protest demanding ...', 'conducted airstrikes targeting ...': the participle is what
    the event does, so the subject of the light verb still acts."""
    protest = one(code("On Monday, Ruritanian dock workers held a protest in the port demanding higher wages."), "PROTEST")
    assert protest.source and all(a.sector == "LAB" for a in protest.source)
    strike = one(code("On Monday, the Ruritanian air force conducted airstrikes targeting rebel positions near the border."), "FIGHT")
    assert any(a.sector == "MIL" for a in strike.source)
    assert any(a.sector in ("REB", "INS") for a in strike.target)


def test_coordinated_passives_share_the_agent(code):
    event = one(code("On Monday, a man was shot and killed by unidentified gunmen near his home."), "ASSAULT")
    assert any(a.name.endswith("gunmen") for a in event.source)
    assert any(a.sector == "CVL" for a in event.target)


def test_a_passive_auxiliary_before_the_subject_is_a_misread_word(code):
    """'IS militants launched ...': the parser reads the initials as 'is'; a statement puts a
    passive auxiliary after its subject, so the militants act."""
    events = [e for e in code("On Monday, IS militants launched a mortar attack on an army post.")
              if e.event_type in ("FIGHT", "ASSAULT") and not e.hypothetical]
    assert events and any(a.sector in ("REB", "INS") for a in events[0].source)


def test_the_party_blamed_for_a_fights_casualties_is_its_opponent(code):
    """'the offensive on the city of X ... blame for the casualties in X on Y fighters': the city
    is the ground; the blamed armed party fights there, on the other side."""
    text = ("Ruritania is playing a decisive role in the brutal offensive being waged on the city of Kandahar. "
            "Officials have placed the blame for civilian casualties in Kandahar on Taliban fighters.")
    fights = [e for e in code(text) if e.event_type in ("FIGHT", "ASSAULT") and not (e.negated or e.hypothetical)]
    assert fights and any(a.sector in ("REB", "INS") for e in fights for a in e.target), fights


def test_blame_in_another_place_names_no_opponent(code):
    text = ("Ruritania is playing a decisive role in the brutal offensive being waged on the city of Kandahar. "
            "Officials have placed the blame for civilian casualties in Herat on Taliban fighters.")
    fights = [e for e in code(text) if e.event_type in ("FIGHT", "ASSAULT") and not (e.negated or e.hypothetical)]
    assert fights and not any(a.sector in ("REB", "INS") for e in fights for a in e.target), fights


def test_the_force_that_intervenes_in_a_protest_is_its_target(code):
    """ACLED's actor2 of a protest with intervention is the force that dispersed or arrested it."""
    events = code("On Monday, hundreds of residents held a protest in Nairobi against the price of bread. "
                  "The police dispersed the protest.")
    protest = one(events, "PROTEST")
    assert protest.acled_sub_event_type == "Protest with intervention"
    assert any(a.sector == "COP" and a.country == "KEN" for a in protest.target)


def test_what_the_weapons_are_fired_at_is_the_target(code):
    """'fired mortars and grenade launchers at the positions of X': the parser hangs 'at' on the
    weapon list; the weapons are the means, the owner of the positions the target."""
    events = code("On Monday, Ruritanian soldiers fired mortars and grenade launchers at the positions of the rebels near the town.")
    fights = [e for e in events if e.event_type in ("FIGHT", "ASSAULT") and not e.hypothetical]
    assert fights and any(a.sector in ("REB", "INS", "UAF") for a in fights[0].target), fights
    assert not any("mortar" in a.name or "launcher" in a.name for a in fights[0].target)


def test_whoever_kills_during_an_attack_carried_it_out(code):
    raid = [e for e in code("On Monday, Ruritanian soldiers killed six villagers during a raid on a farm.")
            if e.event_type in ("FIGHT", "ASSAULT") and not e.hypothetical]
    assert raid and any(a.sector == "MIL" for a in raid[0].source), raid
    shot = [e for e in code("On Monday, a girl was killed in indiscriminate shooting by unidentified gunmen.")
            if e.event_type in ("FIGHT", "ASSAULT") and not e.hypothetical]
    assert shot and any(a.name.endswith("gunmen") for a in shot[0].source), shot


def test_sides_that_engage_in_a_firefight_are_source_and_target(code):
    events = code("On Monday, the rebels and the army engaged in a firefight near the border.")
    fight = one(events, "FIGHT")
    assert fight.source and fight.target
    assert {a.sector for a in fight.source} | {a.sector for a in fight.target} >= {"MIL"}


def test_the_counterpart_of_a_deadly_clash_is_its_source(code):
    """'X was killed in a gunfight with police': the police killed X; the one killed is the target."""
    fight = one(code("On Monday, a rebel commander was killed in a gunfight with police near a village in the hills."),
                "FIGHT")
    assert [a.sector for a in fight.source] == ["COP"]
    assert [a.sector for a in fight.target] == ["REB"]


def test_a_downed_aircraft_stands_for_its_owner(code):
    """'shot down a rebel drone': the drone brought down is the target, for its owner; a drone
    with no owner named is no one, and a weapon fired is still only the means."""
    downed = one(code("On Monday, soldiers shot down two rebel drones near Rutshuru, North Kivu."), "COERCE")
    assert [a.sector for a in downed.target] == ["REB"] or any(a.sector == "REB" for a in downed.target)
    owned = one(code("On Monday, soldiers shot down a drone belonging to the rebels near Rutshuru, North Kivu."), "COERCE")
    assert [a.sector for a in owned.target] == ["REB"]
    nameless = one(code("On Monday, soldiers shot down a drone near Rutshuru, North Kivu."), "COERCE")
    assert nameless.target == []


def test_a_pronoun_aimed_at_stands_for_the_noun_before_it(code):
    """'hurled a petrol bomb at it' after 'a police van caught fire': the van, so the police; the
    subject of the sentence first, else the nearest noun of the pronoun's number, never the
    thing thrown or the throwers; a pronoun with nothing before it is no one."""
    van = code("A police van caught fire after assailants hurled a petrol bomb at it near a market in Dhaka, Bangladesh.")
    assert any(a.sector == "COP" for e in van for a in e.target)
    soldiers = code("Soldiers said militants threw a grenade at them near Kohat, Pakistan.")
    assert any(a.sector == "MIL" for e in soldiers for a in e.target if e.acled_event_type)
    alone = code("Militants threw a grenade at it near Kohat, Pakistan.")
    assert not any(a.kind != "implied" for e in alone for a in e.target)


def test_the_union_government_says_the_crowd_is_in_india(code):
    """'the Union government' is how Indian English names the central government
    (geo_focus_cues.csv): with no toponym, the protesters are of India."""
    events = code("Hundreds of students staged a protest against a mining project of the Union government.")
    protest = next(e for e in events if e.acled_event_type == "Protests")
    assert {a.country for a in protest.source} == {"IND"}


def test_the_act_an_effort_noun_sets_out_is_its_makers(code):
    """'made an attempt to storm': the infinitive hangs on the effort noun, whose maker acts
    (strife.extract.events.roles.effort_makers); what was only attempted is hypothetical."""
    events = code("Malian soldiers made an attempt to storm the barracks of the Wula Front in Kadugo village.")
    storm = [e for e in events if e.event_type in ("FIGHT", "ASSAULT")]
    assert storm and "MLI" in countries(storm[0].source), [(e.event_type, e.source) for e in events]
