"""Name particles: the lowercase words written inside names ("Ras al Ain", "Tristan da Cunha", "bin").

Three parts of strife read them: the places stage (which words may join or open a place name),
the gazetteer's transliteration skeletons (which leading articles to drop) and actor resolution
(which words a proper actor name may hold). Their lists differ, for reasons the table gives, so
they are one table, `data/name_particles.csv`, with one column per rule, rather than copies in
the code that drift apart.
"""

from __future__ import annotations

import functools

from strife.datafiles import read_data_csv

PARTICLES_FILE = "name_particles.csv"
USES = ("place_joiner", "foreign_joiner", "place_article", "transliteration_article", "actor_particle")


@functools.lru_cache(maxsize=None)
def name_particles(use: str) -> frozenset[str]:
    """The particles one rule reads (a column of `name_particles.csv`: one of `USES`)."""
    if use not in USES:
        raise KeyError(f"{PARTICLES_FILE} has no column {use!r}; the uses are {', '.join(USES)}")
    return frozenset(row["word"].casefold() for row in read_data_csv(PARTICLES_FILE) if row[use] == "1")
