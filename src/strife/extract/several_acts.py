"""A toll told for several acts at once: "Eight people were killed in the attacks" (issue #24).

News often tells two or three acts one after the other and then one toll for all of them: "Gunmen
attacked Kallo village on Monday. Militants raided Bedi village the same day. Eight people were
killed in the attacks." The outcome points back with a definite plural event noun ("the attacks",
"the raids", "the clashes", "both attacks", "the two raids"), or names the acts with a number ("Two
attacks hit Kallo and Bedi"). ACLED codes an event for each act and divides a total reported for
several places among them (codebook, "Reported fatalities": "fatalities divided between three
locations"), the first taking the odd death. strife already divides a toll told for a list of places
or a range of days ("clashed in Kuma and Bedi, killing 8": `strife.extract.count_spread.places_listed`,
`strife.extract.figure_links`); the share is one definition, `Count.split_over` read by
`strife.conventions.split_share`, and this pass uses it too: every act the plural points back to
carries the toll with `split_over` the number of acts and `split_index` its place among them, so
each row's share is ACLED's and the shares sum to the told figure (9 over two acts: 5 + 4).

A numbered plural says how many acts it sums: "Nine people were killed in the four attacks" after four
acts told over four sentences reaches back (in the toll's paragraph and the one before) until four acts
of its kind are found, however many sentences tell them, and divides the toll among exactly those (a
riot told among them is not an attack, and a toll the linker gave a riot told last goes to the counted
attacks instead); when fewer are found, the acts of the few sentences before share it.

A singular noun ("killed in the attack") after two acts is the last act's toll, as the linker
already gives it; an act with a toll of its own is not among those the plural shares a toll with.
"""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from strife.extract import Layout, clause_verb
from strife.extract.numbers import parse_quantity
from strife.extract.report_words import report_words
from strife.model import Count, Event
from strife.ontology import load_ontology
from strife.ontology.families import VIOLENCE
from strife.resolve.coref import event_anchor, is_real, trigger_token

#: The prepositions of an outcome told "in"/"during" the acts ("were killed in the attacks").
OUTCOME_PREPOSITIONS = frozenset({"in", "during"})
#: How many sentences before the toll's the acts it points back to may be told.
ACTS_BEFORE = 3


def divide_among_the_acts(events: Sequence[Event], doc: Doc, layout: Layout) -> None:
    """Give a toll that points back to several acts to each of them, divided among them (in place)."""
    for carrier in list(events):
        toll = carrier.fatalities
        if toll is None or toll.span is None or toll.split_over is not None or toll.aggregate:
            continue
        noun = _acts_noun(toll, doc)
        if noun is None:
            continue
        kinds = _kinds_named(noun)
        number = _number_of(noun)
        # "the four attacks" counts its acts: reach back (in the paragraph and the one before) until
        # that many are found, however many sentences tell them; when fewer are, today's window
        reached = _acts_told_before(events, toll, kinds, layout, reach=None) if number is not None else []
        if number is not None and len(reached) >= number:
            acts = reached[-number:]
        else:
            acts = _acts_told_before(events, toll, kinds, layout)
        if not any(act is carrier for act in acts):
            if number is None or carrier.event_type is None or carrier.event_type in kinds or len(acts) < number:
                continue  # the linker gave the toll to no act the plural names: leave it
            # "Rioters burned shops in Tambu. Seven were killed in the three attacks": the toll the
            # linker gave an act of another kind (a riot is not one of "the attacks") is the counted acts'
            carrier.fatalities = None
        if number is not None:
            acts = acts[-number:]
        if len(acts) >= 2:
            # each act holds its own share (`Count.split_index`, in text order), so the rows of
            # the toll sum to the told figure: 9 over two acts is 5 + 4, never 5 + 5
            for index, act in enumerate(acts):
                act.fatalities = toll.model_copy(update={"split_over": len(acts), "split_index": index})
        elif len(acts) == 1 and (several := _acts_named(acts[0], doc)) and number in (None, several):
            # "Two attacks hit Kallo and Bedi. Eight were killed in the attacks": one mention of
            # both acts, whose row takes its share
            carrier.fatalities = toll.model_copy(update={"split_over": several})


def _acts_noun(toll: Count, doc: Doc) -> Optional[Token]:
    """The definite plural event noun the toll's clause points back to ("killed in the attacks",
    "the two raids killed eight", "both attacks left eight dead"), or None."""
    span = doc.char_span(toll.span[0], toll.span[1], alignment_mode="expand")
    verb = clause_verb(span.root) if span is not None and len(span) else None
    if verb is None:
        return None
    candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    candidates += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in OUTCOME_PREPOSITIONS
                   for o in p.children if o.dep_ == "pobj"]
    return next((c for c in candidates if _points_back_to_several(c)), None)


def _points_back_to_several(noun: Token) -> bool:
    """A plural event noun of violence with a determiner that points back ("the", "these", "both")."""
    if noun.tag_ != "NNS" or not _kinds_named(noun):
        return False
    pointing = load_ontology().words("anaphoric_dets") | report_words().get("told_before", frozenset())
    return any(c.dep_ in ("det", "predet", "preconj") and c.lower_ in pointing for c in noun.children)


def _kinds_named(noun: Token) -> frozenset[str]:
    """The PLOVER types of violence an event noun names in the lexicon: an "attack" or "raid"
    (ASSAULT) names any violent act, a two-sided noun ("clashes") only a fight."""
    kinds = frozenset(row.plover for row in load_ontology().index.get(noun.lemma_.lower(), ())
                      if row.pos == "NOUN" and row.plover in VIOLENCE)
    return VIOLENCE if "ASSAULT" in kinds else kinds


def _number_of(noun: Token) -> Optional[int]:
    """How many acts the noun counts ("both attacks", "the two raids"), or None."""
    if any(c.lower_ == "both" for c in noun.children if c.dep_ in ("det", "predet", "preconj")):
        return 2
    figure = next((c for c in noun.children if c.dep_ == "nummod"), None)
    quantity = parse_quantity(figure.text) if figure is not None else None
    return quantity.best if quantity is not None and quantity.best is not None and quantity.best >= 2 else None


def _acts_told_before(events: Sequence[Event], toll: Count, kinds: frozenset[str], layout: Layout,
                      reach: Optional[int] = ACTS_BEFORE) -> list[Event]:
    """The typed violent acts of `kinds` told in the toll's sentence before it or in the `reach`
    sentences just before (any number of them when `reach` is None), in its paragraph or the one
    before, in text order; an act carrying another toll of its own is none of them."""
    sentence, paragraph = layout.sentence(toll.span[0]), layout.paragraph(toll.span[0])
    acts = []
    for event in events:
        anchor = _first_told(event)
        if not (is_real(event) and event.event_type in kinds and event.acled_event_type and anchor < toll.span[0]):
            continue
        if (reach is not None and sentence - layout.sentence(anchor) > reach) or paragraph - layout.paragraph(anchor) > 1:
            continue
        own = event.fatalities
        if own is not None and own.span != toll.span:
            continue
        acts.append(event)
    return sorted(acts, key=_first_told)


def _first_told(event: Event) -> int:
    """Where the text first tells the act: its anchor, or an earlier mention merged into it ("Militants
    raided ..." absorbed by the noun "both attacks" that points back to it)."""
    return min([event_anchor(event), *(mention.start for mention in event.mentions)])


def _acts_named(act: Event, doc: Doc) -> Optional[int]:
    """How many acts the act's own plural noun counts ("Two attacks hit ..."), or None."""
    token = trigger_token(act, doc)
    return _number_of(token) if token is not None and token.tag_ == "NNS" else None
