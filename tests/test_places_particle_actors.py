"""Made-up notes: an actor whose name opens with a lowercase word ("al Shabaab", "anti-Balaka") says its
country, and a village-sized namesake far abroad does not outweigh the note's actors and cues (issue #23)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, country", [
    ("Soldiers killed six al Shabaab fighters in an ambush near Dhuur Weyne.", "SOM"),
    ("anti-balaka attacked Peuhl herders near Ngoussa Kete, killing four.", "CAF"),
])
def test_a_name_opening_with_a_lowercase_word_votes_for_its_country(nlp, text, country):
    from strife.extract.places.focus import focus_countries_of

    assert focus_countries_of(nlp(text))[:1] == [country]


def test_lowercase_openers_are_the_first_words_of_known_names():
    from strife.resolve.actors import ActorDictionary

    openers = ActorDictionary.default().lowercase_openers()
    assert {"al", "anti", "ex"} <= openers
    assert "the" not in openers  # "the Taliban" is written so, but no known name opens lowercase with it


@pytest.mark.parametrize("text, country", [
    # "Dhuur Weyne" reads only as a near-spelled town in another continent; the group is Somali.
    ("Soldiers killed six al Shabaab fighters in an ambush near Dhuur Weyne.", "SOM"),
    ("anti-balaka attacked Peuhl herders near Ngoussa Kete, killing four.", "CAF"),
])
def test_a_lowercase_particle_group_places_an_unknown_village_at_home(row_event, text, country):
    event = row_event(text)
    assert event is not None and event.location is not None and event.location.country == country, event


@pytest.mark.parametrize("text, country", [
    # "Bangara" is also a district of a Pacific island state: a bare name read so is a namesake when
    # the note's group and the UN mission both say the Central African Republic.
    ("Ex-Seleka fighters attacked MINUSCA peacekeepers in Bangara. One peacekeeper killed.", "CAF"),
    ("Soldiers killed four al-Shabaab militants near Bangara, the Somali army said.", "SOM"),
])
def test_a_district_namesake_far_abroad_yields_to_the_actors_country(row_event, text, country):
    event = row_event(text)
    assert event is not None and event.location is not None and event.location.country == country, event


def test_a_group_across_its_border_still_stays_in_the_town_named(row_event):
    # A town near the group's home is where its fighters went, not a namesake.
    event = row_event("al Shabaab militants attacked a police post in Mandera town, killing two officers.")
    assert event is not None and event.location is not None and event.location.country == "KEN", event
