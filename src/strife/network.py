"""Who acts on whom across stored articles: actors with stable ids, and the actor-to-actor event network.

    from strife.network import actor_table, actor_network, write_network
    with Store("strife.db") as store:
        top = actor_table(store, top=20)                          # most active actors first
        graph = actor_network(store, EventQuery(since=date(2016, 12, 1)))   # a networkx.DiGraph
        write_network(graph, "graphml", "aleppo.graphml")         # for Gephi, Cytoscape, igraph

An actor is identified across articles by its coding, not by how one article wrote its name: the id
is a short hash of (canonical name case-folded, country, sector), so "Russia"/RUS/GOV gets the same id
in every database and every run, and "Russian forces"/RUS/MIL is a different actor. Ids are computed
from what the store already holds; no table is added.

Like `strife events`, negated and hypothetical events are left out unless the query includes them:
an analyst's network should show what happened, not what was denied or threatened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Optional, TextIO, Union

import networkx as nx
from sqlalchemy import Connection, case, distinct, func, select

from strife.ontology import QUADS
from strife.store import (
    EventQuery,
    Store,
    event_filters,
    max_span_days,
    event_actors,
    events,
)

NETWORK_FORMATS = ("graphml", "json")
ID_LENGTH = 12  # hex digits: 48 bits, no collision expected below millions of actors


def actor_id(canonical: str, country: Optional[str], sector: Optional[str]) -> str:
    """The stable id of an actor: the same coding gives the same id in any database, on any run."""
    key = "|".join((" ".join(canonical.split()).casefold(), (country or "").upper(), (sector or "").upper()))
    return "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_LENGTH]


@dataclass
class ActorRow:
    """One stored actor with how often it acts and is acted upon (events counted once per role)."""

    id: str
    canonical: str
    country: Optional[str]
    sector: Optional[str]
    events: int = 0
    as_source: int = 0
    as_target: int = 0
    names: list[str] = field(default_factory=list)  # as written in the articles, most frequent first

    @property
    def name(self) -> str:
        """The name it is most often written as (its canonical name when none was recorded)."""
        return self.names[0] if self.names else self.canonical

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, **asdict(self)}


MAX_NAMES = 10  # written forms kept per actor: enough to audit the resolution, short enough to print


def actor_table(store: Store, top: Optional[int] = None, query: EventQuery = EventQuery()) -> list[ActorRow]:
    """Actors of the events matching `query` (its `limit` is ignored), most events first.

    Counts are of distinct events: an actor named twice as a source of one event counts once.
    """
    with store.engine.connect() as conn:
        found = _aggregate_actors(conn, query)
        _attach_names(conn, query, found)
    ranked = sorted(found.values(), key=lambda a: (-a.events, -a.as_source, a.canonical.casefold(), a.id))
    return ranked[:top] if top else ranked


def _canonical_column():
    return func.coalesce(event_actors.c.canonical, event_actors.c.name)


def _joined(conn: Connection, stmt, query: EventQuery):
    """`stmt` over actor rows joined to the events matching the query's filters."""
    return stmt.select_from(event_actors.join(events, events.c.pk == event_actors.c.event_pk)).where(
        *event_filters(query, max_span_days(conn)))


def _aggregate_actors(conn: Connection, query: EventQuery) -> dict[str, ActorRow]:
    """Event counts per actor, aggregated by the database (one row per distinct coding)."""
    canonical = _canonical_column()
    stmt = select(
        func.min(canonical), event_actors.c.country, event_actors.c.sector,
        func.count(distinct(event_actors.c.event_pk)),
        func.count(distinct(case((event_actors.c.role == "source", event_actors.c.event_pk)))),
        func.count(distinct(case((event_actors.c.role == "target", event_actors.c.event_pk)))),
    ).group_by(func.lower(canonical), event_actors.c.country, event_actors.c.sector)
    found: dict[str, ActorRow] = {}
    for name, country, sector, n_events, n_source, n_target in conn.execute(_joined(conn, stmt, query)):
        row = found.setdefault(actor_id(name, country, sector), ActorRow(actor_id(name, country, sector), name, country, sector))
        # Groups meet here only when SQL lower() and casefold() disagree (non-ASCII case): summed.
        row.events += n_events
        row.as_source += n_source
        row.as_target += n_target
    return found


def _attach_names(conn: Connection, query: EventQuery, found: dict[str, ActorRow]) -> None:
    canonical = _canonical_column()
    stmt = select(canonical, event_actors.c.country, event_actors.c.sector, event_actors.c.name, func.count()).group_by(
        canonical, event_actors.c.country, event_actors.c.sector, event_actors.c.name)
    written: dict[str, Counter] = defaultdict(Counter)
    for name_canonical, country, sector, name, n in conn.execute(_joined(conn, stmt, query)):
        written[actor_id(name_canonical, country, sector)][name] += n
    for key, names in written.items():
        if key in found:
            found[key].names = [name for name, _ in sorted(names.items(), key=lambda item: (-item[1], item[0]))[:MAX_NAMES]]


def actor_network(store: Store, query: EventQuery = EventQuery()) -> nx.DiGraph:
    """The directed network of the events matching `query`: every source actor -> every target actor.

    Nodes are keyed by `actor_id` and carry name, canonical, country, sector, events, as_source and
    as_target. An edge carries `weight` (events from source to target), one count per PLOVER quad
    (`verbal_cooperation`, ..., `material_conflict`) and the `first_day`/`last_day` of those events.
    Actors of matched events with no counterpart are nodes without edges. Self-loops are kept
    (rebels fighting rebels is an event too).
    """
    graph = nx.DiGraph(
        since=query.since.isoformat() if query.since else None, until=query.until.isoformat() if query.until else None,
        include_unreal=query.include_unreal,
    )
    for actor in actor_table(store, query=query):
        graph.add_node(actor.id, **{k: v for k, v in actor.to_dict().items() if k not in ("id", "names")},
                       names="; ".join(actor.names))
    n_events = 0
    for quad, day, sources, targets in _event_parties(store, query):
        n_events += 1
        for source in sources:
            for target in targets:
                _count_edge(graph, source, target, quad, day)
    graph.graph["events"] = n_events
    return graph


def _count_edge(graph: nx.DiGraph, source: str, target: str, quad: Optional[str], day: Optional[dt.date]) -> None:
    if not graph.has_edge(source, target):
        graph.add_edge(source, target, weight=0, first_day=None, last_day=None, **{q: 0 for q in QUADS})
    edge = graph.edges[source, target]
    edge["weight"] += 1
    if quad in QUADS:
        edge[quad] += 1
    if day:
        stamp = day.isoformat()
        edge["first_day"] = min(edge["first_day"] or stamp, stamp)
        edge["last_day"] = max(edge["last_day"] or stamp, stamp)


def _event_parties(store: Store, query: EventQuery) -> Iterator[tuple[Optional[str], Optional[dt.date], set[str], set[str]]]:
    """(quad, day, source ids, target ids) per matching event, streamed in event order."""
    stmt = select(events.c.pk, events.c.quad, events.c.day, event_actors.c.role, _canonical_column(),
                  event_actors.c.country, event_actors.c.sector).order_by(events.c.pk)
    with store.engine.connect() as conn:
        current, quad, day, parties = None, None, None, {"source": set(), "target": set()}
        for pk, event_quad, event_day, role, canonical, country, sector in conn.execute(_joined(conn, stmt, query)):
            if pk != current:
                if current is not None:
                    yield quad, day, parties["source"], parties["target"]
                current, quad, day, parties = pk, event_quad, event_day, {"source": set(), "target": set()}
            parties.setdefault(role, set()).add(actor_id(canonical, country, sector))
        if current is not None:
            yield quad, day, parties["source"], parties["target"]


def network_text(graph: nx.DiGraph, fmt: str) -> str:
    """The graph as GraphML (Gephi, Cytoscape, igraph) or node-link JSON (d3, `nx.node_link_graph`)."""
    if fmt == "json":
        return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=2) + "\n"
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(_without_nulls(graph))) + "\n"
    raise ValueError(f"network format must be one of {', '.join(NETWORK_FORMATS)}, not {fmt!r}")


def _without_nulls(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy GraphML can hold: it has no null, so a missing country or day becomes an empty string."""
    copy = graph.copy()
    for attributes in [copy.graph, *(d for _, d in copy.nodes(data=True)), *(d for _, _, d in copy.edges(data=True))]:
        for key, value in attributes.items():
            if value is None:
                attributes[key] = ""
    return copy


def write_network(graph: nx.DiGraph, fmt: str, out: Union[str, Path, TextIO]) -> None:
    """Write the graph to a file path or an open text stream (`fmt`: graphml or json)."""
    text = network_text(graph, fmt)
    if isinstance(out, (str, Path)):
        Path(out).write_text(text, encoding="utf-8")
    else:
        out.write(text)


def read_network(source: Union[str, Path], fmt: str) -> nx.DiGraph:
    """Read back a file `write_network` wrote (GraphML's empty strings stay empty strings)."""
    if fmt == "json":
        return nx.node_link_graph(json.loads(Path(source).read_text(encoding="utf-8")), directed=True,
                                  multigraph=False, edges="edges")
    if fmt == "graphml":
        return nx.read_graphml(source)
    raise ValueError(f"network format must be one of {', '.join(NETWORK_FORMATS)}, not {fmt!r}")


__all__ = ["ActorRow", "NETWORK_FORMATS", "actor_id", "actor_network", "actor_table", "network_text", "read_network",
           "write_network"]
