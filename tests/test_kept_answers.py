"""Answers kept per phrase or name (actor codes, gazetteer keys): the same as worked out afresh."""

from __future__ import annotations

import datetime as dt

import pytest

from strife.resolve.actors import ActorDictionary, ActorEntry
from strife.resolve.geocode import name_key
from strife.resolve.spellings import normalise_name

PHRASES = ["rebels", "the police", "Marandi soldiers", "two Syrians", "gunmen, residents said", "", "  "]


@pytest.mark.parametrize("on", [None, dt.date(2020, 5, 12)])
def test_kept_actor_codes_are_the_codes_worked_out_afresh(on) -> None:
    dictionary = ActorDictionary.default()
    for phrase in PHRASES:
        first = dictionary.code(phrase, on, "SYR")
        assert dictionary.code(phrase, on, "SYR") is first
        assert first == dictionary._code_phrase(phrase, on, "SYR")


def test_adding_an_entry_forgets_the_kept_codes() -> None:
    dictionary = ActorDictionary()
    assert dictionary.code("Kessa Brigade") is None
    dictionary._set_name("Kessa Brigade", [ActorEntry(canonical="Kessa Brigade", kind="group", country=None, sector="REB")])
    assert dictionary.code("Kessa Brigade").canonical == "Kessa Brigade"


@pytest.mark.parametrize("name", ["The Dayr az-Zawr", "  Ta'izz ", "U.S.", "the Hague"])
def test_gazetteer_key_is_the_normalised_name(name) -> None:
    import re

    assert name_key(name) == normalise_name(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))
