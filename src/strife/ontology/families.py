"""Families of PLOVER types: the types strife treats as one kind of act, in one place.

Two named variants, because the stages ask two different questions:

* `VIOLENCE` (ASSAULT, FIGHT): attacks and fighting are one family. A result verb or event noun
  folds into an event of the same family, mentions of one incident merge across the two types
  (an attack one sentence calls fighting), figures and incidents attach to violent events, and
  ACLED's side rules (battle or violence against civilians) apply only to them.
* `FORCE` (VIOLENCE plus COERCE: arrests, raids, destruction): acts that leave victims. A
  participle clause ("..., killing 12") or "in the attack" that tells the outcome of an earlier
  act refers back to one of these; merging still keeps COERCE apart from violence (`family`).
"""

from __future__ import annotations

VIOLENCE = frozenset({"ASSAULT", "FIGHT"})
FORCE = VIOLENCE | {"COERCE"}


def family(plover: str) -> str:
    """'violence' for a violent type, else the type itself: what folding and merging compare."""
    return "violence" if plover in VIOLENCE else plover
