"""The event a record's row holds (`strife.rows`): one definition for the headline evaluation
and for the event that carries a shared toll. Made-up events and made-up notes."""

from __future__ import annotations

import datetime as dt

from strife.evaluate.user import most_confident
from strife.model import Article, Event, Span
from strife.rows import STRATEGIC, is_disorder, record_row_event, row_rank


def _event(n: int, acled: str | None, confidence: float, **flags) -> Event:
    return Event(id=f"e{n}", event_type="ASSAULT", acled_event_type=acled, confidence=confidence,
                 evidence=Span(start=10 * n, end=10 * n + 5, text="x"), **flags)


def test_an_act_of_disorder_outranks_a_more_confident_strategic_development():
    """'Gunmen raided a base and seized weapons': the seizure is part of the raid, not its own row."""
    seizure, raid = _event(1, STRATEGIC, 0.9), _event(2, "Battles", 0.7)
    assert record_row_event([seizure, raid]) is raid
    assert row_rank(raid) > row_rank(seizure)


def test_an_act_of_disorder_is_typed_and_not_a_strategic_development():
    assert is_disorder(_event(1, "Riots", 0.5))
    assert not is_disorder(_event(2, STRATEGIC, 0.9)) and not is_disorder(_event(3, None, 0.9))


def test_a_strategic_development_alone_is_the_row():
    """'Militants set up a checkpoint on the highway': nothing else happened, so it is the row."""
    checkpoint = _event(1, STRATEGIC, 0.7)
    assert record_row_event([_event(0, None, 0.99), checkpoint]) is checkpoint


def test_within_a_rank_the_most_confident_then_the_first_wins():
    first, second, third = _event(1, "Protests", 0.8), _event(2, "Riots", 0.9), _event(3, "Riots", 0.9)
    assert record_row_event([first, second, third]) is second


def test_negated_and_untyped_events_rank_below_any_typed_event_that_happened():
    denied = _event(1, "Battles", 0.99, negated=True)
    talk = _event(2, None, 0.99)
    arrest = _event(3, STRATEGIC, 0.5)
    assert record_row_event([denied, talk, arrest]) is arrest


def test_outside_acled_rows_confidence_alone_decides():
    """A PLOVER sentence's event is its most confident, typed or not; an ACLED row is not."""
    events = [_event(1, STRATEGIC, 0.95), _event(2, "Violence against civilians", 0.6)]
    assert most_confident(events) is events[0] and record_row_event(events) is events[1]
    assert record_row_event([]) is None


def test_a_shared_toll_goes_to_the_row_event_not_to_the_seizure_told_with_it():
    """Both events of one line were linked to one death figure: it stays on the raid, the event the
    record's row is written for, though the seizure was coded with more confidence."""
    from strife.extract.link import one_carrier_per_toll
    from strife.model import Count

    seizure, raid = _event(1, STRATEGIC, 0.9), _event(2, "Battles", 0.7)
    for event in (seizure, raid):
        event.fatalities = Count(best=3, text="three", span=(40, 45))
    one_carrier_per_toll([seizure, raid])
    assert raid.fatalities is not None and seizure.fatalities is None


def test_a_raid_and_the_weapons_seized_in_it_make_one_row_the_raid(engine):
    text = "On 3 May 2020, unidentified gunmen carried out a raid on an army post in a village and seized weapons and vehicles."
    events = engine.code(Article(id="t", text=text, published=dt.date(2020, 5, 9))).events
    typed = {e.acled_event_type for e in events if e.acled_event_type}
    assert typed == {"Battles", STRATEGIC}  # premise: both acts are coded
    assert record_row_event([e for e in events if e.acled_event_type]).acled_event_type == "Battles"
