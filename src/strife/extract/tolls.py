"""An incident's toll from the figures an article gives for it, as ACLED codes it.

Shared by the linker (the toll of the mentions told close together) and the report-level incident
resolution (`strife.extract.incidents`, the toll of each account): a stated total of the incident
wins; a figure repeated in another sentence is a restatement and counts once; figures about other
victims add up; a vague part leaves no exact best.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from strife.conventions import told_figure
from strife.datafiles import read_data_csv
from strife.extract import Layout, doc_text, figure_root
from strife.extract.count_totals import is_summary_line
from strife.extract.count_words import another_source, count_cues, count_triggers, tally_noun, trigger_for, victim_nouns
from strife.extract.quotes import speech_verb
from strife.model import Count

#: A figure's kind -> the Event field that carries the incident's toll of that kind.
COUNT_FIELDS = {"killed": "fatalities", "injured": "injured", "displaced": "displaced"}


def incident_toll(figures: Sequence[Count], text: str, layout: Optional[Layout] = None,
                  own_total: Callable[[Count], bool] = lambda count: True,
                  tally: Callable[[Count], bool] = lambda count: False,
                  doc: Optional[Doc] = None) -> Optional[Count]:
    """One incident's toll of one kind, as ACLED codes it (`one_account_toll`); with ``doc``, figures
    that rival sources give of the same people ("police said 3 died; residents said 10 were
    killed") are rival accounts, and the toll is the most conservative of them, as the codebook
    has it ("Reported fatalities": where sources differ, the most conservative estimate)."""
    if doc is not None:
        figures = [c for c in figures if not killed_elsewhere(c, figures, doc)]
        sides = _sides_told_by_rivals(list(figures), doc)
        if sides:  # each side's dead as the most conservative source gives them, the sides added up
            tolls = [incident_toll(side, text, layout, own_total, tally, doc) for side in sides]
            parts = sorted((t for t in tolls if t is not None and t.span is not None), key=lambda c: c.span[0])
            return _sum_counts(parts, text) if len(parts) > 1 else (parts[0] if parts else None)
    accounts = _rival_accounts(list(figures), doc) if doc is not None else [list(figures)]
    tolls = [one_account_toll(told, text, layout, own_total, tally) for told in accounts]
    return _most_conservative([t for t in tolls if t is not None])


def one_account_toll(figures: Sequence[Count], text: str, layout: Optional[Layout] = None,
                     own_total: Callable[[Count], bool] = lambda count: True,
                     tally: Callable[[Count], bool] = lambda count: False) -> Optional[Count]:
    """One incident's toll of one kind from the figures the article gives for it, as ACLED codes it.

    A stated total of the incident (``own_total``) wins, the largest as tolls only rise; a wider
    total (a day's or an area's) only stands in when the incident has no figure of its own.
    Otherwise a figure repeated in another sentence is a restatement ("One victim was killed ...
    1 fatality.") and counts once, and the remaining figures, each about other victims, add up.
    A sum is a new Count whose span covers its parts; bounds add up only where every part has
    them, so a vague part leaves no exact best. A verbless tally line (``tally``) may list each
    side's dead ("4 rebels killed, 1 soldier killed."; "4 rebels dead; 1 soldier dead."): the
    tallies of one sentence are one total, their sum.
    """
    figures = sorted((c for c in figures if c.span is not None), key=lambda c: c.span[0])
    if not figures:
        return None
    # a total the text spreads over days or places ("Two fatalities distributed across two days")
    # sums up the incidents it reports, this one among them
    totals = _listed_tallies([c for c in figures if c.total and (own_total(c) or c.split_over)], text, layout, tally)
    if totals:
        total = max(totals, key=lambda c: (c.best if c.best is not None else c.low or 0, c.span[0]))
        parts = [c for c in figures if not c.total]
        others = _other_sides(total, parts, layout, text)
        # "Three policemen and a civilian killed; two assailants also died": told as other people after it
        others += [c for c in parts if c.span[0] > total.span[1] and c not in others and other_people(c, text)]
        return _sum_counts(sorted([total, *others], key=lambda c: c.span[0]), text) if others else total
    parts = [c for c in figures if not c.total]
    if not parts:
        return max(figures, key=lambda c: (c.best if c.best is not None else c.low or 0, c.span[0]))
    distinct: list[Count] = []
    for count in parts:
        if not any(_restates(count, kept, layout, text) for kept in distinct):
            distinct.append(count)
    if len(distinct) == 1:
        return distinct[0]
    return _sum_counts(distinct, text)


def _rival_accounts(figures: list[Count], doc: Doc) -> list[list[Count]]:
    """The figures of one toll grouped by who gives them, when each is said by its own source and
    they count the same people (no figure names a side another does not, none says other people):
    rival accounts, not victims to add up. A figure told by "another source" is a rival of those
    the note tells in its own voice. Else the one group."""
    sources = [_speaker(c, doc) for c in figures]
    if None in sources and any(another_source(source) for source in sources if source is not None):
        sources = [source if source is not None else "" for source in sources]  # "12 killed, 19 according to another source"
    if len(figures) < 2 or None in sources or len(set(sources)) < 2:
        return [figures]
    text = doc_text(doc)
    if len({victims_side(c) for c in figures} - {None}) > 1 or any(other_people(c, text) for c in figures):
        return [figures]
    by_source: dict[str, list[Count]] = {}
    for count, source in zip(figures, sources):
        by_source.setdefault(source, []).append(count)
    return list(by_source.values())


def _sides_told_by_rivals(figures: list[Count], doc: Doc) -> list[list[Count]]:
    """ "The group claimed 17 soldiers were killed, while the army said 3 soldiers and 11 militants
    died": figures of two sides or more, each said by a source, where rival sources give one side's
    dead: the figures by side, so each side's toll is its most conservative account and the sides
    add up (ACLED sums the dead of every side of a battle and takes the most conservative of
    differing reports). Empty when no side is told by two sources (or a figure has no source or
    no side, or says other people)."""
    if len(figures) < 3:
        return []
    sources = [_speaker(c, doc) for c in figures]
    sides = [victims_side(c) for c in figures]
    if None in sources or None in sides or len(set(sides)) < 2:
        return []
    if any(other_people(c, doc_text(doc)) for c in figures):
        return []
    by_side: dict[str, list[tuple[Count, str]]] = {}
    for count, source, side in zip(figures, sources, sides):
        by_side.setdefault(side, []).append((count, source))
    if not any(len({source for _, source in told}) > 1 for told in by_side.values()):
        return []
    return [[count for count, _ in told] for told in by_side.values()]


def _speaker(count: Count, doc: Doc) -> Optional[str]:
    """Who says the figure ("residents said 10 were killed": "residents"): the subject of the
    speech verb its clause hangs on (lower case), or None."""
    token = figure_root(count, doc)
    if token is None:
        return None
    own = _according_to(token)
    if own is not None:  # "7 killed according to police, 12 according to local leaders": the 12's own source
        return own
    figure = token
    for _ in range(6):
        if token.head is token:
            return None
        token = token.head
        if token.pos_ not in ("VERB", "AUX") or _past_a_semicolon(figure, token):
            continue
        source = _according_to(token, figure)
        if source is not None:
            return source
        if _says_its_own_figure(token, figure):
            continue  # "11 dead, another source says 4": the speech gives the later figure, not this one
        if speech_verb(token) is not None or _estimates_the_toll(token):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return None if subject is None else " ".join(t.lower_ for t in subject.subtree)
    return None


def _past_a_semicolon(figure: Token, verb: Token) -> bool:
    """ "Police said 6 people died; local leaders said 23.": a semicolon closes a clause, so a verb
    after one that follows the figure is the next clause's (the parse may hang the figure's clause
    on it), never what says the figure."""
    return verb.i > figure.i and any(t.text == ";" for t in figure.doc[figure.i : verb.i])


def _says_its_own_figure(verb: Token, figure: Token) -> bool:
    """Whether a verb after the figure has a figure of its own for object ("11 dead, another source
    says 4"): it says that one, a rival account, not the figure before it."""
    return verb.i > figure.i and any(child.dep_ in ("dobj", "npadvmod") and child.like_num and child.i > figure.i
                                     for child in verb.children)


def _according_to(verb: Token, figure: Token | None = None) -> Optional[str]:
    """ "gunmen killed 6 people, according to local officials": the source an "according to" phrase
    of the figure's clause names (lower case), or None; not when another figure of the verb stands
    between (``figure``'s "12 killed, 19 according to another source": the phrase is the 19's)."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "according":
            continue  # the words between are walked only for an "according to" phrase
        if figure is not None and any(other.like_num and other.head.i == verb.i and figure.i < other.i < child.i
                                      for other in verb.doc[figure.i + 1 : child.i]):
            continue
        for to in child.children:
            source = next((t for t in to.children if t.dep_ == "pobj"), None) if to.lower_ == "to" else None
            if source is not None:
                return " ".join(t.lower_ for t in source.subtree)
    return None


def _estimates_the_toll(verb: Token) -> bool:
    """ "residents put the toll at 9": a verb of estimate (count_cues.csv) whose object is the toll."""
    tally = tally_noun(verb)
    return (tally is not None and tally.dep_ == "dobj"
            and verb.lemma_.lower() in count_cues().get("estimate", frozenset()))


def _most_conservative(tolls: list[Count]) -> Optional[Count]:
    """The lowest of rival accounts' tolls, its high the highest of them."""
    if len(tolls) < 2:
        return tolls[0] if tolls else None

    lowest = min(tolls, key=lambda count: told_figure(count) or 0)
    highs = [t.high if t.high is not None else t.best for t in tolls]
    return lowest.model_copy(update={"high": max((h for h in highs if h is not None), default=lowest.high)})


def _other_sides(total: Count, parts: list[Count], layout: Optional[Layout], text: str) -> list[Count]:
    """The figures of another side than a tally's ("7 soldiers killed. 3 rebels also died."): a total
    naming whose dead it counts (soldiers, a side of the fighting) totals those, so a figure naming
    dead of another side adds to it, as ACLED counts every side's dead. A figure naming no side, or
    the tally's own, is within it."""
    side = victims_side(total)
    if side is None:
        return []
    found: list[Count] = []
    for count in parts:
        other = victims_side(count)
        if other is None or other == side or any(_restates(count, kept, layout, text) for kept in found):
            continue
        found.append(count)
    return found


def victims_side(count: Count) -> Optional[str]:
    """The CAMEO sector of the people a figure names ("3 rebels" REB, "7 soldiers" MIL), or None
    when it names none or people of no side ("people", "persons")."""
    if not count.victims:
        return None
    word = count.victims.split()[-1].lower()
    table = victim_nouns()
    for key in (word, word[:-1] if word.endswith("s") else word, word[:-2] + "an" if word.endswith("men") else word):
        if table.get(key):
            return table[key]
    return None


def _listed_tallies(totals: list[Count], text: str, layout: Layout | None,
                    tally: Callable[[Count], bool]) -> list[Count]:
    """Totals with the tally-line figures of one sentence summed: a tally listing each side's
    dead ("10 rebels killed, 4 soldiers dead.") totals the incident as their sum, not its largest
    part. Figures after a colon detail the one before it ("3 dead: 2 children and a woman"), so
    they are not added to it."""
    if layout is None:
        return totals
    by_sentence: dict[int, list[Count]] = {}
    for count in sorted(totals, key=lambda c: c.span[0]):
        if not tally(count):
            continue
        group = by_sentence.setdefault(layout.sentence(count.span[0]), [])
        if not group or ":" not in text[group[-1].span[1]:count.span[0]]:
            group.append(count)
    listed = {id(c) for group in by_sentence.values() if len(group) > 1 for c in group}
    if not listed:
        return totals
    sums = [_sum_counts(group, text).model_copy(update={"total": True})
            for group in by_sentence.values() if len(group) > 1]
    return [c for c in totals if id(c) not in listed] + sums


def killed_elsewhere(count: Count, figures: Sequence[Count], doc: Doc) -> bool:
    """ "Gunmen shot dead an officer in Tulmaro. A second officer was killed in Fura the same
    night.": other people (`other_people`) told killed in a later sentence at a named place the
    sentence of the first figure does not name are another event at another location, a row of
    its own for ACLED (one event a place), not added to this one's toll: people someone killed, the
    object or passive subject of a verb of killing ("was killed", "was shot dead", "gunmen killed
    another"), the place told with the verb or with the figure ("they killed two more in Fura"). So
    are other people of a gapped clause of the first figure's sentence ("killed 3 civilians in Kuma
    and 3 more in Bedi", "... and a further three in Bedi"), at a place named after the first figure
    and not before it. Deaths told with "died" ("two more died in hospital in Kuma"), what befell
    them rather than an act done to them, are the wounded of this event wherever they die."""
    first = min((c for c in figures if c.span is not None), key=lambda c: c.span[0], default=None)
    if first is None or count is first or count.span is None or count.kind != "killed":
        return False
    span = doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
    opening = doc.char_span(first.span[0], first.span[1], alignment_mode="expand")
    if span is None or opening is None or not len(span):
        return False
    root = span.root
    distinct = count_cues().get("distinct", frozenset())
    if not other_people(count, doc_text(doc)) and not any(child.lower_ in distinct for child in root.children):
        return False  # "another 2", "a further three": the word saying they are others modifies the figure
    if span.sent.start == opening.sent.start:
        return _gapped_elsewhere(root, opening, doc)
    verb = root.head
    if root.dep_ not in ("nsubjpass", "dobj") or verb.pos_ != "VERB" \
            or (trigger := trigger_for(verb)) is None or trigger.kind != "killed" or trigger.role != "object":
        return False
    named = _places_named_with(root, verb)
    first_words = {token.lower_ for token in opening.sent}
    return bool(named) and all(token.lower_ not in first_words for token in named)


def _places_named_with(root: Token, verb: Token) -> list[Token]:
    """The named places of a locative phrase ("in Fura") told with the verb or with the figure."""
    places = count_cues().get("spread_place", frozenset())
    return [token for token in verb.subtree if token.dep_ == "pobj" and token.pos_ == "PROPN"
            and token.head.lower_ in places and token.head.head.i in (verb.i, root.i)]


def _gapped_elsewhere(root: Token, opening: Span, doc: Doc) -> bool:
    """ "Bandits killed 4 farmers in Ikpo and another 2 in Olendo": the later figure is a conjunct of
    the verb of killing (its verb left out), with a named place of its own that the clause before
    it, the first figure's, does not name."""
    verb = root.head
    if root.dep_ != "conj" or verb.pos_ != "VERB" or root.i <= opening.root.i \
            or (trigger := trigger_for(verb)) is None or trigger.kind != "killed" or trigger.role != "object":
        return False
    named = _places_named_with(root, root)
    before = {token.lower_ for token in doc[root.sent.start : root.left_edge.i]}
    return bool(named) and all(token.lower_ not in before for token in named)


def dead_elsewhere(counts: Sequence[Count], doc: Doc) -> frozenset[str]:
    """The ids of the events whose own figure (`Count.event_id`) counts people `killed_elsewhere`:
    "Gunmen shot dead an officer in Tulmaro. A second officer was killed in Fura the same night." tells
    another event at another location, which ACLED codes as a row of its own (one event a location
    and day) with its own place and toll, so it is no mention of the incident told before, even
    where the gazetteer knows neither place. A figure linked to the first figure's own event (a
    gapped clause, or a killing the event merged) is `unlinked_elsewhere` instead."""
    killed = [c for c in counts if c.kind == "killed" and c.span is not None and not c.aggregate]
    if len(killed) < 2:
        return frozenset()
    firsts = {c.event_id for c in killed[:1]}
    return frozenset(c.event_id for c in killed if c.event_id is not None and c.event_id not in firsts
                     and killed_elsewhere(c, killed, doc))


def unlink_elsewhere(counts: Sequence[Count], doc: Doc) -> None:
    """A figure of people `killed_elsewhere` linked to the event of the first figure ("killed 3
    civilians in Kuma and 3 more in Bedi"; "... A day later, they killed two more in Fura" told as
    the same event) is another location's toll, which ACLED writes in a row of its own: it is not
    this event's, so it is linked to none."""
    killed = [c for c in counts if c.kind == "killed" and c.span is not None and not c.aggregate]
    if len(killed) < 2 or killed[0].event_id is None:
        return
    for count in killed[1:]:
        if count.event_id == killed[0].event_id and killed_elsewhere(count, killed, doc):
            count.event_id = None


def _restates(later: Count, earlier: Count, layout: Optional[Layout], text: str = "") -> bool:
    """The same figure again in another sentence: the same people told twice."""
    if (later.low, later.best, later.high) != (earlier.low, earlier.best, earlier.high) or other_people(later, text):
        return False
    if _names_doers(later) != _names_doers(earlier):
        return False  # "killing 2 policemen. Both attackers were killed": the doers are not their victims
    if layout is None:
        return True
    return layout.sentence(later.span[0]) != layout.sentence(earlier.span[0])


def _names_doers(count: Count) -> bool:
    """Does a figure count the ones who did the act ("both attackers", "the 3 assailants";
    ``count_determiners.csv``, role doer)? They are other people than the victims they killed."""
    if not count.victims:
        return False
    word = count.victims.split()[-1].lower()
    return word in _doer_nouns() or (word.endswith("s") and word[:-1] in _doer_nouns())


@lru_cache(maxsize=1)
def _doer_nouns() -> frozenset[str]:
    """The nouns of the ones who did the act (``count_determiners.csv``, role doer)."""
    return frozenset(row["word"].lower() for row in read_data_csv("count_determiners.csv") if row["role"] == "doer")


#: The words right after a figure that tell of it in its own clause ("A rebel was also killed").
_FOLLOWING_WORDS = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,3}")


def other_people(count: Count, text: str = "") -> bool:
    """ "2 other policemen were killed", "another soldier died", "A rebel was also killed": the
    words of the figure or the few right after it (up to a punctuation mark) say these are not the
    people counted before, so the figure adds up even when it repeats an earlier one; not a
    distinct word of a source ("19 according to another source": a rival account, no other people)."""
    distinct = count_cues().get("distinct", frozenset())
    words = re.findall(r"[a-z]+", count.text.lower())
    following: list[str] = []
    if text and count.span is not None:
        found = _FOLLOWING_WORDS.match(text, count.span[1] + 1) if text[count.span[1]:count.span[1] + 1] == " " else None
        following = found.group(0).lower().split() if found else []
    sources = count_cues().get("source_noun", frozenset())
    read, after = [*words, *following[:3]], [*words, *following, ""][1:]
    return any(word in distinct and next_word not in sources for word, next_word in zip(read, after)) \
        or _picked_from_wounded(read)


def _picked_from_wounded(words: Sequence[str]) -> bool:
    """ "Two of the wounded later died": people picked out of those told wounded are not among
    the dead told before, so their deaths add to the toll (ACLED counts later deaths of the
    wounded with the event)."""
    triggers = count_triggers()
    for i, word in enumerate(words[:-1]):
        if word == "of":
            after = [w for w in words[i + 1 : i + 3] if w not in ("the", "those")]
            row = triggers.get(after[0]) if after else None
            return row is not None and row.kind == "injured" and row.role == "noun"
    return False


def sum_known(values: Sequence[Optional[int]]) -> Optional[int]:
    """The sum of several figures, or None when any of them is unknown (a bound only where all have it)."""
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _sum_counts(parts: Sequence[Count], text: str) -> Count:
    """The figures of several groups of victims added up ("Forty GNA soldiers and eight LNA soldiers")."""
    start, end = parts[0].span[0], max(c.span[1] for c in parts)
    lows = [c.low if c.low is not None else c.best for c in parts]
    return Count(
        low=sum_known(lows),
        best=sum_known([c.best for c in parts]),
        high=sum_known([c.high for c in parts]),
        text=text[start:end],
        span=(start, end),
        kind=parts[0].kind,
        event_id=parts[0].event_id,
        approximate=any(c.approximate for c in parts),
        vague=any(c.vague for c in parts),
        convention=_conventional_sum(parts),
        confidence=round(min(c.confidence for c in parts), 3),
    )


def _conventional_sum(parts: Sequence[Count]) -> Optional[int]:
    """ACLED's figure for a sum with a vague part ("36 soldiers ... dozens dead" -> 36 + 12), or
    None when every part is exact or a vague part has no conventional figure."""
    if not any(c.best is None for c in parts):
        return None
    return sum_known([c.best if c.best is not None else c.convention for c in parts])


def is_tally_line(count: Count, doc: Doc) -> bool:
    """A closing tally line of a report ("3 fatalities.")."""
    span = doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
    return span is not None and is_summary_line(span)


#: "later died", "died later": a death that follows an act told before.
_LATER = frozenset({"later", "subsequently", "afterwards"})


def died_later(figure: Token) -> bool:
    """Whether the figure is the subject of a death told as following the act ("later died",
    "succumbed to their wounds")."""
    verb = figure.head if figure.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None or verb.lemma_ not in ("die", "succumb"):
        return False
    return verb.lemma_ == "succumb" or any(c.lower_ in _LATER and c.dep_ == "advmod" for c in verb.children)


#: "the 3rd victim": a digit ordinal.
_DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


@lru_cache(maxsize=1)
def _ordinal_ranks() -> dict[str, int]:
    """Ordinal word -> rank, from ``data/count_ordinals.csv``."""
    return {row["word"]: int(row["rank"]) for row in read_data_csv("count_ordinals.csv")}


def victim_rank(count: Count) -> Optional[int]:
    """ "A third victim", "the fourth person", "a 3rd man": one victim named by an ordinal, its rank in
    the incident's total (3, 4), or None ("another victim", "two more")."""
    if count.best != 1:
        return None
    words = re.findall(r"[a-z0-9]+", count.text.lower())
    if len(words) < 2 or words[0] not in ("a", "an", "the"):
        return None
    digit = _DIGIT_ORDINAL.fullmatch(words[1])
    return int(digit.group(1)) if digit else _ordinal_ranks().get(words[1])
