"""Readers for the gold formats `strife eval` understands: acled, ucdp, plover-gsr, strife.

Each reader returns a `GoldFile`: the cases to code (`EvalCase`) and the rows it could not use
(`InputProblem`s naming file, row and reason). A file that is not of its format at all (missing
columns, not JSON) raises `GoldFormatError` with one line saying what is wrong.

* ``acled``: ACLED's public CSV export. Each row's `notes` is coded as a short article published
  on `event_date` ("9-May-20" or ISO); old category names ("Riots/Protests", "Remote violence")
  become today's (`acled_legacy_types.csv`, `strife.learn.legacy`); square-bracket coder notes ("[size=no report]",
  "[coded to ...]") are removed first, because they are metadata, not news text. Fatalities
  follow ACLED: unknown is 0, and rows whose notes state a coding convention ("split between 3
  events", "coded as 10") are kept out of fatality metrics (`eval_fatality_conventions.csv`).
  Actor sectors come from `inter1`/`inter2` (`credited_as` in `acled_inter.csv`), actor countries from the
  actor's name ("Protesters (India)", "Military Forces of Ukraine (2019-)"). An `event_type_accepted`
  column (the older dev sets: "Protests;Riots") lists other current types that are also right; an
  empty `sub_event_type` (exports before 2019) leaves the row out of the sub-event metric.
* ``ucdp``: UCDP GED CSV. The text is `source_headline` (else `source_article`), published on
  `date_end`; the event date is the range `date_start`..`date_end`; `best`/`low`/`high` deaths.
  `side_a`/`side_b` are source/target ("Government of X" gives country X and a state sector).
* ``plover-gsr``: the PLOVER gold-standard JSON (a list; records with event DOCUMENT are skipped).
  `textInfo.markup` marks spans as "(SRC: ...)", "(TAR: ...)", "(EVT: ...)"; the EVT spans are
  the gold's evidence.
* ``strife``: our own JSON (see `read_strife` for the schema), the Aleppo gold file's format.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from strife.conventions import conventions_enabled
from strife.datafiles import read_data_csv
from strife.evaluate.records import (
    EvalCase, GoldActor, GoldFatalities, GoldPlace, GoldRecord, NotEvent,
)
from strife.evaluate.strife_gold import locate
from strife.ingest import InputProblem, parse_date, parse_loose_date
from strife.learn.legacy import modern_acled_type
from strife.model import Article

FORMATS = ("acled", "ucdp", "plover-gsr", "strife")
NOT_A_COUNTRY = {"IGO", "NGO", "MNC", "UNO"}
_CODER_NOTE = re.compile(r"\s*\[[^\]]*\]")
_MARKUP = re.compile(r"\(([A-Z]{3}(?:/[A-Z]{3})*): ?([^()]*)\)")
_PARENTHESIS = re.compile(r"\(([^()\d]+)\)")
_OF_COUNTRY = re.compile(r"\bof ((?:the )?[A-Z][\w'.-]*(?: (?:of (?:the )?)?[A-Z][\w'.-]*)*)")  # 'of the Democratic Republic of Congo'
_GOVERNMENT_OF = re.compile(r"^Government of (.+)$", re.I)


class GoldFormatError(ValueError):
    """The gold file cannot be read as the format it was given as."""


@dataclass
class GoldFile:
    path: Path
    format: str
    cases: list[EvalCase] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def read_gold(path: str | Path, fmt: str, *, text_path: str | Path | None = None,
              published_from: Optional[str] = None, limit: Optional[int] = None,
              conventions: Optional[bool] = None) -> GoldFile:
    """Read a gold file of format `fmt` (one of FORMATS).

    `published_from` names the column that gives a row's publication date (acled: event_date,
    ucdp: date_end); `text_path` is the article for the strife format when its `article.file`
    cannot be found; `limit` keeps the first N gold rows (a quick run on a slice); `conventions`
    (acled) compares tolls under ACLED's conventions or as the text gives them, None leaving it to
    the STRIFE_ACLED_CONVENTIONS switch (`strife.conventions.conventions_enabled`).
    """
    path = Path(path)
    if fmt not in FORMATS:
        raise GoldFormatError(f"unknown gold format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if not path.is_file():
        raise GoldFormatError(f"{path}: no such gold file")
    if fmt == "strife":
        return read_strife(path, text_path=text_path)
    if fmt == "plover-gsr":
        return read_plover_gsr(path, limit=limit)
    if fmt == "ucdp":
        return read_ucdp(path, published_from=published_from, limit=limit)
    return compared_under(read_acled(path, published_from=published_from, limit=limit), conventions)


def compared_under(gold: GoldFile, conventions: Optional[bool]) -> GoldFile:
    """The gold's ACLED tolls compared under the conventions (True) or with the text's figure
    (False): a user's `--acled-conventions/--text-figures` overrides the environment's switch."""
    if conventions is None:
        return gold
    for case in gold.cases:
        for record in case.gold:
            if record.fatalities is not None:
                record.fatalities = replace(record.fatalities, conventions=conventions)
    return gold


# ---------------------------------------------------------------------------------------------
# shared helpers


def parse_row_date(value: Optional[str]) -> Optional[dt.date]:
    """A gold row's date in the spellings exports use ("9-May-20", "09 May 2020", day-first
    "09/05/2020"), read by the readers' loose parser; a blank cell is no date."""
    return parse_loose_date(value, day_first=True) if (value or "").strip() else None


@lru_cache(maxsize=4096)
def country_iso3(name: Optional[str]) -> Optional[str]:
    """ISO3 code of a country name or code ("Syria", "SYR", "SY", "Democratic Republic of Congo")."""
    import pycountry

    text = (name or "").strip()
    if not text:
        return None
    if len(text) in (2, 3) and text.isupper():
        found = pycountry.countries.get(alpha_3=text) if len(text) == 3 else pycountry.countries.get(alpha_2=text)
        if found:
            return found.alpha_3
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        pass
    return _gazetteer_country(text)


def _gazetteer_country(name: str) -> Optional[str]:
    from strife.resolve.geocode import Gazetteer

    for candidate in Gazetteer.default().lookup(name):
        if candidate.kind == "country":
            return candidate.country
    return None


def _number(value: object) -> Optional[float]:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _int(value: object) -> Optional[int]:
    number = _number(value)
    return None if number is None else int(round(number))


def _rows(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with their line numbers; GoldFormatError when a required column is missing."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise GoldFormatError(f"{path}: cannot read ({error.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or [])]
        if missing:
            raise GoldFormatError(f"{path}: not a CSV with the columns {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, row


@lru_cache(maxsize=1)
def acled_inter_sectors() -> dict[str, tuple[str, ...]]:
    """ACLED `inter` code -> the CAMEO sectors credited for it (`credited_as` in acled_inter.csv,
    the table the ACLED export codes sectors with)."""
    from strife.export import acled_inter_table

    credited: dict[str, list[str]] = {}
    for row in acled_inter_table():
        for code in row["credited_as"].split():
            credited.setdefault(code, []).append(row["sector"])
    return {code: tuple(sectors) for code, sectors in sorted(credited.items())}


@lru_cache(maxsize=1)
def fatality_conventions() -> tuple[re.Pattern, ...]:
    """Patterns of ACLED notes whose fatality number is a coding convention, not a stated figure."""
    return tuple(re.compile(row["pattern"], re.I) for row in read_data_csv("eval_fatality_conventions.csv"))


def fatality_is_convention(notes: str) -> bool:
    return any(pattern.search(notes) for pattern in fatality_conventions())


def strip_coder_notes(notes: str) -> str:
    """The notes without square-bracket coder metadata ("[size=no report]")."""
    return _CODER_NOTE.sub("", notes).strip()


def actor_country(name: str) -> Optional[str]:
    """The country an ACLED/UCDP actor name states: "Protesters (India)", "Police Forces of Mexico"."""
    for pattern in (_PARENTHESIS, _OF_COUNTRY, _GOVERNMENT_OF):
        for match in pattern.finditer(name):
            iso3 = country_iso3(match.group(1).strip())
            if iso3:
                return iso3
    return None


def _check_limit(cases: list, limit: Optional[int]) -> bool:
    return limit is not None and len(cases) >= limit


def _read_csv_gold(path: Path, fmt: str, required: Sequence[str], date_column: str,
                   to_case: Callable[[dict[str, str], str, str], EvalCase], limit: Optional[int]) -> GoldFile:
    """A gold CSV read one case per row (ACLED, UCDP): a row that cannot be used becomes a problem
    naming its line, and the rest are read."""
    gold = GoldFile(path, fmt)
    for line, row in _rows(path, tuple(dict.fromkeys((*required, date_column)))):
        if _check_limit(gold.cases, limit):
            break
        origin = f"{path.name}:{line}"
        try:
            gold.cases.append(to_case(row, origin, date_column))
        except ValueError as error:
            gold.problems.append(InputProblem(origin, str(error)))
    return gold


# ---------------------------------------------------------------------------------------------
# acled


ACLED_REQUIRED = ("notes", "event_date", "event_type")  # exports before 2019 have no sub_event_type


def read_acled(path: str | Path, *, published_from: Optional[str] = None, limit: Optional[int] = None) -> GoldFile:
    return _read_csv_gold(Path(path), "acled", ACLED_REQUIRED, published_from or "event_date", acled_case, limit)


def acled_case(row: dict[str, str], origin: str, date_column: str = "event_date") -> EvalCase:
    """One ACLED row as a case: its notes are the article, its coding the gold."""
    notes = (row.get("notes") or "").strip()
    text = strip_coder_notes(notes)
    if not text:
        raise ValueError("empty notes")
    published = parse_row_date(row.get(date_column, ""))
    acled_type, acled_sub_type = modern_acled_type(row.get("event_type"), row.get("sub_event_type"), row.get("inter1"))
    record = GoldRecord(
        id=row.get("event_id_cnty") or row.get("data_id") or origin,
        acled_type=acled_type,
        acled_sub_type=acled_sub_type,
        acled_accept=_accepted_types(row.get("event_type_accepted")),
        source=_acled_actors(row, "1"), target=_acled_actors(row, "2"),
        fatalities=_acled_fatalities(row, notes),
        location=GoldPlace(
            name=row.get("location") or None, admin1=row.get("admin1") or None,
            country=row.get("iso3") or country_iso3(row.get("country")),
            lat=_number(row.get("latitude")), lon=_number(row.get("longitude")),
        ),
        date=parse_row_date(row.get("event_date", "")),
        raw=row,
    )
    article = Article(id=record.id, text=text, published=published, origin=origin)
    return EvalCase(article=article, gold=[record], origin=origin, matching="row", relevance="acled")


def _accepted_types(value: Optional[str]) -> tuple[str, ...]:
    """The `event_type_accepted` cell of the older dev sets ("Protests;Riots"): every current
    type the old code maps to, any of which is right."""
    return tuple(dict.fromkeys(t.strip() for t in (value or "").split(";") if t.strip()))


def _acled_actors(row: dict[str, str], which: str) -> tuple[GoldActor, ...]:
    name = (row.get(f"actor{which}") or "").strip()
    if not name:
        return ()
    sectors = acled_inter_sectors().get((row.get(f"inter{which}") or "").strip(), ())
    country = actor_country(name)
    return (GoldActor(name=name, countries=(country,) if country else (), sectors=sectors),)


def _acled_fatalities(row: dict[str, str], notes: str) -> Optional[GoldFatalities]:
    if "fatalities" not in row:
        return None
    best = _int(row["fatalities"]) or 0  # ACLED records an unknown toll as 0
    return GoldFatalities(best=best, comparable=not fatality_is_convention(notes), conventions=conventions_enabled())


# ---------------------------------------------------------------------------------------------
# ucdp


UCDP_REQUIRED = ("date_start", "date_end")


def read_ucdp(path: str | Path, *, published_from: Optional[str] = None, limit: Optional[int] = None) -> GoldFile:
    return _read_csv_gold(Path(path), "ucdp", UCDP_REQUIRED, published_from or "date_end", ucdp_case, limit)


def ucdp_case(row: dict[str, str], origin: str, date_column: str = "date_end") -> EvalCase:
    """One UCDP GED row as a case: its headline (or article reference) is the article."""
    text = (row.get("source_headline") or "").strip() or (row.get("source_article") or "").strip()
    if not text:
        raise ValueError("neither source_headline nor source_article has text")
    start, end = parse_row_date(row.get("date_start", "")), parse_row_date(row.get("date_end", ""))
    best = _int(row.get("best"))
    record = GoldRecord(
        id=row.get("id") or origin,
        source=_ucdp_actors(row.get("side_a")), target=_ucdp_actors(row.get("side_b")),
        fatalities=None if best is None else GoldFatalities(best=best, low=_int(row.get("low")), high=_int(row.get("high"))),
        location=GoldPlace(
            name=row.get("where_coordinates") or None, admin1=_ucdp_admin1(row.get("adm_1")),
            country=country_iso3(row.get("country")),
            lat=_number(row.get("latitude")), lon=_number(row.get("longitude")),
        ),
        date=start, date_end=end if end != start else None,
        raw=row,
    )
    article = Article(id=record.id, text=text, published=parse_row_date(row.get(date_column, "")), origin=origin)
    return EvalCase(article=article, gold=[record], origin=origin, matching="row", relevance="violence")


def _ucdp_actors(name: Optional[str]) -> tuple[GoldActor, ...]:
    text = (name or "").strip()
    if not text:
        return ()
    government = _GOVERNMENT_OF.match(text)
    if government:
        iso3 = country_iso3(government.group(1))
        return (GoldActor(text, (iso3,) if iso3 else (), ("GOV", "MIL", "COP")),)
    sectors = ("CVL",) if text.casefold() == "civilians" else ()
    return (GoldActor(text, (), sectors),)


def _ucdp_admin1(value: Optional[str]) -> Optional[str]:
    """GED writes "Aleppo governorate" or "Kandahar province; Maruf district": the region name."""
    text = (value or "").split(";")[0].strip()
    return text or None


# ---------------------------------------------------------------------------------------------
# plover-gsr


def read_plover_gsr(path: str | Path, *, limit: Optional[int] = None) -> GoldFile:
    path = Path(path)
    gold = GoldFile(path, "plover-gsr")
    records = _json(path)
    if not isinstance(records, list):
        raise GoldFormatError(f"{path}: a PLOVER GSR file is a JSON list of records")
    for number, raw in enumerate(records, start=1):
        if _check_limit(gold.cases, limit):
            break
        if not isinstance(raw, dict) or raw.get("event") == "DOCUMENT":
            continue
        origin = f"{path.name}#{number}"
        try:
            gold.cases.append(plover_case(raw, origin))
        except (ValueError, KeyError, TypeError) as error:
            gold.problems.append(InputProblem(origin, f"unreadable record: {error}"))
    return gold


def plover_case(raw: dict, origin: str) -> EvalCase:
    """One PLOVER GSR sentence: the EVT mark-up spans are the gold's evidence."""
    text = raw["text"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty text")
    spans = markup_spans(text, _markup(raw))
    event_spans = tuple(span for tags, span in spans if "EVT" in tags) or ((0, len(text)),)
    record = GoldRecord(
        id=str(raw.get("id") or origin), spans=event_spans, plover=raw.get("event") or None,
        source=_plover_actors(raw.get("source")), target=_plover_actors(raw.get("target")),
        fatalities=_plover_dead(raw.get("dead")), location=_plover_place(raw.get("eventLoc")),
        raw=raw,
    )
    published = parse_date(raw.get("date")) if raw.get("date") else None
    article = Article(id=record.id, text=text, published=published, origin=origin)
    return EvalCase(article=article, gold=[record], origin=origin, matching="trigger", relevance="any")


def _markup(raw: dict) -> str:
    info = raw.get("textInfo")
    return info.get("markup", "") if isinstance(info, dict) else str(info or "")


def markup_spans(text: str, markup: str) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
    """The (tags, (start, end)) of each "(SRC: ...)"-style span of `markup`, located in `text`.

    Spans are found in order; one whose words are not in the text (typos in the mark-up) is
    skipped rather than guessed.
    """
    found = []
    cursor = 0
    for match in _MARKUP.finditer(markup):
        words = match.group(2).strip()
        if not words:
            continue
        start = text.find(words, cursor)
        if start < 0:
            start = text.find(words)
        if start < 0:
            continue
        found.append((tuple(match.group(1).split("/")), (start, start + len(words))))
        cursor = start + len(words)
    return found


def _plover_actors(value: object) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    actors = []
    for item in value:
        if not isinstance(item, dict):
            continue
        code = str(item.get("code") or "").strip().upper()
        sector = str(item.get("sector") or "").strip()[:3].upper()
        country = None if code in NOT_A_COUNTRY else country_iso3(code) if len(code) == 3 else None
        if not sector and code in NOT_A_COUNTRY:
            sector = code
        sectors = (sector,) if sector.isalpha() else ()
        actors.append(GoldActor(str(item.get("actorText") or ""), (country,) if country else (), sectors))
    return tuple(actors)


def _plover_dead(value: object) -> Optional[GoldFatalities]:
    best = _int(value)
    return None if best is None else GoldFatalities(best=best)


def _plover_place(value: object) -> Optional[GoldPlace]:
    if not isinstance(value, dict) or not value.get("name"):
        return None
    code = value.get("country code")
    country = country_iso3(code) if code else country_iso3(value["name"])
    return GoldPlace(name=value["name"], country=country)


# ---------------------------------------------------------------------------------------------
# strife


def read_strife(path: str | Path, *, text_path: str | Path | None = None) -> GoldFile:
    """Our own gold format: one article and its hand-coded events, matched by evidence.

    Schema (JSON object)::

        article:    {file, published (YYYY-MM-DD), title?, publisher?}   file relative to the
                    gold file's folder or its parent (as in ../shared: gold/x.json, articles/x.txt)
        events:     [{id, evidence (exact substring of the article), required?, plover (or null),
                      accept? [PLOVER alternatives], cameo_root?, acled? [type, sub-type],
                      source?/target? [{name, country (ISO3, list or null), sector}],
                      date?, date_end?, date_precision?, location? {name, admin1, country, lat, lon},
                      fatalities? {best, low, text, vague}}]
        not_events: [{evidence, why}]  text that must not be coded as an event that happened
    """
    path = Path(path)
    data = _json(path)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise GoldFormatError(f"{path}: a strife gold file is a JSON object with an 'events' list")
    meta = data.get("article") or {}
    text_file = Path(text_path) if text_path else _article_file(path, meta.get("file"))
    try:
        text = text_file.read_text(encoding="utf-8")
    except OSError as error:
        raise GoldFormatError(f"{text_file}: cannot read the gold's article ({error.strerror})") from None
    gold = GoldFile(path, "strife")
    records = []
    for number, raw in enumerate(data["events"], start=1):
        try:
            records.append(strife_record(raw, text))
        except (ValueError, KeyError, TypeError) as error:
            gold.problems.append(InputProblem(f"{path.name}: event {raw.get('id', number)}", str(error)))
    not_events = []
    for raw in data.get("not_events", []):
        try:
            not_events.append(NotEvent(locate(text, raw["evidence"]), raw.get("why", "")))
        except (ValueError, KeyError) as error:
            gold.problems.append(InputProblem(f"{path.name}: not_event", str(error)))
    article = Article(id=text_file.stem, text=text, title=meta.get("title"), publisher=meta.get("publisher"),
                      published=parse_date(meta.get("published")), origin=str(text_file))
    gold.cases.append(EvalCase(article, records, origin=path.name, matching="evidence", not_events=not_events))
    return gold


def _article_file(gold_path: Path, name: Optional[str]) -> Path:
    if not name:
        raise GoldFormatError(f"{gold_path}: no article.file in the gold; give the text with --text")
    for base in (gold_path.parent, gold_path.parent.parent):
        if (base / name).is_file():
            return base / name
    raise GoldFormatError(f"{gold_path}: article file {name!r} not found next to the gold; give it with --text")


def strife_record(raw: dict, text: str) -> GoldRecord:
    acled = raw.get("acled") or [None, None]
    fatalities = raw.get("fatalities")
    return GoldRecord(
        id=str(raw["id"]), spans=(locate(text, raw["evidence"]),), plover=raw.get("plover"),
        accept=tuple(raw.get("accept", ())), cameo_root=raw.get("cameo_root"),
        acled_type=acled[0], acled_sub_type=acled[1] if len(acled) > 1 else None,
        source=_strife_actors(raw.get("source")), target=_strife_actors(raw.get("target")),
        fatalities=GoldFatalities(best=fatalities.get("best"), low=fatalities.get("low")) if fatalities else None,
        location=_strife_place(raw.get("location")),
        date=_strife_date(raw.get("date")), date_end=_strife_date_end(raw),
        required=bool(raw.get("required", True)), raw=raw,
    )


def _strife_actors(items: object) -> tuple[GoldActor, ...]:
    actors = []
    for item in items if isinstance(items, list) else []:
        country = item.get("country")
        countries = tuple(c for c in (country if isinstance(country, list) else [country]) if c)
        sector = item.get("sector")
        actors.append(GoldActor(item.get("name", ""), countries, (sector,) if sector else ()))
    return tuple(actors)


def _strife_place(item: object) -> Optional[GoldPlace]:
    if not isinstance(item, dict):
        return None
    return GoldPlace(name=item.get("name"), admin1=item.get("admin1"), country=item.get("country"),
                     lat=item.get("lat"), lon=item.get("lon"))


def _strife_date(value: object, end: bool = False) -> Optional[dt.date]:
    """ISO day, or "YYYY-MM" for a month (its first day, or its last when `end`)."""
    text = str(value or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = map(int, text.split("-"))
        if not end:
            return dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return parse_date(text)


def _strife_date_end(raw: dict) -> Optional[dt.date]:
    """The gold's last day: `date_end`, or the month's last day for a "YYYY-MM" date."""
    if raw.get("date_end"):
        return _strife_date(raw["date_end"], end=True)
    if re.fullmatch(r"\d{4}-\d{2}", str(raw.get("date") or "")):
        return _strife_date(raw["date"], end=True)
    return None


def _json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GoldFormatError(f"{path}: cannot read ({error.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise GoldFormatError(f"{path}: not valid JSON ({error})") from None
