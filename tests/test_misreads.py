"""Parse repairs of words the small tagger misreads in news prose (made-up text): an acronym read
as a verb ('IS fighters'), a participle read as an adjective ('nearly lynched'), a headline verb
read as an adjective ('forces clear a town of rebels')."""

from __future__ import annotations

import pytest

from tests.test_events import by_trigger, coded
from tests.test_headline_notes import _parsed


def test_an_acronym_before_its_noun_is_a_name_not_a_verb(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "On Monday, IS fighters attacked a checkpoint near the town.")
    if doc[3].tag_ not in ("VBZ", "VBP"):
        pytest.skip("the tagger read the acronym as a name on its own")
    assert [t.text for t in repair_misread_words(doc, load_ontology())] == ["IS"]
    assert (doc[3].pos_, doc[3].dep_, doc[3].head.text) == ("PROPN", "compound", "fighters")


def test_an_acronym_fighting_group_is_the_source_of_its_attack(engine):
    event = by_trigger(coded(engine, "On Monday, IS fighters attacked a checkpoint near the town, killing two soldiers."), "attacked")
    assert any("IS" in actor.name for actor in event.source)


def test_an_acronym_after_a_verb_names_the_owner_of_its_object(engine):
    """'the army shelled IS hideouts': read as a verb, 'IS' headed a clause the verb took as its
    complement; read as a name, its noun is the verb's object, whose owner is the target."""
    event = by_trigger(coded(engine, "On Monday, the army shelled IS hideouts near the town of Dar Kalan."), "shelled")
    assert any(actor.name.endswith("IS") and actor.sector == "REB" for actor in event.target), event.target


def test_the_verb_is_alone_in_its_clause_stays_a_verb(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "The town is quiet.")
    assert repair_misread_words(doc, load_ontology()) == []


def test_a_nearly_lynched_man_is_a_mob_attack(engine):
    event = by_trigger(coded(engine, "A suspected thief was caught and nearly lynched in the market. Police rescued him."), "lynched")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Riots", "Mob violence")
    assert not (event.negated or event.hypothetical)


def test_an_adjective_of_a_feeling_is_left_an_adjective(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "The residents were tired and worried about the prices.")
    assert not any(t.lower_ in ("tired", "worried") for t in repair_misread_words(doc, load_ontology()))


@pytest.mark.parametrize("text", [
    "Police forces clear Redhill of rebels.",
    "Army troops clear Northtown and Southvale of militants on 12/03.",
])
def test_a_headline_verb_with_an_of_phrase_is_a_territory_battle(engine, text):
    event = by_trigger(coded(engine, text), "clear")
    assert event.acled_event_type == "Battles"


def test_a_number_before_an_acronym_counts_the_noun_after_it(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "On Monday, soldiers pursued and attacked a truck carrying 12 IS fighters who hid in a barn.")
    acronym = next(t for t in doc if t.text == "IS")
    if acronym.tag_ not in ("VBZ", "VBP"):
        pytest.skip("the tagger read the acronym as a name on its own")
    repair_misread_words(doc, load_ontology())
    fighters = next(t for t in doc if t.text == "fighters")
    assert (fighters.dep_, fighters.head.text) == ("dobj", "carrying")
    assert next(t for t in doc if t.text == "12").head.text == "fighters"


def test_a_riot_told_before_the_arrests_is_kept(engine):
    found = coded(engine, "Protesters burned tyres on the main road and police arrested 30 of them.")
    assert by_trigger(found, "burned").acled_event_type == "Riots"


@pytest.mark.parametrize("text, trigger", [
    ("A suspected kidnapper was nearly killed by a mob.", "killed"),
    ("A suspected thief was caught and nearly lynched in the market.", "lynched"),
])
def test_an_act_told_as_nearly_done_kills_no_one(engine, text, trigger):
    event = by_trigger(coded(engine, text), trigger)
    assert event.fatalities is None or event.fatalities.best == 0


def test_nearly_before_a_figure_still_counts_it(engine):
    event = by_trigger(coded(engine, "Gunmen killed nearly 50 villagers on Sunday."), "killed")
    assert event.fatalities is not None and event.fatalities.best == 50


@pytest.mark.parametrize(
    "text, pair",
    [
        ("On 3 May, members of a gang shot and killed a driver in Pembolo village.", ("Violence against civilians", "Attack")),
        ("On 3 May, members of a gang shot dead a driver in Pembolo village.", ("Violence against civilians", "Attack")),
        ("On 3 May, a gang shot and killed a policeman in Pembolo village.", ("Battles", "Armed clash")),
        ("On 3 May, members of a gang shot and killed a policeman in Pembolo village.", ("Battles", "Armed clash")),
        ("Members of a gang shot and killed a trader in Pembolo.", ("Violence against civilians", "Attack")),
    ],
)
def test_a_violence_verb_read_as_a_compounds_noun_is_its_subjects_verb(row_event, text, pair):
    """'a gang shot and killed a driver': the tagger reads 'gang shot' as a compound noun; with a
    coordinated past verb, 'dead' or an object after it, it is subject + verb (no compound noun
    takes an object), so the gang's shooting is an attack, and on a policeman a battle."""
    event = row_event(text, "2020-05-09")
    assert (event.acled_event_type, event.acled_sub_event_type) == pair
    assert event.trigger.text == "shot"


def test_a_verb_read_as_a_noun_takes_its_subject(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "On 3 May, a gang beat and killed a trader in Pembolo village.")
    if doc[6].tag_ != "NN":
        pytest.skip("the tagger read 'beat' as a verb")
    assert "beat" in [t.text for t in repair_misread_words(doc, load_ontology())]
    assert (doc[6].pos_, doc[5].dep_, doc[5].head.text) == ("VERB", "nsubj", "beat")


@pytest.mark.parametrize(
    "text",
    ["On 3 May, a warning shot was fired in Pembolo village.", "A gun shot rang out in Pembolo village on 3 May."],
)
def test_a_shot_noun_with_no_object_stays_a_noun(nlp, text):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, text)
    assert "shot" not in [t.text for t in repair_misread_words(doc, load_ontology())]


def test_a_verbless_line_before_a_semicolon_is_a_clause_of_its_own(nlp):
    """'Clashes between A and B in X; militants used mortars': a clause has one subject, so the
    line the parser hung on the next verb as a second subject is its own root."""
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "Clashes between Wula Front militants and the army in Kelumbo; militants used mortars and machine guns.")
    if doc[0].dep_ != "nsubj":
        pytest.skip("the parser kept the line apart")
    repair_misread_words(doc, load_ontology())
    assert (doc[0].dep_, doc[12].dep_) == ("ROOT", "ROOT")
    assert [s.text.rstrip(";") for s in doc.sents][0].endswith("Kelumbo")


def test_one_subject_before_a_semicolon_is_kept(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "The rebels attacked Pembolo; the army retreated to Kelumbo.")
    repair_misread_words(doc, load_ontology())
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["attacked"] or doc[1].dep_ == "nsubj"


def test_dead_before_the_objects_number_is_the_verbs_result(nlp):
    """'police shot dead 2 armed robbers': an adjective follows its noun's numeral ('2 dead
    robbers'), so 'dead' before the number is the verb's result, and the object keeps its name."""
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "On 3 May, gunmen shot dead two farmers in Pembolo village.")
    if doc[6].dep_ != "amod":
        pytest.skip("the parser hung 'dead' on the verb")
    repair_misread_words(doc, load_ontology())
    assert (doc[6].dep_, doc[6].head.text) == ("acomp", "shot")


def test_dead_bodies_stay_dead(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "On 3 May, villagers found dead bodies near Pembolo.")
    head = doc[6].head.i
    repair_misread_words(doc, load_ontology())
    assert doc[6].head.i == head


def test_a_past_verb_joined_to_a_finite_one_is_no_reduced_relative(row_event):
    """'a militia stabbed and killed a trader': read as 'a militia [that was] stabbed', the doers
    became a victim; joined by 'and' to the finite 'killed', 'stabbed' is finite, the militia its subject."""
    event = row_event("On 3 May, a militia stabbed and killed a policeman in Pembolo village.", "2020-05-09")
    assert (event.acled_event_type, [a.name for a in event.target]) == ("Battles", ["policeman"])
    assert not any("militia" in a.name for a in event.target)


def test_a_reduced_relative_with_its_agent_stays(nlp):
    from strife.extract.events.misreads import repair_misread_words
    from strife.ontology import load_ontology

    doc = _parsed(nlp, "On 3 May, a soldier wounded and captured by rebels in Pembolo village.")
    repair_misread_words(doc, load_ontology())
    assert doc[6].tag_ != "VBD" and doc[5].dep_ != "nsubj"


@pytest.mark.parametrize("text", [
    "On 3 February 2021, youths stoned vehicles in Babwato town.",
    "On 9 March 2021, rioters torched shops in Kelmara.",
])
def test_a_past_verb_read_as_a_modifier_of_a_verbless_line_is_its_verb(row_event, text):
    """'Youths stoned vehicles': on a line with no verb, an '-ed' form of a violence verb between two
    plural nouns is the first noun's verb, not an adjective of the second; the act is kept."""
    event = row_event(text)
    assert event is not None and event.acled_event_type == "Riots"
    assert event.source
