"""Answers kept per phrase or name (actor codes, gazetteer keys): the same as worked out afresh, in
memos that stay bounded (`strife.memo`)."""

from __future__ import annotations

import datetime as dt

import pytest

from strife.memo import keep, kept
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


def test_a_memo_answers_from_what_it_kept_and_works_only_once_per_question() -> None:
    asked: list[str] = []
    answers: dict = {}

    def work(question: str):
        asked.append(question)
        return None if question == "unknown" else question.upper()

    for question in ["a", "unknown", "a", "unknown", "b"]:
        kept(answers, question, 10, lambda: work(question))
    assert asked == ["a", "unknown", "b"]  # a kept None is an answer too
    assert answers == {"a": "A", "unknown": None, "b": "B"}


def test_a_full_memo_starts_over_and_never_holds_more_than_its_limit() -> None:
    answers: dict = {}
    for number in range(25):
        assert keep(answers, number, number * 2, 10) == number * 2
        assert len(answers) <= 10
    assert answers == {number: number * 2 for number in range(20, 25)}


def test_the_actor_dictionarys_memo_is_bounded(monkeypatch) -> None:
    import strife.resolve.actors as actors

    monkeypatch.setattr(actors, "_KEPT_CODES", 3)
    dictionary = ActorDictionary.default()
    for phrase in PHRASES:  # questions not asked before in this process (the default dictionary is shared)
        dictionary.code(phrase, None, "YEM")
        assert 0 < len(dictionary._codes) <= 3
