"""The places stage: toponyms in a parsed article -> geocoded `Place` records with evidence offsets.

Why not entity labels alone: the small English model tags "Aleppo" as NORP or LANGUAGE and
"Homs" as ORG, so a place list built from GPE/LOC/FAC misses the places that matter most. We
also try every capitalised proper-noun run against the gazetteer, and keep a match that is not
a GPE/LOC/FAC entity only when it is plausible: a locative cue ("in", "near", "eastern",
"province"), a country or region name, a place in the article's focus countries, or a large
town; and never a stop-listed word ("Monday", "Earnest") without such a cue.

Metonymy: a capital or country that acts ("Washington foment", "Moscow's chief goal",
"Brussels could accept") names a government, not a location. `find_places` leaves such mentions
out by default (they must never become event locations); `include_metonyms=True` keeps them
with confidence at most 0.2. So does a small namesake in a country nothing else in the article
supports ("Zesso" read in Côte d'Ivoire in an article about Mali).

Where the article writes it, a place's context decides its reading: qualifiers after it
("Kibirizi (Walikale, Nord-Kivu)"), a wider place it is written in ("Ariha in Idlib province"),
the region of a town written with its region ("in Sinop, Mato Grosso, ... Laranjeiras
neighborhood"). A place people came from ("migrants from Bihar") yields to the sentence's other
places. An article with no usable toponym is placed where the bodies it names are named after
("the Tasmania Public Service Commission"), else where its actors say (the country, at precision 3:
"Houthi forces shelled ..." is in Yemen).

The modules, in the order the stage uses them (each imports only those before it):

- `names`: what a place name is made of in the text; `Mention`, a stretch of tokens that may be one;
- `plausibility`: which gazetteer matches count as toponyms;
- `metonymy`: place names that stand for governments, and countries used as attributes;
- `qualifiers`: the names that say which place a toponym is ("Kibirizi (Walikale, Nord-Kivu)");
- `mentions`: finding an article's candidate mentions, with their context;
- `readings`: a mention's ranked readings, and the `Place` the best becomes;
- `focus`: the countries an article is about, from its toponyms, actors and cues;
- `cued_names`: a name written as a place that no reading took, for an article nothing else places
  ("at Westpur Bala": near Westpur), before the actors' country;
- `unplaced`: where an article no toponym places is (its bodies' names, its actors' country), and what
  its actors say of where it is (the country whose forces act, the regions its bodies are named after);
- `resolution`: the article's places, checked against the rest of it (`explain_places`).

Parsing plain text to geocode it needs a spaCy pipeline: that is `strife.pipeline.geocode_text`.
"""

from strife.extract.places.focus import FocusSupport, FocusVote, focus_countries_of
from strife.extract.places.metonymy import is_metonym
from strife.extract.places.names import Mention
from strife.extract.places.resolution import Toponym, explain_places, find_places, places_and_focus

__all__ = [
    "FocusSupport", "FocusVote", "Mention", "Toponym",
    "explain_places", "find_places", "focus_countries_of", "is_metonym", "places_and_focus",
]
