"""GDELT 2.0's event table (CAMEO codes) as tab-separated values."""

from __future__ import annotations

import csv
from typing import IO, Iterable, Optional

from strife.export.rows import actor_name, first_actors, number_cell
from strife.export.stored import StoredEvent, countries, event_day, ingested
from strife.model import Actor, Place

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


_US_STATE_TYPES = {"admin1": 2, "city": 3}
_WORLD_TYPES = {"country": 1, "admin1": 5, "city": 4}


def _gdelt_actor(actor: Optional[Actor], prefix: str) -> dict:
    if actor is None:
        return {}
    sector = actor.sector or ""
    return {
        f"{prefix}Code": f"{actor.country or ''}{sector}", f"{prefix}Name": actor_name(actor).upper(),
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
    country = countries().get(place.country or "")
    names = [place.name] + ([place.admin1] if place.admin1 and place.admin1 != place.name else [])
    if country and country["name"] not in names:
        names.append(country["name"])
    geo_type = gdelt_geo_type(place)
    fips = country["fips"] if country else ""
    return {
        "ActionGeo_Type": geo_type, "ActionGeo_FullName": ", ".join(names), "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips if geo_type == 1 else "", "ActionGeo_Lat": number_cell(place.lat),
        "ActionGeo_Long": number_cell(place.lon),
    }


def gdelt_row(item: StoredEvent) -> dict:
    """One event in GDELT 2.0 event table columns; codes strife does not produce stay blank."""
    from strife.ontology import load_ontology

    ev, day = item.event, event_day(item)
    code = ev.cameo_code or ev.cameo_root or ""
    root = ev.cameo_root or code[:2]
    cameo = load_ontology().cameo.get(root)
    added, (actor1, actor2) = ingested(item), first_actors(ev)
    row = {
        "GLOBALEVENTID": item.pk,
        "SQLDATE": f"{day:%Y%m%d}" if day else "", "MonthYear": f"{day:%Y%m}" if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        **_gdelt_actor(actor1, "Actor1"), **_gdelt_actor(actor2, "Actor2"),
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
