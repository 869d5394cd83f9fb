"""Actors with stable ids and the actor-to-actor event network, from a real SQLite database."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from strife.model import Actor, Article, ArticleResult, Event, Span
from strife.network import (
    actor_id,
    actor_network,
    actor_table,
    network_text,
    read_network,
    write_network,
)
from strife.store import EventQuery, Store

RUSSIA = dict(canonical="Russia", country="RUS", sector="GOV")
REBELS = dict(canonical="rebels", country="SYR", sector="REB")
SYRIA_MIL = dict(canonical="Syrian Army", country="SYR", sector="MIL")
UN = dict(canonical="United Nations", country=None, sector="IGO")


def actor(name: str, coding: dict) -> Actor:
    return Actor(name=name, **coding)


def article(article_id: str, text: str, published: dt.date, specs: list[tuple]) -> ArticleResult:
    """An article whose events are (type, quad, date, sources, targets, hypothetical)."""
    meta = Article(id=article_id, text=text, published=published).meta()
    events = [
        Event(id=f"{meta.sha256[:12]}-{i}", event_type=kind, quad=quad, date=date, date_precision="day",
              source=sources, target=targets, hypothetical=hypothetical,
              evidence=Span(start=0, end=10, text=text[:10]), confidence=0.8)
        for i, (kind, quad, date, sources, targets, hypothetical) in enumerate(specs, start=1)
    ]
    return ArticleResult(article=meta, events=events)


def articles() -> list[tuple[ArticleResult, str]]:
    first_text = "Syrian Army shelled rebels in Aleppo. Moscow backed Damascus."
    second_text = "Rebels attacked the Syrian Army. Russia may strike rebels. The UN urged Russia to stop."
    first = article("a1", first_text, dt.date(2016, 12, 5), [
        ("ASSAULT", "material_conflict", dt.date(2016, 12, 4), [actor("Syrian Army", SYRIA_MIL)], [actor("rebels", REBELS)], False),
        ("SUPPORT", "verbal_cooperation", dt.date(2016, 12, 5), [actor("Moscow", RUSSIA)], [actor("Syrian Army", SYRIA_MIL)], False),
    ])
    second = article("a2", second_text, dt.date(2016, 12, 10), [
        ("ASSAULT", "material_conflict", dt.date(2016, 12, 9), [actor("Rebels", {**REBELS, "canonical": "Rebels"})],
         [actor("the Syrian Army", SYRIA_MIL)], False),
        ("ASSAULT", "material_conflict", None, [actor("Russia", RUSSIA)], [actor("rebels", REBELS)], True),
        ("DEMAND", "verbal_conflict", dt.date(2016, 12, 10), [actor("The UN", UN)], [actor("Russia", RUSSIA)], False),
    ])
    return [(first, first_text), (second, second_text)]


def fill(path) -> Store:
    store = Store(str(path))
    for result, text in articles():
        store.add(result, text)
    return store


@pytest.fixture
def store(tmp_path):
    with fill(tmp_path / "net.db") as opened:
        yield opened


def test_actor_ids_are_stable_and_follow_the_coding():
    assert actor_id("Russia", "RUS", "GOV") == actor_id("  russia ", "rus", "gov")
    assert actor_id("Russia", "RUS", "GOV") != actor_id("Russia", "RUS", "MIL")
    assert actor_id("United Nations", None, "IGO") == actor_id("united  nations", "", "IGO")
    assert len(actor_id("x", None, None)) == 13


def test_actor_table_counts_real_events_by_role(store):
    rows = {row.canonical.casefold(): row for row in actor_table(store)}
    assert set(rows) == {"syrian army", "rebels", "russia", "united nations"}
    army, rebels, russia, un = rows["syrian army"], rows["rebels"], rows["russia"], rows["united nations"]
    assert (army.events, army.as_source, army.as_target) == (3, 1, 2)
    # "rebels" and "Rebels" are one actor; the hypothetical Russian strike is left out.
    assert (rebels.events, rebels.as_source, rebels.as_target) == (2, 1, 1)
    assert (russia.events, russia.as_source, russia.as_target) == (2, 1, 1)
    assert sorted(russia.names) == ["Moscow", "Russia"]
    assert army.names[0] == "Syrian Army" and army.name == "Syrian Army"
    assert (un.country, un.sector, un.events) == (None, "IGO", 1)
    assert [row.canonical for row in actor_table(store, top=1)] == ["Syrian Army"]


def test_actor_table_filters(store):
    everything = {row.canonical.casefold(): row for row in actor_table(store, query=EventQuery(include_unreal=True))}
    assert (everything["russia"].as_source, everything["rebels"].as_target) == (2, 2)
    late = {row.canonical.casefold(): row.events for row in actor_table(store, query=EventQuery(since=dt.date(2016, 12, 9)))}
    assert late == {"rebels": 1, "syrian army": 1, "united nations": 1, "russia": 1}
    assert actor_table(store, query=EventQuery(until=dt.date(2016, 12, 1))) == []


def test_ids_are_the_same_in_two_databases(tmp_path):
    with fill(tmp_path / "one.db") as one, fill(tmp_path / "two.db") as two:
        ids_one = {row.canonical.casefold(): row.id for row in actor_table(one)}
        ids_two = {row.canonical.casefold(): row.id for row in actor_table(two)}
    assert ids_one == ids_two
    assert ids_one["russia"] == actor_id("Russia", "RUS", "GOV")


def test_network_edges_weighted_by_events_and_quads(store):
    graph = actor_network(store)
    army, rebels, russia, un = (actor_id(**c) for c in (SYRIA_MIL, REBELS, RUSSIA, UN))
    assert set(graph.nodes) == {army, rebels, russia, un}
    assert set(graph.edges) == {(army, rebels), (russia, army), (rebels, army), (un, russia)}
    assert not graph.has_edge(russia, rebels)  # hypothetical
    edge = graph.edges[army, rebels]
    assert (edge["weight"], edge["material_conflict"], edge["verbal_cooperation"]) == (1, 1, 0)
    assert graph.edges[un, russia]["verbal_conflict"] == 1
    assert graph.nodes[russia]["country"] == "RUS" and graph.nodes[russia]["sector"] == "GOV"
    assert graph.nodes[un]["country"] is None
    assert graph.graph["events"] == 4
    everything = actor_network(store, EventQuery(include_unreal=True))
    assert everything.edges[russia, rebels]["material_conflict"] == 1 and everything.graph["events"] == 5


def test_network_date_filter(store):
    early = actor_network(store, EventQuery(until=dt.date(2016, 12, 5)))
    assert early.graph["events"] == 2
    army, rebels = actor_id(**SYRIA_MIL), actor_id(**REBELS)
    assert set(early.edges) == {(army, rebels), (actor_id(**RUSSIA), army)}
    assert early.edges[army, rebels]["first_day"] == "2016-12-04"


def test_graphml_reads_back_with_networkx(store, tmp_path):
    graph = actor_network(store)
    path = tmp_path / "net.graphml"
    write_network(graph, "graphml", path)
    back = nx.read_graphml(path)
    assert back.is_directed()
    assert set(back.edges) == set(graph.edges)
    russia = actor_id(**RUSSIA)
    assert back.nodes[russia]["canonical"] == "Russia" and back.nodes[russia]["events"] == 2
    army, rebels = actor_id(**SYRIA_MIL), actor_id(**REBELS)
    assert back.edges[army, rebels]["material_conflict"] == 1
    assert back.nodes[actor_id(**UN)]["country"] == ""  # GraphML has no null


def test_json_is_node_link(store, tmp_path):
    graph = actor_network(store)
    data = json.loads(network_text(graph, "json"))
    assert data["directed"] is True and set(data) >= {"nodes", "edges", "graph"}
    node = next(n for n in data["nodes"] if n["id"] == actor_id(**RUSSIA))
    assert {k: node[k] for k in ("name", "canonical", "country", "sector", "as_source", "as_target")} == {
        "name": "Moscow", "canonical": "Russia", "country": "RUS", "sector": "GOV", "as_source": 1, "as_target": 1,
    }  # "Moscow" and "Russia" once each in real events: the tie goes to the first name alphabetically
    edge = next(e for e in data["edges"] if e["source"] == actor_id(**UN))
    assert edge["target"] == actor_id(**RUSSIA) and edge["weight"] == 1 and edge["verbal_conflict"] == 1
    path = tmp_path / "net.json"
    write_network(graph, "json", path)
    assert set(read_network(path, "json").edges) == set(graph.edges)
    with pytest.raises(ValueError, match="graphml, json"):
        network_text(graph, "gexf")


@pytest.mark.slow
def test_cli_actors_and_network(tmp_path):
    db = tmp_path / "cli.db"
    fill(db).close()
    strife = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([strife, *args, "--db", str(db)], capture_output=True, text=True, timeout=120)
    listed = run("actors", "--format", "json", "--top", "2")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [r["canonical"] for r in rows] == ["Syrian Army", "Rebels"]  # rebels and Russia tie on events: by name
    assert rows[0]["id"] == actor_id(**SYRIA_MIL) and rows[0]["events"] == 3
    table = run("actors")
    assert table.returncode == 0 and actor_id(**SYRIA_MIL) in table.stdout
    out = tmp_path / "net.graphml"
    exported = run("network", "--since", "2016-12-09", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert set(nx.read_graphml(out).edges) == {(actor_id(**REBELS), actor_id(**SYRIA_MIL)), (actor_id(**UN), actor_id(**RUSSIA))}
    as_json = run("network", "--format", "json")
    assert as_json.returncode == 0 and len(json.loads(as_json.stdout)["edges"]) == 4
    bad = run("network", "--format", "gexf")
    assert bad.returncode == 2 and "--format" in bad.stderr and "Traceback" not in bad.stderr
