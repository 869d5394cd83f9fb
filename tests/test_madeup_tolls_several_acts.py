"""A toll told for several acts goes to each act, divided among them (issue #24; `strife.extract.several_acts`).

"Gunmen attacked Kallo village. Militants raided Bedi village. Eight people were killed in the
attacks.": ACLED codes an event for each act and divides a total reported for several places
among them (codebook, "Reported fatalities"); each act's row carries the toll with its own share
(`Count.split_over` and `Count.split_index`, `strife.conventions.split_share`: the odd deaths to
the first acts), so the rows of one toll sum to the told figure and the ACLED export counts no
death twice (issue #24, "one toll, once"), while the JSON keeps the told figure. A singular
"in the attack" after two acts is the last act's toll alone; a numbered plural ("the four
attacks") reaches back over as many sentences as it takes to find that many acts of its kind; a plural noun of fights ("the
clashes") does not take in an attack on civilians. Villages and groups are invented; the notes
are coded in one batch.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from strife.conventions import acled_fatalities
from strife.evaluate.score import happened, is_relevant
from strife.export import (
    StoredArticle,
    StoredEvent,
    parquet_event_row,
    parquet_schemas,
    to_json,
    write_acled_csv,
    write_events_csv,
    write_geojson,
    table_rows,
    write_plover_jsonl,
)
from strife.model import Article, Place

ACTS = "Gunmen attacked Kallo village. Militants raided Bedi village."
NOTES = {
    "the attacks": (f"{ACTS} Eight people were killed in the attacks.", [4, 4]),
    "the attacks as subject": (f"{ACTS} The attacks killed eight people.", [4, 4]),
    "both raids": (f"{ACTS} Eight people were killed in both raids.", [4, 4]),
    "the two attacks, an odd total": (f"{ACTS} Nine people were killed in the two attacks.", [5, 4]),
    "a bombing and an attack": ("Gunmen attacked Kallo village. A bomb exploded at a market in Bedi. "
                                "Ten people were killed in the attacks.", [5, 5]),
    "three attacks, an odd total": (f"{ACTS} Bandits stormed Lotta village. Eleven people were killed in the "
                                    "three attacks.", [4, 4, 3]),
    "three attacks on three days": ("Gunmen attacked Kallo village on Monday. Militants raided Bedi village on "
                                    "Tuesday. Bandits attacked Lotta village on Wednesday. Seven people were "
                                    "killed in the attacks.", [3, 2, 2]),
    "four attacks over four sentences, an odd total": (
        "Gunmen attacked Kallo village on Monday. Militants raided Bedi village on Tuesday. Bandits attacked "
        "Lotta village on Wednesday. Gunmen stormed Marro village on Thursday. Nine people were killed in the "
        "four attacks.", [3, 2, 2, 2]),
    "five raids over five sentences, an odd total": (
        "Gunmen attacked Kallo village on Monday. Militants raided Bedi village on Tuesday. Bandits attacked "
        "Lotta village on Wednesday. Gunmen stormed Marro village on Thursday. Militants raided Sefa village "
        "on Friday. Eleven people were killed in the five raids.", [3, 2, 2, 2, 2]),
    "a riot among four attacks is none of them": (
        "Gunmen attacked Kallo village on Monday. Militants raided Bedi village on Tuesday. Rioters burned "
        "shops in Tambu town on Wednesday. Bandits attacked Lotta village on Thursday. Gunmen stormed Sefa "
        "village on Friday. Nine people were killed in the four attacks.", [3, 2, 0, 2, 2]),
    "a riot told last is none of the three attacks": (
        "Gunmen attacked Kallo village on Monday. Militants raided Bedi village on Tuesday. Bandits attacked "
        "Lotta village on Wednesday. Rioters burned shops in Tambu town on Thursday. Seven people were killed "
        "in the three attacks.", [3, 2, 2, 0]),
    "the four attacks after two: today's share": (
        "Gunmen attacked Kallo village on Monday. Militants raided Bedi village on Tuesday. Nine people were "
        "killed in the four attacks.", [5, 4]),
    "the attack: the last act's": (f"{ACTS} Eight people were killed in the attack.", [0, 8]),
    "an act with its own toll keeps it": ("Gunmen killed two farmers in Kallo village. Militants raided Bedi "
                                          "village. Eight people were killed in the attacks.", [2, 8]),
    # another person told killed at another named place in a later sentence: another event at another
    # location, a row of its own with its own toll (ACLED: one event a location and day)
    "killed elsewhere: a row of its own": ("Gunmen shot dead a police officer in Tulmaro town on Monday. A second "
                                           "officer was killed in Fura the same night.", [1, 1]),
    "killed elsewhere after a figure: a row of its own": ("Bandits killed three farmers in Kadiri village on Sunday. "
                                                          "Another farmer was killed in Wanko the same day.", [3, 1]),
    "shot dead elsewhere: a row of its own": ("Militants killed a teacher in Pelo village. Another teacher was shot "
                                              "dead in Marsa later that evening.", [1, 1]),
    "killed at the same place: one row": ("Gunmen shot dead a police officer in Tulmaro town on Monday. A second "
                                          "officer was killed in Tulmaro the same night.", [2]),
    "killed with no place: one row": ("Suspected rebels killed a chief in Bako village. A second man was shot dead "
                                      "later that day.", [2]),
}


@pytest.fixture(scope="module")
def coded(engine):
    names = list(NOTES)
    results = engine.code_articles([Article(id=str(n), text=NOTES[name][0], published=dt.date(2016, 6, 22))
                                    for n, name in enumerate(names)])
    return {name: [e for e in happened(result.events) if is_relevant(e, "acled")] for name, result in zip(names, results)}


@pytest.mark.parametrize("name", list(NOTES))
def test_each_act_carries_its_share_of_a_toll_told_for_the_acts(coded, name):
    events = sorted(coded[name], key=lambda e: e.evidence.start)
    assert [acled_fatalities(e.fatalities, True) for e in events] == NOTES[name][1], [e.fatalities for e in events]


@pytest.mark.parametrize("name", ["killed elsewhere: a row of its own", "killed elsewhere after a figure: a row of its own"])
def test_a_killing_told_at_another_place_does_not_share_the_first_rows_place(coded, name):
    """Each of the two rows has its own place or none: neither borrows the other's (the gazetteer knows
    at most one of the made-up places)."""
    first, second = sorted(coded[name], key=lambda e: e.evidence.start)
    assert first.location is None or second.location is None or first.location.name != second.location.name


#: The notes whose toll is divided among several acts, and the figure each tells.
DIVIDED = {name: sum(NOTES[name][1]) for name in NOTES
           if name not in ("the attack: the last act's", "an act with its own toll keeps it") and "killed" not in name}


@pytest.mark.parametrize("name", list(DIVIDED))
def test_the_acled_export_of_a_divided_toll_sums_to_the_told_figure(coded, name):
    article = StoredArticle("0" * 64, name, None, None, None, dt.date(2016, 6, 22), "2016-06-22T00:00:00")
    items = [StoredEvent(pk=n, event=e, article=article) for n, e in enumerate(coded[name])]
    out = io.StringIO()
    write_acled_csv(items, out, conventions=True)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) >= 2 and sum(int(row["fatalities"]) for row in rows) == DIVIDED[name]


@pytest.mark.parametrize("name", ["the two attacks, an odd total", "three attacks, an odd total"])
def test_the_json_keeps_the_told_figure_with_its_evidence(coded, name):
    told = {"the two attacks, an odd total": (9, "Nine people"), "three attacks, an odd total": (11, "Eleven people")}
    figure, words = told[name]
    text = NOTES[name][0]
    for event in coded[name]:
        toll = json.loads(to_json(event))["fatalities"]
        assert (toll["best"], toll["low"], toll["high"]) == (figure, figure, figure)
        assert text[toll["span"][0]:toll["span"][1]].startswith(words) and toll["text"].startswith(words)
    assert sorted(e.fatalities.split_index for e in coded[name]) == list(range(len(coded[name])))


def _exported(events) -> dict[str, list[tuple]]:
    """Every export's rows for a note's events: (summed column, told column, split-over column) per row."""
    article = StoredArticle("0" * 64, "note", None, None, None, dt.date(2016, 6, 22), "2016-06-22T00:00:00")
    village = Place(name="Kallo", country="NGA", lat=9.5, lon=8.5, geo_precision=1, feature="city")
    placed = [e.model_copy(update={"location": village}) for e in events]  # GeoJSON writes points only
    items = [StoredEvent(pk=n, event=e, article=article) for n, e in enumerate(placed)]
    columns = ("fatalities", "fatalities_told", "fatalities_split_over")
    out = {}
    flat = io.StringIO()
    write_events_csv(placed, flat)
    out["flat csv"] = [tuple(int(r[c]) if r[c] else None for c in columns) for r in csv.DictReader(io.StringIO(flat.getvalue()))]
    plover = io.StringIO()
    write_plover_jsonl(items, plover)
    out["plover jsonl"] = [tuple(json.loads(line)[c] for c in columns) for line in plover.getvalue().splitlines()]
    geo = io.StringIO()
    write_geojson(items, geo)
    out["geojson"] = [tuple(f["properties"][c] for c in columns) for f in json.loads(geo.getvalue())["features"]]
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist([parquet_event_row(i) for i in items], schema=parquet_schemas()["events"]), sink)
    table = pq.read_table(pa.BufferReader(sink.getvalue())).to_pylist()
    out["parquet"] = [tuple(r[c] for c in columns) for r in table]
    return out


@pytest.mark.parametrize("name, told, rows", [("the two attacks, an odd total", 9, 2),
                                              ("three attacks, an odd total", 11, 3)])
def test_every_export_sums_a_divided_toll_once(coded, name, told, rows):
    """Issue #24, "one toll, once": the flat CSV, PLOVER JSONL, GeoJSON and Parquet carry each row's
    share in `fatalities` (their sum is the told figure) and the told figure and how many rows hold it
    in `fatalities_told` and `fatalities_split_over`."""
    for export, exported in _exported(coded[name]).items():
        assert len(exported) == rows, export
        assert sum(share for share, _, _ in exported) == told, (export, exported)
        assert {(t, over) for _, t, over in exported} == {(told, rows)}, (export, exported)
    dead = sorted(row[5] for row in table_rows(coded[name]))  # `strife events`: the share, of the told figure
    assert dead == sorted(f"{share} of {told}" for share in NOTES[name][1])


def test_a_toll_one_row_holds_is_exported_whole(coded):
    """An act with a toll of its own, and the toll the plural gives the other act alone, keep their
    figures whole in every export, with no split."""
    for export, exported in _exported(coded["an act with its own toll keeps it"]).items():
        assert sorted(exported) == [(2, 2, None), (8, 8, None)], (export, exported)
    assert sorted(row[5] for row in table_rows(coded["an act with its own toll keeps it"])) == ["2", "8"]
