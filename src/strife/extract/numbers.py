"""Read the figures news writes ("at least 12", "some 40", "1.5 million", "dozens") as low/best/high.

Conflict datasets (UCDP, ACLED) never record a figure more precise than the report: "at least 12"
is a floor, "up to 50" a ceiling, "dozens" a floor with no best. This module turns the words into
those bounds and nothing more. Which words mean what lives in data files a user can extend:

- ``data/number_words.csv``: cardinal words, scales and the ratio words that disqualify a figure;
- ``data/number_modifiers.csv``: "at least", "more than", "some", ... as formulas over the figure;
- ``data/count_vague.csv``: "dozens", "tens of thousands", "several", ... as honest lower bounds.

The parser works on a list of lower-cased words so the same code reads a plain string
(:func:`parse_quantity`) and a run of spaCy tokens (:func:`match_quantity`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Optional, Sequence
from strife.datafiles import read_data_csv as _data_rows

#: Figures above this are rejected: more people than have ever lived at once is a parse error.
MAX_QUANTITY = 10_000_000_000

_NUMERAL = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_WORD = re.compile(r"\d[\w,.]*\w|\d|[^\W\d_]+|[^\w\s]")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-"})
_RANGE_JOINERS = ("to", "-", "or")


@dataclass(frozen=True)
class Quantity:
    """A figure as the text states it: bounds, an optional best figure, and how firm it is."""

    low: Optional[int] = None
    best: Optional[int] = None
    high: Optional[int] = None
    approximate: bool = False
    vague: bool = False

    @property
    def has_figure(self) -> bool:
        """Whether the text puts any number on it ("many" has none, "dozens" has a floor)."""
        return any(value is not None for value in (self.low, self.best, self.high))


@dataclass(frozen=True)
class _Modifier:
    low: Optional[str]
    best: Optional[str]
    high: Optional[str]
    approximate: bool


@dataclass(frozen=True)
class _Vague:
    low: Optional[int]
    high: Optional[int]
    scalable: bool


@dataclass(frozen=True)
class _Core:
    """The figure itself, before modifiers: exact ``value`` or a vague low/high."""

    value: Optional[int] = None
    low: Optional[int] = None
    high: Optional[int] = None
    vague: bool = False



def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(words(phrase))


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[Optional[int], str]]:
    """Word -> (value, role) from ``number_words.csv``; role is unit, ten, scale or ratio."""
    table: dict[str, tuple[Optional[int], str]] = {}
    for row in _data_rows("number_words.csv"):
        value = int(row["value"]) if row["value"] else None
        table[row["word"].lower()] = (value, row["role"])
    return table


@lru_cache(maxsize=1)
def modifiers() -> dict[tuple[str, ...], _Modifier]:
    """Modifier phrase (as words) -> bound formulas, from ``number_modifiers.csv``."""
    return {
        _phrase_key(row["phrase"]): _Modifier(
            low=row["low"] or None,
            best=row["best"] or None,
            high=row["high"] or None,
            approximate=row["approximate"].lower() == "yes",
        )
        for row in _data_rows("number_modifiers.csv")
    }


@lru_cache(maxsize=1)
def vague_quantities() -> dict[tuple[str, ...], _Vague]:
    """Vague phrase (as words) -> honest bounds, from ``count_vague.csv``."""
    return {
        _phrase_key(row["phrase"]): _Vague(
            low=int(row["low"]) if row["low"] else None,
            high=int(row["high"]) if row["high"] else None,
            scalable=row["scalable"].lower() == "yes",
        )
        for row in _data_rows("count_vague.csv")
    }


@lru_cache(maxsize=1)
def _start_words() -> frozenset[str]:
    """Every word other than a numeral that a figure can begin with (see `match_quantity`)."""
    starts = {"between", "from", "a", "an", "half"}
    starts.update(key[0] for key in modifiers() if key)
    starts.update(key[0] for key in vague_quantities() if key)
    starts.update(word for word, (_, role) in number_words().items() if role in ("unit", "ten"))
    return frozenset(starts)


@lru_cache(maxsize=65536)
def may_start_quantity(word: str) -> bool:
    """False when no figure can begin with this lower-cased word: a cheap test before `match_quantity`.

    A figure begins with a modifier ("at least"), a range opener ("between"), a vague quantity
    ("dozens"), a numeral, a cardinal word or "a"/"an" before a scale ("a hundred"); the casualty
    counter tries every token of every sentence, and most are none of these (kept per word form).
    """
    word = word.translate(_DASHES)
    return word in _start_words() or _NUMERAL.match(word) is not None


def words(text: str) -> list[str]:
    """Split text the way spaCy splits numbers: "31,000" stays whole, "twenty-three" is 3 words."""
    return _WORD.findall(text.translate(_DASHES).lower())


def parse_quantity(text: str) -> Optional[Quantity]:
    """The first figure in ``text`` ("killing at least 12 people" -> low 12, best 12), or None.

    Shares and rates ("two-thirds", "50 percent") are not figures and are skipped; so is anything
    beyond :data:`MAX_QUANTITY` or written in a form no reporter uses ("1e400").
    """
    tokens = words(text)
    for start in range(len(tokens)):
        found = match_quantity(tokens[start:])
        if found is not None:
            return found[0]
    return None


def match_quantity(tokens: Sequence[str]) -> Optional[tuple[Quantity, int]]:
    """The figure that starts exactly at ``tokens[0]`` and how many tokens it spans, or None.

    ``tokens`` are lower-cased words (``Token.lower_`` works). Used by the casualty counter to
    find where a figure begins and ends in a sentence.
    """
    tokens = [token.translate(_DASHES) for token in tokens]
    modifier, position = _longest(tokens, 0, modifiers())
    if modifier is None and position < len(tokens) and tokens[position] in ("between", "from"):
        return _range(tokens, position)
    core, end = _core(tokens, position)
    if core is None or _followed_by_ratio(tokens, end):
        return None
    if core.value is not None and modifier is None:
        ranged = _range_tail(tokens, core.value, end)
        if ranged is not None:
            return ranged
    quantity = _apply(modifier, core)
    if quantity is None:
        return None
    bounded = _upper_bound_tail(tokens, quantity, end)
    if bounded is not None:
        return bounded
    return quantity, _restated_in_digits(tokens, core.value, end)


def _upper_bound_tail(tokens: Sequence[str], quantity: Quantity, end: int) -> Optional[tuple[Quantity, int]]:
    """ "at least 10 and as many as 15", "at least 7, and possibly as many as 15": a low bound joined
    to an upper bound is one figure, the range between them (its best the low bound's, as the report
    commits to no more); "up to 20, but at least 8" is the same range told the other way round."""
    if (quantity.low is None) == (quantity.high is None):
        return None
    position = _past_joiners(tokens, end)
    if position == end:
        return None
    modifier, position = _longest(tokens, position, modifiers())
    core, stop = _core(tokens, position) if modifier is not None else (None, position)
    if core is None or core.value is None or _followed_by_ratio(tokens, stop):
        return None
    if quantity.high is None:  # a low bound, then its upper bound
        high = _formula(modifier.high, core.value) if not (modifier.low or modifier.best) else None
        if high is None or high < quantity.low or high > MAX_QUANTITY:
            return None
        return Quantity(low=quantity.low, best=quantity.best, high=high, approximate=quantity.approximate), stop
    low = _formula(modifier.low, core.value) if not modifier.high else None
    if low is None or low > quantity.high:
        return None
    return Quantity(low=low, best=_formula(modifier.best, core.value), high=quantity.high), stop


#: Words joining the two bounds of one figure ("at least 7, and possibly as many as 15", "up to 20, but
#: at least 8"); the hedging adverbs between them are number_words.csv's role hedge.
_BOUND_JOINERS = frozenset({"and", "or", ",", "but"})


def _past_joiners(tokens: Sequence[str], end: int) -> int:
    """The position after the joining words and hedges that follow a bound (``end`` when none)."""
    position = end
    while position < len(tokens) and position - end < 4 and (
            tokens[position] in _BOUND_JOINERS or _role(tokens[position]) == "hedge"):
        position += 1
    return position


def _restated_in_digits(tokens: Sequence[str], value: Optional[int], end: int) -> int:
    """ "twenty-one (21) people": a figure in words restated in digits in brackets is one figure,
    not two; the end of the figure moves past the brackets. Older notes pad the digits or restate
    digits in words the same way ("three (03) militants", "2 (two) soldiers")."""
    if value is not None and tokens[end : end + 1] == ["("] and tokens[end + 2 : end + 3] == [")"]:
        restated = tokens[end + 1].replace(",", "")
        if (restated.isdigit() and int(restated) == value) or number_words().get(restated, (None, ""))[0] == value:
            return end + 3
    return end


def _range(tokens: Sequence[str], position: int) -> Optional[tuple[Quantity, int]]:
    """ "between 20 and 30", "from 20 to 30" -> low 20, high 30."""
    joiner = "and" if tokens[position] == "between" else "to"
    first, end = _core(tokens, position + 1)
    if first is None or first.value is None or end >= len(tokens) or tokens[end] != joiner:
        return None
    end += _role(_at(tokens, end + 1)) == "hedge"  # "between 3 and possibly 8"
    second, stop = _core(tokens, end + 1)
    if second is None or second.value is None or _followed_by_ratio(tokens, stop):
        return None
    return _bounded(first.value, second.value), stop


def _range_tail(tokens: Sequence[str], first: int, end: int) -> Optional[tuple[Quantity, int]]:
    """ "20 to 30", "20-30", "two or three" after a figure already read."""
    if end >= len(tokens) or tokens[end] not in _RANGE_JOINERS:
        return None
    second, stop = _core(tokens, end + 1)
    if second is None or second.value is None or _followed_by_ratio(tokens, stop):
        return None
    return _bounded(first, second.value), stop


def _bounded(first: int, second: int) -> Quantity:
    low, high = sorted((first, second))
    return Quantity(low=low, high=high)


def _apply(modifier: Optional[_Modifier], core: _Core) -> Optional[Quantity]:
    if core.value is None:
        return Quantity(
            low=core.low,
            high=core.high,
            approximate=bool(modifier and modifier.approximate),
            vague=True,
        )
    if modifier is None:
        return Quantity(low=core.value, best=core.value, high=core.value)
    low, best, high = (_formula(text, core.value) for text in (modifier.low, modifier.best, modifier.high))
    if any(value is not None and value > MAX_QUANTITY for value in (low, best, high)):
        return None
    return Quantity(low=low, best=best, high=high, approximate=modifier.approximate)


def _formula(text: Optional[str], figure: int) -> Optional[int]:
    """Evaluate a modifier formula: "n", "n+1" or "n-1" (never below zero)."""
    if not text:
        return None
    offset = {"n": 0, "n+1": 1, "n-1": -1}.get(text.replace(" ", ""))
    if offset is None:
        raise ValueError(f"number_modifiers.csv: unknown formula {text!r} (use n, n+1 or n-1)")
    return max(figure + offset, 0)


def _longest(tokens: Sequence[str], position: int, table: dict) -> tuple[object, int]:
    """The longest phrase of ``table`` starting at ``position``: (entry, position after it)."""
    for length in range(min(6, len(tokens) - position), 0, -1):
        entry = table.get(tuple(tokens[position : position + length]))
        if entry is not None:
            return entry, position + length
    return None, position


def _core(tokens: Sequence[str], position: int) -> tuple[Optional[_Core], int]:
    vague, end = _longest(tokens, position, vague_quantities())
    if isinstance(vague, _Vague):
        return _vague_core(tokens, vague, end)
    if position < len(tokens) and _NUMERAL.match(tokens[position]):
        return _numeral_core(tokens, position)
    return _word_core(tokens, position)


def _vague_core(tokens: Sequence[str], vague: _Vague, end: int) -> tuple[Optional[_Core], int]:
    """ "several" -> low 3; "several hundred" -> low 300 (scales multiply scalable words)."""
    low, high = vague.low, vague.high
    while vague.scalable and end < len(tokens) and _role(tokens[end]) == "scale":
        scale = number_words()[tokens[end]][0] or 1
        low = low * scale if low is not None else None
        high = high * scale if high is not None else None
        end += 1
    if end < len(tokens) and tokens[end] == "of" and low is not None and vague.scalable:
        end += 1
    if any(value is not None and value > MAX_QUANTITY for value in (low, high)):
        return None, end
    return _Core(low=low, high=high, vague=True), end


def _numeral_core(tokens: Sequence[str], position: int) -> tuple[Optional[_Core], int]:
    """ "31,000", "1.5 million", "2 dozen"."""
    try:
        value = Decimal(tokens[position].replace(",", ""))
    except InvalidOperation:
        return None, position
    end = position + 1
    while end < len(tokens) and _role(tokens[end]) == "scale" and value <= MAX_QUANTITY:
        value *= number_words()[tokens[end]][0] or 1
        end += 1
    if value != value.to_integral_value() or value > MAX_QUANTITY:
        return None, position
    return _Core(value=int(value)), end


def _word_core(tokens: Sequence[str], position: int) -> tuple[Optional[_Core], int]:
    """ "twenty-three", "a hundred", "two hundred and fifty", "three thousand"."""
    total, current, end, last_role = 0, None, position, None
    if _at(tokens, end) == "half" and _at(tokens, end + 1) in ("a", "an") and _role(_at(tokens, end + 2)) == "scale":
        return _half_of_a_scale(tokens, end)
    if end + 1 < len(tokens) and tokens[end] in ("a", "an") and _role(tokens[end + 1]) == "scale":
        current, end = 1, end + 1
    while end < len(tokens):
        token, role = tokens[end], _role(tokens[end])
        value = number_words()[token][0] if role else None
        if role in ("unit", "ten") and value is not None:
            if current is not None and (last_role == "unit" or (role == "ten" and current % 100)):
                break
            current, last_role = (current or 0) + value, role
        elif role == "scale" and value is not None and current is not None:
            if value < 1000:
                current *= value
            else:
                total, current = total + current * value, 0
            last_role = role
        elif token == "-" and last_role == "ten" and _role(_at(tokens, end + 1)) == "unit":
            pass
        elif token == "and" and last_role == "scale" and _role(_at(tokens, end + 1)) in ("unit", "ten"):
            pass
        else:
            break
        end += 1
    if current is None:
        return None, position
    value = total + current
    return (_Core(value=value), end) if value <= MAX_QUANTITY else (None, position)


def _half_of_a_scale(tokens: Sequence[str], position: int) -> tuple[Optional[_Core], int]:
    """ "half a dozen" -> 6, "half a million" -> 500,000: half of the scale word after "a"/"an"."""
    value = number_words()[tokens[position + 2]][0] or 0
    return (_Core(value=value // 2), position + 3) if value >= 2 else (None, position)


def _at(tokens: Sequence[str], position: int) -> str:
    return tokens[position] if position < len(tokens) else ""


def _role(token: str) -> Optional[str]:
    entry = number_words().get(token)
    return entry[1] if entry else None


def _followed_by_ratio(tokens: Sequence[str], end: int) -> bool:
    """ "two-thirds", "50 percent", "10 %": a share, not a figure."""
    if end < len(tokens) and tokens[end] == "-":
        end += 1
    return end < len(tokens) and _role(tokens[end]) == "ratio"

