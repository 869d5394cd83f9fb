"""Direct quotes with their speakers, and reported claims with their sources.

Analysts weigh an event by who vouches for it: "Aid agencies report that 31,000 civilians have
fled" is the agencies' figure, not the paper's. Two readers of the same parse serve that:

* `find_quotes` takes the quoted stretches (curly, straight, guillemets; found in `quote_marks`)
  and asks the dependency parse which speech verb governs each quote and who its subject is.
* `find_claims` reads reported speech without quotation marks: the `ccomp` of a speech or report
  verb ("X reported that Y"), source phrases ("according to X, Y"), passives with an agent
  ("the proposals reported by the Times") and hearsay adverbs ("reportedly").
  `attribution_for` then tells the event stage which claim covers an event's text.

Which verbs report speech and which phrases name a source are data (`data/speech_verbs.csv`,
`data/claim_patterns.csv`), so users extend them without touching code.

Scare quotes. Writers also put quotation marks around a word to distance themselves from it
("US-backed “rebel” groups", "the “rebels”"). A quoted stretch of at most
`SCARE_QUOTE_MAX_WORDS` words is a quote only when a speech verb governs it as what was said:
it is the complement clause of the verb, the predicate of that clause ("stated that the attacks
were “disgraceful”", "declared the resolution to be a “provocation”"), the verb's whole direct
object ("chanted “Down with the regime”") or its "as" phrase ("described it as “barbaric”").
A quoted word that modifies a noun ("“rebel” groups") or is an ordinary argument of some other
verb is a scare quote and is dropped. A longer quoted stretch with neither a speaker nor a verb of
its own is a title or name (a report, an app, a campaign) and is dropped too; every other longer
stretch is a quote, attributed or not.

Pronoun speakers. "he said" / "she said" resolve to the nearest earlier mention that can be a
person: a PERSON entity not inside quotation marks (people quoted are often not the speaker), or
the singular subject of an earlier speech verb ("The UN envoy declared ... He added"). The actor's
confidence is lowered to `PRONOUN_CONFIDENCE`. Other pronouns ("they", "we") stay as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Optional

from spacy.tokens import Doc, Span, Token

from strife.extract import doc_lowers, doc_text, doc_tokens
from strife.extract.quote_marks import (
    CLOSING_MARKS,
    OPENING_MARKS,
    STRAIGHT_MARK,
    Quoted,
    doc_quoted_ranges,
    paragraph_ends_in,
    quoted_words,
)
from strife.model import Actor, Claim, Quote
from strife.datafiles import read_data_csv as _read_rows

SCARE_QUOTE_MAX_WORDS = 3
PRONOUN_CONFIDENCE = 0.8
#: How sure a reporter is when read off a container ("a report in the Times of London"): the
#: outlet carries the report, but may itself relay someone else's.
CONTAINER_CONFIDENCE = 0.9
#: A bare hedge ("reportedly") names no source: the claim is hearsay of unknown origin.
HEDGE_CONFIDENCE = 0.5
#: A speaker only linked to the group named in its phrase ("a source linked to the opposition").
AFFILIATE_CONFIDENCE = 0.8
PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
NON_PERSON_ENTITIES = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}
SUBJECT_DEPS = ("nsubj", "csubj")
# Relations under which a short quote is what a speech verb says (see module docstring).
SAID_DEPS = {"ccomp", "xcomp", "advcl", "parataxis", "intj", "dobj", "attr", "acomp", "oprd"}
PREDICATE_DEPS = {"attr", "acomp", "oprd", "dobj"}
CLAUSE_DEPS = {"ccomp", "xcomp"}
SIMILE_PREPS = {"as", "like"}
SOURCE_PREPS = {"in", "by", "from"}
THAT_MARKS = {"that"}
INHERIT_SUBJECT_DEPS = {"conj", "advcl", "xcomp"}
EDGE_PUNCT = set(",.;:—–-()[]") | set(OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK + "‘’'")
VERB_KINDS = {"speech", "report", "naming", "directive"}
CLAIM_VERB_KINDS = {"speech", "report"}

SpeakerFor = Callable[[Span], Optional[Actor]]


# --- data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeechVerb:
    """One row of speech_verbs.csv."""

    lemma: str
    particle: str
    kind: str  # one of VERB_KINDS
    takes_object: bool


@dataclass(frozen=True)
class ClaimPatterns:
    """claim_patterns.csv, grouped by kind."""

    source_phrases: tuple[tuple[str, ...], ...]
    container_nouns: frozenset[str]
    hedge_adverbs: frozenset[str]
    blocking_heads: frozenset[str]
    blocking_marks: frozenset[str]



@lru_cache(maxsize=None)
def speech_verbs() -> dict[tuple[str, str], SpeechVerb]:
    """speech_verbs.csv keyed by (lemma, particle); particle is "" for plain verbs."""
    table: dict[tuple[str, str], SpeechVerb] = {}
    for row in _read_rows("speech_verbs.csv"):
        verb = SpeechVerb(
            lemma=row["lemma"].lower(),
            particle=row["particle"].lower(),
            kind=row["kind"],
            takes_object=row["takes_object"] == "1",
        )
        if verb.kind not in VERB_KINDS:
            raise ValueError(f"speech_verbs.csv: unknown kind {verb.kind!r} for {verb.lemma!r}")
        table[(verb.lemma, verb.particle)] = verb
    return table


@lru_cache(maxsize=None)
def claim_patterns() -> ClaimPatterns:
    """claim_patterns.csv as sets per kind."""
    groups: dict[str, list[str]] = {}
    for row in _read_rows("claim_patterns.csv"):
        groups.setdefault(row["kind"], []).append(row["phrase"].lower())
    known = {"source_phrase", "container_noun", "hedge_adverb", "blocking_head", "blocking_mark"}
    if unknown := set(groups) - known:
        raise ValueError(f"claim_patterns.csv: unknown kinds {sorted(unknown)}")
    return ClaimPatterns(
        source_phrases=tuple(tuple(phrase.split()) for phrase in groups.get("source_phrase", [])),
        container_nouns=frozenset(groups.get("container_noun", [])),
        hedge_adverbs=frozenset(groups.get("hedge_adverb", [])),
        blocking_heads=frozenset(groups.get("blocking_head", [])),
        blocking_marks=frozenset(groups.get("blocking_mark", [])),
    )


def speech_verb(token: Token) -> Optional[SpeechVerb]:
    """The speech_verbs.csv entry `token` instantiates, if it is a verb listed there."""
    if token.pos_ != "VERB":
        return None
    table = speech_verbs()
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt" and (lemma, child.lower_) in table:
            return table[(lemma, child.lower_)]
    return table.get((lemma, ""))


# --- parse helpers ----------------------------------------------------------------------------


def _subject(verb: Token, quoted: Quoted) -> Optional[Token]:
    """Who performs `verb`: its subject, a passive's agent, or the subject of the verb it is
    coordinated with or subordinate to ("..., pointing out that ..."); a relative pronoun
    stands for the noun it modifies."""
    seen: set[int] = set()
    while verb.i not in seen:
        seen.add(verb.i)
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and not quoted.token(child):
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    return verb.head
                return child
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [grand for grand in child.children if grand.dep_ == "pobj"]
                if objects and not quoted.token(objects[0]):
                    return objects[0]
        if verb.dep_ not in INHERIT_SUBJECT_DEPS or verb.head is verb:
            return None
        verb = verb.head
    return None


def _phrase(head: Token, quoted: Quoted, verb: Optional[Token] = None) -> Span:
    """The noun phrase headed by `head`, with its modifiers ("a source linked to the Syrian
    opposition"), but never reaching into quotation marks, without a trailing date ("reports
    Sunday") or edge punctuation, and without the clause of `verb` when the phrase contains it
    ("families who claim ..." -> "families")."""
    excluded: set[int] = set()
    if verb is not None and verb is not head and head.is_ancestor(verb):
        excluded.update(token.i for token in verb.subtree)
    for child in head.children:
        if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            excluded.update(token.i for token in child.subtree)
    allowed = {t.i for t in head.subtree if t.i not in excluded and not quoted.token(t)}
    start = end = head.i
    while start - 1 in allowed:
        start -= 1
    while end + 1 in allowed:
        end += 1
    doc = head.doc
    while start < head.i and _is_edge(doc[start]):
        start += 1
    while end > head.i and (_is_edge(doc[end]) or doc[end].tag_ == "POS"):
        end -= 1
    return doc[start : end + 1]


def _antecedent(pronoun: Token, quoted: Quoted) -> Optional[Span]:
    """Who "he"/"she" most likely is: the nearest earlier PERSON entity outside quotation marks,
    or the nearest earlier singular, non-organisation subject of a speech verb ("The UN envoy
    declared ... He added"), whichever is closer."""
    doc = pronoun.doc
    people = [
        ent for ent in doc.ents
        if ent.label_ == "PERSON" and ent.end <= pronoun.i and ent.start_char not in quoted
    ]
    speakers = [
        _phrase(subject, quoted, verb)
        for verb in doc[: pronoun.i]
        if speech_verb(verb) and not quoted.token(verb)
        for subject in [_subject(verb, quoted)]
        if subject is not None and subject.i < pronoun.i and _may_be_person(subject)
    ]
    candidates = people + speakers
    return max(candidates, key=lambda span: span.end_char) if candidates else None


def _may_be_person(head: Token) -> bool:
    """A singular common or proper noun not tagged as an organisation or a place."""
    return head.tag_ in ("NN", "NNP") and head.ent_type_ not in NON_PERSON_ENTITIES


def _resolve(head: Token, quoted: Quoted, verb: Optional[Token] = None) -> tuple[Span, float]:
    """The phrase a speaker/reporter token stands for, and how sure that reading is."""
    if head.pos_ == "PRON" and head.lower_ in PERSONAL_PRONOUNS:
        person = _antecedent(head, quoted)
        if person is not None:
            return person, PRONOUN_CONFIDENCE
    return _phrase(head, quoted, verb), 1.0


def _is_edge(token: Token) -> bool:
    """Punctuation or whitespace a phrase should neither start nor end with."""
    return token.is_punct or token.is_space or token.text in EDGE_PUNCT


def _trimmed(doc: Doc, start: int, end: int) -> Optional[tuple[int, int]]:
    """Character range of tokens start..end (inclusive) without edge punctuation or a leading
    complementiser ("that"); a closing quotation mark just after is kept when the range opens one."""
    while start <= end and (_is_edge(doc[start]) or doc[start].dep_ == "mark"):
        start += 1
    while end >= start and _is_edge(doc[end]):
        end -= 1
    if start > end:
        return None
    char_start, char_end = doc[start].idx, doc[end].idx + len(doc[end].text)
    text = doc_text(doc)
    opened = sum(text.count(mark, char_start, char_end) for mark in OPENING_MARKS)
    closed = sum(text.count(mark, char_start, char_end) for mark in CLOSING_MARKS)
    if opened > closed:
        follow = re.match(r"[,.;:!?]?[" + CLOSING_MARKS + "]", text[char_end:])
        if follow:
            char_end += follow.end()
    return char_start, char_end


# --- quotes -----------------------------------------------------------------------------------


def _tops(span: Span) -> list[Token]:
    """Tokens of `span` whose syntactic head lies outside it: where the quote hangs in the tree."""
    return [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]


def _governs_short(span: Span, quoted: Quoted) -> Optional[Token]:
    """The speech verb a short quoted stretch is the said content of, if any (scare-quote rule)."""
    tops = _tops(span)
    if len(tops) != 1:
        return None
    top = tops[0]
    while top.dep_ == "conj" and not quoted.token(top.head):
        top = top.head
    head = top.head
    if top.dep_ in SAID_DEPS and speech_verb(head):
        if top.dep_ == "dobj" and not _covers_phrase(span, top):
            return None
        return head
    if top.dep_ in PREDICATE_DEPS and head.dep_ in CLAUSE_DEPS and speech_verb(head.head):
        return head.head
    if top.dep_ == "pobj" and head.lower_ in SIMILE_PREPS:
        verb = head.head
        if speech_verb(verb):
            return verb
        if verb.dep_ == "dobj" and speech_verb(verb.head):
            return verb.head
    return None


def _is_sentence(span: Span, text: str, mark_close: int) -> bool:
    """Whether a short quote is a sentence of its own ("“We will respond.”"): it starts with a
    capital, has a verb and ends with sentence punctuation inside the marks. Labels don't."""
    ending = text[span.start_char : mark_close].rstrip()
    return span.text[:1].isupper() and _has_verb(span) and ending.endswith((".", "!", "?"))


def _has_verb(span: Span) -> bool:
    return any(token.pos_ in ("VERB", "AUX") for token in span)


def _covers_phrase(span: Span, top: Token) -> bool:
    """Whether the quote is the whole phrase (not "accused the “regime”": a label in an object)."""
    return top.left_edge.i >= span.start and top.right_edge.i < span.end


def _governs_long(span: Span, quoted: Quoted, mark_open: int, mark_close: int) -> Optional[Token]:
    """The speech verb a full quote belongs to: a verb it depends on, else one with a subject
    right after the closing mark in the same sentence ("“...,” said Lavrov"), else one before
    the opening mark ("Lavrov declared: “...”")."""
    for top in _tops(span):
        for ancestor in top.ancestors:
            if not quoted.token(ancestor) and speech_verb(ancestor):
                return ancestor
    doc = span.doc
    last_sentence = doc[span.end - 1].sent
    after = [t for t in last_sentence if t.idx > mark_close and not quoted.token(t)]
    for token in after:
        if speech_verb(token) and _subject(token, quoted) is not None:
            return token
    first_sentence = doc[span.start].sent
    before = [t for t in first_sentence if t.idx < mark_open and not quoted.token(t)]
    for token in reversed(before):
        if speech_verb(token) and _subject(token, quoted) is not None:
            return token
    return None


def _speaker(
    verb: Token, quoted: Quoted, speaker_for: Optional[SpeakerFor]
) -> Optional[Actor]:
    """The actor who speaks through `verb`, coded by `speaker_for` when the engine gives one."""
    subject = _subject(verb, quoted)
    if subject is None:
        return None
    phrase, confidence = _resolve(subject, quoted, verb)
    actor = speaker_for(phrase) if speaker_for is not None else None
    if actor is None:
        actor = Actor(name=phrase.text, span=(phrase.start_char, phrase.end_char))
    elif _names_part_of(actor, phrase):
        # "a source linked to the Syrian opposition": the speaker is the source, who only serves
        # the group the coder found inside the phrase
        actor = actor.model_copy(update={
            "name": phrase.text, "span": (phrase.start_char, phrase.end_char), "canonical": None,
            "affiliation": actor.canonical or actor.name, "confidence": actor.confidence * AFFILIATE_CONFIDENCE,
            "kind": "person" if _may_be_person(phrase.root) else actor.kind,
        })
    if confidence < actor.confidence:
        actor = actor.model_copy(update={"confidence": confidence})
    return actor


def _names_part_of(actor: Actor, phrase: Span) -> bool:
    """Whether the coded actor is a group named inside a longer speaker phrase, not its head."""
    if actor.span is None:
        return False
    start, end = actor.span
    inside = phrase.start_char <= start and end <= phrase.end_char and (start, end) != (phrase.start_char, phrase.end_char)
    return inside and not (start <= phrase.root.idx < end)


def find_quotes(doc: Doc, speaker_for: Optional[SpeakerFor] = None) -> list[Quote]:
    """Direct quotes in `doc` with their speakers.

    `speaker_for` codes a speaker noun phrase into an Actor (country, sector); without it, or
    when it returns None, the speaker is a plain Actor named as written. A quote no speech verb
    claims (the second half of "“A,” Lavrov declared. “B.”") takes the speaker of the quote
    before it in the same paragraph, or of the one ending the paragraph before when it opens its
    own paragraph, or else of the next quote in its paragraph.
    """
    text = doc_text(doc)
    ranges = doc_quoted_ranges(doc)
    quoted = Quoted(ranges)
    found: list[tuple[Quote, int]] = []  # (quote, paragraph number)
    paragraph_ends = paragraph_ends_in(text)
    for mark_open, mark_close in ranges:
        inner = quoted_words(text, mark_open + 1, mark_close)
        if inner is None:
            continue
        span = doc.char_span(*inner, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if len(text[inner[0] : inner[1]].split()) <= SCARE_QUOTE_MAX_WORDS:
            verb = _governs_short(span, quoted)
            if verb is None and not _is_sentence(span, text, mark_close):
                continue
        else:
            verb = _governs_long(span, quoted, mark_open, mark_close)
        speaker = _speaker(verb, quoted, speaker_for) if verb is not None else None
        if speaker is None and not _has_verb(span):
            continue  # a title or name ("reported through the app “Tiroteio RJ Alerts”")
        quote = Quote(speaker=speaker, text=text[inner[0] : inner[1]], span=inner)
        found.append((quote, bisect.bisect_left(paragraph_ends, mark_open)))
    _inherit_speakers(found, text, paragraph_ends)
    return [quote for quote, _ in found]


def _inherit_speakers(found: list[tuple[Quote, int]], text: str, paragraph_ends: list[int]) -> None:
    """Give unattributed quotes the speaker of an adjacent quote (see `find_quotes`)."""
    for index, (quote, paragraph) in enumerate(found):
        if quote.speaker is not None:
            continue
        previous = found[index - 1] if index > 0 else None
        following = found[index + 1] if index + 1 < len(found) else None
        if previous and previous[0].speaker and previous[1] == paragraph:
            quote.speaker = previous[0].speaker
        elif previous and previous[0].speaker and previous[1] == paragraph - 1 and _opens_paragraph(
            text, quote.span[0], paragraph_ends, paragraph
        ):
            quote.speaker = previous[0].speaker
        elif following and following[0].speaker and following[1] == paragraph:
            quote.speaker = following[0].speaker


def _opens_paragraph(text: str, offset: int, paragraph_ends: list[int], paragraph: int) -> bool:
    """Whether only a quotation mark, an ellipsis or spaces stand between a paragraph's start
    and `offset`."""
    start = paragraph_ends[paragraph - 1] if paragraph > 0 else 0
    lead = text[start:offset]
    return not lead.strip(" \t\n…." + OPENING_MARKS + STRAIGHT_MARK)


# --- claims -----------------------------------------------------------------------------------


def _reporter(head: Token, quoted: Quoted, verb: Optional[Token] = None) -> tuple[Span, float]:
    """The source a reporter phrase names, and how sure that reading is: the outlet of "a report
    in the Times of London", the owner of "the Times’ report", else the phrase itself ("Aid
    agencies", "the latest estimates"); a pronoun read as its antecedent is less sure."""
    containers = claim_patterns().container_nouns
    if head.lower_ in containers or head.lemma_.lower() in containers:
        source = _container_source(head, quoted)
        if source is not None:
            return source, CONTAINER_CONFIDENCE
    return _resolve(head, quoted, verb)


def _container_source(container: Token, quoted: Quoted) -> Optional[Span]:
    """Who a report, statement or estimate comes from, when the phrase says so."""
    for child in container.children:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects:
                return _resolve(objects[0], quoted)[0]
    for child in container.children:
        if child.dep_ in ("poss", "nmod") and child.pos_ == "PROPN" and child.i < container.i:
            owner = _phrase(child, quoted)
            # "the Times’ report": the article belongs to the owner, not to "report".
            article = [c for c in container.children if c.dep_ == "det" and c.i < owner.start]
            owner_has_article = any(c.dep_ == "det" for c in child.children)
            start = article[0].i if article and not owner_has_article else owner.start
            return container.doc[start : owner.end]
    return None


def _content(verb: SpeechVerb, token: Token) -> Optional[tuple[int, int]]:
    """First and last token of what a reporting verb reports: its complement clause, its object
    when the verb reports objects, or what a passive reports ("the proposals reported by ...")."""
    complements = sorted(
        (child for child in token.children if child.dep_ == "ccomp"),
        key=lambda child: (not _marks_of(child) & THAT_MARKS, child.i < token.i),
    )
    if complements:
        if _marks_of(complements[0]) & claim_patterns().blocking_marks:
            return None
        return complements[0].left_edge.i, complements[0].right_edge.i
    has_agent = any(child.dep_ == "agent" for child in token.children)
    if has_agent and token.dep_ == "acl":
        return token.head.left_edge.i, token.left_edge.i - 1
    for child in token.children:
        if child.dep_ == "nsubjpass" and has_agent:
            return child.left_edge.i, child.right_edge.i
        if child.dep_ == "dobj" and verb.takes_object and child.pos_ != "PRON":
            return child.left_edge.i, child.right_edge.i
    return None


def _marks_of(clause: Token) -> set[str]:
    return {child.lower_ for child in clause.children if child.dep_ == "mark"}


def _asserts(token: Token) -> bool:
    """Whether a reporting verb asserts its content: not negated, not "refused to confirm"."""
    if any(child.dep_ == "neg" for child in token.children):
        return False
    head = token.head
    return not (token.dep_ == "xcomp" and head.lemma_.lower() in claim_patterns().blocking_heads)


def _verb_claim(token: Token, quoted: Quoted) -> Optional[Claim]:
    verb = speech_verb(token)
    if verb is None or verb.kind not in CLAIM_VERB_KINDS or not _asserts(token):
        return None
    content = _content(verb, token)
    subject = _subject(token, quoted)
    if content is None or subject is None or content[0] <= subject.i <= content[1]:
        return None
    return _claim(token.doc, _reporter(subject, quoted, token), *content)


def _claim(doc: Doc, reporter: tuple[Span, float], first: int, last: int) -> Optional[Claim]:
    """A Claim of tokens first..last, with the reporter's words and offsets as evidence."""
    phrase, confidence = reporter
    chars = _trimmed(doc, first, last)
    if chars is None or not phrase.text:
        return None
    return Claim(
        reporter=phrase.text, text=doc_text(doc)[chars[0] : chars[1]], span=chars,
        reporter_span=(phrase.start_char, phrase.end_char), confidence=confidence,
    )


def _phrase_matches(doc: Doc, phrases: Iterable[tuple[str, ...]]) -> Iterator[Span]:
    """Every occurrence of a source phrase, matched on lower-cased tokens."""
    lowered = doc_lowers(doc)
    for words in phrases:
        size = len(words)
        for start in range(len(lowered) - size + 1):
            if tuple(lowered[start : start + size]) == words:
                yield doc[start : start + size]


def _content_edges(token: Token) -> tuple[int, int]:
    """First and last token of `token`'s subtree, without punctuation or spaces at its edges."""
    first, last = token.left_edge.i, token.right_edge.i
    while first < token.i and _is_edge(token.doc[first]):
        first += 1
    while last > token.i and _is_edge(token.doc[last]):
        last -= 1
    return first, last


def _follows_clause_core(clause: Token, phrase_last: int) -> bool:
    """Whether the clause's verb and subject come after the source phrase, so what precedes it
    is only a lead-in ("On 7 May, according to the victims, two veterans were beaten")."""
    subjects = [child for child in clause.children if child.dep_.startswith("nsubj")]
    return clause.i > phrase_last and all(subject.i > phrase_last for subject in subjects)


def _source_phrase_claim(match: Span, quoted: Quoted) -> Optional[Claim]:
    """"According to X, Y" / "Y, citing X": reporter X, text Y (the clause the phrase modifies)."""
    sources = [c for c in match[-1].children if c.dep_ in ("pobj", "dobj")]
    tops = _tops(match)
    if not sources or len(tops) != 1 or tops[0].head is tops[0]:
        return None
    clause = tops[0].head
    verb = speech_verb(clause)
    reported = _content(verb, clause) if verb and verb.kind in CLAIM_VERB_KINDS else None
    if reported is not None:  # "Three soldiers died, the army said, citing commanders"
        return _claim(match.doc, _reporter(sources[0], quoted), *reported)
    first, last = _content_edges(clause)
    phrase_first, phrase_last = tops[0].left_edge.i, tops[0].right_edge.i
    if phrase_first <= first or _follows_clause_core(clause, phrase_last):
        first = phrase_last + 1
    elif phrase_last >= last:
        last = phrase_first - 1
    if first > last:
        return None
    return _claim(match.doc, _reporter(sources[0], quoted), first, last)


def _hedge_claim(token: Token, quoted: Quoted) -> Optional[Claim]:
    """"Forces reportedly shelled ...": hearsay with no named source; the reporter is the adverb.
    A hedged speech verb with a subject ("Mogherini reportedly added") is left to `_verb_claim`."""
    if token.dep_ != "advmod" or token.lower_ not in claim_patterns().hedge_adverbs:
        return None
    clause = token.head
    if speech_verb(clause) and _subject(clause, quoted) is not None:
        return None
    return _claim(token.doc, (token.doc[token.i : token.i + 1], HEDGE_CONFIDENCE), clause.left_edge.i, clause.right_edge.i)


def find_claims(doc: Doc) -> list[Claim]:
    """Reported speech and sourced statements in `doc`, in text order, one per (source, content)."""
    quoted = Quoted(doc_quoted_ranges(doc))
    candidates: list[Optional[Claim]] = []
    for token in doc_tokens(doc):
        candidates.append(_verb_claim(token, quoted))
        candidates.append(_hedge_claim(token, quoted))
    for match in _phrase_matches(doc, claim_patterns().source_phrases):
        candidates.append(_source_phrase_claim(match, quoted))
    unique = {(c.span, c.reporter): c for c in candidates if c is not None}
    hedges = claim_patterns().hedge_adverbs
    named = [c for c in unique.values() if c.reporter.lower() not in hedges]
    kept = [c for c in unique.values() if c.reporter.lower() not in hedges or not _nested_in_any(c, named)]
    return sorted(kept, key=lambda claim: (claim.span[0], -claim.span[1]))


def _nested_in_any(claim: Claim, others: list[Claim]) -> bool:
    """Whether this claim's text contains or lies in another's: a named source for the same
    statement beats a bare "reportedly"."""
    start, end = claim.span
    return any(
        (o.span[0] <= start and end <= o.span[1]) or (start <= o.span[0] and o.span[1] <= end)
        for o in others
        if o is not claim
    )


def attribution_for(doc: Doc, char_start: int, char_end: int, claims: list[Claim],
                    sentence_of: Optional[Callable[[int], int]] = None) -> Optional[str]:
    """The reporter of the claim that covers text[char_start:char_end], or None.

    A claim covers the range when the range lies inside the claim's text, or when at least half
    of the range does and both start in the same sentence (evidence spans may run past the
    reported clause). Of several, the innermost claim wins: in "The Times reported that officials
    said that X", X is the officials' statement as relayed by the Times, and the closest source
    is the one an analyst checks first. `sentence_of` (the sentence number of an offset) is made
    from the Doc when not given; a caller asking for many events passes one made once.
    """
    length = max(1, char_end - char_start)
    sentence_of = sentence_of or _sentence_finder(doc)
    best: Optional[tuple[int, Claim]] = None
    for claim in claims:
        start, end = claim.span
        overlap = min(end, char_end) - max(start, char_start)
        inside = start <= char_start and char_end <= end
        shares = overlap * 2 >= length and sentence_of(start) == sentence_of(char_start)
        if overlap > 0 and (inside or shares):
            if best is None or end - start < best[0]:
                best = (end - start, claim)
    return best[1].reporter if best else None


def _sentence_finder(doc: Doc) -> Callable[[int], int]:
    starts = [sent.start_char for sent in doc.sents]
    return lambda offset: bisect.bisect_right(starts, offset) - 1
