"""Linking and event coding stay linear in the number of events (issue #10, throughput).

A long text with no line breaks (one JSON Lines record of many reports) once took minutes: the
incident grouping compared every pair of events and `_paragraph` walked the whole text per event.
These tests check the structure that keeps it linear, and that the indexes answer exactly as the
per-event scans they replace.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from strife.extract import events as events_module
from strife.extract import link
from strife.model import Article
from strife.pipeline import make_doc

TOWNS = ("Kabul", "Aden", "Goma", "Idlib", "Mosul", "Kidal")


def report(n: int) -> str:
    return (f"Gunmen attacked a police checkpoint in {TOWNS[n % len(TOWNS)]} on Monday, killing {n + 2} soldiers "
            f"and wounding {n + 7} others, security officials said.")


@pytest.fixture(scope="module")
def long_line(engine):
    """One line of 80 reports, parsed and coded by the full pipeline."""
    article = Article(text=" ".join(report(n) for n in range(80)), published=dt.date(2020, 5, 11))
    return engine.nlp(make_doc(engine.nlp, article))


def test_a_long_line_of_reports_codes_each_report_with_its_own_toll(long_line):
    result = long_line._.strife["result"]
    assert "failed" not in long_line._.strife
    killed = sorted(e.fatalities.best for e in result.events if e.fatalities)
    assert killed == [n + 2 for n in range(80)]


def test_incidents_compare_an_event_only_with_groups_told_nearby(long_line, monkeypatch):
    doc, state = long_line, long_line._.strife
    events = sorted(state["result"].events, key=lambda e: e.evidence.start)
    calls = []
    real = link._same_incident

    def counted(group, event, *args, **kwargs):
        calls.append(event)
        return real(group, event, *args, **kwargs)

    monkeypatch.setattr(link, "_same_incident", counted)
    groups = link._incidents(events, link.Layout(doc), doc)
    assert len(groups) == 80  # one incident per report
    # every pair would be 80 * 79 / 2 = 3,160 comparisons; only the previous report's group is near
    assert len(calls) <= 2 * len(events)


def test_paragraph_lookup_matches_a_walk_to_the_line_breaks(nlp):
    text = "Rebels shelled Idlib.\n\nTroops fired on protesters in Goma on Monday.\nPolice said so. \n \n\nEnd"
    doc = nlp.make_doc(text)

    def walked(token):
        start = token.i
        while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
            start -= 1
        end = token.i
        while end < len(doc) - 1 and not (doc[end + 1].is_space and "\n" in doc[end + 1].text):
            end += 1
        return (start, end + 1)

    assert any(t.is_space and "\n" in t.text for t in doc)
    for token in doc:
        found = events_module._paragraph(token)
        assert (found.start, found.end) == walked(token), token.text


def test_nearby_answers_as_a_scan_of_every_item(nlp):
    doc = nlp("Rebels shelled Idlib on Monday. Troops fired back.\n\nPolice came on Friday. Two died.\n\nAnd then.")
    layout = link.Layout(doc)
    rng = random.Random(4)
    items = [(rng.randrange(len(doc.text)), n) for n in range(40)]  # (start, name): repeated starts too

    def scanned(anchor):
        sentence, paragraph = layout.sentence(anchor), layout.paragraph(anchor)
        same = [it for it in items if layout.sentence(it[0]) == sentence]
        if same:
            return min(same, key=lambda it: abs(it[0] - anchor))
        earlier = [it for it in items if it[0] < anchor and layout.paragraph(it[0]) == paragraph]
        return max(earlier, key=lambda it: it[0]) if earlier else None

    nearby = link.Nearby(items, layout, lambda it: it[0])
    sparse = link.Nearby(items[:3], layout, lambda it: it[0])
    for anchor in range(len(doc.text)):
        assert nearby.nearest(anchor) == scanned(anchor)
        assert sparse.nearest(anchor) == link.nearest_local(items[:3], anchor, layout, lambda it: it[0])
    assert any(sparse.nearest(anchor) is None for anchor in range(len(doc.text)))
