"""Reading the actor dictionary: known names, demonyms, head nouns, the entry in force on a date.

`ActorLookups` answers what the files say about one name or word: the entries of a known name
(``lookup``), a demonym's country, the actor noun ending a phrase (``head``), whether a word can
head an actor phrase, the pattern finding every known name in running text, and the code of a
known name on a date (office holders in and out of office). Coding whole phrases is
`actor_phrases` and `actors`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

from strife.resolve.actor_codes import ActorCode, ActorEntry
from strife.resolve.actor_files import ActorFiles
from strife.resolve.actor_words import name_key, singulars
from strife.resolve.name_pattern import cached_names_alternation

# Upper-case aliases that are also English words: not searched for in running text.
AMBIGUOUS_UPPER = frozenset({"IS", "AS", "IT", "IN", "ON", "AT", "OR", "AN", "NO", "SO", "TO", "AP", "AU"})


class ActorLookups(ActorFiles):
    """What the dictionary says about one name or word."""

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

    def demonym(self, word: str, prefer_country: Optional[str] = None) -> Optional[tuple[Optional[str], Optional[str]]]:
        """(country, ethnicity) of a demonym, its plural ('Syrians') included. A demonym two states
        share ('Congolese' of both Congos) is the one of ``prefer_country`` (the article's) when
        it is among them, else the first the table lists."""
        for form in singulars(word):
            if form in self._demonyms:
                readings = self._demonym_readings.get(form, [])
                return next((r for r in readings if prefer_country and r[0] == prefer_country), self._demonyms[form])
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
            alternatives = cached_names_alternation(names)  # a letter tree: the same matches, each letter read once
            # The first letters, looked ahead for first: a position no name starts at is passed
            # without trying the lookbehind and the alternatives (the scan ran ~3x slower).
            firsts = "".join(sorted({re.escape(n[0]) for n in names}))
            ahead = rf"(?=[{firsts}])" if firsts else ""
            self._name_regex = re.compile(rf"{ahead}(?<![\w\-])(?:{alternatives})(?![\w\-])")
        return self._name_regex

    def lowercase_openers(self) -> frozenset[str]:
        """The lowercase first words of known names of several words ("al" of "al Shabaab", "anti" of
        "anti-Balaka", "ex" of "ex-Seleka"): a name may begin with one in running text, where a reader
        looking only at capitalised words would start it a word too late ("Shabaab", "Balaka")."""
        if self._lowercase_openers is None:
            self._lowercase_openers = frozenset(
                first for name in self._names if name[:1].islower()
                and (first := re.split(r"[\s\-]", name, maxsplit=1)[0]) != name)
        return self._lowercase_openers

    def shared_country(self, text: str, on: Optional[dt.date]) -> Optional[str]:
        """The one country every known name of ``text`` may be of, when two or more names are
        and one of them is of several: 'PDP thugs attacked APC members' is a Nigerian note (the
        PDP of Nigeria or of Kashmir, the APC of Nigeria or of Sierra Leone), as a coder reads a
        party acronym by the other parties beside it. Names of no country (international bodies)
        say nothing; None when the names share no country or several."""
        choices: dict[str, frozenset[str]] = {}
        for match in self.name_regex().finditer(text):
            entries = self.lookup(match.group())
            if not entries or any(e.kind == "capital" for e in entries):
                continue
            in_force = [e for e in entries if on is None or e.valid_on(on)] or list(entries)
            countries = frozenset(e.country for e in in_force if e.country)
            if countries:
                choices[name_key(match.group())] = countries
        if len(choices) < 2 or all(len(c) == 1 for c in choices.values()):
            return None
        shared = frozenset.intersection(*choices.values())
        return next(iter(shared)) if len(shared) == 1 else None

    def homeland(self, text: str) -> Optional[str]:
        """The one country the peoples ``text`` names live in ('Murle youths attacked a Dinka cattle
        camp': South Sudan), from actor_homelands.csv, which lists only peoples of one country (not
        the Fulani, the Nuer or the Somali clans of three states); None when it names none or
        peoples of several countries. ACLED writes their militias "Murle Ethnic Militia (South
        Sudan)": a note that names no place is of the country its peoples live in."""
        if not self.homelands or self._names_a_state(text):
            return None
        if self._homeland_regex is None:
            names = "|".join(re.escape(n) for n in sorted(self.homelands, key=len, reverse=True))
            self._homeland_regex = re.compile(rf"(?<![\w\-])({names})s?(?![\w])")
        countries = {self.homelands[m.group(1)] for m in self._homeland_regex.finditer(text)}
        return countries.pop() if len(countries) == 1 else None

    def _names_a_state(self, text: str) -> bool:
        """Does the text name a country, a capital, or a known actor or people of one ('the Mozambique
        government', 'Kenyan police')? Then that, not a people's homeland, says whose its actors are."""
        if any(e.country for m in self.name_regex().finditer(text) for e in self.lookup(m.group())):
            return True
        return any((found := self.demonym(word)) is not None and found[0]
                   for word in re.findall(r"\b[A-Z][a-z]+\b", text))

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

