"""Which gazetteer matches count as toponyms (`is_plausible`).

The small English model tags "Aleppo" as NORP and "Homs" as ORG, so the places stage also tries
every capitalised run against the gazetteer. A match that is not a GPE/LOC/FAC entity counts
only when the text supports it: a locative cue ("in", "near", "province"), a country or region
name, a place in the article's focus countries, or a large town; never a stop-listed word, a
demonym ("Turkish") or an armed group's name ("Taliban") read as a village. An ordinary English
word written with a capital (a headline's or a sentence's first word: "Grenade attack on ...") is
read only by places of that very name, never by another language's name of a place abroad
(Granada is "Grenade" in French) nor by another spelling.
"""

from __future__ import annotations

import functools
from typing import Optional, Sequence

from spacy.tokens import Doc

from strife.datafiles import read_data_csv
from strife.extract.places.names import (
    Mention,
    after_locative,
    bracketed_abbreviation,
    stop_words,
)
from strife.resolve.geocode import FEATURE_KINDS, admin_words, of_feature
from strife.resolve.spellings import normalise_name

# Without a cue or focus country, a bare capitalised word must name a town at least this big.
MIN_POPULATION_WITHOUT_CUE = 100_000
MIN_POPULATION_WITH_CUE = 1_000
# Words that put the name after them where something happened (not "of", "on" nor "from": "on Monday").
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "around", "inside"})
# The kinds of reading that are administrative units, not towns.
UNIT_KINDS = ("admin1", "admin2")


def _word_after(doc: Doc, index: int) -> Optional[str]:
    """The lowercased word at `index`, a hyphenated one whole ("sub-clan" is three tokens)."""
    if index >= len(doc):
        return None
    if index + 2 < len(doc) and doc[index + 1].text == "-" and not doc[index].whitespace_ and not doc[index + 1].whitespace_:
        return doc[index : index + 3].text.lower()
    return doc[index].lower_


@functools.lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    return frozenset(word for word, feature in admin_words().items() if feature == "people")


@functools.lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    return frozenset(row["word"].casefold() for row in read_data_csv("geo_group_words.csv"))


def _people_elsewhere(doc: Doc, mention: Mention) -> bool:
    """Is the name a people's, written before its members' noun ("Luba villagers", "Dinka herders"), not
    after a locative word, in a sentence that writes another name after one ("near Westpur")? Then the
    name says who they are and the other says where (a name after "in" or "at" keeps its reading:
    "in Kolo villagers fled")."""
    if _word_after(doc, mention.name_end) not in _group_words() or after_locative(doc, mention.start):
        return False
    sentence = doc[mention.start].sent
    return any(token.lower_ in PLACE_PREPOSITIONS and token.i + 1 < sentence.end
               and not (mention.start <= token.i < mention.end) and doc[token.i + 1].is_title
               for token in sentence)


def is_plausible(mention: Mention, doc: Doc, focus: Sequence[str]) -> bool:
    """Should a gazetteer match count as a toponym?

    Parser-tagged places (GPE/LOC/FAC) count unless stop-listed; other capitalised matches need
    a country or region name, or a town big enough, or a locative cue or focus country and a
    town of at least a village's size. Stop-listed words ("March", "Gulf", "Middle East") are
    never places unless a region word follows ("Gulf province").
    """
    if mention.end - mention.start == 1 and bracketed_abbreviation(doc, mention.start):
        return False  # "the Westvale Institute of Technology (WIT)": the name's letters, not a town
    if is_demonym(mention.name(doc)) and not mention.feature:
        return False  # "Turkish", "Arab": adjectives of a people, whatever town shares a spelling
    if _word_after(doc, mention.name_end) in _people_words():
        return False  # "the Kendal sub-clan": a clan named like an English town
    if _people_elsewhere(doc, mention):
        return False  # "killed 6 Luba villagers near Westpur": who they are; the sentence says where
    if mention.variant and normalise_name(mention.name(doc)) in stop_words():
        return False  # "President": no other spelling of a stop-listed word is a place either
    if mention.fallback or mention.fits_qualifiers:
        return True  # the names qualifying it say it is a place, and where
    candidates = mention.candidates
    if not mention.from_entity and is_english_word(doc, mention):
        # "Grenade attack on a bar": a word of English with a capital is no other name of Granada; only a
        # place called so as its own name may be meant, and as any other bare word it needs the support below
        candidates = [c for c in candidates if c.primary and not mention.variant]
        if not candidates:
            return False
    if mention.variant:
        # Another spelling of a known place counts only where the article already is (but see
        # `_sole_variant_place`).
        return any(c.country in focus for c in mention.candidates)
    if mention.feature:
        candidates = of_feature(candidates, mention.feature)
    if not candidates:
        return False
    in_focus = any(c.country in focus for c in candidates)
    if normalise_name(mention.name(doc)) in stop_words():
        return bool(mention.feature)
    if not mention.cue and _known_person(mention.name(doc)) and not any(
            c.kind in ("country", "admin1") or c.population >= MIN_POPULATION_WITHOUT_CUE for c in candidates):
        return False  # a leader the actor dictionary knows by one name ("protest against <surname>") is that
        # person, not a village or municipality of the name; "in <name>", or a country, region or city of
        # that name, still reads as the place
    if mention.from_entity and not mention.partial:
        return True
    if _unit_after_name(doc, mention) and all(c.kind in UNIT_KINDS and c.primary for c in candidates):
        return True  # "Kolmaro Kasa, Westvale": a name that is only a district or region qualifies the one before
    if mention.route_end:
        return any(c.kind == "city" for c in candidates)  # "the Westfield-Eastbrook road" runs between two towns
    if mention.weak:
        # "Westvale Local Government Area", tagged as an organisation: its kind words say it is that
        # unit, whatever its population (GeoNames gives districts none), and so is a unit of the kind the
        # word may name ("Eastkoji county": a county is a region in one country, a district in another)
        return mention.cue and (max(c.population for c in candidates) >= MIN_POPULATION_WITH_CUE
                                or any(c.kind == mention.feature or (c.kind in UNIT_KINDS and c.kind in
                                       FEATURE_KINDS.get(mention.feature or "", ())) for c in candidates)
                                or _unit_at_home(candidates, focus) or _unsized_town_at_home(candidates, focus))
    if mention.partial:
        # "Sonar" of "Sonar Bazar", "Al" of "Al Harsha", "Rio" of "Rio Megaruma": a word of a longer name
        # the gazetteer does not know is that name's, unless it is a well-known place by its own name
        # ("Mogadishu" of "Mogadishu-Xamar Cusub") in a country the article is about, when it has one.
        return any(c.kind == "city" and c.primary and c.population >= MIN_POPULATION_WITHOUT_CUE
                   and (not focus or c.country in focus) for c in candidates)
    if known_actor(mention.name(doc)):
        return False  # "Taliban" is a village in Turkey, and the movement everywhere else
    if any(c.kind in ("country", "admin1") and c.primary for c in candidates):
        return True
    biggest = max(c.population for c in candidates)
    if in_focus or (mention.cue and not focus):
        if mention.cue and any(c.population == 0 and (c.country in focus or not focus) for c in candidates):
            return True  # a district, or a town GeoNames gives no population, written as a place ("in Wadi Tayyim")
        return biggest >= MIN_POPULATION_WITH_CUE
    # A small place abroad, in an article about somewhere else, is more likely a word used otherwise
    # ("the Kendal sub-clan", "Arab cities"); it needs a town's size even after "in".
    if mention.cue and any(c.kind == "admin2" and c.primary and c.population >= MIN_POPULATION_WITHOUT_CUE
                           for c in candidates):
        return True  # a populous district or municipality written as a place ("in Westvale Bay"), even one
        # named after a person, which the parser tags as a person
    if doc[mention.start].ent_type_ in ("PERSON", "ORG"):
        return False  # a lone word tagged as a person or organisation needs a cue
    # Districts are many and their names common words: a bare one needs a cue or a focus country.
    return max((c.population for c in candidates if c.kind == "city"), default=0) >= MIN_POPULATION_WITHOUT_CUE


def _unit_after_name(doc: Doc, mention: Mention) -> bool:
    """Is the name written after a comma that follows another name, as the unit holding it ("Kolmaro
    Kasa, Westvale")? Notes qualify a village, often one no gazetteer holds, by its district so: a
    district or region of the name is where the village lies, whatever its home's other signs (a name
    that is also a town, "Westvale" of a Westvale town abroad, is left to the other rules)."""
    return (mention.start >= 2 and doc[mention.start - 1].text == ","
            and doc[mention.start - 2].is_title and doc[mention.start - 2].pos_ == "PROPN")


def _unsized_town_at_home(candidates: Sequence, focus: Sequence[str]) -> bool:
    """Is a reading a town GeoNames gives no population, in the article's country or in an article that has
    none ("troops retook Westkura", tagged as a person)? After a cue, as the untagged name's such reading is."""
    return any(c.kind == "city" and c.population == 0 and (not focus or c.country in focus) for c in candidates)


def _unit_at_home(candidates: Sequence, focus: Sequence[str]) -> bool:
    """Is a reading a district GeoNames gives no population, in the article's country or in an article
    that has none ("in Mayo-Westri", tagged as an organisation)? As an untagged one after "in", a unit."""
    return any(c.kind in UNIT_KINDS and c.population == 0 and c.primary and (not focus or c.country in focus)
               for c in candidates)


def is_english_word(doc: Doc, mention: Mention) -> bool:
    """Is the mention one word written as an ordinary English word with a capital (`english_words`)? A word
    in capitals ("UP" for Uttar Pradesh, not "up") is an abbreviation or a dateline, not the word."""
    token = doc[mention.start]
    return mention.name_end - mention.start == 1 and token.is_title and token.lower_ in english_words()


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words: the base forms of the parsing pipeline's lemmatizer index (nouns, verbs,
    adjectives, adverbs) and the single-word lemmas of the event lexicon. The index also holds names
    of well-known places ("paris"), which are their places' own names and so still read."""
    from strife.ontology import load_ontology
    from strife.spelling_repairs import lemmatizer_tables, table_of

    words = {entry.key.casefold() for entry in load_ontology().lexicon if len(entry.words) == 1}
    index = table_of(lemmatizer_tables(), "lemma_index")
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(index.get(pos, ()))
    return frozenset(words)


@functools.lru_cache(maxsize=4096)
def is_demonym(name: str) -> bool:
    """Is the name an adjective of a country or people in the actor dictionary ("Turkish", "Arab")?"""
    return _demonym(name) is not None


def demonym_country(name: str) -> Optional[str]:
    """The country a country's adjective names ("Malian" -> its country), or None (no demonym, or a
    people's with no country: "Arab")."""
    found = _demonym(name)
    return found[0] if found else None


def _demonym(name: str) -> Optional[tuple[Optional[str], Optional[str]]]:
    """(country, ethnicity) of a demonym in the actor dictionary ("Syrians" too), or None."""
    from strife.resolve.actors import ActorDictionary

    return ActorDictionary.default().demonym(name.casefold())


@functools.lru_cache(maxsize=4096)
def _known_person(name: str) -> bool:
    """Is the name a person in the actor dictionary ("Modi" for India's prime minister)?"""
    from strife.resolve.actors import ActorDictionary

    return any(entry.kind == "person" for entry in ActorDictionary.default().lookup(name))


@functools.lru_cache(maxsize=4096)
def known_actor(name: str) -> bool:
    """Is the name an armed group or organisation in the actor dictionary (not a state or capital)?"""
    from strife.resolve.actors import ActorDictionary

    return any(entry.kind in ("group", "org") for entry in ActorDictionary.default().lookup(name))
