"""A note's coding does not depend on which village or person it names (bench/name_swap.py).

Swapping the names of real notes for invented ones of the same shape found five readings that
changed with the name, each fixed by a rule of English or of the gazetteer, not of any name:

* a figure opening a sentence before an unknown name ("3 Tarvolo villagers were killed") was cut
  off as a sentence of its own, and the toll with it (`strife.sentence_bounds`);
* the subject after an opening phrase of places ("in Velmora, Coahuila, workers ... demanded") was
  hung on the places, as a second object or an apposition, so the protest had no doer and was lost
  (`strife.extract.events.misreads`);
* a state of millions lost to a namesake region abroad because a hamlet bears its name as an
  alternate one ("X, Santa Catarina" placed in Cape Verde) (`strife.resolve.geocode`);
* a victim named with an age ("52-year-old Dammunfos Menzo was beaten to death") was one dead only
  when the entity recogniser called the unknown name a person's (`strife.extract.unnumbered`);
* a lower-case gloss after an unknown name ("the Pabol (alms) committee") was read as the name's
  region by another spelling, a district abroad (`strife.extract.places.qualifiers`).

Villages and people are invented; states and countries are real. Each case failed before its rule.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities
from strife.resolve.geocode import Gazetteer
from strife.sentence_bounds import COMPONENT, continues_after_figure

INVENTED = ("Tarvolo", "Bemisa", "Kodrantu", "Onkaru", "Dammunfos")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def parse():
    """strife's spaCy pipeline without its stages: the parse the stages read."""
    from strife.pipeline import load_pipeline

    return load_pipeline(stages=())


# ---------------------------------------------------------------------------------------------
# a figure before an unknown name does not end a sentence


def test_the_bounds_run_before_the_parser(parse):
    names = parse.pipe_names
    assert names.index(COMPONENT) < names.index("parser")


@pytest.mark.parametrize("name", INVENTED)
def test_a_figure_and_the_name_after_it_are_one_sentence(parse, name):
    doc = parse(f"Militiamen clashed with farmers in Jonglei. 3 {name} villagers were killed.")
    assert [s.text for s in doc.sents] == ["Militiamen clashed with farmers in Jonglei.",
                                           f"3 {name} villagers were killed."]


def test_only_a_word_after_a_figure_and_a_space_is_bound_to_it(parse):
    doc = parse.make_doc("Gunmen killed 12\nPolice said 3. Four fled on 5 June.")
    bound = [doc[i].text for i in range(len(doc)) if continues_after_figure(doc, i)]
    assert bound == ["June"]  # not "Police" after a line break, nor "." or "Four" after punctuation


@pytest.mark.parametrize("text, deaths", [
    pytest.param("On 12 March 2020, gunmen attacked Bemisa village in Borno. 4 Bemisa residents were killed.", 4,
                 id="'4 Bemisa residents were killed' after a first sentence"),
    pytest.param("On 2 May 2020, militiamen clashed with farmers near Tarvolo. 3 Tarvolo were killed and 2 wounded.", 3,
                 id="'3 Tarvolo were killed': members of a community counted by a figure"),
    pytest.param("On 29 April 2020, militiamen clashed with farmers in Jonglei. 3 Kodrantu villagers were killed.", 3,
                 id="'3 Kodrantu villagers were killed'"),
    pytest.param("On 29 April 2020, militiamen clashed with farmers in Jonglei. 3 Onkaru were killed.", 3,
                 id="'3 Onkaru were killed'"),
    pytest.param("On 29 April 2020, Kelo and Daru militias clashed in Bamoro, Tesso district. 3 Kelo fighters were "
                 "killed. The Daru militia lost 2 men.", 5,
                 id="'3 Kelo fighters were killed' then the other side's dead told by 'lost' (a cell of the tolls matrix)"),
])
def test_a_toll_told_by_a_figure_before_a_name_is_kept(row_event, text, deaths):
    event = row_event(text, "2020-05-10")
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities


# ---------------------------------------------------------------------------------------------
# the subject after an opening phrase of places


@pytest.mark.parametrize("name", ["Velmora", "Shimvela", "Forabi", "Lotrek", "Dammunfos", "Tarvolo"])
def test_the_doers_after_an_opening_phrase_of_places_are_the_subject(row_event, name):
    text = f"On 3 April 2020, in {name}, Coahuila, workers of a bakery demanded the payment of their wages."
    event = row_event(text, "2020-04-10")
    assert event is not None, "no row"
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Protests", "Peaceful protest")


def test_a_list_of_places_with_a_subject_of_its_own_is_left_as_read(parse):
    doc = parse("In Velmora, Coahuila, and Tarvolo, Sinaloa, police arrested two men.")
    police = next(t for t in doc if t.text == "police")
    assert police.dep_ == "nsubj" and police.head.text == "arrested"
    assert not any(t.dep_ in ("nsubj", "nsubjpass") and t.text in ("Velmora", "Tarvolo") for t in doc)


# ---------------------------------------------------------------------------------------------
# a state is not lost to an alternate-named hamlet


def test_a_state_of_millions_is_not_read_as_a_hamlet_bearing_its_old_name(gazetteer):
    best = gazetteer.explain("Santa Catarina")
    brazil = next(score for c, score in best if c.country == "BRA" and c.kind == "admin1")
    cape_verde = next(score for c, score in best if c.country == "CPV" and c.kind == "admin1")
    assert brazil > cape_verde


def test_an_unknown_town_of_a_large_state_is_placed_in_that_state(row_event):
    event = row_event("On 8 May 2020, in Tarvolandia, Santa Catarina, civil police forces dismantled a drug lab. "
                      "Two people were arrested.", "2020-05-10")
    assert event is not None and event.location is not None
    assert event.location.country == "BRA", event.location


def test_a_region_named_as_its_own_towns_name_is_still_the_town(gazetteer):
    # the rule keeps a namesake town that bears the name as its own: "Idlib" is the town
    best = gazetteer.explain("Idlib")
    assert best[0][0].kind == "city", best[:3]


# ---------------------------------------------------------------------------------------------
# a name given an age is a person's


@pytest.mark.parametrize("name", ["Dammunfos", "Tarvolo"])
def test_a_named_victim_with_an_age_is_one_dead_whatever_the_names_entity_label(row_event, name):
    event = row_event(f"In Sofmammad near Velgrad, 52-year-old {name} Menzo was beaten to death by a party activist.",
                      "2015-05-20")
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == 1, event.fatalities


def test_an_aged_name_that_was_only_arrested_is_no_dead(row_event):
    event = row_event("On 4 June 2015, a 45-year-old Dammunfos was arrested by police in Ivrok village.", "2015-06-06")
    assert event is not None and acled_fatalities(event.fatalities, True) == 0


# ---------------------------------------------------------------------------------------------
# a lower-case gloss in brackets is no region spelt another way


def test_a_lowercase_gloss_in_brackets_is_not_respelt_into_a_region_abroad(row_event):
    event = row_event("On 3 March 2020, about 40 traders demonstrated in Kovalu (North Darfur state), denouncing the "
                      "Pabol (alms) committee's decision to keep the food.", "2020-03-05")
    assert event is not None and event.location is not None
    assert event.location.country == "SDN", event.location


def test_a_bracketed_region_is_still_read(row_event):
    event = row_event("On 4 June 2020, a man was shot dead in Kivuto (Masisi, Nord-Kivu) by unknown gunmen.", "2020-06-05")
    assert event is not None and event.location is not None
    assert (event.location.country, event.location.admin1) == ("COD", "Nord Kivu"), event.location
