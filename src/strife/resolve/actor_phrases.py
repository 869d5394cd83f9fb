"""Composed actor phrases: office titles, modifiers + head noun, a part of a group, demonyms.

`ActorPhrases` codes the words of a phrase no whole name covers (rules 3 and 4 of
`strife.resolve.actors`): a known name, else an office title with its holder
("Russian Foreign Minister ..."), else modifiers + head noun (+ ``of/from/in`` COUNTRY), a part of a
group ("members of X"), or a bare demonym. Modifiers are read into a `Qualifier`
(`actor_sectors`); a modifier naming a group ("anti-X", "pro-X", "X-led") is coded whole with
`ActorDictionary.code`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Optional, Sequence

from strife.resolve.actor_codes import ActorCode, as_people
from strife.resolve.actor_lookups import ActorLookups
from strife.resolve.actor_sectors import Qualifier, combine_sector, sector_class
from strife.resolve.actor_words import LEADING_NOISE, is_number, singulars

# Prepositions whose phrase may follow an actor noun: a country ("forces from Iran"), a place
# ("people in Zabid") or the group a part belongs to ("members of the CPI(M)").
_TAIL_PREPOSITIONS = frozenset({"of", "from", "in", "near", "at", "inside", "around"})


class ActorPhrases(ActorLookups):
    """Coding the words of a phrase: titles, qualifiers, composed noun phrases, parts of groups."""

    def _trim(self, words: list[str]) -> list[str]:
        """Without the leading words that say how many, not who ('some 40', 'dozens of')."""
        start = 0
        while start < len(words) and (words[start].lower() in LEADING_NOISE or is_number(words[start])):
            start += 1
        if 0 < start < len(words) - 1 and words[start].lower() == "of":
            start += 1
        return words[start:]

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
                demonym = self.demonym(chunk, default_country) if size <= 3 else None
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
            return self._code_demonym(words, default_country)
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

    def _code_demonym(self, words: list[str], default_country: Optional[str] = None) -> Optional[ActorCode]:
        """A bare demonym ('Syrian', 'the Russians'): a country, no sector."""
        if len(words) > 3:
            return None
        found = self.demonym(" ".join(words), default_country)
        if found is None:
            return None
        country, ethnicity = found
        canonical = self.country_name(country) or " ".join(words)
        return ActorCode(canonical, country, None, 0.5, "demonym", None, ethnicity)
