"""A user's own places: the villages GeoNames does not hold, in a CSV file the user keeps.

Why: half the events placed more than 25 km off are in villages below GeoNames' cities500, so no
scoring can find them; the analyst who knows where "Tel Hamis" is can say so once and every later
article is placed there. The file is read at look-up time (no index rebuild), from
`$STRIFE_GAZETTEER_OVERRIDES`, else `~/.config/strife/gazetteer_overrides.csv` when it exists.

Columns (comment lines start with '#'): ``name,country,lat,lon,admin1``; ``country`` is an ISO
3166 alpha-3 or alpha-2 code or an English country name; ``admin1`` may be empty. Optional
``aliases`` lists other spellings separated by ``|``. A user row replaces every gazetteer reading
of that name in that country (the user says where that village is) and keeps the namesakes
elsewhere, so the article's context still chooses between countries.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from strife.datafiles import read_csv_file
from strife.resolve.spellings import normalise_name

ENV_VAR = "STRIFE_GAZETTEER_OVERRIDES"
# A user's place is a village: a modest size, so that it wins in its country on the name alone
# and a far, large namesake still wins only where the text points there.
USER_PLACE_POPULATION = 1000
USER_PLACE_NAMES = 10


@dataclass(frozen=True)
class UserPlace:
    """One row of the override file."""

    name: str
    country: str  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    admin1: Optional[str]
    keys: tuple[str, ...]  # normalised spellings it answers to


def default_path() -> Optional[Path]:
    """The override file in force: the environment variable's, else the user config's if present."""
    named = os.environ.get(ENV_VAR)
    if named:
        return Path(named)
    path = Path.home() / ".config" / "strife" / "gazetteer_overrides.csv"
    return path if path.exists() else None


def country_iso3(value: str) -> Optional[str]:
    """An ISO alpha-3 code from a code or an English name ("SY", "Syria", "SYR" -> "SYR")."""
    import pycountry

    value = value.strip()
    if not value:
        return None
    try:
        found = pycountry.countries.lookup(value)
    except LookupError:
        try:
            found = pycountry.countries.search_fuzzy(value)[0]
        except LookupError:
            return None
    return str(found.alpha_3)


def read_overrides(path: Path) -> list[UserPlace]:
    """The rows of an override file; a row with a bad country or coordinate raises ValueError
    naming its line, because a silently dropped village is worse than a loud error."""
    places = []
    for number, row in enumerate(read_csv_file(path), start=1):
        iso3 = country_iso3(row.get("country", ""))
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, ValueError) as error:
            raise ValueError(f"{path}: row {number}: lat and lon must be numbers") from error
        if iso3 is None or not row.get("name") or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"{path}: row {number}: needs a name, a known country and a valid point")
        spellings = [row["name"], *(a for a in (row.get("aliases") or "").split("|") if a.strip())]
        keys = tuple(dict.fromkeys(normalise_name(s) for s in spellings))
        places.append(UserPlace(row["name"], iso3, lat, lon, row.get("admin1") or None, keys))
    return places


def overrides_by_key(places: list[UserPlace]) -> dict[str, list[UserPlace]]:
    """Each normalised spelling -> the user's places it names."""
    by_key: dict[str, list[UserPlace]] = {}
    for place in places:
        for key in place.keys:
            by_key.setdefault(key, []).append(place)
    return by_key
