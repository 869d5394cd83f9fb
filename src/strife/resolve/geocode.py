"""Offline gazetteer look-ups: the places a name can mean, scored, and the best one as a `Place`.

`Gazetteer` reads the SQLite index of GeoNames names (built on first use by
`strife.resolve.gazetteer_build`): every place called a name, the places a transliteration of it
may mean, a country by its code, the town nearest a point. `Gazetteer.explain` scores each reading
(`score_candidate`) with what the text says: the article's focus countries, a kind word ("Idlib
province"), the regions and countries written next to the name (`Containers`); `to_place` turns
the winner into a `Place` with ACLED's precision.

Names the index does not hold as written are tried by their transliteration skeleton
(`variant_key`): "Kafr Qaseem" finds Kafr Qasim, "Jebleh" Jablah, "Rovenky"
Roven'ki. Callers ask for those readings explicitly (`Gazetteer.lookup_variants`), only where
the text says a place is meant, because a skeleton matches far more than a spelling does.
"""

from __future__ import annotations

import functools
import math
import os
import re
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, Optional

import numpy as np

from strife.cache import cache_dir
from strife.datafiles import read_data_csv as _read_data_csv
from strife.memo import kept
from strife.model import Place
from strife.resolve.distance import any_within_km, haversine_km, km_apart
from strife.resolve.gazetteer_build import ensure_index, index_filename
from strife.resolve.overrides import (
    USER_PLACE_NAMES,
    USER_PLACE_POPULATION,
    UserPlace,
    default_path,
    overrides_by_key,
    read_overrides,
)
from strife.resolve.spellings import (
    MIN_VARIANT_KEY,
    VARIANT_MARGIN,
    VARIANT_SIMILARITY,
    expands_initials,
    initialled_name,
    normalise_name,
    respellings,
    variant_key,
    variant_similarity,
    without_final_h,
)

Kind = Literal["city", "admin2", "admin1", "country"]


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
    located: bool = True  # has a point of its own; False for a division put at its region's place (no town known)


# ---------------------------------------------------------------------------------------------
# kind words


GENERIC_KINDS = frozenset({"any", "landmark", "people"})  # kind words that restrict nothing (geo_admin_words.csv)


@functools.lru_cache(maxsize=1)
def admin_words() -> dict[str, str]:
    """Words that mark a preceding toponym as a region ("province" -> "admin1"), also those of
    `kind_countries` (some of several words: "local government")."""
    words = {row["word"].casefold(): row["feature"] for row in _read_data_csv("geo_admin_words.csv")}
    words.update({row["word"].casefold(): row["feature"] for row in _read_data_csv("geo_kind_countries.csv")})
    return words


@functools.lru_cache(maxsize=1)
def kind_countries() -> dict[str, frozenset[str]]:
    """Kind words only some countries use ("upazila" -> Bangladesh), from geo_kind_countries.csv."""
    return {row["word"].casefold(): frozenset(row["countries"].split("|"))
            for row in _read_data_csv("geo_kind_countries.csv") if row["countries"]}


MAX_KIND_WORDS = 3  # the longest kind word of the data files ("local government area")


def in_kind_countries(candidates: list[Candidate], kind_word: Optional[str]) -> list[Candidate]:
    """The readings in the countries that use the kind word written with the name: "Kalidanga upazila"
    is in Bangladesh, never in a Pakistani New Kalidanga, and nowhere when Bangladesh has no Kalidanga."""
    countries = kind_countries().get((kind_word or "").casefold())
    if not countries:
        return candidates
    return [c for c in candidates if c.country in countries]


# ---------------------------------------------------------------------------------------------
# look-ups


# The columns of a place row, in `candidate_from_row`'s order.
SELECT_PLACE = ("SELECT p.geonames_id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population, p.capital, "
                "p.n_names, p.located")


def candidate_from_row(row: tuple, primary: bool = True) -> Candidate:
    """A reading from a row selected by `SELECT_PLACE` (`primary`: the name is the place's own)."""
    return Candidate(
        geonames_id=row[0], name=row[1], kind=row[2], country=row[3], admin1=row[4],
        lat=row[5], lon=row[6], population=row[7] or 0, capital=bool(row[8]), n_names=row[9] or 0, primary=primary,
        located=row[10] is None or bool(row[10]),
    )


_COUNTRY_KEY = "\x00country:"  # cache key prefix of the country entries, by ISO 3166-1 alpha-3 code
_LEADING_ARTICLE = re.compile(r"^the\s+", re.I)


def split_kind_word(name: str) -> tuple[str, Optional[str]]:
    """("Logo local government") -> ("Logo", "local government"): the name and its trailing kind
    word(s), longest kind first."""
    words = name.split()
    for size in range(min(MAX_KIND_WORDS, len(words) - 1), 0, -1):
        kind = " ".join(words[-size:]).casefold()
        if kind in admin_words():
            return " ".join(words[:-size]), kind
    return name, None


def split_admin_word(name: str) -> tuple[str, Optional[str]]:
    """("Idlib province") -> ("Idlib", "admin1"): a trailing region word restricts the kind.

    A generic word ("Al Harsha area") is dropped and restricts nothing.
    """
    bare, kind = split_kind_word(name)
    if kind is None:
        return name, None
    feature = admin_words()[kind]
    return bare, (None if feature in GENERIC_KINDS else feature)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key `Gazetteer.lookup` asks the index for, remembered per name as written: stages ask for
    the same names thousands of times an article, and normalising (Unicode decomposition, three
    passes over the characters) cost more than the cached answer."""
    return normalise_name(_LEADING_ARTICLE.sub("", name.strip()))


# A ward number after a town's or village council's name, as South Asian papers write it
# ("Westpur-5", "Eastganj Municipality-3"): the place is the town. Four letters at
# least before the hyphen, so no weapon or aircraft ("AK-47", "Mi-8") reads as one.
_WARD_NUMBER = re.compile(r"(?<=[A-Za-z]{4})-\d{1,2}$")


# A name written by its initials is read only as a place this populous (`Gazetteer.lookup_initialled`).
INITIALLED_MIN_POPULATION = 1_000

# Answers `Gazetteer.lookup` and `near_country` keep, and rankings `explain` keeps (a few hundred bytes
# each), before each starts over (`strife.memo`).
_LOOKUPS_KEPT = 50_000
_EXPLAINED_KEPT = 20_000


class Gazetteer:
    """Read-only access to a built index; cheap to open, safe to share within a process."""

    def __init__(self, path: str | os.PathLike, overrides: Optional[str | os.PathLike] = None) -> None:
        """`overrides` is a user's place file (`strife.resolve.overrides`); default: the one in force."""
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no gazetteer index at {self.path}; build one with build_index(path)")
        self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._country_points_cache: dict[str, Optional[np.ndarray]] = {}
        self._near_country: dict[tuple[float, float, str, float], bool] = {}
        self._explained: dict[tuple, tuple[tuple[Candidate, float], ...]] = {}
        override_path = Path(overrides) if overrides else default_path()
        self.user_places = overrides_by_key(read_overrides(override_path)) if override_path else {}

    @classmethod
    @functools.cache
    def default(cls) -> "Gazetteer":
        """The index for the installed sources in the cache dir, built on first use (about a minute)."""
        path = cache_dir() / index_filename()
        try:
            ensure_index(path)
        except OSError:
            # A read-only home (some CI runners): build in the temp dir instead.
            path = ensure_index(Path(tempfile.gettempdir()) / "strife-cache" / index_filename())
        return cls(path)

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called `name` (any spelling GeoNames knows), most populous first."""
        bare = _WARD_NUMBER.sub("", name)
        if bare != name:  # a ward of a town is of the town by its own name, not one of a place abroad's others
            return [c for c in self.lookup(bare) if c.primary]
        key = name_key(name)
        found = list(kept(self._cache, key, _LOOKUPS_KEPT, lambda: self._lookup_key(key)))
        return found or self.lookup_initialled(name)

    def lookup_initialled(self, name: str) -> list[Candidate]:
        """The places a name written with the initials of its first words shortens ("D.I. Khan" ->
        Dera Ismail Khan, "N. Waziristan" -> North Waziristan; `initialled_name`): every name of the
        index those initials begin and the written words end, as alternates. Empty unless all lie in
        one country and one has `INITIALLED_MIN_POPULATION` people: a name shortened so is a known
        district's or town's, and initials that fit hamlets or names in several countries ("A.B. Khan")
        are more likely a person's."""
        parsed = initialled_name(name)
        if parsed is None:
            return []
        return list(kept(self._cache, "\x00initials:" + name, _LOOKUPS_KEPT, lambda: self._initialled(*parsed)))

    def _initialled(self, initials: str, rest: tuple[str, ...]) -> tuple[Candidate, ...]:
        """`lookup_initialled` of a name's initials and written words, worked out."""
        pattern = " ".join(letter + "*" for letter in initials) + " " + " ".join(rest)
        rows = self.conn.execute("SELECT DISTINCT key FROM names WHERE key >= ? AND key < ? AND key GLOB ?",
                                 (initials[0], chr(ord(initials[0]) + 1), pattern)).fetchall()
        found: dict[tuple, Candidate] = {}
        for (key,) in rows:
            if expands_initials(key, initials, rest):
                for c in self.lookup(key):
                    found.setdefault((c.geonames_id, c.name, c.kind, c.lat), replace(c, primary=False))
        one_country = len({c.country for c in found.values()}) == 1
        sized = max((c.population for c in found.values()), default=0) >= INITIALLED_MIN_POPULATION
        return tuple(sorted(found.values(), key=lambda c: c.population, reverse=True)) if one_country and sized else ()

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        """`lookup` of a name key, worked out: the index's places of that key, then the user's."""
        rows = self.conn.execute(
            f"{SELECT_PLACE}, n.is_primary FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? "
            "ORDER BY p.population DESC",
            (key,),
        ).fetchall()
        found = [candidate_from_row(row[:11], bool(row[11])) for row in rows]
        return tuple(_with_user_places(found, self.user_places.get(key, [])))

    def lookup_variants(self, name: str, min_similarity: float = VARIANT_SIMILARITY) -> list[Candidate]:
        """Places whose name is another transliteration of `name` ("Kafr Qaseem" -> Kafr Qasim).

        Only for names `lookup` does not know: every reading is an alternate (`primary` False),
        most populous first. Empty for skeletons shorter than `MIN_VARIANT_KEY` letters, which
        match too much, and for acronyms ("BJP" is a party, not another spelling of Bajpe). A name
        another orthography spells by rule (`lookup_respelled`, "Ceel Dibiir" -> El Dibir) is read in
        the countries writing it: its skeleton's namesakes elsewhere are left out; a name with no
        reading at all is tried by the skeleton of its respelling there ("Aljufra" -> Al Jufrah).
        """
        if _WARD_NUMBER.search(name):  # a ward is read by its town's own name only (`lookup`)
            return []
        bare = _LEADING_ARTICLE.sub("", name.strip())
        if is_acronym(bare):
            return []
        respelled, countries = self.lookup_respelled(name)
        matched = self._skeleton_matches(bare, min_similarity)
        if not matched:
            # Another orthography's spelling, not known as respelled either ("Aljufrah": the article
            # written joined to the name): its skeleton, read only in the countries writing it.
            for spelling, writers in respellings(name):
                matched = [c for c in self._skeleton_matches(spelling, min_similarity) if c.country in writers]
                if matched:
                    break
        if respelled:
            found = {(c.geonames_id, c.name, c.kind, c.lat): c for c in respelled}
            for c in matched:
                if c.country in countries:
                    found.setdefault((c.geonames_id, c.name, c.kind, c.lat), c)
            return sorted(found.values(), key=lambda c: c.population, reverse=True)
        return matched

    def _skeleton_matches(self, bare: str, min_similarity: float,
                          countries: frozenset[str] | None = None) -> list[Candidate]:
        """The places whose transliteration skeleton is that of `bare` (see `lookup_variants`); with
        `countries`, only spellings of places there are ranked (`lookup_variants_in`)."""
        skeleton = variant_key(bare)
        if len(skeleton) < MIN_VARIANT_KEY:
            return []
        cache_key = "\x00variant:" + skeleton + ":" + normalise_name(bare) + ":" + "|".join(sorted(countries or ()))
        if cache_key not in self._cache:
            try:
                rows = self.conn.execute("SELECT key FROM variants WHERE skeleton = ?", (skeleton,)).fetchall()
            except sqlite3.OperationalError:  # an index built by an older version of this code: no variants
                rows = []
            keys = [row[0] for row in rows]
            if countries is not None:
                keys = [key for key in keys if any(c.country in countries for c in self.lookup(key))]
            similarity = {key: variant_similarity(key, bare) for key in keys}
            best = max(similarity.values(), default=0.0)
            # A spelling that differs from a best one only by a final "h" after a vowel ("Hamrah" for
            # "Hamra") is as good: the letter is a transliteration's, not a sound.
            best_spellings = {without_final_h(key) for key in keys if similarity[key] == best}
            found: dict[tuple, Candidate] = {}
            for key in keys:
                if (similarity[key] >= max(min_similarity, best - VARIANT_MARGIN)
                        or (similarity[key] >= min_similarity and without_final_h(key) in best_spellings)):
                    for c in self.lookup(key):
                        if countries is None or c.country in countries:
                            found.setdefault((c.geonames_id, c.name, c.kind, c.lat), replace(c, primary=False))
            self._cache[cache_key] = tuple(sorted(found.values(), key=lambda c: c.population, reverse=True))
        return list(self._cache[cache_key])

    def lookup_variants_in(self, name: str, countries: frozenset[str]) -> list[Candidate]:
        """`lookup_variants` among the places of `countries` only, the spellings ranked among
        themselves: a unit written with a kind word only those countries use ("Bajour Agency") is
        their Bajaur, however much closer a spelling of a town elsewhere (Al Bajur) comes."""
        bare = _LEADING_ARTICLE.sub("", name.strip())
        if _WARD_NUMBER.search(name) or is_acronym(bare):
            return []
        respelled = [c for c in self.lookup_respelled(name)[0] if c.country in countries]
        return respelled or self._skeleton_matches(bare, VARIANT_SIMILARITY, countries)

    def lookup_respelled(self, name: str) -> tuple[list[Candidate], frozenset[str]]:
        """Places `name` spells by another orthography's rules ("Ceel Dibiir" -> El Dibir), and the
        countries writing those orthographies: each English spelling of `geo_spelling_folds.csv` is
        read only there. Alternates (`primary` False), most populous first."""
        if _WARD_NUMBER.search(name):  # a ward is read by its town's own name only (`lookup`)
            return [], frozenset()
        found: dict[tuple, Candidate] = {}
        writing: set[str] = set()
        for spelling, countries in respellings(name):
            for c in self.lookup(spelling):
                if c.country in countries:
                    writing |= countries
                    found.setdefault((c.geonames_id, c.name, c.kind, c.lat), replace(c, primary=False))
        return sorted(found.values(), key=lambda c: c.population, reverse=True), frozenset(writing)

    def country(self, iso3: str) -> Optional[Candidate]:
        """The country with this ISO 3166-1 alpha-3 code, as a gazetteer entry (at its capital)."""
        key = _COUNTRY_KEY + iso3
        if _COUNTRY_KEY not in self._cache:
            self._load_countries()
        found = self._cache.get(key, ())
        return found[0] if found else None

    def _load_countries(self) -> None:
        """Every country entry in one pass over the table, the first row per code kept (the row a
        query for that code alone returns): the table has no index on kind or country, so a query
        per country scanned it each time (about 20 ms a country)."""
        rows = self.conn.execute(f"{SELECT_PLACE} FROM places p WHERE p.kind = 'country'").fetchall()
        for row in rows:
            self._cache.setdefault(_COUNTRY_KEY + (row[3] or ""), (candidate_from_row(row),))
        self._cache[_COUNTRY_KEY] = ()

    def admin1_keys(self, admin1: str) -> frozenset[str]:
        """Display names of every region `admin1` can name: what a candidate's `admin1` is compared to."""
        keys = {normalise_name(c.name) for c in self.lookup(admin1) if c.kind == "admin1"}
        return frozenset(keys | {normalise_name(admin1)})

    def near_country(self, lat: float, lon: float, country: str, km: float) -> bool:
        """Is a place of `country` (a town, district or region's point) within `km` of the point?

        Asked for the same few countries (the homes of a note's rebel groups) article after article:
        each country's points are read once into arrays, and the answers are kept. A band of
        latitude read from the index for each question scanned every place of the world in it, the
        places stage's costliest step."""
        def work() -> bool:
            points = self._country_points(country)
            return bool(points is not None and any_within_km(points, lat, lon, km))

        return kept(self._near_country, (round(lat, 4), round(lon, 4), country, km), _LOOKUPS_KEPT, work)

    def _country_points(self, country: str) -> Optional["np.ndarray"]:
        """The (lat, lon) of every place of the country but its own point, in radians; None for none."""
        if country not in self._country_points_cache:
            rows = self.conn.execute(
                "SELECT lat, lon FROM places WHERE kind != 'country' AND country = ?", (country,)).fetchall()
            self._country_points_cache[country] = np.radians(np.array(rows, dtype=float)) if rows else None
        return self._country_points_cache[country]

    def reverse(self, lat: float, lon: float) -> Optional[Candidate]:
        """The nearest town (with its region and country) to a point, or None far from any town."""
        for degrees in (0.1, 0.5, 2.0, 8.0):
            lon_span = degrees / max(0.05, math.cos(math.radians(lat)))
            rows = self.conn.execute(
                f"{SELECT_PLACE} FROM places p WHERE p.kind = 'city' AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?",
                (lat - degrees, lat + degrees, lon - lon_span, lon + lon_span),
            ).fetchall()
            if rows:
                nearest = min(rows, key=lambda row: haversine_km(lat, lon, row[5], row[6]))
                if haversine_km(lat, lon, nearest[5], nearest[6]) <= degrees * 111:
                    return candidate_from_row(nearest)
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
        written after it ("Kibirizi (Walikale, Nord-Kivu)"): a candidate inside one of them scores more.
        With `variants`, a name the index does not hold is looked up by its transliteration
        skeleton (`lookup_variants`).

        The ranking is kept per question (the name, the countries in their order, the region, the
        qualifiers, `variants`): it reads nothing but the index and the user's places, which do not
        change while the gazetteer is open, and the places stage asks the same question of most
        mentions twice (for the focus votes, then to resolve them). At most `_EXPLAINED_KEPT` are
        kept; then it starts over.
        """
        key = (name, tuple(focus_countries), admin1, tuple(qualifiers), variants)
        return list(kept(self._explained, key, _EXPLAINED_KEPT,
                          lambda: tuple(self._explain(name, focus_countries, admin1, qualifiers, variants))))

    def _explain(self, name: str, focus_countries: Sequence[str], admin1: Optional[str],
                 qualifiers: Sequence[Candidate], variants: bool) -> list[tuple[Candidate, float]]:
        """`explain`, worked out."""
        written = _LEADING_ARTICLE.sub("", name.strip())
        bare, feature = split_admin_word(written)
        candidates = self.lookup_kind_named(written, bare, feature)
        kind_word = split_kind_word(written)[1]
        if not candidates and variants:
            # a kind word only some countries use ranks the spellings of their places only
            writers = kind_countries().get((kind_word or "").casefold())
            candidates = self.lookup_variants_in(bare, writers) if writers else self.lookup_variants(bare)
        candidates = in_kind_countries(of_feature(candidates, feature), kind_word)
        admin1_keys = self.admin1_keys(admin1) if admin1 else frozenset()
        within = Containers.of(qualifiers)
        # A first-level region's own name written where a region goes ("X, Para") is the region's: a
        # town that bears the name only as an alternate (Belém, once "Pará") is then no namesake of it
        # (a district's namesakes stay: "X, Sinaloa" is the state, not Sinaloa de Leyva's municipality).
        region_named = normalise_name(bare) in admin1_keys
        towns = [c for c in candidates if c.kind == "city"]
        own_towns = [c for c in towns if c.primary or not region_named]
        scored = [(c, score_candidate(c, focus_countries, admin1_keys, feature,
                                      _has_namesake_town(c, own_towns if c.kind == "admin1" else towns), within))
                  for c in candidates]
        return sorted(own_names_first(scored, focus_countries, within, admin1_keys), key=lambda pair: pair[1],
                      reverse=True)

    def lookup_kind_named(self, whole: str, bare: str, feature: Optional[str]) -> list[Candidate]:
        """The readings of a name written with a kind word: those of the whole ("Santa Lucia City",
        "Kuwait City") where that is a place's own name, of a fitting kind; else those of the name
        without the word ("Kandahar city" -> Kandahar; "Ras Tawil City", an old alternate name of a
        Ras Tawil abroad, does not keep "Ras Tawil city (Al Hudaydah)" from the Yemeni Ras Tawil)."""
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

        `admin1` is a region written next to the name ("Lutuhyne, Luhansk"); `qualifiers` the
        readings of the names written after it (see `explain`).
        """
        ranked = self.explain(name, focus_countries, admin1=admin1, qualifiers=qualifiers)
        if not ranked:
            return None
        written = split_admin_word(_LEADING_ARTICLE.sub("", name.strip()))[0]
        return to_place(ranked[0][0], span=span, confidence=ranking_confidence(ranked), written=written)


MAX_ACRONYM_LETTERS = 6


def is_acronym(name: str) -> bool:
    """One word of capitals ("BJP", "FARDC"): initials, which no transliteration spells."""
    return name.isalpha() and name.isupper() and len(name) <= MAX_ACRONYM_LETTERS


def _user_candidate(place: UserPlace) -> Candidate:
    return Candidate(geonames_id=None, name=place.name, kind="city", country=place.country, admin1=place.admin1,
                     lat=place.lat, lon=place.lon, population=USER_PLACE_POPULATION, n_names=USER_PLACE_NAMES)


def _with_user_places(found: list[Candidate], users: Sequence[UserPlace]) -> list[Candidate]:
    """The user's places first, replacing the gazetteer's readings in their countries (the user
    says where that village is); namesakes in other countries stay for the text to choose."""
    if not users:
        return found
    countries = {u.country for u in users}
    return [_user_candidate(u) for u in users] + [c for c in found if c.country not in countries]


def own_names_first(scored: list[tuple[Candidate, float]], focus_countries: Sequence[str],
                    within: Containers, admin1_keys: frozenset[str] = frozenset()) -> list[tuple[Candidate, float]]:
    """A name that is some place's own name means that place before a town far from it that the
    name is only an alternate (often old or foreign-language) name of, unless the text's countries
    or qualifiers point to the latter: a small town of the name is meant before a large port abroad
    that once bore it. Such a town's score is held just under the best own-name reading
    (`ALTERNATE_MARGIN`) and nothing else changes, so the margins that make a reading confident
    stay as they were. A town whose region owns the name ("Hama"), a town far larger than every
    owner (`EXONYM_RATIO`: "Canton" is Guangzhou before Canton, Ohio) or of a million
    (`STRONG_POPULATION`: "Odessa") and regions, often known by
    alternates ("North" for Liban-Nord), are left alone."""
    owners = [(c, score) for c, score in scored if c.primary]
    if not owners:
        return scored
    ceiling = round(max(score for _, score in owners) - ALTERNATE_MARGIN, 3)
    largest_owner = max(o.population for o, _ in owners)

    def held(candidate: Candidate) -> bool:
        return (candidate.kind == "city" and not candidate.primary and candidate.country not in focus_countries
                and not within.holds(candidate) and candidate.population < STRONG_POPULATION
                and candidate.population < EXONYM_RATIO * max(largest_owner, 1)
                and all(km_apart(candidate, o) > RIVAL_DISTANCE_KM for o, _ in owners))

    def cap(candidate: Candidate) -> Optional[float]:
        """The most the reading may score: held under the owners abroad, or at home; None if not held."""
        return ceiling if held(candidate) else _home_ceiling(candidate, owners, within, admin1_keys)

    return [(c, score if (limit := cap(c)) is None else min(score, limit)) for c, score in scored]


def _home_ceiling(candidate: Candidate, owners: Sequence[tuple[Candidate, float]], within: Containers,
                  admin1_keys: frozenset[str] = frozenset()) -> Optional[float]:
    """Within one country, a village's own name means that village before a town that holds the
    name only as an old or alternate name ("Novo-X" a town bore before it was renamed, while
    villages bear it still): the town is held just under the best village of its country that
    owns the name (`ALTERNATE_MARGIN`). A national capital, a town of a million or a region's
    namesake seat is known by its exonyms and keeps its score ("Bombay"); so does a town that the
    qualifiers or a region written next to the name put it in (a country written after it says
    nothing of which of its places), or one within `SAME_PLACE_KM` of an owner (either reading
    puts the event in the same place; a region or district of the name around the town says it
    is their seat: "Westgrad" the city in Westgrad region). None when the town is not held."""
    if candidate.kind != "city" or candidate.primary or candidate.capital or candidate.population >= STRONG_POPULATION:
        return None
    region = normalise_name(candidate.admin1) if candidate.admin1 else None
    if region and (region in admin1_keys or region == normalise_name(candidate.name)):
        return None
    if within.holds_region(candidate) or within.near_seat(candidate):
        return None
    home = [(o, score) for o, score in owners if o.kind == "city" and o.country == candidate.country]
    if not home or any(km_apart(candidate, o) <= SAME_PLACE_KM for o, _ in owners):
        return None
    return round(max(score for _, score in home) - ALTERNATE_MARGIN, 3)


ALTERNATE_MARGIN = 0.1
# Two readings this close put an event in the same place, as ACLED's coders would place it.
SAME_PLACE_KM = 25.0
# A town this large is known well enough to be read by any of its names, wherever the text is.
STRONG_POPULATION = 1_000_000
# A town this many times larger than every place that owns the name is known by it: the name is its
# exonym ("Bombay", "Canton", "Odessa"), not an old name only its own people remember.
EXONYM_RATIO = 10


NAMESAKE_ALTERNATE_SHARE = 0.01  # an alternate-named town this small beside its region is no namesake


def _has_namesake_town(candidate: Candidate, towns: Sequence[Candidate]) -> bool:
    """Is there a town of the same name in the region's country (for a district: in its region)?

    A hamlet that bears the name only as an alternate one, a hundredth of the region's size or
    less, does not count: a state of millions is not read as a village once called after it. Nor
    does a town that bears it only as an alternate in another region ("Jawf al X" in Abyan, also
    called "Al Jawf", is no namesake of Al Jawf governorate): only a region's own town is read
    for the region's bare name."""
    floor = candidate.population * NAMESAKE_ALTERNATE_SHARE
    towns = [t for t in towns if t.primary or (t.population >= floor and t.admin1 == candidate.admin1)]
    if candidate.kind == "admin2":
        return any(t.country == candidate.country and t.admin1 == candidate.admin1 for t in towns)
    return any(t.country == candidate.country for t in towns)


# What a kind word after a name lets it be, most fitting first: a "county" is a region in Kenya and a
# district in South Sudan; a "district" is named after its seat ("Ad Dabbaghah district").
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
    rivals = [s for c, s in ranked[1:] if km_apart(best, c) > RIVAL_DISTANCE_KM]
    if not rivals:
        return 0.95
    margin = score - rivals[0]
    return round(min(0.95, max(0.3, 0.5 + margin / 10)), 2)


FOCUS_BONUS = (5.0, 2.0, 1.0)
# A region or country written next to the name says more than the article's focus (FOCUS_BONUS).
QUALIFIER_REGION_BONUS = 8.0
QUALIFIER_COUNTRY_BONUS = 6.0
# In the country of a qualifying region but outside the region ("Khirbat Umran town in Deir-ez-Zor" read as
# a Khirbat Umran in Daraa): the text says otherwise, unless the region itself was misread.
QUALIFIER_REGIONS_COUNTRY_BONUS = 3.0
# Near (within NEAR_SEAT_KM of) a district or town written as a qualifier: of a region's namesake
# villages, the text means the one in that district, whatever the others' populations.
NEAR_SEAT_BONUS = 4.0
NEAR_SEAT_KM = 60.0


@dataclass(frozen=True)
class Containers:
    """The regions and countries that the names qualifying a toponym can mean.

    "Suleja (Tafa LGA, Niger)": Niger is a Nigerian state or a country, so a Suleja in the
    state of Niger, Nigeria, or in the country Niger fits. A town qualifier ("Rampur, Bareilly")
    says its own region.
    """

    regions: frozenset[tuple[Optional[str], str]] = frozenset()  # (country, normalised admin1)
    countries: frozenset[str] = frozenset()
    seats: frozenset[tuple[Optional[str], float, float]] = frozenset()  # (country, lat, lon) of districts, towns

    @classmethod
    def of(cls, qualifiers: Sequence[Candidate]) -> "Containers":
        regions = {
            (q.country, normalise_name(q.admin1 or q.name))
            for q in qualifiers
            if q.kind in ("admin1", "admin2", "city") and (q.admin1 or q.kind == "admin1")
        }
        countries = {q.country for q in qualifiers if q.kind == "country" and q.country}
        return cls(frozenset(regions), frozenset(countries), _seats(qualifiers))

    def near_seat(self, candidate: Candidate) -> bool:
        """Is the candidate near a district or town written as its qualifier ("Rampura (Sonalgarh,
        Madhya Pradesh)" is the Rampura near Sonalgarh, not a larger one across the state)?"""
        return candidate.kind == "city" and any(
            country == candidate.country and haversine_km(lat, lon, candidate.lat, candidate.lon) <= NEAR_SEAT_KM
            for country, lat, lon in self.seats)

    def holds_region(self, candidate: Candidate) -> bool:
        if candidate.kind == "country" or not candidate.admin1:
            return False
        return (candidate.country, normalise_name(candidate.admin1)) in self.regions

    def holds_country(self, candidate: Candidate) -> bool:
        """Is the candidate in a country written as a qualifier ("Suleja (Niger)")?"""
        return candidate.country in self.countries

    def holds_regions_country(self, candidate: Candidate) -> bool:
        """Is the candidate only in the country of a qualifying region, not in the region itself?"""
        return any(country == candidate.country for country, _ in self.regions)

    def holds(self, candidate: Candidate) -> bool:
        """Is the candidate inside one of the qualifiers (its region, else a qualifying country)?"""
        return self.holds_region(candidate) or candidate.country in self.countries

    def __bool__(self) -> bool:
        return bool(self.regions or self.countries)


def _seats(qualifiers: Sequence[Candidate]) -> frozenset[tuple[Optional[str], float, float]]:
    """Where the qualifiers below the region level sit: districts and towns, leaving out a
    region's namesake town or district ("X, Donetsk" names the region, not the city of Donetsk,
    and a region's capital is no evidence of which of its villages is meant)."""
    regional = {normalise_name(q.name) for q in qualifiers if q.kind == "admin1"}
    regional |= {normalise_name(q.admin1) for q in qualifiers if q.admin1}
    return frozenset((q.country, q.lat, q.lon) for q in qualifiers
                     if q.kind in ("admin2", "city") and normalise_name(q.name) not in regional)


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
    if within.near_seat(candidate):
        score += NEAR_SEAT_BONUS
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
    elif candidate.kind == "admin2" and candidate.located:
        precision = 2  # ACLED codes a district at its seat, as "near" a town
    elif candidate.kind == "admin2":
        precision = 3  # no town of its own known: at its region's place, no nearer than a region
    else:
        precision = 3
    name = candidate.name
    if written and not name.isascii() and written.isascii():
        name = _WARD_NUMBER.sub("", written)
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
