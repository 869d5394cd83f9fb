"""The orthography folds of `geo_spelling_folds.csv` (strife.resolve.spellings.respellings).

Somali writes "Ceel" for what English maps spell "El", doubles long vowels and writes x for an h
sound; a name in that spelling is read by its English form, only in the countries that write it.
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
