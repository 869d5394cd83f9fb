"""The coding ontology: PLOVER categories, CAMEO roots, ACLED types and the trigger lexicon.

Everything here is data (`ontology/data/*.csv`, `roles.yaml`), read once and validated, so an
analyst can extend the vocabulary without touching code:

    onto = load_ontology()                                  # cached
    onto.quad("ASSAULT")                                    # 'material_conflict'
    onto.cameo_root("REJECT")                               # '12'
    onto = load_ontology(extra_lexicon=["my_triggers.csv"])  # same columns as lexicon.csv

A bad row raises `OntologyError` naming the file and line, because a typo in a lexicon must fail
loudly rather than silently code nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

import yaml

from strife.model import PLOVER_TYPES

DATA_DIR = Path(__file__).resolve().parent / "data"
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
POS_TAGS = ("VERB", "NOUN", "PROPN", "ADJ", "AUX")
FRAMES = ("", "consequence", "result", "evaluation", "intent", "displacement", "obligation", "preparation")
NOT_AN_EVENT = "NONE"
LEXICON_COLUMNS = (
    "lemma", "pos", "particle", "prep", "object", "subject", "head", "frame", "plover", "mode",
    "context", "cameo", "acled_event_type", "acled_sub_event_type", "confidence",
)

PathLike = Union[str, Path]


class OntologyError(ValueError):
    """A data file is malformed or refers to a type, mode or ACLED pair that does not exist."""


@dataclass(frozen=True)
class PloverType:
    name: str
    quad: str
    cameo_root: str
    description: str
    modes: tuple[str, ...]
    contexts: tuple[str, ...]
    threat_mode: Optional[str] = None  # the THREATEN mode when this act is threatened, not done

    @property
    def conflictual(self) -> bool:
        return self.quad.endswith("conflict")


@dataclass(frozen=True)
class CameoRoot:
    code: str
    name: str
    quad_class: int


@dataclass(frozen=True)
class AcledType:
    disorder_type: str
    event_type: str
    sub_event_type: str
    description: str


@dataclass(frozen=True)
class ModeCoding:
    """How a PLOVER (type, mode) pair is coded in CAMEO and ACLED ('aerial' -> Air/drone strike)."""

    plover: str
    mode: str
    cameo_code: str
    acled_event_type: Optional[str]
    acled_sub_event_type: Optional[str]


@dataclass(frozen=True)
class LexiconEntry:
    """One trigger: a lemma (the last word is the trigger token, earlier words must precede it)
    plus optional dependency constraints, and the coding it gives.

    `plover` is None for a suppressing row ("refuse to comment" is no REJECT event).
    Object values starting with '@' name a dependency instead of a lemma: '@ccomp' (has a
    clausal complement), '@dobj', '@xcomp', '@future' (a complement in the future or a modal).
    """

    lemma: str
    pos: str
    plover: Optional[str]
    particle: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    head: frozenset[str] = frozenset()
    frame: str = ""
    mode: Optional[str] = None
    context: Optional[str] = None
    cameo_code: Optional[str] = None
    acled_event_type: Optional[str] = None
    acled_sub_event_type: Optional[str] = None
    confidence: float = 0.5
    origin: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.lower().split())

    @property
    def key(self) -> str:
        """The lemma of the trigger token itself (the last word)."""
        return self.words[-1]

    @property
    def specificity(self) -> int:
        """How many constraints the row sets: the most specific matching row wins."""
        constraints = (self.particle, self.prep, self.object, self.subject, self.head)
        return sum(1 for c in constraints if c) + (len(self.words) - 1) * 2


@dataclass(frozen=True)
class Ontology:
    types: dict[str, PloverType]
    cameo: dict[str, CameoRoot]
    acled: tuple[AcledType, ...]
    modes: dict[tuple[str, str], ModeCoding]
    lexicon: tuple[LexiconEntry, ...]
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)
    calibration: tuple[tuple[float, float], ...] = ()  # (raw score, calibrated) knots, raw ascending

    def calibrate(self, raw: float) -> float:
        """The calibrated confidence of a raw event score: linear between the knots of
        `calibration.csv` (an isotonic fit on the dev gold), plus a 0.01 slope so that distinct raw
        scores keep their order (callers pick the most confident event). Identity without knots."""
        knots = self.calibration
        if not knots:
            return raw
        if raw <= knots[0][0]:
            value = knots[0][1]
        elif raw >= knots[-1][0]:
            value = knots[-1][1]
        else:
            value = knots[-1][1]
            for (x0, y0), (x1, y1) in zip(knots, knots[1:]):
                if x0 <= raw <= x1:
                    value = y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1
                    break
        return value + 0.01 * (raw - 0.5)

    def plover(self, name: str) -> PloverType:
        try:
            return self.types[name.upper()]
        except KeyError:
            raise KeyError(f"unknown PLOVER type {name!r}; known: {', '.join(self.types)}") from None

    def quad(self, name: str) -> str:
        return self.plover(name).quad

    def cameo_root(self, name: str) -> str:
        return self.plover(name).cameo_root

    def acled_types(self) -> tuple[AcledType, ...]:
        return self.acled

    def is_acled(self, event_type: Optional[str], sub_event_type: Optional[str]) -> bool:
        return any(a.event_type == event_type and a.sub_event_type == sub_event_type for a in self.acled)

    def mode_coding(self, plover: str, mode: Optional[str]) -> Optional[ModeCoding]:
        return self.modes.get((plover, mode)) if mode else None

    def words(self, name: str) -> frozenset[str]:
        """A word list from roles.yaml (empty when absent, so a user may delete a list)."""
        return self.word_lists.get(name, frozenset())

    @cached_property
    def index(self) -> dict[str, tuple[LexiconEntry, ...]]:
        """Lexicon rows by the lemma of their trigger token."""
        return _index(self.lexicon)

    def has_verb(self, lemma: str) -> bool:
        """Whether the lexicon has a verb row for this lemma (the parse-repair stages ask it
        before they make a misread word a verb)."""
        return any(row.pos == "VERB" for row in self.index.get(lemma, ()))


def _index(entries: tuple[LexiconEntry, ...]) -> dict[str, tuple[LexiconEntry, ...]]:
    grouped: dict[str, list[LexiconEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.key, []).append(entry)
    return {key: tuple(rows) for key, rows in grouped.items()}


def load_ontology(extra_lexicon: Sequence[PathLike] = ()) -> Ontology:
    """The ontology from the packaged data, plus any user lexicon files (same columns)."""
    return _load(tuple(str(Path(p)) for p in extra_lexicon))


@lru_cache(maxsize=8)
def _load(extra_lexicon: tuple[str, ...]) -> Ontology:
    cameo = _read_cameo(DATA_DIR / "cameo_roots.csv")
    types = _read_plover(DATA_DIR / "plover.csv", cameo)
    acled = _read_acled(DATA_DIR / "acled.csv")
    modes = _read_modes(DATA_DIR / "modes.csv", types, acled)
    lexicon: list[LexiconEntry] = []
    for path in (DATA_DIR / "lexicon.csv", *map(Path, extra_lexicon)):
        lexicon.extend(_read_lexicon(path, types, cameo, acled))
    word_lists = _read_word_lists(DATA_DIR / "roles.yaml")
    calibration = read_calibration(DATA_DIR / "calibration.csv")
    return Ontology(types, cameo, acled, modes, tuple(lexicon), word_lists, calibration)


def read_calibration(path: Path) -> tuple[tuple[float, float], ...]:
    """Knots of the confidence calibration; none (identity) when the file is absent."""
    if not path.exists():
        return ()
    knots = []
    for line, row in _rows(path):
        try:
            raw, calibrated = float(row["raw"]), float(row["calibrated"])
        except (KeyError, ValueError):
            raise _fail(path, line, "expected numeric 'raw' and 'calibrated' columns") from None
        if not (0.0 <= raw <= 1.0 and 0.0 <= calibrated <= 1.0):
            raise _fail(path, line, f"knot ({raw}, {calibrated}) is outside [0, 1]")
        if knots and (raw < knots[-1][0] or calibrated < knots[-1][1]):
            raise _fail(path, line, "knots must be non-decreasing in both columns")
        knots.append((raw, calibrated))
    return tuple(knots)


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with their 1-based line numbers; blank lines and '#' comment lines are skipped."""
    if not path.exists():
        raise OntologyError(f"{path}: file not found")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, start=1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise OntologyError(f"{path}: empty file")
    header = next(csv.reader([lines[0][1]]))
    for number, line in lines[1:]:
        values = next(csv.reader([line]))
        if len(values) != len(header):
            raise OntologyError(f"{path}:{number}: expected {len(header)} columns, found {len(values)}")
        yield number, {k.strip(): v.strip() for k, v in zip(header, values)}


def _fail(path: Path, line: int, message: str) -> OntologyError:
    return OntologyError(f"{path}:{line}: {message}")


def _split(value: str, sep: str = "|") -> frozenset[str]:
    return frozenset(part.strip().lower() for part in value.split(sep) if part.strip())


def _read_cameo(path: Path) -> dict[str, CameoRoot]:
    roots: dict[str, CameoRoot] = {}
    for line, row in _rows(path):
        code = row["code"]
        if len(code) != 2 or not code.isdigit():
            raise _fail(path, line, f"CAMEO root {code!r} is not two digits")
        quad_class = int(row["quad_class"])
        if quad_class not in (1, 2, 3, 4):
            raise _fail(path, line, f"QuadClass {quad_class} is not 1..4")
        roots[code] = CameoRoot(code, row["name"], quad_class)
    return roots


def _read_plover(path: Path, cameo: dict[str, CameoRoot]) -> dict[str, PloverType]:
    types: dict[str, PloverType] = {}
    for line, row in _rows(path):
        name = row["type"]
        if name not in PLOVER_TYPES:
            raise _fail(path, line, f"{name!r} is not one of strife's PLOVER types")
        if row["quad"] not in QUADS:
            raise _fail(path, line, f"quad {row['quad']!r} is not one of {QUADS}")
        if row["cameo_root"] not in cameo:
            raise _fail(path, line, f"unknown CAMEO root {row['cameo_root']!r}")
        modes = tuple(m.strip() for m in row["modes"].split(";") if m.strip())
        contexts = tuple(c.strip() for c in row["contexts"].split(";") if c.strip())
        types[name] = PloverType(
            name, row["quad"], row["cameo_root"], row["description"], modes, contexts, row["threat_mode"] or None
        )
    missing = set(PLOVER_TYPES) - set(types)
    if missing:
        raise OntologyError(f"{path}: missing PLOVER types {sorted(missing)}")
    threaten = types["THREATEN"]
    for plover_type in types.values():
        if plover_type.threat_mode and plover_type.threat_mode not in threaten.modes:
            raise OntologyError(f"{path}: {plover_type.name} threat_mode {plover_type.threat_mode!r} is no THREATEN mode")
    return types


def _read_acled(path: Path) -> tuple[AcledType, ...]:
    return tuple(
        AcledType(row["disorder_type"], row["event_type"], row["sub_event_type"], row["description"])
        for _, row in _rows(path)
    )


def _check_acled(path: Path, line: int, acled: tuple[AcledType, ...], event_type: str, sub_event_type: str) -> None:
    if not event_type and not sub_event_type:
        return
    if not any(a.event_type == event_type and a.sub_event_type == sub_event_type for a in acled):
        raise _fail(path, line, f"unknown ACLED pair ({event_type!r}, {sub_event_type!r})")


def _read_modes(
    path: Path, types: dict[str, PloverType], acled: tuple[AcledType, ...]
) -> dict[tuple[str, str], ModeCoding]:
    modes: dict[tuple[str, str], ModeCoding] = {}
    for line, row in _rows(path):
        plover, mode = row["plover"], row["mode"]
        if plover not in types:
            raise _fail(path, line, f"unknown PLOVER type {plover!r}")
        if mode not in types[plover].modes:
            raise _fail(path, line, f"mode {mode!r} is not allowed for {plover} (plover.csv)")
        _check_acled(path, line, acled, row["acled_event_type"], row["acled_sub_event_type"])
        modes[(plover, mode)] = ModeCoding(
            plover, mode, row["cameo_code"], row["acled_event_type"] or None, row["acled_sub_event_type"] or None
        )
    return modes


def _read_lexicon(
    path: Path, types: dict[str, PloverType], cameo: dict[str, CameoRoot], acled: tuple[AcledType, ...]
) -> Iterable[LexiconEntry]:
    entries = []
    for line, row in _rows(path):
        missing = [c for c in LEXICON_COLUMNS if c not in row]
        if missing:
            raise _fail(path, line, f"missing columns {missing}")
        entries.append(_lexicon_entry(path, line, row, types, cameo, acled))
    return entries


def _lexicon_entry(
    path: Path,
    line: int,
    row: dict[str, str],
    types: dict[str, PloverType],
    cameo: dict[str, CameoRoot],
    acled: tuple[AcledType, ...],
) -> LexiconEntry:
    if not row["lemma"]:
        raise _fail(path, line, "empty lemma")
    if row["pos"] not in POS_TAGS:
        raise _fail(path, line, f"pos {row['pos']!r} is not one of {POS_TAGS}")
    if row["frame"] not in FRAMES:
        raise _fail(path, line, f"frame {row['frame']!r} is not one of {FRAMES}")
    plover = row["plover"]
    if plover != NOT_AN_EVENT and plover not in types:
        raise _fail(path, line, f"unknown PLOVER type {plover!r}")
    if plover != NOT_AN_EVENT:
        if row["mode"] and row["mode"] not in types[plover].modes:
            raise _fail(path, line, f"mode {row['mode']!r} is not allowed for {plover}")
        if row["context"] and row["context"] not in types[plover].contexts:
            raise _fail(path, line, f"context {row['context']!r} is not allowed for {plover}")
    code = row["cameo"]
    if code and (not code.isdigit() or len(code) not in (2, 3, 4) or code[:2] not in cameo):
        raise _fail(path, line, f"CAMEO code {code!r} is not a known 2-4 digit code")
    _check_acled(path, line, acled, row["acled_event_type"], row["acled_sub_event_type"])
    try:
        confidence = float(row["confidence"] or 0.5)
    except ValueError:
        raise _fail(path, line, f"confidence {row['confidence']!r} is not a number") from None
    if not 0.0 <= confidence <= 1.0:
        raise _fail(path, line, f"confidence {confidence} is not in [0, 1]")
    return LexiconEntry(
        lemma=row["lemma"],
        pos=row["pos"],
        plover=None if plover == NOT_AN_EVENT else plover,
        particle=_split(row["particle"]),
        prep=_split(row["prep"]),
        object=_split(row["object"]),
        subject=_split(row["subject"]),
        head=_split(row["head"]),
        frame=row["frame"],
        mode=row["mode"] or None,
        context=row["context"] or None,
        cameo_code=code or None,
        acled_event_type=row["acled_event_type"] or None,
        acled_sub_event_type=row["acled_sub_event_type"] or None,
        confidence=confidence,
        origin=f"{path.name}:{line}",
    )


def _read_word_lists(path: Path) -> dict[str, frozenset[str]]:
    # libyaml's safe loader when PyYAML has it: the same mapping, read in a tenth of the pure-Python
    # loader's time (a third of a second of every command's start-up, bench/startup.py)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise OntologyError(f"{path}: expected a mapping of list names to word lists")
    lists = {}
    for name, words in data.items():
        if not isinstance(words, list):
            raise OntologyError(f"{path}: {name!r} is not a list")
        lists[name] = frozenset(str(w).lower() for w in words)
    return lists


__all__ = [
    "AcledType", "CameoRoot", "LexiconEntry", "ModeCoding", "Ontology", "OntologyError", "PloverType",
    "load_ontology",
]
