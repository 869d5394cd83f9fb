"""An article's focus countries: the countries its toponyms, actors and cues say it is about.

Each unambiguous toponym votes for its country (a location fully; a modifier or a country used as
an attribute little or not at all; a metonym only when nothing else votes). Actors ("Houthi
forces") and the cues of geo_focus_cues.csv vote weakly. The focus steers ambiguous names
("Tripoli" in an article about Lebanon); `FocusSupport` gives each name the focus of the rest of
the article, so that no name supports itself.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from spacy.tokens import Doc

from strife.datafiles import read_data_csv as _read_data_csv
from strife.extract import doc_ents, doc_text, doc_tokens
from strife.extract.places.mentions import candidate_mentions
from strife.extract.places.metonymy import border_words, country_as_attribute, is_metonym
from strife.extract.places.names import Mention
from strife.extract.places.plausibility import is_plausible
from strife.extract.places.readings import ranked_readings
from strife.resolve.geocode import MAX_KIND_WORDS, Candidate, Gazetteer, kind_countries, ranking_confidence

ACTOR_FOCUS_WEIGHT = {"group": 0.3, "org": 0.3, "noun": 0.3, "acled": 0.3, "demonym": 0.1}
CUE_FOCUS_WEIGHT = 0.3
# The sector of rebel and insurgent groups (data/actors.csv): their fighters strike across the borders of
# the country they are coded with ("Boko Haram" in Cameroon's Far North, "Al Shabaab" in Kenya).
REBEL_SECTOR = "REB"


@functools.lru_cache(maxsize=1)
def focus_cues() -> list[tuple[str, re.Pattern[str], str]]:
    """(phrase, pattern, ISO3) from geo_focus_cues.csv: names that say which country an article is
    in without being a place or a coded actor ("OSCE SMM" monitors in Ukraine). The phrase is
    there to be looked for first: `in` finds it far faster than the pattern's search of every
    position, and most articles name none."""
    return [(row["phrase"], re.compile(rf"(?<![\w-]){re.escape(row['phrase'])}(?![\w-])"), row["country"])
            for row in _read_data_csv("geo_focus_cues.csv")]


@dataclass(frozen=True)
class FocusVote:
    """One piece of evidence for the article's country: a toponym (`mention` its index) or an actor or cue."""

    country: str
    weight: float
    span: tuple[int, int]  # characters
    mention: Optional[int] = None
    metonym: bool = False
    armed: bool = False  # a people's adjective naming armed forces ("Israeli drones", "Turkish forces"): not where they act
    alternate: bool = False  # a town read by one of its other names (`_read_as_alternate`): a weaker sign
    rebel: bool = False  # a rebel group's name ("Boko Haram"): its home, whence its fighters cross borders
    cue: bool = False  # a name of geo_focus_cues.csv ("AMISOM"): a mission or body at work in that country only


def _actor_votes(doc: Doc) -> list[FocusVote]:
    """Weak evidence of the article's country from the actors it names ("Taliban", "Houthi", "Afghan")
    and from the cues of geo_focus_cues.csv.

    Weaker than any toponym: foreign forces act abroad ("Turkish forces shelled ... Kafr Salbin"),
    so actors only decide when the toponyms are ambiguous or absent.
    """
    from strife.resolve.actors import ActorDictionary

    dictionary = ActorDictionary.default()
    actor_ents = [ent for ent in doc_ents(doc) if ent.label_ in ("ORG", "NORP", "PERSON")]
    phrases = [_own_name(doc, ent, dictionary) for ent in actor_ents]
    tagged = {i for ent in actor_ents for i in range(ent.start, ent.end)}
    votes = []
    text = doc_text(doc)
    for name, span in phrases:
        code = dictionary.code(name)
        if code is not None and code.country and (weight := ACTOR_FOCUS_WEIGHT.get(code.kind)) \
                and not _shared_name(dictionary, name, code.affiliation) and not _leads_compound(text, span, code.kind):
            votes.append(FocusVote(code.country, weight, span, armed=_armed_demonym(doc, span, dictionary),
                                   rebel=code.sector == REBEL_SECTOR))
    votes += _untagged_actor_votes(doc, _TokenText.of(doc), dictionary, tagged)
    for phrase, pattern, country in focus_cues():
        if phrase in text:
            votes += [FocusVote(country, CUE_FOCUS_WEIGHT, match.span(), cue=True) for match in pattern.finditer(text)]
    return [vote for vote in votes if not _names_other_side(doc, vote.span)]


def _names_other_side(doc: Doc, span: tuple[int, int]) -> bool:
    """Is the name the modifier of a border ("on the Algerian border", "the Kenya-Somalia frontier")?
    English names the other side of the line so: "a Malian town on the Algerian border" is in Mali,
    unless the line's other side follows ("the Malian border with Algeria": Mali's own border)."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None or not len(words):
        return False
    root = words.root
    if root.dep_ not in ("amod", "compound", "nmod") or root.head.lower_ not in border_words():
        return False
    # ... but "the Somali border with Kenya" is Somalia's own border: the other side follows "with".
    border = root.head
    return not (border.i + 1 < len(doc) and doc[border.i + 1].lower_ == "with")


_TOKEN_TEXT_KEY = ("strife", "focus_token_text")


@dataclass(frozen=True)
class _TokenText:
    """The doc's text with each token's characters, read once: a name of a few tokens is then a
    slice of the text, not a `Span` built and joined again for every token of the article."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, doc: Doc) -> "_TokenText":
        """Read once per Doc and kept on it, as `doc_text` keeps the text (stages never change it)."""
        found = doc.user_data.get(_TOKEN_TEXT_KEY)
        if found is None:
            pairs = [(token.text, token.idx) for token in doc_tokens(doc)]
            words, starts = [word for word, _ in pairs], [start for _, start in pairs]
            found = cls(doc_text(doc), words, starts, [start + len(word) for word, start in pairs])
            doc.user_data[_TOKEN_TEXT_KEY] = found
        return found

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """The characters of tokens start..end (as `Span.start_char`, `Span.end_char`)."""
        return self.starts[start], self.ends[end - 1]

    def name(self, start: int, end: int) -> str:
        """The text of tokens start..end (as `Span.text`)."""
        return self.text[self.starts[start] : self.ends[end - 1]]


def _untagged_actor_votes(doc: Doc, tokens: _TokenText, dictionary, tagged: set[int]) -> list[FocusVote]:
    """Votes of the capitalised words the parser did not tag that the actor dictionary knows
    ("Houthi forces", "Malian soldiers"): names of one to three words, and demonyms. A name may open
    with a lowercase word some known name opens with ("al Shabaab fighters", "anti-Balaka
    militiamen"): its capitalised rest alone ("Shabaab", "Balaka") is no name the dictionary knows."""
    votes: list[FocusVote] = []
    skip_to = 0
    openers = dictionary.lowercase_openers()
    for token in doc_tokens(doc):
        word = tokens.words[token.i]
        if token.i < skip_to or not (word[:1].isupper() or word in openers):
            continue
        if ((token.i in tagged or token.i + 1 in tagged) and token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ != "I"
                and (found := _demonym_at(tokens, token.i, dictionary, 2)) and found[1] > token.i + 1):
            # the parser often cuts a two-word demonym in two names of its own ("Sierra" ORG, "Leonean" PERSON),
            # neither of which the dictionary knows; a demonym it tags whole votes as an entity
            span = tokens.chars(token.i, found[1])
            votes.append(FocusVote(found[0], ACTOR_FOCUS_WEIGHT["demonym"], span,
                                   armed=_armed_demonym(doc, span, dictionary)))
            skip_to = found[1]
            continue
        if token.i in tagged:
            continue
        for end in range(min(len(doc), token.i + 3), token.i, -1):
            entries = [e for e in dictionary.lookup(tokens.name(token.i, end)) if e.country and e.kind in ACTOR_FOCUS_WEIGHT]
            if len({e.country for e in entries}) > 1:
                skip_to = end  # a name of several countries' actors ("Congress"): no vote
                break
            if entries:
                span = tokens.chars(token.i, end)
                votes.append(FocusVote(entries[0].country, ACTOR_FOCUS_WEIGHT[entries[0].kind], span,
                                       armed=_armed_demonym(doc, span, dictionary),
                                       rebel=entries[0].sector == REBEL_SECTOR))
                skip_to = end
                break
        else:
            demonym = dictionary.demonym(token.lower_)
            if demonym and demonym[0] and not _leads_compound(tokens.text, tokens.chars(token.i, token.i + 1), "demonym"):
                span = (token.idx, token.idx + len(token))
                votes.append(FocusVote(demonym[0], ACTOR_FOCUS_WEIGHT["demonym"], span,
                                       armed=_armed_demonym(doc, span, dictionary)))
    return votes


def _demonym_at(tokens: _TokenText, start: int, dictionary, longest: int) -> tuple[str, int] | None:
    """(country, end token) of a country's demonym of up to `longest` words starting at `start`, the
    longest first: a demonym of two words ("Sierra Leonean police", "Sri Lankan troops") is one word to
    the reader."""
    for end in range(min(len(tokens.words), start + longest), start, -1):
        if end > start + 1 and not tokens.words[end - 1][:1].isupper():
            continue
        demonym = dictionary.demonym(tokens.name(start, end).casefold())
        if demonym and demonym[0]:
            return demonym[0], end
    return None


def _own_name(doc: Doc, ent, dictionary) -> tuple[str, tuple[int, int]]:
    """The entity's name and characters; a name several countries' actors bear that the next word
    makes one actor's ("Congress" of "[Congress party] workers") is read with that word."""
    if ent.end < len(doc) and _shared_name(dictionary, ent.text, None):
        longer = doc[ent.start : ent.end + 1]
        if len({e.country for e in dictionary.lookup(longer.text) if e.country}) == 1:
            return longer.text, (longer.start_char, longer.end_char)
    return ent.text, (ent.start_char, ent.end_char)


def _leads_compound(text: str, span: tuple[int, int], kind: str) -> bool:
    """Is a people's adjective the first half of a hyphenated compound ("Saudi-led coalition",
    "Iranian-backed militia", "Turkish-made drones")? It says who leads, backs or made, not where
    the thing acts, as a town's name so written says nothing of where (`_focus_weight`)."""
    return kind == "demonym" and text[span[1] : span[1] + 1] == "-"


def _shared_name(dictionary, name: str, affiliation: Optional[str]) -> bool:
    """Is the actor's name, or the name of the body it belongs to ("Congress workers"), one that
    actors of several countries bear ("Congress": the US legislature and India's party)? Such a
    name says no country: the article's other words must, and the actor then takes theirs."""
    return any(len({e.country for e in dictionary.lookup(words) if e.country}) > 1
               for words in (name, affiliation) if words)


def _armed_demonym(doc: Doc, span: tuple[int, int], dictionary) -> bool:
    """Does the phrase start with a people's adjective and name armed forces, alone or with the
    next word ("Turkish Military", "Israeli drones")? Such forces often act abroad: who, not where."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None or not dictionary.demonym(words[0].lower_):
        return False
    with_next = doc[words.start : min(len(doc), words.end + 1)]
    return any((code := dictionary.code(phrase.text)) is not None and getattr(code, "sector", None) == "MIL"
               for phrase in (words, with_next))


def _focus_weight(doc: Doc, mention: Mention, best: Candidate) -> float:
    """How much a mention says the article happens in its country.

    Towns and regions say it fully, also as modifiers ("Papua province", "Aleppo countryside",
    "Baghdad airport"), unless hyphenated ("Damascus-based") or modifying people ("Hausa politicians"). A country said as a location ("in
    Syria") does too, but most country mentions are modifiers ("US officials", "US-backed") or
    actors ("Russia vetoed"), which say little or nothing.
    """
    span = doc[mention.start : mention.name_end]
    if span.end < len(doc) and doc[span.end].text == "-":
        return 0.0
    modifier = span.root.dep_ in ("compound", "amod", "nmod", "npadvmod")
    if best.kind != "country":
        # ... but not as the modifier of people ("Hausa politicians": a people named like a town).
        from strife.resolve.actors import ActorDictionary

        return 0.0 if modifier and ActorDictionary.default().is_actor_noun(span.root.head.text) else 1.0
    if modifier:
        return 0.0
    if country_as_attribute(doc, mention):
        return 0.0  # "forces of Armenia", "weapons from the US"
    return 1.0 if mention.cue else 0.25


def focus_countries_of(
    doc: Doc, gazetteer: Optional[Gazetteer] = None, mentions: Optional[list[Mention]] = None
) -> list[str]:
    """Countries the article is about (ISO3, strongest first), from unambiguous toponyms and actors.

    A mention counts for a country when its best reading, without any focus, is clearly ahead
    of every reading more than 50 km away, weighted by `_focus_weight`; metonyms ("Washington
    said") count only when nothing else does.
    """
    gazetteer = gazetteer or Gazetteer.default()
    if mentions is not None:
        return focus_of(_focus_votes(doc, gazetteer, mentions))
    return focus_of(mentions_and_votes(doc, gazetteer)[1])


def mentions_and_votes(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Mention], list[FocusVote]]:
    """One read of the doc: its candidate mentions and the focus votes they and its actors give.

    The places stage needs both, once: `places_and_focus` returns the places and the focus of
    this one read, rather than reading the doc for the focus and again for the places.
    """
    mentions = candidate_mentions(doc, gazetteer)
    return mentions, _focus_votes(doc, gazetteer, mentions)


def _focus_votes(doc: Doc, gazetteer: Gazetteer, mentions: Sequence[Mention]) -> list[FocusVote]:
    """Every toponym's and actor's vote for the article's country (`focus_countries_of`)."""
    votes = []
    for index, mention in enumerate(mentions):
        if mention.variant or not is_plausible(mention, doc, ()):
            continue
        ranked = ranked_readings(doc, mention, gazetteer, ())
        if not ranked or not ranked[0][0].country or ranking_confidence(ranked) < 0.7:
            continue
        best = ranked[0][0]
        span = (doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1]))
        if is_metonym(doc, doc[mention.start : mention.name_end], gazetteer):
            votes.append(FocusVote(best.country, 1.0, span, index, metonym=True))
        else:
            votes.append(FocusVote(best.country, _focus_weight(doc, mention, best), span, index,
                                   alternate=_read_as_alternate(mention, best)))
    return votes + _actor_votes(doc) + _country_name_votes(doc, gazetteer, mentions) + _kind_word_votes(doc)


def _read_as_alternate(mention: Mention, best: Candidate) -> bool:
    """Is the mention a town read by one of its other names ("Kalistan" as Kaliston), not its own
    and not fitting a region written with it? Regions are often known by another form of their
    name ("Lima Province"); a town so read may be a namesake of a place the gazetteer lacks."""
    return best.kind == "city" and not best.primary and not mention.fits_qualifiers


def _kind_word_votes(doc: Doc) -> list[FocusVote]:
    """A kind word only one country uses ("upazila", "local government area") says the text is in
    that country, whatever the name before it: as much as a country's name written in it."""
    votes = []
    kinds = kind_countries()
    starts = _kind_word_starts()
    for i, word in enumerate(_TokenText.of(doc).words):
        if word.casefold() not in starts:
            continue  # no kind word begins so: most tokens, spared building three spans each
        for size in range(MAX_KIND_WORDS, 0, -1):
            span = doc[i : i + size]
            countries = kinds.get(span.text.casefold()) if len(span) == size else None
            if countries and len(countries) == 1:
                votes.append(FocusVote(next(iter(countries)), COUNTRY_NAME_WEIGHT, (span.start_char, span.end_char)))
                break
    return votes


@functools.lru_cache(maxsize=1)
def _kind_word_starts() -> frozenset[str]:
    """Every beginning of a kind word of `kind_countries` ("local", "local gov", ...): a span's
    casefolded text starts with its first token's, so a token that begins none starts no kind word."""
    return frozenset(kind[:end] for kind in kind_countries() for end in range(1, len(kind) + 1))


COUNTRY_NAME_WEIGHT = 0.3
MAX_COUNTRY_NAME_TOKENS = 3


def _country_name_votes(doc: Doc, gazetteer: Gazetteer, mentions: Sequence[Mention]) -> list[FocusVote]:
    """A country's name written where no mention reads it ("the Federal Sonamati Party Nepal",
    "the Kenya Defence Forces"): as weak a sign as an actor's, but a sign of the country the text
    is about, which the readings of its other names should stay in (`country_first`)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    tokens = _TokenText.of(doc)
    votes: list[FocusVote] = []
    i = 0
    while i < len(doc):
        found = _country_at(tokens, i, covered, gazetteer)
        if found is None:
            i += 1
            continue
        country, end = found
        votes.append(FocusVote(country, COUNTRY_NAME_WEIGHT, tokens.chars(i, end)))
        i = end
    return votes


def _country_at(tokens: _TokenText, start: int, covered: set[int], gazetteer: Gazetteer) -> Optional[tuple[str, int]]:
    """The country whose own name starts at token `start` (uncovered, capitalised), with its end."""
    if start in covered or not tokens.words[start][:1].isupper():
        return None
    for end in range(min(len(tokens.words), start + MAX_COUNTRY_NAME_TOKENS), start, -1):
        if any(i in covered for i in range(start, end)):
            continue
        countries = {c.country for c in gazetteer.lookup(tokens.name(start, end)) if c.kind == "country" and c.primary}
        if len(countries) == 1:
            return countries.pop(), end
    return None


def focus_of(votes: Sequence[FocusVote]) -> list[str]:
    """The countries the votes support, strongest first (metonyms only when nothing else does)."""
    weights: Counter[str] = Counter()
    fallback: Counter[str] = Counter()
    for vote in votes:
        (fallback if vote.metonym else weights)[vote.country] += vote.weight
    chosen = +weights or fallback
    return [country for country, _ in chosen.most_common()]


class FocusSupport:
    """The article's focus without the votes of one name: what the rest of the article says about
    that name's country (`focus_of` of the other votes).

    A name never supports itself, however often it is written: "3 Kresh were killed" after "the
    Kolmo clan of the Kresh" is no evidence that the article is in France, where GeoNames has a
    Kresh. `names` gives each mention's name (votes of actors and cues have none).

    Counted once for the article, then adjusted per name: recounting every vote for every mention
    was quadratic, most of the places stage's time on a long text of many reports. Each name's
    answer is kept: the votes do not change once counted, and the places stage asks of every
    mention several times (its focus, its namesakes, its support abroad).
    """

    def __init__(self, votes: Sequence[FocusVote], names: Sequence[str]):
        self.names = names
        self._ranked: dict[str, tuple[str, ...]] = {}  # a name -> `ranked_without` of its mentions
        self.weights: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}  # by metonym
        self.own: dict[str, dict[bool, Counter[str]]] = {}  # each name's votes
        for vote in votes:
            self.weights[vote.metonym][vote.country] += vote.weight
            if vote.mention is not None:
                own = self.own.setdefault(names[vote.mention], {False: Counter(), True: Counter()})
                own[vote.metonym][vote.country] += vote.weight

    def ranked_without(self, mention: int) -> list[str]:
        """The other names' and the actors' countries, strongest first: the focus a mention is read
        in ("Tripoli" alone would put Libya beside the Lebanon the rest of the article names)."""
        name = self.names[mention]
        if name not in self._ranked:
            weights = {metonym: counter.copy() for metonym, counter in self.weights.items()}
            for metonym, counter in self.own.get(name, {}).items():
                weights[metonym].subtract(counter)
            chosen = _positive(weights[False]) or _positive(weights[True])
            self._ranked[name] = tuple(country for country, _ in chosen.most_common())
        return list(self._ranked[name])

    def without(self, mention: int) -> frozenset[str]:
        """The countries the others support, in no order."""
        return frozenset(self.ranked_without(mention))


def _positive(weights: Counter[str]) -> Counter[str]:
    """The countries left with weight (a difference of float sums may leave a crumb above zero)."""
    return Counter({country: weight for country, weight in weights.items() if weight > 1e-9})
