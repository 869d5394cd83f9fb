"""The orthography folds of `geo_spelling_folds.csv` (strife.resolve.spellings.respellings).

Somali writes "Ceel" for what English maps spell "El", doubles long vowels and writes x for an h
sound; a name in that spelling is read by its English form, only in the countries that write it.
So is an Arabic name written with its article joined ("Aljufrah" = Al Jufrah).
"""

from __future__ import annotations

from strife.datafiles import read_data_csv
from strife.resolve.spellings import SPELLING_FOLDS_FILE, respellings


def test_every_fold_row_compiles_and_names_its_countries():
    import re

    rows = list(read_data_csv(SPELLING_FOLDS_FILE))
    assert rows
    for row in rows:
        re.compile(row["pattern"])
        assert row["orthography"] and row["countries"], row
        assert all(len(code) == 3 and code.isupper() for code in row["countries"].split("|")), row


def test_a_somali_spelling_is_read_in_english_only_where_somali_is_written():
    spellings = dict(respellings("Ceel Dibiir"))
    assert "el dibir" in spellings
    assert "SOM" in spellings["el dibir"] and "FRA" not in spellings["el dibir"]


def test_a_name_no_fold_changes_has_no_respelling():
    assert respellings("Nagpur") == ()


def test_an_arabic_article_written_joined_is_read_apart_only_where_arabic_is_written():
    spellings = dict(respellings("Alwadiya"))
    assert "al wadiya" in spellings
    assert "LBY" in spellings["al wadiya"] and "AZE" not in spellings["al wadiya"]
    assert "al ameda" not in dict(respellings("Alameda"))  # a vowel after the letters: no joined article
    assert not respellings("Alban")  # too short a rest to be a name of its own


def test_a_joined_article_finds_the_place_by_its_skeleton_in_an_arabic_writing_country():
    """"Killed in Wadi Tamra (Aljufrah)": an unknown village qualified by a region written with its
    article joined; the region is read as Al Jufrah, and a name of another language that merely
    opens with those letters is not read as an Arabic place."""
    from strife.resolve.geocode import Gazetteer

    gazetteer = Gazetteer.default()
    readings = gazetteer.lookup_variants("Aljufrah")
    assert readings and readings[0].country == "LBY"
    assert not [c for c in gazetteer.lookup_variants("Alxantepe") if c.country not in dict(
        respellings("Alxantepe")).get("al xantepe", frozenset())]


def test_a_final_h_after_a_vowel_is_a_spelling_when_skeleton_matches_are_ranked():
    """"Tell Hamra" and "At Tall al Hamrah" are one spelling for ranking the skeleton's names: the
    final h (and the article) a transliteration writes or drops does not push a name out of the margin."""
    from strife.resolve.spellings import without_final_h as _without_final_h

    assert _without_final_h("al hamrah") == _without_final_h("hamra") == "hamra"
    assert _without_final_h("ash shaykh") == "shaykh"  # an h after a consonant is a sound


def test_same_sounds_is_one_name_in_two_transliterations_not_a_near_spelling():
    from strife.resolve.spellings import same_sounds

    assert same_sounds("Ash Shajarah", "Shajara")  # an article, a final h: one name
    assert same_sounds("Kafr Sallumah", "Kafr Salumah")  # a doubled letter
    assert not same_sounds("Kimbala", "Kimball")  # a vowel dropped: another name
    assert not same_sounds("Godob", "Godby")
