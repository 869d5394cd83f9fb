"""The reference article against its hand coding, matched by evidence overlap (never by position).

These checks are the foundation's bar (issue 3); the event-coding issue raises it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.evaluate import load_strife_gold, match_events, real_events, summary, unreal_hits
from strife.evaluate.strife_gold import actor_roles
from strife.model import Article
from tests.conftest import ALEPPO_GOLD


@pytest.fixture(scope="module")
def coded(aleppo_text, engine):
    return engine.code(Article(id="aleppo", text=aleppo_text, published=dt.date(2016, 12, 6)))


@pytest.fixture(scope="module")
def matches(coded, aleppo_text, aleppo_gold):
    return match_events(load_strife_gold(ALEPPO_GOLD, aleppo_text), real_events(coded))


def test_every_gold_event_is_found(matches):
    """All 19 hand-coded events are found (measured 19 of 19): losing any one is a regression."""
    stats = summary(matches)
    assert stats["all"]["gold"] == 19 and stats["all"]["found"] == 19, stats


def test_gold_actors_stand_in_their_role_on_the_overlapping_event(coded, aleppo_text):
    """Who did what to whom (issue 22): a gold actor counts only in its own role (source or
    target) of a happened event overlapping the gold evidence, with the gold country (null: the
    gold sector). All 45: Islamic State is the target of the Mosul offensive because the next
    sentence puts the blame for the casualties in Mosul on its fighters (extract.events.belligerents)."""
    hits = actor_roles(load_strife_gold(ALEPPO_GOLD, aleppo_text), real_events(coded))
    missed = [(h.gold_id, h.role, h.name) for h in hits if not h.found]
    assert len(hits) == 45 and not missed, missed


def test_veto_is_reject_by_russia_and_china(matches):
    (veto,) = [m for m in matches if m.gold.plover == "REJECT"]
    assert veto.predicted is not None and veto.predicted.event_type == "REJECT"
    assert {a.country for a in veto.predicted.source} >= {"RUS", "CHN"}


def test_key_figures_are_in_counts(coded):
    figures = {(c.best, c.kind) for c in coded.counts}
    assert (69, "killed") in figures
    assert (31000, "displaced") in figures


def test_evidence_is_exactly_the_article_text(coded, aleppo_text):
    spans = [e.evidence for e in coded.events] + [m for e in coded.events for m in e.mentions]
    assert spans
    for span in spans:
        assert aleppo_text[span.start:span.end] == span.text
    for count in coded.counts:
        assert count.span is None or aleppo_text[count.span[0]:count.span[1]] == count.text


def test_not_events_are_not_coded_as_happening(coded, aleppo_text, aleppo_gold):
    assert unreal_hits(aleppo_gold["not_events"], aleppo_text, coded.events) == []
