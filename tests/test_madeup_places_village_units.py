"""Made-up notes naming a village with the unit it lies in, as South Asian and Nigerian coders' notes
do ("X village of Y tehsil, Z", "X Para village under Y upazila of Z"): the note is placed in that
unit's country and region, never at a town abroad the village's name, or its first word, shares
(issue #23). Every village is invented (named after a famous city elsewhere, the hard case); the
tehsils, upazilas, districts and states are real, as a coder's note names them.

- a village of a tehsil that the gazetteer knows only outside the district written after it is
  placed where the tehsil is, at the district;
- a village's name of two words whose first word alone is a city abroad is one name, placed in the
  unit it is written in;
- a unit written as the possessor of a village or area ("Kech district's X area", "Mafa LGA's X
  village") is the place, its "'s" no part of its name;
- a capital written as the possessor of a named quarter after "in" ("in Nairobi's X estate") is
  where the event was, not a government acting;
- a name written with a village word ("village", "colline", "kebele") is no large city abroad of
  that name when the note's unit is in another country ("Vienna village, Beni territory");
- a unit's kind word written before its name, as South Asian notes write it ("in district Westpur",
  "tehsil X, district Y"), says the name is a place.
"""

from __future__ import annotations

import datetime as dt

import pytest

NOTES = [
    # the tehsil's only reading lies outside the district written after it
    ("Armed men killed a landlord in Madina village of Shorkot tehsil, Jhang.", "PAK", "Punjab"),
    ("Two groups clashed over irrigation water in Kufa village of Athara Hazari tehsil, Jhang; 3 killed.",
     "PAK", "Punjab"),
    # a two-word village name whose first word is a city abroad
    ("Two AL factions clashed at Toronto Para village under Porsha upazila of Naogaon; 12 injured.",
     "BGD", "Rajshahi"),
    ("Jamaat activists attacked police at Cairo Para village in Tala upazila, Satkhira.", "BGD", "Khulna"),
    ("A woman was killed by her brothers in Berlin Kot village of Lalian tehsil, Chiniot district.", "PAK", "Punjab"),
    (("Taliban fighters attacked a police post in Baghdad Kalay village of Nahr-e Saraj district, Helmand; "
      "3 police killed."), "AFG", "Helmand"),
    # a unit written as the possessor of the village or area
    ("Gunmen shot dead a shopkeeper in Kech district's Gwarkop Bazar area.", "PAK", "Balochistan"),
    ("Troops repelled a Boko Haram raid on Mafa LGA's Ngaudari Kura village; 6 insurgents killed.",
     "NGA", "Borno"),
    # a capital written as the possessor of a named quarter
    ("Youths clashed with police in Nairobi's Kawangware Kati estate.", "KEN", "Nairobi Area"),
    ("Police dispersed traders protesting in Addis Ababa's Gulele Sefer Arba.", "ETH", "Adis Abeba"),
    # a village named like a large city abroad, written with a village word and its unit
    ("Herders and farmers clashed in Vienna village, Beni territory, North Kivu; 4 killed.", "COD", "Nord Kivu"),
    ("Boko Haram insurgents raided Medina village, Konduga LGA, killing 3 farmers.", "NGA", "Borno"),
    ("Liyu police attacked Rome village, Liben zone, Somali region, killing 2 herders.", "ETH", "Somali"),
    ("Imbonerakure beat 2 opposition members in Madrid colline, Mutimbuzi commune.", "BDI", "Bujumbura Rural"),
    # the kind word before the unit's name
    ("Unknown men lobbed a grenade into a hotel in district Khuzdar; 4 injured.", "PAK", "Balochistan"),
    ("A man shot dead his niece in village Dhuddi Wala, tehsil Haroonabad, district Bahawalnagar.", "PAK", "Punjab"),
    ("Security forces killed 3 Maoists in an encounter in district Latehar.", "IND", "Jharkhand"),
]


@pytest.fixture(scope="module")
def notes_placed(row_events):
    """Each note's row place, the notes coded once."""
    return [event.location if event else None for event in row_events((note, dt.date(2015, 6, 20)) for note, _, _ in NOTES)]


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_a_village_is_placed_in_the_unit_written_with_it(notes_placed, index: int) -> None:
    note, country, admin1 = NOTES[index]
    place = notes_placed[index]
    assert place is not None, note
    assert (place.country, place.admin1) == (country, admin1), note
