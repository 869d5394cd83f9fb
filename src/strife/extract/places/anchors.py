"""A village placed from a town: "Westivka, 12 km north of Eastford" (issue #23).

A distance written between a village and a town the note places for sure says which of the
village's namesakes is meant: the one within that distance of the town (with `ANCHOR_SLACK_KM`
for how roughly such distances are written), the nearest if several are.
"""

from __future__ import annotations

import functools
import re
from typing import Optional, Sequence

from spacy.tokens import Doc

from strife.datafiles import read_data_csv
from strife.extract.places.names import Mention
from strife.resolve.distance import haversine_km
from strife.resolve.geocode import NEAR_SEAT_BONUS, Candidate
from strife.resolve.spellings import normalise_name

# A written distance is rounded and measured by road or from a town's edge: this much more is still it.
ANCHOR_SLACK_KM = 15.0
# The village and its anchor town are this close in the text ("Westivka, about 12 km north-east of Eastford").
MAX_ANCHOR_GAP_TOKENS = 10
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


@functools.lru_cache(maxsize=1)
def distance_units() -> dict[str, float]:
    """Unit word -> km, from geo_distance_units.csv."""
    return {row["word"].casefold(): float(row["km"]) for row in read_data_csv("geo_distance_units.csv")}


def written_distance(doc: Doc, start: int, end: int) -> Optional[float]:
    """The distance in km written in tokens [start, end) before "of"/"from" and the anchor town
    ("12 km north of", "5 kilometres from"), else None."""
    if end <= start or doc[end - 1].lower_ not in ("of", "from"):
        return None
    units = distance_units()
    for i in range(start, end - 1):
        token = doc[i]
        number, unit = token.text, doc[i + 1].lower_ if i + 1 < end else ""
        glued = re.match(r"^(\d+(?:[.,]\d+)?)([a-z]+)$", token.lower_)  # "12km"
        if glued:
            number, unit = glued.group(1), glued.group(2)
        if _NUMBER.match(number) and unit in units:
            return float(number.replace(",", ".")) * units[unit]
    return None


def nearest_to_anchors(doc: Doc, mentions: Sequence[Mention],
                       readings: Sequence[Optional[list[tuple[Candidate, float]]]],
                       towns: Sequence[tuple[int, str, tuple[str, str], Candidate]]
                       ) -> list[Optional[list[tuple[Candidate, float]]]]:
    """Each village written at a distance from a town placed for sure (`towns`: mention index, name,
    region, reading) is read as its namesake within that distance of the town, the nearest first."""
    placed = {index: town for index, _, _, town in towns}
    out = list(readings)
    for index, (mention, ranked) in enumerate(zip(mentions, readings)):
        if not ranked or mention.fits_qualifiers or mention.fallback or ranked[0][0].kind != "city":
            continue
        own = normalise_name(mention.name(doc))
        for other, anchor in sorted(placed.items()):
            if other == index or not (0 <= mentions[other].start - mention.end <= MAX_ANCHOR_GAP_TOKENS):
                continue
            distance = written_distance(doc, mention.end, mentions[other].start)
            if distance is None or normalise_name(anchor.name) == own:
                continue
            near = sorted((haversine_km(c.lat, c.lon, anchor.lat, anchor.lon), n)
                          for n, (c, _) in enumerate(ranked) if c.kind == "city")
            if near and near[0][0] <= distance + ANCHOR_SLACK_KM:
                # The town places the village as a town written as its qualifier does (`NEAR_SEAT_BONUS`),
                # over every namesake: the reading is as sure as the town's.
                chosen = ranked[near[0][1]]
                lifted = (chosen[0], round(max(score for _, score in ranked) + NEAR_SEAT_BONUS, 3))
                out[index] = [lifted] + [pair for pair in ranked if pair is not chosen]
            break
    return out
