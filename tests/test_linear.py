"""Linking and event coding stay linear in the number of events (issue #10, throughput).

A long text with no line breaks (one JSON Lines record of many reports) once took minutes: the
incident grouping compared every pair of events and the line lookup walked the whole text per event;
merging repeated mentions compared every event with every earlier one, attribution rebuilt the
sentence list per event, and actor coding scanned every mention, place and entity of the article
per phrase. These tests count that work (never time it), and check that the indexes answer
exactly as the per-event scans they replace.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

import strife.extract as extract
from strife.extract import (
    Intervals,
    actors,
    doc_ents,
    figure_links,
    line_bounds,
    line_break_between,
    line_of,
    link,
    quotes,
)
from strife.extract.nearby import Nearby, nearest_local
from strife.model import Actor, Article
from strife.pipeline import make_doc
from strife.resolve import coref

TOWNS = ("Kabul", "Aden", "Rutshuru", "Idlib", "Mosul", "Kidal")


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
    real = figure_links._same_incident

    def counted(group, event, *args, **kwargs):
        calls.append(event)
        return real(group, event, *args, **kwargs)

    monkeypatch.setattr(figure_links, "_same_incident", counted)
    groups = figure_links._incidents(events, link.Layout(doc), doc)
    assert len(groups) == 80  # one incident per report
    # every pair would be 80 * 79 / 2 = 3,160 comparisons; only the previous report's group is near
    assert len(calls) <= 2 * len(events)


def test_line_lookup_matches_a_walk_to_the_line_breaks(nlp):
    text = "Rebels shelled Idlib.\n\nTroops fired on protesters in Rutshuru on Monday.\nPolice said so. \n \n\nEnd"
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
        found = line_of(token)
        assert (found.start, found.end) == walked(token), token.text
        if not token.is_space:  # the same line in characters, as the trained typer reads it
            lo, hi = line_bounds(text, token.idx, token.idx + len(token))
            assert lo <= found.start_char <= found.end_char <= hi  # the same up to spaces at the ends
            assert not (text[lo:found.start_char] + text[found.end_char:hi]).strip()
    for a in doc:
        for b in doc:
            lo, hi = sorted((a.i, b.i))
            scanned = any(t.is_space and "\n" in t.text for t in doc[lo:hi])
            assert line_break_between(a, b) == scanned, (a.i, b.i)


def test_nearby_answers_as_a_scan_of_every_item(nlp):
    """`Nearby` and `nearest_local` (which asks a `Nearby`) against a scan of every item, for many
    items and for a few, where some anchors have no item in their sentence or before them."""
    doc = nlp("Rebels shelled Idlib on Monday. Troops fired back.\n\nPolice came on Friday. Two died.\n\nAnd then.")
    layout = link.Layout(doc)
    rng = random.Random(4)
    items = [(rng.randrange(len(doc.text)), n) for n in range(40)]  # (start, name): repeated starts too

    def scanned(among, anchor):
        sentence, paragraph = layout.sentence(anchor), layout.paragraph(anchor)
        same = [it for it in among if layout.sentence(it[0]) == sentence]
        if same:
            return min(same, key=lambda it: abs(it[0] - anchor))
        earlier = [it for it in among if it[0] < anchor and layout.paragraph(it[0]) == paragraph]
        return max(earlier, key=lambda it: it[0]) if earlier else None

    nearby = Nearby(items, layout, lambda it: it[0])
    sparse = Nearby(items[:3], layout, lambda it: it[0])
    for anchor in range(len(doc.text)):
        assert nearby.nearest(anchor) == scanned(items, anchor)
        assert sparse.nearest(anchor) == scanned(items[:3], anchor)
        assert nearest_local(items[:3], anchor, layout, lambda it: it[0]) == scanned(items[:3], anchor)
    assert any(sparse.nearest(anchor) is None for anchor in range(len(doc.text)))


def _unlinked(engine, reports: int, told=report):
    """A line of `reports` reports through every stage but linking, which the caller runs."""
    article = Article(text=" ".join(told(n) for n in range(reports)), published=dt.date(2020, 5, 11))
    with engine.nlp.select_pipes(disable=["strife_link"]):
        return engine.nlp(make_doc(engine.nlp, article))


def told_twice(n: int) -> str:
    """A report whose incident is told again in the next sentence ("... in the attack")."""
    return report(n) + " Two guards were wounded in the attack."


def _compatibility_tests(engine, reports: int, monkeypatch) -> tuple[int, int]:
    calls = []
    real = coref._compatible
    monkeypatch.setattr(coref, "_compatible", lambda a, b: calls.append(1) or real(a, b))
    doc = _unlinked(engine, reports, told_twice)
    result = link.assemble(doc, doc._.strife)
    monkeypatch.setattr(coref, "_compatible", real)
    assert len(doc._.strife["events"]) == 2 * reports  # found twice, merged into one
    return len(calls), len(result.events)


def test_merging_mentions_tests_each_event_against_its_neighbours_only(engine, monkeypatch):
    small, small_events = _compatibility_tests(engine, 40, monkeypatch)
    large, large_events = _compatibility_tests(engine, 120, monkeypatch)
    assert (small_events, large_events) == (40, 120)
    # testing every earlier event grows ninefold for three times the reports (1,600 -> 14,400)
    assert 0 < large <= 3.3 * small


def test_attribution_reuses_the_articles_sentences(engine, monkeypatch):
    built = []
    real = quotes._sentence_finder
    monkeypatch.setattr(quotes, "_sentence_finder", lambda doc: built.append(1) or real(doc))
    doc = _unlinked(engine, 40)
    result = link.assemble(doc, doc._.strife)
    assert sum(e.attribution == "security officials" for e in result.events) >= 40  # one claim per report
    assert built == []


class _CountedReads(tuple):
    """A tuple that counts the items read from it, by index or by iteration."""

    reads = 0

    def __getitem__(self, index):
        _CountedReads.reads += 1
        return super().__getitem__(index)

    def __iter__(self):
        for item in super().__iter__():
            _CountedReads.reads += 1
            yield item


def test_coding_a_phrase_reads_the_entities_near_it_only(long_line, monkeypatch):
    ents = _CountedReads(doc_ents(long_line))
    _CountedReads.reads = 0
    monkeypatch.setattr(extract, "doc_ents", lambda doc: ents)  # read through `extract.span_ents`
    last = list(long_line.sents)[-1]
    subject = next(t for t in last if t.dep_ == "nsubj")
    phrase = long_line[subject.left_edge.i: subject.right_edge.i + 1]
    found = actors.actor_for_span(phrase)
    assert [a.name for a in found] == ["Gunmen"]
    assert len(ents) > 200 and _CountedReads.reads <= 20  # a bisection, then the phrase's own


def test_intervals_answer_as_a_scan_of_every_item():
    rng = random.Random(10)
    items = []
    for n in range(300):
        start = rng.randrange(1000)
        items.append((start, start + rng.choice((0, 1, 3, 10, 40, 400)), n))  # empty, short, long, nested
    index = Intervals(items, lambda item: item[:2])
    for _ in range(2000):
        start = rng.randrange(1100)
        end = start + rng.choice((0, 1, 5, 30, 200))
        assert index.within(start, end) == [it for it in items if start <= it[0] and it[1] <= end]
        assert index.overlapping(start, end) == [it for it in items if min(it[1], end) > max(it[0], start)]


def test_dropping_nested_mentions_answers_as_the_pairwise_scan():
    rng = random.Random(3)

    def pairwise(found):
        kept = []
        for actor in found:
            s, e = actor.span or (0, 0)
            if not any(other is not actor and other.span and other.span[0] <= s and e <= other.span[1]
                       and other.span != (s, e) and other.span[1] != e for other in found):
                kept.append(actor)
        return kept

    for _ in range(200):
        found = []
        for n in range(rng.randrange(1, 25)):
            start = rng.randrange(60)
            span = None if rng.random() < 0.1 else (start, start + rng.randrange(1, 15))
            found.append(Actor(name=f"a{n}", span=span))
        assert actors._drop_nested(found) == pairwise(found)
