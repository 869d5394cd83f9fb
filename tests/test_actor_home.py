"""The country of a note's crowds when it names no place: the country its organisations are named
after (`strife.extract.actors.named_home_country`), on made-up names and a made-up gazetteer."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from strife.extract.actors import named_home_country
from strife.model import Actor, Article

PLACES = {
    "Northmark": [SimpleNamespace(kind="admin1", country="AAA")],
    "Twin Vale": [SimpleNamespace(kind="admin1", country="AAA"), SimpleNamespace(kind="admin1", country="BBB")],
    "Lowport": [SimpleNamespace(kind="city", country="CCC")],
    "Westland": [SimpleNamespace(kind="country", country="DDD")],
}


def lookup(name: str) -> list:
    return PLACES.get(name, [])


def mention(name: str, country: str | None = None) -> Actor:
    return Actor(name=name, country=country)


def test_a_body_named_after_a_region_is_of_its_country():
    assert named_home_country([mention("the Northmark Pollution Control Board")], lookup) == "AAA"
    assert named_home_country([mention("Westland Federation of Farmers")], lookup) == "DDD"


def test_a_region_of_two_countries_a_town_or_a_coded_mention_says_nothing():
    assert named_home_country([mention("Twin Vale Teachers Union")], lookup) is None
    assert named_home_country([mention("Lowport Traders Association")], lookup) is None  # a town's name is no home
    assert named_home_country([mention("Northmark Rifles", country="EEE")], lookup) is None  # already coded
    assert named_home_country([mention("Northmark")], lookup) is None  # a bare place is a place, not a body
    assert named_home_country([mention("students")], lookup) is None


def test_most_mentions_win():
    mentions = [mention("Westland Bar Council"), mention("Northmark Bus Owners"), mention("Northmark Board")]
    assert named_home_country(mentions, lookup) == "AAA"


def test_a_strike_note_with_no_place_takes_the_country_its_union_is_named_after(engine):
    article = Article(id="t", text="Employees of the Saskatchewan Transport Corporation went on strike over delayed salaries.",
                      published=dt.date(2021, 3, 2))
    events = [e for e in engine.code(article).events if e.acled_event_type == "Protests"]
    assert events and events[0].location is None
    assert {a.country for a in events[0].source} == {"CAN"}
