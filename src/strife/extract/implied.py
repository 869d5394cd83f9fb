"""The actors ACLED writes for an event whose text names none (`event_implied_actors.csv`).

"A demonstration took place in the town", "a man was found dead", "an IED exploded near the
base", "gunmen burned a school": ACLED still codes actor1 ("Protesters (Country)",
"Unidentified Armed Group (Country)") and, for violence against civilians, actor2 ("Civilians
(Country)"), with the country of the event's place; a battle, between two armed groups, gets an
"Unidentified Armed Group (Country)" on whichever side the text leaves unnamed. A happened event
of such an ACLED type with an empty role gets that actor, marked ``kind="implied"``, without a
span (no words of the text name it). An event whose sentence holds an armed actor the parse could not place
(`Event.unassigned`) gets no implied armed actor: the text names someone, and saying
"unidentified" would contradict it.

ACLED writes the crowd of a demonstration as actor1 and a force that meets it as actor2
('police dispersed the protesters', 'soldiers clashed with rioters'): a protest or riot whose
source is only a state's armed force has its roles turned round first (`crowd_first`), so that an
unnamed crowd is then implied on the source side. The actor2 of a protest with intervention is
the force that intervened, never what the crowd protested against ('protested against the new
law', 'against the governor'): such targets give way to it (`interveners_only`), named or implied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from strife.datafiles import read_data_csv
from strife.extract.events.sides import ARMED, armed_state_sectors, sectors_of, side_of
from strife.extract.events.tables import coding_set, side_sector
from strife.model import Actor, Event
from strife.ontology import load_ontology

IMPLIED_CONFIDENCE = 0.3
REMOTE_VIOLENCE = "Explosions/Remote violence"
ROLES = ("source", "target")


@lru_cache(maxsize=1)
def implied_actors() -> dict[tuple[str, str], tuple[tuple[str, str, str], ...]]:
    """(ACLED event type, role) -> the (side, name, when) rows of the actors it implies, in file
    order, from `event_implied_actors.csv`; the first row whose `when` holds applies ('contraband'
    before 'arrest': goods seized point to a gang, anyone else arrested is a civilian)."""
    table: dict[tuple[str, str], tuple[tuple[str, str, str], ...]] = {}
    for row in read_data_csv("event_implied_actors.csv"):
        key = (row["acled_event_type"], row["role"])
        table[key] = table.get(key, ()) + ((row["side"], row["name"], row["when"]),)
    return table


def add_implied_actors(events: Iterable[Event], fallback: str | None = None) -> None:
    """Fill each happened event's empty roles with the actors its ACLED type implies (module
    docstring); `fallback` is the country of the article's vague actors, for an event with no place."""
    for event in events:
        if event.negated or event.hypothetical or not event.acled_event_type:
            continue
        crowd_first(event)
        interveners_only(event)
        for role in ROLES:
            if getattr(event, role):
                continue
            rows = implied_actors().get((event.acled_event_type, role), ())
            implied = next((row for row in rows if _applies(event, role, row[2])), None)
            if implied is None:
                continue
            side, name, _ = implied
            if side in ARMED and _names_an_armed_actor(event, side_sector(side)):
                continue
            country = (event.location.country if event.location is not None else None) or fallback
            setattr(event, role, [Actor(name=name, country=country, sector=side_sector(side), kind="implied",
                                        confidence=IMPLIED_CONFIDENCE)])


def crowd_first(event: Event) -> None:
    """Turn a demonstration's roles round when its source is only armed state forces and its
    target holds none ('Police clashed with traders', 'troops fired on the marchers'): ACLED codes
    the crowd as actor1 and the force that met it as actor2, whichever the sentence names first."""
    if event.acled_event_type not in coding_set("crowd_acled_types") or not event.source:
        return
    if all(_armed_state(actor) for actor in event.source) and not any(_armed_state(a) for a in event.target):
        event.source, event.target = event.target, event.source


def interveners_only(event: Event) -> None:
    """Keep on a protest with intervention's target side only the armed actors that broke it up
    (module docstring); with none named, the implied police take the side."""
    if event.acled_sub_event_type == "Protest with intervention":
        event.target = [actor for actor in event.target if _armed(actor)]


def _armed(actor: Actor) -> bool:
    """An armed actor of any side: a state's force, a rebel group, a militia, unknown gunmen."""
    sector = (actor.sector or "").lower()
    return _armed_state(actor) or sector in sectors_of("nonstate_force")


def _armed_state(actor: Actor) -> bool:
    """A state's armed force (army, police, intelligence), not its civil officials."""
    return (actor.sector or "").lower() in armed_state_sectors()


def _applies(event: Event, role: str, when: str) -> bool:
    """Whether the row's condition holds (`event_implied_actors.csv`, column `when`)."""
    if when == "other_named":
        other = event.target if role == "source" else event.source
        return any(a.kind != "implied" for a in other)
    if when in ("intervention", "force_on_protest"):  # the police facing protesters; protesters facing the police
        by_force = any((a.sector or "").lower() in sectors_of("state_force") for a in event.source)
        forced = ("Protest with intervention", "Excessive force against protesters") if by_force else ("Protest with intervention",)
        return by_force == (when == "force_on_protest") and event.acled_sub_event_type in forced
    if when == "contraband":
        return _seized_contraband(event)
    if when == "arrest":
        return event.acled_sub_event_type == "Arrests"
    if when == "mob_harm":
        return _mob_harm(event)
    if when == "looting":
        return event.acled_sub_event_type == "Looting/property destruction" and not _names_materiel(event)
    if when == "casualties":
        hurt = any(count is not None and (count.best or count.low) for count in (event.fatalities, event.injured))
        return hurt and not any((a.sector or "").lower() in sectors_of("state_force") for a in event.unassigned)
    return True


def _mob_harm(event: Event) -> bool:
    """Mob violence told by an act on a body ('a suspected thief was beaten up by locals', 'a man
    was nearly lynched'): ACLED codes whom a mob beats as civilians even when the parse lost the
    victim or no count says anyone was hurt (roles.yaml mob_harm_words, matched on the trigger)."""
    if event.acled_sub_event_type != "Mob violence" or event.trigger is None:
        return False
    words = set(re.findall(r"[a-z]+", event.trigger.text.lower()))
    return bool(words & load_ontology().words("mob_harm_words"))


def _names_materiel(event: Event) -> bool:
    """Does the event's evidence name firing or an aircraft ('soldiers shot down a drone')? What is
    shot down is an armed side's, not civilians' property (roles.yaml small_arms_words,
    aerial_weapon_words)."""
    words = set(re.findall(r"[a-z]+", event.evidence.text.lower()))
    onto = load_ontology()
    return bool(words & (onto.words("small_arms_words") | onto.words("aerial_weapon_words")))


def _seized_contraband(event: Event) -> bool:
    """A state force seizing contraband ('police seized 3 tons of cannabis', 'smuggled
    cigarettes', 'dismantled a drug lab'): ACLED codes the gang the goods were taken from,
    unnamed, as "Unidentified Gang (Country)". The goods are named in the event's evidence
    (roles.yaml contraband_words); the seizing force is the event's source."""
    state = sectors_of("state_force")
    if not any((a.sector or "").lower() in state for a in event.source):
        return False
    words = set(re.findall(r"[a-z]+", event.evidence.text.lower()))
    return bool(words & load_ontology().words("contraband_words"))


def _names_an_armed_actor(event: Event, implied_sector: str | None) -> bool:
    """Whether the event's sentence names an armed actor the parse left out of its roles, which an
    implied "unidentified" source would contradict. The victims the toll put on the event
    ('two guards were killed when a bomb exploded') are no such actor, nor is an unidentified one
    ('an IED planted by an unidentified group'): the implied actor says the same. Nor, for a bomb
    or a shell, are those on the side of who was hit ('an IED exploded under a military vehicle,
    killing 2 soldiers', 'a bomb struck a police vehicle, wounding 3 policemen'): the victims' own
    vehicle, post or comrades. In a battle they may be the other side ('forces thwarted an attack
    of pro-X forces'), so there they still count."""
    onto = load_ontology()
    placed = [a.span for a in event.source + event.target if a.span]
    remote = event.acled_event_type == REMOTE_VIOLENCE
    others = [a for a in event.unassigned
              if a.sector != implied_sector and not any(_overlaps(a.span, span) for span in placed)
              and not (remote and _on_the_side_hit(a, event.target, onto))]
    return side_of([], others, onto) in ARMED


def _on_the_side_hit(actor: Actor, targets: list[Actor], onto) -> bool:
    """The actor is of the side, and the country, of one of the event's targets."""
    side = side_of([], [actor], onto)
    return side is not None and any(
        side_of([], [t], onto) == side and (not actor.country or not t.country or actor.country == t.country)
        for t in targets)


def _overlaps(span: tuple[int, int] | None, other: tuple[int, int]) -> bool:
    return span is not None and span[0] < other[1] and other[0] < span[1]
