"""A village placed from a town: "Westivka, 12 km north of Eastford", "Westivka near Eastford" (issue #23).

A distance written between a village and a town the note places for sure says which of the
village's namesakes is meant: the one within that distance of the town (with `ANCHOR_SLACK_KM`
for how roughly such distances are written), the nearest if several are; "near", "outside",
"on the outskirts of" say `NEAR_ANCHOR_KM`.
"""

from __future__ import annotations

import functools
import re
from typing import Optional, Sequence

from spacy.tokens import Doc

from strife.datafiles import read_data_csv
from strife.extract.places.names import Mention, part_words
from strife.extract.places.plausibility import MIN_POPULATION_WITHOUT_CUE
from strife.extract.places.readings import Ranked, put_first, stands_alone
from strife.resolve.distance import km_apart
from strife.resolve.geocode import NEAR_SEAT_BONUS, Candidate
from strife.resolve.spellings import normalise_name

# A written distance is rounded and measured by road or from a town's edge: this much more is still it.
ANCHOR_SLACK_KM = 15.0
# The village and its anchor town are this close in the text ("Westivka, about 12 km north-east of Eastford").
MAX_ANCHOR_GAP_TOKENS = 10
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_GLUED_NUMBER = re.compile(r"^(\d+(?:[.,]\d+)?)([a-z]+)$")  # a number and its unit written as one token


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
        glued = _GLUED_NUMBER.match(token.lower_)  # "12km"
        if glued:
            number, unit = glued.group(1), glued.group(2)
        if _NUMBER.match(number) and unit in units:
            return float(number.replace(",", ".")) * units[unit]
    return None


# "Westivka near Eastford", "Westivka village, on the outskirts of Eastford": a village written as near a town
# with no distance is within this much of it (plus `ANCHOR_SLACK_KM`).
NEAR_ANCHOR_KM = 25.0
# Only a village written right before such a phrase ("Westivka village near"), not a place of an earlier clause.
MAX_NEAR_GAP_TOKENS = 6
_OTHER_CLAUSE = frozenset({"VERB", "CCONJ", "PROPN", "PRON", "NUM", "NOUN"})
_SITED = frozenset({"locate", "situate", "lie"})


def written_nearness(doc: Doc, start: int, end: int) -> Optional[float]:
    """`NEAR_ANCHOR_KM` when tokens [start, end) end in a "near" phrase of geo_parts.csv before the
    anchor town ("near", "close to", "outside", "on the outskirts of"), else None."""
    if end <= start or end - start > MAX_NEAR_GAP_TOKENS:
        return None
    parts = part_words()
    for i in range(start, end):
        token = doc[i]
        # Only the village's kind word, punctuation and little words before the phrase ("Westivka village,
        # just outside"): a verb, conjunction or other name starts another clause about another place.
        if (token.pos_ in _OTHER_CLAUSE and token.lemma_ not in _SITED and token.lower_ not in parts
                and not (i == start and token.pos_ == "NOUN")):
            return None
    last = doc[end - 1].lower_
    before = doc[end - 2].lower_ if end - 2 >= start else None
    phrases = [last] if before is None else [last, f"{before} {last}"]
    if any(parts.get(phrase, ("", ""))[1] == "near" for phrase in phrases):
        return NEAR_ANCHOR_KM
    if last == "of" and before is not None and parts.get(before) == ("outskirts", "area"):
        return NEAR_ANCHOR_KM
    return None


def nearest_to_anchors(doc: Doc, mentions: Sequence[Mention], readings: Sequence[Optional[Ranked]],
                       towns: Sequence[tuple[int, str, tuple[str, str], Candidate]]) -> list[Optional[Ranked]]:
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
            if distance is None:
                distance = written_nearness(doc, mention.end, mentions[other].start)
            if distance is None or normalise_name(anchor.name) == own:
                continue
            near = sorted((km_apart(c, anchor), n) for n, (c, _) in enumerate(ranked) if c.kind == "city")
            if near and near[0][0] <= distance + ANCHOR_SLACK_KM:
                out[index] = _lifted(ranked, ranked[near[0][1]])
            break
    return out


# Two villages a note puts together ("fighting between Westivka and Eastivka") are this close at most:
# of their namesakes, the pair that lies this close is meant.
PAIR_KM = 50.0
# How many readings of each name are tried for a close pair (the best ones).
MAX_PAIR_READINGS = 60
# Two readings closer than this are one place under two names.
DISTINCT_KM = 1.0


def nearest_pairs(doc: Doc, mentions: Sequence[Mention], readings: Sequence[Optional[Ranked]]
                  ) -> list[Optional[Ranked]]:
    """"between Westivka and Eastivka": two villages, neither a well-known town, whose best readings
    lie far apart, are read as the namesakes that lie within `PAIR_KM` of each other (the closest
    such pair), as sure as a town qualifier makes a village."""
    out = list(readings)
    for i, first in enumerate(mentions[:-1]):
        second, j = mentions[i + 1], i + 1
        if not (first.start > 0 and doc[first.start - 1].lower_ == "between" and first.end < len(doc)
                and doc[first.end].lower_ == "and" and second.start == first.end + 1):
            continue
        pair = (out[i], out[j])
        if any(not ranked or mention.fits_qualifiers or mention.fallback
               for mention, ranked in zip((first, second), pair)):
            continue
        bests = [ranked[0][0] for ranked in pair]
        if any(b.kind != "city" or stands_alone(b) or b.population >= MIN_POPULATION_WITHOUT_CUE for b in bests):
            continue
        if km_apart(bests[0], bests[1]) <= PAIR_KM:
            continue
        # Own names only (a village that also bears the other name is not two places), two distinct places.
        towns = [[(n, c) for n, (c, _) in enumerate(ranked[:MAX_PAIR_READINGS]) if c.kind == "city" and c.primary]
                 for ranked in pair]
        close = min(((km, m, n) for m, a in towns[0] for n, b in towns[1]
                     if (km := km_apart(a, b)) >= DISTINCT_KM), default=None)
        if close is None or close[0] > PAIR_KM:
            continue
        for index, ranked, chosen_at in ((i, pair[0], close[1]), (j, pair[1], close[2])):
            out[index] = _lifted(ranked, ranked[chosen_at])
    return out


def _lifted(ranked: Ranked, chosen: tuple[Candidate, float]) -> Ranked:
    """`chosen` first, over every namesake: a town the note places for sure places the village as a
    town written as its qualifier does (`NEAR_SEAT_BONUS` over the best score), so the reading is as
    sure as the town's."""
    return put_first(ranked, chosen, round(max(score for _, score in ranked) + NEAR_SEAT_BONUS, 3))
