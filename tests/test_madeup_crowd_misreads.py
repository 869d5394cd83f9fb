"""Made-up crowd notes (issue #21): police charges, crowds' stones and communities' attacks that the
parse or the typing misread, each note's row as the codebook codes it (tests/data/madeup_crowds.csv,
read as `test_madeup_types` reads its table). Villages, people and groups are invented.

* A verb written with its first part and a hyphen ('police lathi-charged protesters'), or a finite
  past verb right after an 'of' name ('picketers of the BNP hurled brickbats'), hung by the parser
  on the noun after it, is the line's verb (`strife.extract.events.verb_misreads`).
* Brickbats are a crowd's stones (lexicon throw/hurl objects, roles.yaml crowd_weapon_words); police
  'charged batons' on a crowd is a baton charge (lexicon 'charge' with a baton or lathi object).
* Sides that exchange fire or trade gunfire both fired: armed sides, a battle, not a riot
  (battle_sides.gun_fight, roles.yaml exchange_verbs, firearm_exchange_objects); exchanged blows stay a crowd's.
* A community, clan or tribe whose people attack and kill, with no crowd weapon, act as an identity
  militia: violence against civilians, not mob violence (battle_sides.communal_attack_kills); a
  lynching, a fight with sticks, or herders alone (a livelihood) stay the mob's.
* The police's tear gas at protesters who threw stones is the riot's response: one row, a riot
  (incident_rows); arrests 'during a sit-in' are force used on it, a protest with intervention.
* Cadres or members who lock or padlock an office protest (lexicon lock/padlock subjects); a riot
  where a procession is told is a violent demonstration (roles.yaml demonstration_words).
* Stones thrown at vehicles by people named only as unknown, or by no armed group, are a crowd's
  violence, Riots (riots.stoned_vehicles, roles.yaml stoned_vehicle_nouns); a stoning to death stays an attack.
* 'League' inside a party's name ('Chhatra League', 'Jubo League') is no game word
  (event_metaphor_contexts.csv party_name; a party's activists and cadres keep war words literal).
* A clash whose sides are named only as groups or factions ('Hindu and Muslim groups', 'two factions of
  the ruling party'), with nothing armed told in the line, is crowds fighting, Riots (riots.clash_of_plain_groups,
  roles.yaml plain_group_nouns); armed, criminal or a known armed group's factions, or guns, stay a battle.
* Protesters who 'stoned' vehicles are rioting (roles.yaml violent_protest_words).
* A home-made bomb thrown or set off at or amid a gathering (a rally, a procession, a meeting) that hurts
  people attacks those gathered: violence against civilians, and the gathering keeps no row of its own
  (riots.bombed_gathering, incident_rows._gatherings_bombed, roles.yaml gathering_nouns); bombs of a
  hartal's picketers or of a clash stay the crowd's riot.
* What a mob reacted to, told in an 'after' clause of its violence ('was beaten by residents after he shot a
  boy'), yields the row to the mob's act (background_rows._what_a_mob_answered).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_madeup_types import (
    assert_row_meets,
    assert_well_formed,
    case_ids,
    read_cases,
)

CASES = read_cases(Path(__file__).resolve().parent / "data" / "madeup_crowds.csv")


def test_the_table_is_well_formed():
    assert_well_formed(CASES, 20)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_a_crowd_note_is_coded_as_the_codebook_codes_it(row_event, case):
    assert_row_meets(row_event(case["text"], case["published"]), case)
