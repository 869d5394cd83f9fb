"""The record's row carries its incident's toll: one incident, one event, one toll.

A short report often tells one incident in two clauses the merge keeps apart: "Rebels attacked the
village. Four farmers died in the attack." or "Police fired on rioters; two people were killed in
the violence". The toll then sits on the clause that names the dead, while the row a coder writes
(`strife.rows.record_row_event`) is the act, with no toll. When the row has no toll and exactly one
other happened event of the report carries deaths, the row takes that toll (it moves: one carrier
per toll, so the export's rows still sum to the incident's toll once) unless those deaths are
**another incident**, told as English tells the past or the cause of the news:

- what a crowd protests or mourns, what people discuss, condemn, investigate or avenge ("to protest
  the death of a student", "met to discuss the killing of ...", "in retaliation for ..."): the
  object of an ``about_another`` word (``data/report_words.csv``);
- an act told before the news: in an "after"/"following"/"over" phrase or clause ("The strikes came
  after gunmen killed 10 soldiers"), with an earlier time phrase ("last week", "the day before",
  "earlier"), named by its month ("the March attack"), set as the scene ("amid ...");
- a participant's story, in a relative clause ("a case in which a man was killed");
- another day or place than the row (`strife.extract.incident_agreement`), a scene of its own named
  by a proper name the row's clause does not name ("... in Bemba market. Police killed 2 robbers in
  Lowe."), other doers (`incident_doers.sources_agree`: "Soldiers arrived later. They killed 4
  militants."), doers of the other side of a war (a state's forces and armed rebels, even named by
  common nouns: `incident_doers.opposed_forces`), another paragraph of a report (each paragraph's toll stays with the act it tells),
  a figure of a period (`Count.aggregate`), or a clause that announces another incident ("In another
  attack, ...").

Several carriers of one incident are parts of one toll: a row with no toll takes the toll of all
the others' figures when every one of them is its incident's, and a row with its own dead adds the
dead of a carrier told as **other people** after them ("... killing three. A gendarme was also beaten
to death by the crowd.": 'also', 'another', 'other', `tolls.other_people`), each a figure of one
sentence; the sum is `tolls.incident_toll`'s (a stated total wins over its parts, a figure told again
counts once), and the other carriers give theirs up.

A toll the row takes from a later sentence is spread over the days or places the row's own act
names, as the figure linker spreads a figure told after its act ("Gunmen attacked A and B. Six
civilians reported killed.": ACLED divides the six between the two places; `figure_links`).

The row takes the toll only from an event no surer than itself: a format that scores the most
confident event (PLOVER) reads the toll where the surer coding put it.

The background notions are `strife.extract.events.building`'s and `background_rows`' (the event stage
uses them to rank the news above its background); here they keep a background act's dead off the row.
"""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from strife.extract import Layout, doc_text, verb_or_root
from strife.extract.events.background_rows import CAUSE_WORDS
from strife.extract.events.building import in_protest_of, in_relative_clause, in_setting, named_by_its_month, told_as_earlier
from strife.extract.events.grammar import against_the_verbs_act
from strife.extract.figure_links import spread_over_days_told
from strife.extract.incident_doers import opposed_forces, same_actor, sources_agree
from strife.extract.incident_openers import opens_a_new_incident
from strife.extract.incident_agreement import incident_days_agree, incident_places_agree
from strife.extract.report_words import report_words
from strife.extract.tolls import incident_toll, other_people
from strife.model import Count, Event
from strife.ontology import Ontology, load_ontology
from strife.resolve.coref import event_anchor, is_real, trigger_token
from strife.rows import record_row_event

#: ACLED's type of an armed clash: its two sides' dead are one event's toll (`one_fight`)
BATTLES = "Battles"
#: the dependency labels by which an act is what a verb or noun is about
ABOUT_DEPS = frozenset({"dobj", "pobj", "prep", "xcomp", "ccomp", "advcl", "acl", "nsubjpass"})


def row_takes_the_incident_toll(events: Sequence[Event], doc: Doc, layout: Layout) -> None:
    """Move the deaths of the other happened events of the row's incident onto the row, once (module doc)."""
    row = record_row_event(events)
    if row is None or not is_real(row):
        return
    carriers = [e for e in events if e is not row and is_real(e) and e.fatalities is not None]
    if not carriers:
        return
    if row.fatalities is None and len(carriers) == 1:
        if _its_incident(row, carriers[0], doc, layout):
            row.fatalities, carriers[0].fatalities = carriers[0].fatalities, None
            spread_over_days_told(row.fatalities, row, layout, doc)  # "attacked A and B. Six killed."
        return
    parts = _toll_parts(row, carriers, doc, layout)
    if not parts:
        return
    figures = _distinct([*([row.fatalities] if row.fatalities is not None else []), *(c.fatalities for c in parts)])
    toll = incident_toll(figures, doc_text(doc), layout, doc=doc)
    if toll is None or not toll.best:
        return
    row.fatalities = toll
    for carrier in parts:
        carrier.fatalities = None


def _toll_parts(row: Event, carriers: Sequence[Event], doc: Doc, layout: Layout) -> list[Event]:
    """The carriers whose figures are parts of the row's incident's toll. A row with no toll of its
    own takes every carrier's figure or none (each must be its incident's); a row with its own dead
    adds those told as other people after them ('A policeman was also killed'): one figure each,
    the later one marked as other people, the carrier of the incident."""
    if row.fatalities is None:
        return list(carriers) if all(_its_incident(row, carrier, doc, layout) for carrier in carriers) else []
    own = row.fatalities
    if not own.best or own.aggregate or not _one_figure(own, layout):
        return []
    text = doc_text(doc)

    def adds_up(carrier: Event) -> bool:
        figure = carrier.fatalities
        if not _one_figure(figure, layout) or figure.span == own.span:
            return False
        later = max((own, figure), key=lambda c: c.span[0])
        return (other_people(later, text) or one_fight(row, carrier, layout)) and _its_incident(row, carrier, doc, layout)

    return [carrier for carrier in carriers if adds_up(carrier)]


def _one_figure(figure: Count, layout: Layout) -> bool:
    """A figure told once, in one sentence: not a total, a share over days, or a sum of sentences."""
    return (figure.span is not None and not figure.total and figure.split_over is None
            and layout.sentence(figure.span[0]) == layout.sentence(max(figure.span[1] - 1, figure.span[0])))


def _distinct(figures: Sequence[Count]) -> list[Count]:
    """The figures, each once (events of one incident share its Count object)."""
    seen, kept = set(), []
    for figure in figures:
        key = (figure.span, figure.text, figure.best)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept


def _its_incident(row: Event, carrier: Event, doc: Doc, layout: Layout) -> bool:
    """Whether the carrier's deaths are the row's incident's: told with it, by its doers, not as background."""
    figure = carrier.fatalities
    if not figure.best or figure.aggregate:
        return False
    if carrier.confidence > row.confidence:
        return False  # the surer coding keeps what it tells (a format that scores the most confident event reads it there)
    if layout.paragraph(event_anchor(row)) != layout.paragraph(event_anchor(carrier)):
        return False  # a report's paragraphs: the toll stays with the act its paragraph tells
    if one_fight(row, carrier, layout):
        if not (incident_days_agree(row, carrier) and incident_places_agree(row, carrier)):
            return False
    elif not same_doers_days_places(row, carrier):
        return False  # e.g. other doers told after the act ('Soldiers arrived later. They killed 4 militants.')
    elif opposed_forces(row.source, carrier.source):
        return False  # 'Soldiers shelled Kavra. Later rebels attacked a checkpoint, killing two': the attack's dead
    return not (another_incident(carrier, doc) or _scenes_differ(row, carrier, doc))


def one_fight(row: Event, carrier: Event, layout: Layout) -> bool:
    """'Maoists ambushed a CRPF patrol, killing 2. The CRPF returned fire, killing 3 Maoists.': the
    side attacked hits back at its attackers in the next sentence (each act's named target is the
    other's doer; one doer may go unnamed). ACLED codes one battle for one interaction of two armed
    sides on one day and place, with the dead of both sides, so the two figures are one toll. Other
    targets ('Troops pursued the militants' after an attack on villagers), or acts that are no battle
    ('Herders attacked farmers ... Reprisal attacks by farmers killed 3 herders': each side's attack
    on the other's people) keep the acts apart."""
    if not (row.source or carrier.source) or not row.target or not carrier.target:
        return False
    if not row.acled_event_type == carrier.acled_event_type == BATTLES:
        return False
    sentences = {layout.sentence(event_anchor(event)) for event in (row, carrier)}
    if len(sentences) != 2 or max(sentences) - min(sentences) != 1:
        return False
    if layout.paragraph(event_anchor(row)) != layout.paragraph(event_anchor(carrier)):
        return False

    def aims_at(event: Event, other: Event) -> bool:
        return not other.source or any(same_actor(x, y) for x in event.target for y in other.source)

    return aims_at(row, carrier) and aims_at(carrier, row)


def same_doers_days_places(row: Event, other: Event) -> bool:
    """Whether two events may be one incident as the merge reads them: doers that agree
    (`incident_doers.sources_agree`), and days and places that do (`strife.extract.incident_agreement`)."""
    return (sources_agree(row.source, other.source) and incident_days_agree(row, other)
            and incident_places_agree(row, other))


def another_incident(carrier: Event, doc: Doc) -> bool:
    """Whether the carrier's act, or its figure, is told as background to the news (module doc)."""
    token = trigger_token(carrier, doc)
    if token is None:
        return True
    if opens_a_new_incident(token):
        return True
    onto = load_ontology()
    figure = _figure_token(carrier, doc)
    for word in (token, figure):
        if word is None:
            continue
        if (in_relative_clause(word) or told_as_earlier(word, onto) or named_by_its_month(word)
                or in_setting(word, onto.words("setting_preps")) or in_protest_of(word, onto.words("grievance_preps"))
                or _told_as_its_cause(word) or _about(word) or _earlier_adverb(word, onto)
                or any(against_the_verbs_act(a) for a in (word, *word.ancestors))):
            return True
    return False


#: prepositions that name the scene of an act ('in Bemba market', 'at Lowe', 'near Kaba')
SCENE_PREPS = frozenset({"in", "at", "near"})


def _scenes_differ(row: Event, carrier: Event, doc: Doc) -> bool:
    """'Traders protested in Bemba market. Police killed 2 robbers in Lowe.': each clause names a
    scene of its own by proper name ('in'/'at'/'near'), and they share no name: two incidents,
    whatever a geocoder could (or could not) make of the names."""
    scenes = [_scene_names(trigger_token(event, doc)) for event in (row, carrier)]
    return all(scenes) and not (scenes[0] & scenes[1])


def _scene_names(token: Optional[Token]) -> frozenset[str]:
    """The proper nouns of the 'in'/'at'/'near' phrases of the clause of `token` (its verb, or the
    verb its noun hangs on; 'killed 2 robbers in Lowe'), not of clauses within it."""
    if token is None:
        return frozenset()
    verb = verb_or_root(token)
    names = set()
    preps = [w for w in verb.subtree if w.dep_ == "prep" and w.lower_ in SCENE_PREPS and verb_or_root(w.head).i == verb.i]
    for prep in preps:
        for word in prep.subtree:
            if word.pos_ == "PROPN":
                names.add(word.lower_)
    return frozenset(names)


def _figure_token(event: Event, doc: Doc) -> Optional[Token]:
    """The head word of the event's death figure ('10 soldiers' -> soldiers), read for background
    as the act's trigger is ('the March attack that killed 10 soldiers')."""
    if event.fatalities is None or event.fatalities.span is None:
        return None
    span = doc.char_span(*event.fatalities.span, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _told_as_its_cause(token: Token) -> bool:
    """'came after gunmen killed 10 soldiers', 'a day after the attack': the act, or a word above it,
    is an 'after'/'following'/'over' phrase or a clause marked so."""
    for word in (token, *token.ancestors):
        if word.dep_ == "prep" and word.lower_ in CAUSE_WORDS:
            return True
        if word.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CAUSE_WORDS for m in word.children):
            return True
    return False


def _about(token: Token) -> bool:
    """The act lies under an ``about_another`` word (protest, discuss, condemn, avenge ...) by its
    object or a phrase: what that word is about is another incident."""
    words = report_words().get("about_another", frozenset())
    below = token
    for word in token.ancestors:
        if word.lemma_.lower() in words and below.dep_ in ABOUT_DEPS:
            return True
        below = word
    return False


def _earlier_adverb(token: Token, onto: Ontology) -> bool:
    """'had earlier killed', 'killed 10 soldiers earlier that day', 'A day after, gunmen killed ...':
    an adverb on the act's clause that sets it before or after the news, on its own day."""
    verb = verb_or_root(token)
    apart, units = onto.words("earlier_words") | CAUSE_WORDS, onto.words("time_nouns")
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in apart:
            return True
        if child.dep_ == "npadvmod" and child.lemma_.lower() in units and any(
                c.dep_ == "advmod" and c.lower_ in apart for c in child.children):
            return True  # 'A day after, ...', 'a week before'
    return False

