"""The lead tells the news: a report's row is the lead's deadly act, not a detail told after it.

News is written as an inverted pyramid: the lead (the first paragraph that tells an act) gives the
news, what happened and its toll ("Gunmen attacked the village on Thursday, killing 13 civilians";
a headline, a first line with no closing stop, only sums it up), and later paragraphs add details
of the same incident ("The attackers arrived on motorbikes and burned homes and shops before
fleeing"). A detail's trigger can score above the lead's act, and the
record's row (`strife.rows.record_row_event`: within a rank, the more confident event) would be the
detail, with no toll and the detail's type. An ACLED coder writes the row for the news: so when the
row has no deaths, is told in a later paragraph than the lead, and the lead holds exactly one
happened act of disorder with deaths of the same incident (days, places and doers agree, and its act
is not told as background: `row_toll`'s checks), each later event that outranks that act is made a
little less confident than it. All stay events; only their order changes (as `background_rows` does
for the background of a line).
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc

from strife.extract import Layout, doc_text, verb_or_root
from strife.extract.events.background_rows import SETTING_WORDS, describes_a_noun
from strife.extract.row_toll import another_incident, same_doers_days_places
from strife.model import DateMention, Event
from strife.resolve.coref import event_anchor, is_real, trigger_token
from strife.rows import is_disorder, just_below, record_row_event, row_rank

#: the marks that close a sentence, never a headline
HEADLINE_STOPS = frozenset('.!?"\u201d')


def lead_act_is_the_row(events: Sequence[Event], doc: Doc, layout: Layout) -> None:
    """Make the details told after the lead yield the row to the lead's deadly act (module doc)."""
    row = record_row_event(events)
    if row is None or not is_real(row) or row.fatalities is not None:
        return
    text = doc_text(doc)
    acts = [e for e in events if is_real(e) and is_disorder(e) and not _in_headline(event_anchor(e), text, layout)]
    if not acts:
        return
    lead = min(layout.paragraph(event_anchor(e)) for e in acts)
    if layout.paragraph(event_anchor(row)) <= lead:
        return
    deadly = [e for e in acts if layout.paragraph(event_anchor(e)) == lead and e.fatalities is not None]
    if len(deadly) != 1:
        return
    news = deadly[0]
    figure = news.fatalities
    if not figure.best or figure.aggregate or row_rank(news)[:3] != row_rank(row)[:3]:
        return
    if not same_doers_days_places(row, news) or another_incident(news, doc):
        return
    floor = just_below(news)
    for event in events:
        if event is not news and layout.paragraph(event_anchor(event)) > lead and row_rank(event) >= row_rank(news):
            event.confidence = floor


def _in_headline(char: int, text: str, layout: Layout) -> bool:
    """Whether the offset lies in a headline: a first paragraph of one line with no closing stop
    ("Attack on village kills 9"); a headline sums up the report, the lead tells it."""
    number = layout.paragraph(char)
    if number != 0:
        return False
    start = layout.par_starts[0]
    end = layout.par_starts[1] if len(layout.par_starts) > 1 else len(text)
    paragraph = text[start:end].strip()
    return bool(paragraph) and "\n" not in paragraph and paragraph[-1] not in HEADLINE_STOPS


#: how far into a note its opening date may start ('On 3 May 2020, ...', 'Around 3 May 2020 (as reported), ...')
OPENING_DATE_REACH = 12


def opening_date_is_the_row(events: Sequence[Event], dates: Sequence[DateMention]) -> None:
    """'On 3 May 2020, traders observed a strike. A trader was kidnapped on 28 April': an ACLED
    note opens with the day of the event it records; an act told on another, earlier day is its
    context; so is an act told on a later day of its own ('The protest continued on 4 February'),
    which ACLED records apart. When the row's act is dated on another day than the note's opening
    day and an act of the same rank is dated on that day, each such act that outranks it is made a
    little less confident."""
    opening = next((d for d in sorted(dates, key=lambda d: d.span[0])
                    if d.span[0] <= OPENING_DATE_REACH and d.date is not None and not d.future), None)
    if opening is None:
        return
    row = record_row_event(events)
    if row is None or not is_real(row) or row.date is None or row.date == opening.date:
        return
    if row.date > opening.date and row.date_precision != "day":
        return
    dated = [e for e in events if is_real(e) and e.date == opening.date and row_rank(e)[:3] == row_rank(row)[:3]]
    if not dated:
        return
    news = max(dated, key=row_rank)
    floor = just_below(news)
    for event in events:
        if event.date is not None and _another_day(event, opening.date) and row_rank(event) >= row_rank(news):
            event.confidence = floor


def _another_day(event: Event, opening) -> bool:
    """Told on a day before the note's opening day, or on a later day of its own ('The protest
    continued on 4 February': ACLED records each day's act apart; the note's row is its opening day's)."""
    return event.date < opening or (event.date > opening and event.date_precision == "day")


def past_of_a_participant_yields(events: Sequence[Event], doc: Doc) -> None:
    """'Two aid workers, abducted on 3 May, were executed by their captors on 11 May': a relative or
    participial clause on a noun tells who that participant is, here what was done to them before;
    the sentence's own act is the news ACLED records on its day. When an act in such a clause is
    dated on an earlier day than an act of the same rank whose clause holds that noun (both told
    to the day, not dated by the report), and outranks it, it is made a little less confident. Both stay events (as `background_rows` does for a
    demonstration's victim, whatever the days)."""
    told = [(e, t) for e in events if is_real(e) and e.date is not None and e.date_precision == "day"
            and (t := trigger_token(e, doc)) is not None]
    for event, token in told:
        clause = _noun_clause(token)
        if clause is None:
            continue
        inside = {t.i for t in clause.subtree}
        news = [e for e, t in told if e is not event and t.i not in inside and t.sent.start == token.sent.start
                and clause.head.i in {x.i for x in verb_or_root(t).subtree}
                and e.date > event.date and row_rank(e)[:3] == row_rank(event)[:3]]
        if not news:
            continue
        best = max(news, key=row_rank)
        if row_rank(event) >= row_rank(best):
            event.confidence = just_below(best)


def _noun_clause(token):
    """The verb of the relative or participial clause on a noun that holds the token, or the head of
    an 'after'/'following' clause or phrase that holds it ('After gunmen abducted 5 passengers on 7
    March, the army on 10 March raided their camp': the earlier act sets the scene), or None."""
    for ancestor in [token, *token.ancestors]:
        if describes_a_noun(ancestor):  # 'two aid workers, abducted on 3 May, were executed on 11 May'
            return ancestor
        if ancestor.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SETTING_WORDS for m in ancestor.children):
            return ancestor
        if ancestor.dep_ == "prep" and ancestor.lower_ in SETTING_WORDS:
            return ancestor
    return None
