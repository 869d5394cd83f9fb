"""Rebel groups strike across their home's borders: their home is evidence of the region, not of the country.

"Boko Haram attacked Bosso" is the Nigerien border town, "Al Shabaab attacked a police post in X" the
Kenyan town X: a rebel group's home country (data/actors.csv, sector REB) neither makes a town near that
country a namesake (`BesideRebels.judged`) nor steers its reading towards a namesake at home
(`BesideRebels.read_in`). The places stage (`strife.extract.places.resolution`) asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from strife.extract.places.focus import FocusSupport, FocusVote
from strife.extract.places.names import Mention
from strife.extract.places.readings import ranked_readings
from strife.resolve.geocode import Candidate, Gazetteer

# A rebel group's home is no evidence against a town (not a village: a village abroad of the name of an
# unknown one at home is likelier a namesake) this close to one of its home country's places: rebels
# strike across the border.
REBEL_BORDER_KM = 250.0
REBEL_TOWN_MIN_POPULATION = 5_000


@dataclass(frozen=True)
class BesideRebels:
    """The countries a reading by a place's own name is judged against, without the home of a rebel group
    when the place is a town near that country (`REBEL_BORDER_KM`, `REBEL_TOWN_MIN_POPULATION`): "Al
    Shabaab attacked a police post in X" is in the Kenyan town X the gazetteer holds, not a namesake of
    a Somali village it lacks, and so is a district or region across the border ("Boko Haram attacked
    a village in Mayo-Westri": the other country's unit is a sign of it); a village in another part of
    the world is still a namesake ("Boko Haram militants attacked Dalo village")."""

    rebels: frozenset[str]
    without: FocusSupport | None
    gazetteer: Gazetteer

    @classmethod
    def of(cls, votes: Sequence[FocusVote], names: Sequence[str], gazetteer: Gazetteer) -> BesideRebels:
        rebels = frozenset(v.country for v in votes if v.rebel and v.mention is None)
        kept = [v for v in votes if not v.armed and not v.alternate and not v.rebel]
        return cls(rebels, FocusSupport(kept, names) if rebels else None, gazetteer)

    def read_in(self, doc: Doc, mention: Mention, focus: list[str]) -> list[str]:
        """The focus a name is ranked in: none when only rebel groups' homes support it and its own best
        reading is a town near one ("Boko Haram attacked Bosso" is the Nigerien border town, not a
        Nigerian district of the name far inside): the home says the region, not the country."""
        if self.without is None or not focus or not set(focus) <= self.rebels:
            return focus
        ranked = ranked_readings(doc, mention, self.gazetteer, ())
        if not ranked or ranked[0][0].country in self.rebels or not self._near_home(ranked[0][0]):
            return focus
        # ... but a name of the home itself or of one of its regions ("in Mali", read unfocused as a
        # Guinean town near the border) is that home
        if any(c.country in self.rebels and c.kind in ("country", "admin1") for c, _ in ranked):
            return focus
        return []

    def _near_home(self, best: Candidate) -> bool:
        """Is the reading a town by its own name (not a village: `REBEL_TOWN_MIN_POPULATION`), a district
        or a region this close to a rebel group's home (`REBEL_BORDER_KM`)?"""
        town = best.kind == "city" and best.population >= REBEL_TOWN_MIN_POPULATION
        return best.primary and (town or best.kind in ("admin1", "admin2")) and any(
            self.gazetteer.near_country(best.lat, best.lon, code, REBEL_BORDER_KM) for code in self.rebels)

    def judged(self, ranked: Sequence[tuple[Candidate, float]] | None, index: int,
               others: frozenset[str]) -> frozenset[str]:
        """The countries `others` without the rebels' homes, for a reading near one (`_near_home`)."""
        if self.without is None or not ranked or not ranked[0][0].primary or not self.rebels & others:
            return others
        return self.without.without(index) if self._near_home(ranked[0][0]) else others
