"""One incident, one event: repeated mentions merge only on positive evidence."""

from __future__ import annotations

import datetime as dt

from strife.model import Article


def real(result):
    return [e for e in result.events if not (e.negated or e.hypothetical)]


def code(engine, text, title=None):
    return engine.code(Article(text=text, title=title, published=dt.date(2020, 5, 12)))


def test_an_outcome_told_in_the_next_sentence_is_the_same_incident(engine):
    result = code(engine, "Militants shelled a hospital in Homs on Monday. Two nurses were killed in the attack.")
    (assault,) = [e for e in real(result) if e.event_type == "ASSAULT"]
    assert assault.fatalities is not None and assault.fatalities.best == 2
    assert [m.text for m in assault.mentions][-1].startswith("Two nurses were killed")
    assert all(c.event_id == assault.id for c in result.counts if c.kind == "killed")


def test_a_headline_and_its_lead_are_one_event_with_the_lead_coding(engine):
    title = "Russia vetoes UN resolution on Syria"
    text = f"{title}\n\nRussia vetoed a UN Security Council resolution on Monday, diplomats said."
    result = code(engine, text, title=title)
    (veto,) = [e for e in real(result) if e.event_type == "REJECT"]
    assert veto.evidence.start > len(title)  # the body's words are the evidence
    assert veto.mentions[0].text.startswith("Russia vetoes")  # the headline stays as a mention


def test_two_strikes_on_two_days_in_two_places_stay_two_events(engine):
    result = code(engine, "An airstrike hit a market in Idlib on Monday. Another airstrike hit a school in Aleppo on Sunday.")
    assert len([e for e in real(result) if e.event_type == "ASSAULT"]) == 2


def test_different_attackers_are_not_merged(engine):
    result = code(engine, "Rebels shelled a village near Hama on Monday. The attack was condemned. "
                          "Government troops shelled a town near Idlib on Monday.")
    sources = [{a.sector for a in e.source} for e in real(result) if e.event_type in ("ASSAULT", "FIGHT")]
    assert {"REB"} in sources and any("MIL" in s for s in sources)
