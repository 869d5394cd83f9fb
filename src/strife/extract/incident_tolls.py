"""One toll per incident: each paragraph's figure is one account, the first account gives the toll.

Once `strife.extract.incidents` has merged an incident's mentions, its figure of each kind is read
per paragraph (within one, figures of different victims add up, as
`strife.extract.tolls.incident_toll` adds them); each paragraph's figure is one account, listed
in `Count.accounts` with who gave it (`Reporters`). Following the inverted pyramid, `best` is
the first account's (the headline's or the lead's), `low` and `high` the smallest and largest of
all accounts. A figure claimed by the side that did the killing ("We killed 10 people", a
spokesman of the group that claimed the attack) bounds the toll but is never its best; the
victims' side claiming the attackers it killed in return adds their dead.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from strife.extract import Layout, doc_text, doc_tokens, figure_root
from strife.extract.count_totals import revises_the_told_toll
from strife.extract.count_words import lookup_keys, victim_nouns
from strife.extract.tolls import (
    COUNT_FIELDS,
    died_later,
    incident_toll,
    is_tally_line,
    other_people,
    sum_known,
    victim_rank,
)
from strife.model import Claim, Count, Event, Quote
from strife.resolve.coref import (
    event_anchor,
    trigger_token,
)

KILLING_VERBS = frozenset({"kill", "shoot", "slay", "execute", "eliminate", "neutralize", "neutralise", "behead"})
FIRST_PERSON = frozenset({"we", "us", "our"})
BOUND_PRONOUNS = frozenset({"it", "they", "we"})
SPEECH_OF_CLAIMS = frozenset({"say", "claim", "state", "announce"})


class Reporters:
    """Who gives each figure: the claim or quote it sits in, else the attribution of its event; and
    which reporters speak for the side that did the killing (the group that claimed the attack)."""

    def __init__(self, doc: Doc, claims: Sequence[Claim], quotes: Sequence[Quote], events: Sequence[Event]):
        self.doc, self.claims, self.quotes = doc, claims, quotes
        self.attribution = {event.id: event.attribution for event in events}
        self.anchors = tuple(event_anchor(event) for event in events)  # where each act is told
        self.claimants = _claimants(doc)

    def reporter(self, count: Count, event_id: Optional[str]) -> Optional[str]:
        start = count.span[0]
        for quote in self.quotes:
            if quote.span[0] <= start < quote.span[1] and quote.speaker is not None:
                speaker = quote.speaker
                return f"{speaker.name}, {speaker.affiliation}" if speaker.affiliation else speaker.name
        for claim in self.claims:
            if claim.span[0] <= start < claim.span[1]:
                return claim.reporter
        return self.attribution.get(event_id) if event_id else None

    def claims_the_killing(self, event: Event) -> bool:
        """The attackers telling their own attack: "We killed 10 soldiers," a claimant's spokesman, or
        the group that claimed responsibility acting (the claimed attack itself)."""
        if any(self.claimants & _name_keys(actor.name) for actor in event.source):
            return True
        token = trigger_token(event, self.doc)
        if token is None:
            return False
        figure = next((c for c in token.children if c.dep_ == "dobj"), None)
        if figure is not None and _killer_speaks(figure):
            return True
        reporter = event.attribution or next((q.speaker.name for q in self.quotes if q.speaker is not None
                                              and q.span[0] <= event_anchor(event) < q.span[1]), None)
        return bool(reporter and self.claimants & _name_keys(reporter))

    def is_perpetrator_claim(self, count: Count, reporter: Optional[str]) -> bool:
        if reporter and self.claimants & _name_keys(reporter):
            return True
        root = figure_root(count, self.doc)
        return root is not None and _killer_speaks(root)


def _claimants(doc: Doc) -> frozenset[str]:
    """Name words of those who 'claimed responsibility' (or credit) for an attack in the article."""
    keys: set[str] = set()
    for token in doc_tokens(doc):
        if token.lemma_ == "claim" and any(c.dep_ == "dobj" and c.lemma_ in ("responsibility", "credit") for c in token.children):
            for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")):
                keys |= _name_keys(" ".join(t.text for t in subject.subtree))
    return frozenset(keys)


def _name_keys(text: str) -> set[str]:
    """The capitalised words of a name, folded ('al-Shabab's spokesman' -> {'shabab'})."""
    words = re.findall(r"[A-Z][A-Za-z]{2,}", text)
    return {w.lower() for w in words}


def _killer_speaks(figure: Token) -> bool:
    """'We killed 10 people'; 'the military said it killed five militants'; 'the group claimed to
    have killed 20 soldiers' (the speaker is the subject of its own infinitive): the killer gives
    the figure."""
    verb = figure.head
    while verb.dep_ in ("conj", "appos", "nummod", "compound") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() not in KILLING_VERBS:
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_ in SPEECH_OF_CLAIMS and any(c.dep_ == "nsubj" for c in verb.head.children):
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in FIRST_PERSON:
        return True
    speech = verb.head if verb.dep_ in ("ccomp", "conj") else None
    return subject.lower_ in BOUND_PRONOUNS and speech is not None and speech.lemma_ in SPEECH_OF_CLAIMS


def shared_tolls(events: Sequence[Event]) -> dict[tuple[str, str], tuple[int, int]]:
    """(event id, toll field) -> the span of the toll the linker gave the event: the toll of the
    incident it told close together (`strife.extract.figure_links`), a sum whose span covers its
    parts, whose figures stay the incident's when the report-level pass reads its toll again."""
    return {(event.id, field): toll.span for event in events for field in COUNT_FIELDS.values()
            if (toll := getattr(event, field)) is not None and toll.span is not None}


def set_tolls(group: Sequence[Event], counts: Sequence[Count], doc: Doc, layout: Layout,
               owner: dict[str, str], reporters: Reporters,
               shared: Optional[dict[tuple[str, str], tuple[int, int]]] = None) -> None:
    """Give the incident's first event one toll of each kind, from all its mentions' figures (and
    the figures inside the toll the linker gave its lead, `shared_tolls`)."""
    ids = {event.id for event in group}
    told_in = frozenset(layout.sentence(event_anchor(e)) for e in group)
    for kind, field in COUNT_FIELDS.items():
        within = (shared or {}).get((group[0].id, field))
        figures = [c for c in counts if c.kind == kind and c.span is not None and c.part_of is None
                   and not c.aggregate and (final(c.event_id, owner) in ids
                                            or (within is not None and within[0] <= c.span[0] and c.span[1] <= within[1]))]
        if not figures:
            continue
        accounts = _accounts(figures, layout, doc, told_in, reporters)
        # the attacker the incident names first: a merged incident lists the other side's claimant after it
        attackers = frozenset(actor.sector for actor in group[0].source[:1] if actor.sector)
        figure = _incident_figure(accounts, figures[0].kind)
        fight = group[0].acled_event_type == "Battles"
        setattr(group[0], field, _with_other_sides_claims(figure, accounts, doc, attackers, fight))


def final(event_id: Optional[str], owner: dict[str, str]) -> Optional[str]:
    seen = 0
    while event_id in owner and seen < 100:
        event_id, seen = owner[event_id], seen + 1
    return event_id


def _accounts(figures: Sequence[Count], layout: Layout, doc: Doc, told_in: frozenset[int],
              reporters: Reporters) -> list[Count]:
    """One figure per paragraph (a perpetrator's claim apart), in text order, each with its reporter.

    Within a paragraph the figures add up as the linker adds them; a stated total of the incident
    (told with it, or the report's closing tally line "2 fatalities.") wins over its parts."""
    text = doc_text(doc)
    acts_told = frozenset(layout.sentence(anchor) for anchor in reporters.anchors)

    def own_total(count: Count) -> bool:
        sentence = layout.sentence(count.span[0])
        return sentence in told_in or is_tally_line(count, doc) or (
            sentence not in acts_told and revises_the_told_toll(count, doc))

    by_paragraph: dict[tuple[int, bool], list[Count]] = {}
    for count in figures:
        reporter = reporters.reporter(count, count.event_id)
        claimed = reporters.is_perpetrator_claim(count, reporter)
        by_paragraph.setdefault((layout.paragraph(count.span[0]), claimed), []).append(
            count.model_copy(update={"reported_by": reporter, "perpetrator_claim": claimed}))
    accounts: list[Count] = []
    for (_, claimed), group in sorted(by_paragraph.items(), key=lambda item: item[1][0].span[0]):
        toll = incident_toll(group, text, layout, own_total, lambda c: c.total and is_tally_line(c, doc), doc)
        if toll is None:
            continue
        if accounts and not claimed and all(_dies_later(c, doc) for c in group):
            # "Two more victims later died": every account given before it rises; "A third victim
            # later died" names the total itself (3), which an account already at or above keeps
            rank = victim_rank(group[0]) if len(group) == 1 else None
            accounts[:] = [a if a.perpetrator_claim else _with_later_dead(a, toll, rank) for a in accounts]
            continue
        accounts.append(toll.model_copy(update={"reported_by": group[0].reported_by, "perpetrator_claim": claimed}))
    return accounts


def _dies_later(count: Count, doc: Doc) -> bool:
    root = figure_root(count, doc)
    return root is not None and died_later(root) and other_people(count, doc_text(doc))


def _with_later_dead(account: Count, more: Count, rank: Optional[int]) -> Count:
    """The account's toll with the dead told later: `more` added to it (bounds only where both have
    them) or, for an ordinal ("a third victim later died": `rank` 3), raised to the total it names
    (an account already at or above it stays). A low bound defaults to the best figure."""
    bounds = _bounds(account)
    if rank is None:
        values = [sum_known(pair) for pair in zip(bounds, _bounds(more))]
    else:
        values = [None if value is None else max(value, rank) for value in bounds]
    return account.model_copy(update=dict(zip(("low", "best", "high"), values)))


def _bounds(count: Count) -> tuple[Optional[int], Optional[int], Optional[int]]:
    """A figure's (low, best, high), its best standing for a low it does not give."""
    return (count.low if count.low is not None else count.best), count.best, count.high


def _with_other_sides_claims(figure: Optional[Count], accounts: Sequence[Count], doc: Doc,
                             attackers: frozenset[str], fight: bool = False) -> Optional[Count]:
    """ "Rebels killed 3 soldiers; the army said it killed 10 rebels": the victims' side claiming the
    attackers it killed in return gives no rival account of the toll but the attackers' losses,
    which ACLED adds (each side's dead count). Only when the claimed dead are of the attackers'
    sector and the toll's victims of another; "the military said it killed four fighters" of its
    own raid's victims is a rival account, and only bounds the toll. In a fight (``fight``: a
    battle, both sides armed) either side may claim the other's dead: "Soldiers clashed with
    militiamen. The army claims to have killed 8 militiamen; 2 soldiers were killed." is 10, a
    claim of dead of another sector than the toll's victims adding up."""
    if figure is None or figure.best is None or figure.perpetrator_claim or not (attackers or fight):
        return figure  # in a fight either side's claim counts, whatever the dictionary knows of the attacker
    own = _victims_sector(figure, doc)
    claims = [a for a in accounts if a.perpetrator_claim and a.best is not None and own is not None
              and ((own not in attackers and _victims_sector(a, doc) in attackers)
                   or (fight and _victims_sector(a, doc) not in (None, own)))]
    if not claims:
        return figure
    added = sum(a.best for a in claims)
    total = figure.best + added
    return figure.model_copy(update={"best": total, "low": (figure.low if figure.low is not None else figure.best) + added,
                                     "high": max(figure.high or 0, total)})


def _victims_sector(count: Count, doc: Doc) -> Optional[str]:
    """The CAMEO sector the figure's victim noun names ("soldiers" MIL, "rebels" REB), or None."""
    root = figure_root(count, doc)
    if root is None:
        return None
    table = victim_nouns()
    return next((table[key] for key in lookup_keys(root) if table.get(key)), None)


def _incident_figure(accounts: list[Count], kind) -> Optional[Count]:
    """The incident's figure: the first account that is no perpetrator's claim, bounded by all accounts."""
    if not accounts:
        return None
    if len(accounts) == 1:
        only = accounts[0]
        if only.perpetrator_claim and only.best is not None:
            # "We killed 10 people so far": the killers' own figure bounds the toll, never gives it
            return only.model_copy(update={"low": None, "best": None, "high": only.high or only.best})
        return only
    lead = next((a for a in accounts if not a.perpetrator_claim and a.best is not None), None) \
        or next((a for a in accounts if not a.perpetrator_claim), accounts[0])
    # "the death toll from the raid had risen to eight" told later: a stated total above the first
    # account is the incident's toll now (tolls only rise)
    risen = [a for a in accounts[accounts.index(lead) + 1:] if a.total and not a.perpetrator_claim
             and a.best is not None and lead.best is not None and a.best > lead.best]
    lead = risen[-1] if risen else lead
    lows = [a.low if a.low is not None else a.best for a in accounts]
    highs = [a.high if a.high is not None else a.best for a in accounts]
    return lead.model_copy(update={
        "low": min((v for v in lows if v is not None), default=lead.low),
        "high": max((v for v in highs if v is not None), default=lead.high),
        "accounts": accounts,
    })
