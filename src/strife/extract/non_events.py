"""Not events: a death figure of a period up to now, and an act told as a habit.

A report on one incident often sets it against the record: "have been killed since the invasion",
"the war has killed half a million", "more than 80 people have been killed in militant attacks this
year". Such a figure is a statistic (`Count.aggregate`), and the clause telling it is no incident,
nor are the many incidents its plural noun sums; an act told as a habit ("frequently stages
attacks") happened on no day. `strife.extract.incidents` merges what is left into incidents.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from strife.extract import clause_verb, figure_root
from strife.extract.count_words import count_cues
from strife.extract.incident_agreement import SHORT_SPAN_DAYS
from strife.extract.report_words import report_words
from strife.model import Count, DateMention, Event
from strife.ontology.families import VIOLENCE
from strife.resolve.coref import (
    trigger_token,
)


def mark_aggregates(counts: Sequence[Count], doc: Doc, dates: Sequence[DateMention] = (),
                    published: Optional[dt.date] = None) -> set[int]:
    """Flag the figures that total a period up to now; return the token indices of their clauses' verbs.

    A period of the last few days is the incident's own ("killing five since Monday"): only a
    period that starts more than a week before publication, or at an event ("since the war
    began"), makes a statistic."""
    return _aggregate_verbs(counts, doc, dates, published)[0]


def _aggregate_verbs(counts: Sequence[Count], doc: Doc, dates: Sequence[DateMention] = (),
                     published: Optional[dt.date] = None) -> tuple[set[int], set[int]]:
    """`mark_aggregates`'s verbs, and among them those whose clause names the period ("since 2014",
    "this year"), not only a war's noun in the perfect."""
    recent = [d.span for d in dates if d.date is not None and published is not None
              and (published - d.date).days <= SHORT_SPAN_DAYS]
    verbs: set[int] = set()
    periods: set[int] = set()
    for count in counts:
        if count.span is None or count.kind is None:
            continue
        root = figure_root(count, doc)
        verb = clause_verb(root) if root is not None else None
        if verb is None:
            continue
        if _names_a_period(verb, root, recent):
            periods.add(verb.i)
        elif not _a_wars_perfect(verb) or _one_engagements_toll(verb, count):
            continue
        count.aggregate = True
        verbs.add(verb.i)
    return verbs, periods


def _names_a_period(verb: Token, figure: Token, recent: Sequence[tuple[int, int]] = ()) -> bool:
    """'have been killed since ...', 'so far this year', 'brought ... the toll of deaths since'."""
    period = count_cues().get("period", frozenset())
    for token in verb.subtree:
        if token.lower_ not in period or _starts_recently(token, recent):
            continue
        if token.dep_ == "prep" and getattr(clause_verb(token.head), "i", None) == verb.i:
            return True  # "killed since the invasion", "the toll of deaths since Jan. 4"
        if token.dep_ == "mark" and token.head.head.i == verb.i:
            return True  # "killed since Russia invaded"
    if any(_a_whole_year(t) for t in verb.children):
        return True
    return any(_phrase(t) in period for t in (*verb.children, *figure.head.children) if t.dep_ in ("advmod", "npadvmod"))


def _a_whole_year(prep: Token) -> bool:
    """'In 2015 alone, 1,200 people were killed', 'during 2019': a year with no month or day is the
    span the figure totals ('in May 2015' and 'on 3 May 2015' are dates of one incident)."""
    return prep.dep_ == "prep" and prep.lower_ in ("in", "during", "throughout") and any(
        o.dep_ == "pobj" and _is_year(o) for o in prep.children)


def _a_wars_perfect(verb: Token) -> bool:
    """'the war has killed': a war's noun (report_words `aggregate_subject`) as the subject of the perfect."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return perfect and any(s.lemma_.lower() in report_words().get("aggregate_subject", ()) for s in subjects)


#: Named-entity labels of a place or a day that bound a noun of fighting to one engagement.
_BOUNDING_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _one_engagements_toll(verb: Token, count: Count) -> bool:
    """'Heavy fighting in Mandoro has left six dead', 'violence on Monday has claimed six lives': a noun
    that can name one engagement (report_words `engagement_subject`), bounded to a named place or a
    day, tells that engagement's toll, not a war's running total. Called only when the clause names
    no period ("since 2014" keeps it a total); a large round or vague figure ("3,000", "thousands")
    stays a total, as does a whole war's noun ("the war", "the insurgency in the north")."""
    engagement = report_words().get("engagement_subject", frozenset())
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in engagement]
    return not _a_large_figure(count) and any(_bounded_to_a_place_or_day(s) for s in subjects)


def _bounded_to_a_place_or_day(noun: Token) -> bool:
    """'fighting in Mandoro', 'clashes on Monday': an 'in/at/near/on' phrase naming a place or a day."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "near", "on", "around", "outside"):
            continue
        for obj in prep.children:
            names = [obj, *(c for c in obj.children if c.dep_ == "compound")]  # "Kelu village"
            if obj.dep_ == "pobj" and any(n.ent_type_ in _BOUNDING_ENTITIES or n.pos_ == "PROPN" for n in names):
                return True
    return False


def _a_large_figure(count: Count) -> bool:
    """'3,000', 'hundreds', 'thousands': a war's round figure rather than one engagement's dead."""
    value = count.best if count.best is not None else (count.low or count.convention or 0)
    return value >= 100 and (count.vague or value % 100 == 0)


def _starts_recently(since: Token, recent: Sequence[tuple[int, int]]) -> bool:
    """'since Monday': the period's start is a date of the last week."""
    phrase = since.head if since.dep_ == "mark" else since
    start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
    return any(start <= a and b <= end for a, b in recent)


def _phrase(token: Token) -> str:
    """An adverbial with its own modifiers, in lower case ("so far", "this year")."""
    return " ".join(t.lower_ for t in token.subtree)


def _counted_in_a_statistic(token: Token, statistic_verbs: set[int]) -> bool:
    """'More than 80 people have been killed in militant attacks this year': the plural event noun of
    a statistic's clause names the many incidents the total sums, none of them this report's. Only as
    the object of the verb's preposition: "Recent attacks have killed eight leaders since July" tells
    the attacks themselves."""
    if token.tag_ != "NNS" or token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    verb = clause_verb(token.head)
    return verb is not None and verb.i == token.head.head.i and verb.i in statistic_verbs


def _the_periods_violence(token: Token, period_verbs: set[int]) -> bool:
    """'The violence in the region has killed 3,000 people since 2014', 'Hostilities have claimed
    3,000 lives this year': a war's noun (report_words `aggregate_subject`) as the subject of a
    figure totalling a period is the violence of that period, no incident of its own. A count noun
    of acts stays their news ('Recent attacks have killed eight leaders since July')."""
    return (token.dep_ in ("nsubj", "nsubjpass") and token.head.i in period_verbs
            and token.lemma_.lower() in report_words().get("aggregate_subject", ()))


def is_habitual(event: Event, doc: Doc) -> bool:
    """An act told as a habit: a present-tense verb with a word of frequency ("frequently stages attacks",
    "carries out frequent attacks"), not an incident that happened on a day."""
    token = trigger_token(event, doc)
    verb = clause_verb(token) if token is not None else None
    if verb is None or verb.tag_ not in ("VBZ", "VBP"):
        return False
    habitual = report_words().get("habitual", frozenset())
    words = [*verb.children, *(token.children if token.i != verb.i else ())]
    return any(w.lower_ in habitual and w.dep_ in ("advmod", "amod") for w in words)


def is_a_statistic(token: Token) -> bool:
    """'87 journalists killed in the region since 2015', 'Between 2014 and 2020, 600 defenders were
    killed', 'have counted 212 killings', 'Attacks on schools rose from 12 to 31': an act told over
    a span of years, counted by a verb of counting, or the subject of a change in number is a
    statistic that sums many incidents, none of them this report's (with or without a figure)."""
    verb = clause_verb(token)
    if (verb is None or verb.i == token.i) and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        verb = token.head  # 'Fighting for the town has flared since 2013': a gerund subject's period is its verb's
    holders = [token] + ([verb] if verb is not None and verb.i != token.i else [])
    while holders[-1].dep_ in ("xcomp", "oprd") and holders[-1].head.i != holders[-1].i:
        holders.append(holders[-1].head)  # 'were reported killed': the period hangs on 'reported'
    if any(_over_years(prep) for holder in holders for prep in holder.children if prep.dep_ == "prep"):
        return True
    if any(_since_a_war(child) for holder in holders for child in holder.children):
        return True
    return _counted(token) or _in_a_trend(token) or _told_as_frequent(token) or _lived_through_over_a_year(token)


def _over_years(prep: Token) -> bool:
    """'since 2015', 'between 2014 and 2020', 'from 2018 to 2021', 'over the past decade', 'in the
    five years to 2022': a phrase that spans years."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    word = prep.lower_
    if word in ("since", "between", "from") and any(_is_year(o) for o in objects):
        return word == "since" or any(_is_year(t) for o in objects for t in o.subtree if t.i != o.i) or any(
            _is_year(t) for s in prep.head.children if s.dep_ == "prep" and s.lower_ == "to" for t in s.subtree)
    spans = ("year", "decade")
    return word in ("over", "in", "during", "throughout") and any(
        o.lemma_.lower() in spans and any(c.dep_ == "nummod" or c.lower_ in ("past", "last") for c in o.children)
        for o in objects)


def _since_a_war(child: Token) -> bool:
    """'since the war', 'since the invasion', 'since the conflict began': a span from the start of a
    war (report_words `aggregate_subject`, less the nouns that can name one engagement: 'since the
    fighting began on Monday' is the incident's own) up to now."""
    words = report_words()
    wars = words.get("aggregate_subject", frozenset()) - words.get("engagement_subject", frozenset())
    if child.dep_ == "prep" and child.lower_ == "since":
        return any(o.dep_ == "pobj" and o.lemma_.lower() in wars for o in child.children)
    if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
        return any(s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in wars for s in child.children)
    return False


def _is_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text[:2] in ("19", "20")


def _counted(token: Token) -> bool:
    """'have counted 212 killings', '2,300 protests were recorded', 'lists 4,812 battles': a plural
    event noun as the object of a verb of counting (report_words `statistic_verb`)."""
    if token.tag_ != "NNS" or token.dep_ not in ("dobj", "nsubjpass"):
        return False
    return token.head.lemma_.lower() in report_words().get("statistic_verb", ())


def _lived_through_over_a_year(token: Token) -> bool:
    """'The valley saw three massacres in 2014', 'Last year the region witnessed over 200 attacks',
    'The province has experienced dozens of kidnappings this year': a plural event noun as the object
    of a verb whose subject lived through acts (report_words `witness_verb`), over a year or more, sums
    the incidents of that span. A day keeps them news ("The town saw two attacks on Monday")."""
    noun = token
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # 'dozens of kidnappings'
    if token.tag_ != "NNS" or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in report_words().get("witness_verb", ()):
        return False
    return any(_spans_a_year(t) for holder in (noun.head, noun) for t in holder.children)


def _spans_a_year(token: Token) -> bool:
    """'in 2014', 'during 2019', 'last year', 'this year', 'in the past decade': a year or a named
    year-long span, as a phrase of the clause."""
    years = ("year", "decade")
    if token.dep_ == "prep" and token.lower_ in ("in", "during", "throughout", "over"):
        return any(_is_year(o) or o.lemma_.lower() in years for o in token.children if o.dep_ == "pobj")
    return token.dep_ == "npadvmod" and token.lemma_.lower() in years


def _told_as_frequent(token: Token) -> bool:
    """'Air strikes on the province were frequent in 2016', 'Kidnappings have become common': a plural
    event noun said to be frequent, common or rare (report_words `frequency`) tells how often acts
    happened over a time, a statistic in words, no incident of its own."""
    if token.tag_ != "NNS" or token.dep_ != "nsubj" or token.head.lemma_.lower() not in ("be", "become", "remain"):
        return False
    frequency = report_words().get("frequency", frozenset())
    return any(c.dep_ == "acomp" and c.lower_ in frequency for c in token.head.children)


def _in_a_trend(token: Token) -> bool:
    """'Attacks on schools rose from 12 to 31', 'the number of journalists killed fell': the act lies
    in the subject of a verb of change in number (report_words `trend_verb`)."""
    trends = report_words().get("trend_verb", frozenset())
    for node in [token, *token.ancestors]:
        if node.dep_ == "nsubj" and _tells_a_trend(node.head, trends):
            return node.tag_ == "NNS" or node.lemma_.lower() in ("number", "rate", "share", "count")
    return False


def _tells_a_trend(verb: Token, trends: frozenset[str]) -> bool:
    """'rose', or 'have become less frequent, falling from 14 a month to six': the verb, or a participle
    with no subject of its own that continues it, is a change in number."""
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in trends:
        return True
    return any(c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in trends
               and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for c in verb.children)


def drop_non_events(events: list[Event], counts: Sequence[Count], doc: Doc, dates: Sequence[DateMention] = (),
                    published: Optional[dt.date] = None) -> list[Event]:
    """The events without statistics of a period and habits (figures of a period are flagged on `counts`)."""
    statistic_verbs, period_verbs = _aggregate_verbs(counts, doc, dates, published)
    kept = []
    for event in events:
        token = trigger_token(event, doc)
        if token is not None and (token.i in statistic_verbs or _counted_in_a_statistic(token, statistic_verbs)
                                  or _the_periods_violence(token, period_verbs) or is_a_statistic(token)):
            continue
        if event.event_type in VIOLENCE and is_habitual(event, doc):
            continue
        kept.append(event)
    return kept
