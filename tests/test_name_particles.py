"""The one table of name particles (data/name_particles.csv) and the rules that read its columns."""

from __future__ import annotations

import pytest

from strife.datafiles import read_data_csv
from strife.name_particles import PARTICLES_FILE, USES, name_particles


def test_every_row_names_a_lowercase_word_once_with_flags_of_known_uses() -> None:
    rows = read_data_csv(PARTICLES_FILE)
    assert set(rows[0]) == {"word", *USES}
    words = [row["word"] for row in rows]
    assert len(words) == len(set(words)), "a word is listed twice"
    for row in rows:
        assert row["word"] == row["word"].casefold(), row["word"]
        assert {row[use] for use in USES} <= {"", "1"}, row
        assert any(row[use] == "1" for use in USES), f"{row['word']} is read by no rule"


def test_each_use_has_its_particles() -> None:
    for use in USES:
        assert name_particles(use), use
    assert {"al", "de", "bin"} <= name_particles("place_joiner")
    assert "ul" in name_particles("transliteration_article")


def test_the_uses_differ_only_as_the_table_says() -> None:
    joiners = name_particles("place_joiner")
    assert name_particles("foreign_joiner") <= joiners  # a foreign joiner is a joiner
    assert name_particles("place_article") <= joiners  # a word that opens a name also joins one
    assert not {"on", "and", "of"} & name_particles("foreign_joiner")  # "Haiti on Saturday" is no name
    assert "and" not in name_particles("actor_particle")  # "Bosnia and Herzegovina" is no antecedent of "Bosnia"


def test_an_unknown_use_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="place_joiner"):
        name_particles("joiners")


def test_the_places_stage_the_gazetteer_and_actors_read_the_table() -> None:
    from strife.extract import actors
    from strife.extract.places import names
    from strife.resolve import spellings

    assert names.NAME_JOINERS == name_particles("place_joiner")
    assert names.FOREIGN_JOINERS == name_particles("foreign_joiner")
    assert names.NAME_ARTICLES == name_particles("place_article")
    assert spellings._VARIANT_ARTICLES == name_particles("transliteration_article")
    assert actors._NAME_PARTICLES == name_particles("actor_particle")
    assert spellings.variant_key("Ar Rastan") == spellings.variant_key("Rastan")
