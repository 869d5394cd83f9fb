"""`Frame`: what is known about one event while it is built.

A frame starts from one trigger and collects argument tokens, anchors (tokens the evidence must
cover) and modality flags; `records.py` turns the finished frame into an `Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token

from strife.extract.events.triggers import Trigger


@dataclass
class Frame:
    """What we know about one event while building it."""

    trigger: Trigger
    plover: str
    mode: Optional[str]
    context: Optional[str]
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    victims: list[Token] = field(default_factory=list)
    anchors: set[int] = field(default_factory=set)  # token indices the evidence must cover
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    generic: bool = False
    anaphoric: bool = False
    old: bool = False
    background: bool = False  # told as a participant's description or a protest's grievance
    flight_cause: bool = False  # violence told only as what made people flee, the flight the news (ACLED Other)
    measure_cause: bool = False  # violence told only as what a curfew or deployment answered (ACLED Other)
    converted: bool = False
    conditional: bool = False  # under 'if'/'unless': a stated condition, not an act that happened
    unreal: bool = False  # hypothetical for another reason (modal, irrealis governor, generic)
    attempted: bool = False  # only tried ('tried to arrest'): no act of its own, yet force used on a protest
    pivot: Optional[Token] = None  # the token whose clause decides modality, when not the trigger
    inherited: Optional["Frame"] = None
