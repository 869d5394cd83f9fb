"""Sectors of composed actor phrases: the sector classes and how modifiers and head nouns combine.

The words before a head noun or title (`Qualifier`) say a country, a sector, an organisation an
actor serves, an ethnicity; `combine_sector` weighs them against the head noun's sector. The
classes of sectors these rules use (non-state, stateless, re-typing, office) are the table
`data/sector_classes.csv`, read once by `sector_class`; the same table holds the classes that put
an event's actors on a side (`strife.extract.events.sides`), so every sector class is in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from strife.datafiles import read_data_sets
from strife.resolve.actor_codes import ActorCode


@lru_cache(maxsize=1)
def sector_classes() -> dict[str, frozenset[str]]:
    """Every class of `sector_classes.csv`: class name -> CAMEO sectors."""
    return read_data_sets("sector_classes.csv", "class", "sector")


def sector_class(name: str) -> frozenset[str]:
    """One class of sectors ('non_state', 'state_force', ...); KeyError when unknown."""
    return sector_classes()[name]


@dataclass
class Qualifier:
    """What the words before a head noun or title say about the actor."""

    country: Optional[str] = None
    sector: Optional[str] = None
    affiliation: Optional[str] = None
    affiliation_sector: Optional[str] = None
    ethnicity: Optional[str] = None
    stateless_org: bool = False
    stance: str | None = None  # the sector an 'anti-X' modifier lent: a view, not arms, on a person noun

    def take_entry(self, code: ActorCode) -> None:
        if code.kind in ("country", "capital", "demonym"):
            self.country = self.country or code.country
            return
        self.country = self.country or code.country
        self.stateless_org = self.stateless_org or code.country is None
        if self.affiliation is None:
            self.affiliation, self.affiliation_sector = code.canonical, code.sector
        if code.sector in sector_class("non_state") or self.sector is None:
            self.sector = code.sector

    def take_demonym(self, country: Optional[str], ethnicity: Optional[str]) -> None:
        self.country = self.country or country
        self.ethnicity = self.ethnicity or ethnicity

    def take_sector(self, sector: str) -> None:
        if self.sector is None or sector in sector_class("non_state"):
            self.sector = sector


def combine_sector(head_sector: Optional[str], role: str, q: Qualifier) -> Optional[str]:
    """Sector precedence: a non-state organisation decides for its members; a strong head noun
    decides otherwise; a generic person noun ('men', 'people') takes an armed or political
    modifier's sector ('armed men', 'security men', 'opposition supporters') and is otherwise
    what the noun says; a weak head ('forces') takes its modifier's sector, state arms being MIL."""
    if q.affiliation_sector in sector_class("non_state") and (
        head_sector in (None, "GOV", "MIL", "COP", "LEG", "REB") or role == "generic"
    ):
        return q.affiliation_sector
    if role == "generic":
        # 'anti-slavery activists' oppose something, they do not bear arms: a stance alone leaves
        # the person noun its own sector ('anti-government forces' are still rebels)
        armed = q.sector in sector_class("retyping") and q.sector != q.stance
        return q.sector if armed else head_sector
    if role != "weak":
        return head_sector
    if q.sector in ("GOV", "MIL"):
        return "MIL"
    return q.sector or head_sector
