"""A town a group strikes across its home's border is where it struck, also when written as the
object of the attack ("JNIM militants attacked <town>") with no "in" before it (issue #23)."""

from __future__ import annotations

import pytest


def _countries(code, text):
    return [(e.location.country if e.location else None) for e in code(text)]


@pytest.mark.parametrize("text, country", [
    # the group's home (Mali, DR Congo, Somalia) is evidence of the region, not of the town's country
    ("JNIM militants attacked Koudougou, killing 3 soldiers.", "BFA"),
    ("ADF rebels raided Fort Portal, killing two.", "UGA"),
    ("Al Shabaab militants stormed Hola, killing a police officer.", "KEN"),
])
def test_the_object_of_an_attack_is_read_as_a_town_across_the_border(code, text, country):
    countries = _countries(code, text)
    assert countries and all(c == country for c in countries), countries


def test_a_verb_of_attack_cues_the_name_after_it(nlp):
    from strife.extract.places.names import object_of_attack

    doc = nlp("Gunmen stormed the Westvale market and raided Kolmaro.")
    assert object_of_attack(doc, 7, 8)
    assert not object_of_attack(doc, 3, 4)  # "Westvale" names the market struck, which may be anywhere
    assert not object_of_attack(doc, 4, 5)  # "market" follows "Westvale", not the verb


def test_a_rebel_groups_home_does_not_pull_a_border_town_to_a_namesake_at_home(code):
    # Bosso is a Nigerien town on the Nigerian border and a Nigerian district far inside; Boko Haram's
    # Nigerian home says the region, and the town's own reading there wins.
    countries = _countries(code, "Boko Haram militants attacked Bosso, killing 6 soldiers.")
    assert countries and all(c == "NER" for c in countries), countries


def test_a_district_written_after_an_unknown_village_places_it(code):
    # The village is invented; Logone-et-Chari is a department of Cameroon's Far North, written bare.
    countries = _countries(code, "Boko Haram fighters abducted 6 from Tikolwa Damba, Logone-et-Chari.")
    assert countries and all(c == "CMR" for c in countries), countries


def test_a_town_of_unknown_size_after_a_cue_counts_in_a_note_with_no_country():
    from strife.extract.places.plausibility import _unsized_town_at_home
    from strife.resolve.geocode import Candidate

    town = Candidate(geonames_id=1, name="Westkura", kind="city", country="NGA", admin1="Borno", lat=13.0,
                     lon=13.0, population=0, capital=False, n_names=2, primary=False, located=True)
    assert _unsized_town_at_home([town], []) and _unsized_town_at_home([town], ["NGA"])
    assert not _unsized_town_at_home([town], ["TCD"])


def test_the_rebel_groups_home_named_as_a_place_stays_that_home(code):
    # "in Mali" is the country, not a town of that name across its border, though JNIM's home is all
    # that supports it (the village is invented).
    countries = _countries(code, "JNIM militants seized the town of Westkolo in Mali after attacking the army post there.")
    assert countries and all(c == "MLI" for c in countries), countries
