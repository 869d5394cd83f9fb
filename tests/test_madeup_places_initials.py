"""Made-up notes that write a place by the initials of its first words, as South Asian and African
papers shorten long district names ("D.I. Khan", "DG Khan", "D G Khan", "T.T. Singh") and compass
words ("N. Waziristan", "S. Kivu", "W. Bengal"): the note is placed in that district or region
(issue #23). The expansion is a rule of the gazetteer, never a list: each initial begins a word of
the name, the written words end it, all its readings lie in one country; a lone initial stands only
for a compass word; a person's initials ("A.B. Khan", "M. Ali") name no place. Every person and
village is invented; the districts and regions are real, as a coder's note names them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.resolve.geocode import Gazetteer
from strife.resolve.spellings import expands_initials, initialled_name

NOTES = [
    ("Police killed 2 suspected terrorists in an encounter near D.G. Khan.", "PAK", "Punjab"),
    ("CTD raided a compound in DG Khan and arrested 5 militants after an exchange of fire; 1 killed.", "PAK", "Punjab"),
    ("Rival groups of the Kolvani tribe clashed in D G Khan; 3 killed.", "PAK", "Punjab"),
    ("Farmers protested outside the DC office in D.G.Khan against water shortage.", "PAK", "Punjab"),
    ("Gunmen shot dead a trader in D.G Khan.", "PAK", "Punjab"),
    ("Unidentified gunmen shot dead a police constable in D.I. Khan.", "PAK", "Khyber Pakhtunkhwa"),
    ("A bomb exploded near a mosque in DI Khan; 4 worshippers killed.", "PAK", "Khyber Pakhtunkhwa"),
    ("Militants attacked a police station in D I Khan; 2 policemen injured.", "PAK", "Khyber Pakhtunkhwa"),
    ("Police killed 3 dacoits in an encounter in the riverine area of R.Y. Khan.", "PAK", "Punjab"),
    ("Rival political groups clashed in T.T. Singh during local body elections; 1 killed.", "PAK", "Punjab"),
    ("Militants attacked a security convoy in N. Waziristan; 3 soldiers killed.", "PAK", "Khyber Pakhtunkhwa"),
    ("A landmine exploded in S. Waziristan, killing 2 soldiers.", "PAK", "Khyber Pakhtunkhwa"),
    ("Jet fighters pounded militant hideouts in N Waziristan; 15 militants killed.", "PAK", "Khyber Pakhtunkhwa"),
    ("ADF rebels attacked Mbolani village in N. Kivu, killing 11 civilians.", "COD", "Nord Kivu"),
    ("Armed men clashed with government forces near Jebel Korvo in N. Darfur.", "SDN", "Northern Darfur"),
    ("Party activists clashed in several places in W. Bengal; 3 killed.", "IND", "West Bengal"),
]


@pytest.fixture(scope="module")
def notes_placed(row_events):
    """Each note's row place, the notes coded once."""
    return [event.location if event else None for event in row_events((note, dt.date(2015, 6, 20)) for note, _, _ in NOTES)]


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_a_place_written_by_its_initials_is_placed_in_its_region(notes_placed, index: int) -> None:
    note, country, admin1 = NOTES[index]
    place = notes_placed[index]
    assert place is not None, note
    assert (place.country, place.admin1) == (country, admin1), note


@pytest.mark.parametrize(("written", "expected"), [
    ("D.I. Khan", ("di", ("khan",))),
    ("DG Khan", ("dg", ("khan",))),
    ("D G Khan", ("dg", ("khan",))),
    ("D.G.Khan", ("dg", ("khan",))),
    ("D.G Khan", ("dg", ("khan",))),
    ("N. Waziristan", ("n", ("waziristan",))),
    ("T.T. Singh", ("tt", ("singh",))),
    ("N Waziristan", ("n", ("waziristan",))),
    ("A Khan", None),  # one capital without its period is a word ("A Block"), not an initial
    ("Dg Khan", None),
    ("Lahore", None),
])
def test_initials_are_read_only_as_written_so(written: str, expected) -> None:
    assert initialled_name(written) == expected


def test_a_lone_initial_stands_only_for_a_compass_word() -> None:
    assert expands_initials("north waziristan", "n", ("waziristan",))
    assert not expands_initials("nankana sahib", "n", ("sahib",))
    assert expands_initials("dera ismail khan", "di", ("khan",))
    assert not expands_initials("dera ismail khan", "dg", ("khan",))
    assert not expands_initials("dera i khan", "di", ("khan",))  # an initial is no word of the name


def test_the_gazetteer_expands_initials_in_one_country_only() -> None:
    gazetteer = Gazetteer.default()
    assert {c.country for c in gazetteer.lookup("D.I. Khan")} == {"PAK"}
    assert all(not c.primary for c in gazetteer.lookup("DG Khan"))
    assert gazetteer.lookup("M. Khan") == []  # a lone initial that is no compass word
    assert gazetteer.lookup("A.B. Khan") == []  # a hamlet's initials: a person's, not a place


def test_a_persons_initials_do_not_place_a_note(row_event) -> None:
    event = row_event("Police arrested A.B. Khan, a local trader, in Lahore after a clash with rivals; 2 injured.",
                      "2015-06-20")
    assert event is not None and event.location is not None
    assert (event.location.country, event.location.admin1) == ("PAK", "Punjab")
