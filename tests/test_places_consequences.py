"""A place where an act's consequence was felt is not where the act was (issue #23)."""

from __future__ import annotations

from strife.extract.link import consequence_verbs


def test_the_consequence_verbs_load():
    assert "cause" in consequence_verbs()


def test_power_cuts_in_a_town_do_not_place_the_blast_that_caused_them(code):
    # The pylon was blown up near an invented village of Khuzdar district; the power cuts were in Kalat.
    events = code("Militants blew up a power pylon near Korowal in Khuzdar district, causing power cuts in "
                  "areas of Kalat.")
    placed = [e.location.name for e in events if e.location is not None]
    assert placed and all(name == "Khuzdar" for name in placed), placed


def test_a_consequence_town_still_places_an_act_the_sentence_places_nowhere_else(code):
    events = code("Militants blew up a power pylon, causing power cuts in areas of Kalat.")
    placed = [e.location.name for e in events if e.location is not None]
    assert placed and all(name == "Kalat" for name in placed), placed
