"""PLOVER event records as JSON Lines, and the same records as GeoJSON points."""

from __future__ import annotations

import json
from typing import IO, Iterable, Optional

from strife.export.rows import actor_name, figures, first_actors, iso_date
from strife.export.stored import StoredEvent, event_day


def plover_record(item: StoredEvent) -> dict:
    """One event as a PLOVER event record (the PLOVER manual's field names), plus strife's extras
    (evidence offsets, counts, the story it came from) under names PLOVER does not use.
    """
    ev, loc = item.event, item.event.location
    source, target = first_actors(ev)
    return {
        "id": ev.id, "date": iso_date(event_day(item)), "date_end": iso_date(ev.date_end), "date_precision": ev.date_precision,
        "event": ev.event_type, "mode": ev.mode or "", "context": [ev.context] if ev.context else [],
        "quad": ev.quad or "", "cameo": ev.cameo_code or ev.cameo_root or "",
        "acled_event_type": ev.acled_event_type or "", "acled_sub_event_type": ev.acled_sub_event_type or "",
        "source": actor_name(source) if source else "", "src_actor": (source.country or "") if source else "",
        "src_agent": (source.sector or "") if source else "", "src_other": [actor_name(a) for a in ev.source[1:]],
        "target": actor_name(target) if target else "", "tgt_actor": (target.country or "") if target else "",
        "tgt_agent": (target.sector or "") if target else "", "tgt_other": [actor_name(a) for a in ev.target[1:]],
        "placename": loc.name if loc else "", "admin1": (loc.admin1 or "") if loc else "",
        "country": (loc.country or "") if loc else "", "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geonameid": loc.geonames_id if loc else None, "geo_precision": loc.geo_precision if loc else None,
        **figures(ev),
        "negated": ev.negated, "hypothetical": ev.hypothetical, "attribution": ev.attribution,
        "confidence": ev.confidence, "eventText": ev.evidence.text,
        "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
        "story_id": item.article.article_id, "story_sha256": item.article.sha256,
        "story_date": iso_date(item.article.published), "headline": item.article.title, "publisher": item.article.publisher,
        "url": item.article.url, "version": f"strife-{_version()}",
    }


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
