"""Number parsing: figures, modifiers, vague words, and what must never come out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strife.extract.numbers import MAX_QUANTITY, Quantity, match_quantity, parse_quantity, vague_quantities


@pytest.mark.parametrize(
    "text, low, best, high",
    [
        ("31,000", 31000, 31000, 31000),
        ("1.5 million", 1_500_000, 1_500_000, 1_500_000),
        ("1,500", 1500, 1500, 1500),
        ("two", 2, 2, 2),
        ("twenty-three", 23, 23, 23),
        ("a hundred", 100, 100, 100),
        ("two hundred and fifty", 250, 250, 250),
        ("a dozen", 12, 12, 12),
        ("half a dozen", 6, 6, 6),  # half of the scale, never "a dozen" read inside it
        ("half a million", 500_000, 500_000, 500_000),
        ("at least 12", 12, 12, None),
        ("more than 100", 101, 101, None),
        ("upwards of 1.5 million", 1_500_000, 1_500_000, None),
        ("between 20 and 30", 20, None, 30),
        ("20-30", 20, None, 30),
        ("two or three", 2, None, 3),
        ("up to 50", None, None, 50),
        ("fewer than 10", None, None, 9),
    ],
)
def test_figures_and_modifiers(text: str, low, best, high) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert (quantity.low, quantity.best, quantity.high) == (low, best, high)


@pytest.mark.parametrize("text", ["some 40", "about 40", "nearly 40", "an estimated 40"])
def test_approximate_figures_keep_the_figure_as_best(text: str) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.best == 40 and quantity.approximate


@pytest.mark.parametrize(
    "text, low",
    [("dozens", 24), ("scores", 40), ("hundreds", 200), ("tens of thousands", 20000),
     ("thousands", 2000), ("several", 3), ("several hundred", 300), ("a few", 2)],
)
def test_vague_words_give_a_floor_and_never_a_best(text: str, low: int) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.vague
    assert quantity.low == low and quantity.best is None


def test_many_is_a_figure_without_numbers() -> None:
    quantity = parse_quantity("many")
    assert quantity is not None and quantity.vague and not quantity.has_figure


@pytest.mark.parametrize("text", ["half the town", "half of them", "two-thirds", "50 percent", "10 %", "1e400", "99999999999999", "5th", "2.5", ""])
def test_shares_absurd_and_non_numbers_are_rejected(text: str) -> None:
    assert parse_quantity(text) is None


def test_first_figure_in_a_phrase() -> None:
    assert parse_quantity("killing at least 69 people") == Quantity(low=69, best=69, high=None)


def test_match_quantity_reports_how_many_tokens_it_spans() -> None:
    assert match_quantity(["upwards", "of", "1.5", "million", "civilians"]) == (
        Quantity(low=1_500_000, best=1_500_000, high=None), 4)
    assert match_quantity(["civilians", "2"]) is None


def test_vague_table_never_sets_best_and_is_consistent() -> None:
    for phrase, vague in vague_quantities().items():
        if vague.low is not None and vague.high is not None:
            assert vague.low <= vague.high, phrase


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_string_parses_without_error_to_sane_bounds(text: str) -> None:
    _check_sane(parse_quantity(text))


_NUMBERISH = st.lists(
    st.sampled_from(["at", "least", "more", "than", "some", "between", "and", "to", "-", "a", "hundred",
                     "two", "twenty", "million", "dozens", "of", "thousands", "tens", "several", "1.5",
                     "31,000", "0", "999999999", "up", "fewer", "nearly", "or", "percent", "1e400"]),
    max_size=8,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_NUMBERISH)
def test_number_like_strings_give_ordered_nonnegative_bounds(text: str) -> None:
    _check_sane(parse_quantity(text))


def _check_sane(quantity: Quantity | None) -> None:
    if quantity is None:
        return
    values = [v for v in (quantity.low, quantity.best, quantity.high) if v is not None]
    assert all(0 <= v <= MAX_QUANTITY + 1 for v in values)
    assert values == sorted(values)
    if quantity.vague:
        assert quantity.best is None


@pytest.mark.parametrize(
    "words, value, length",
    [
        (["twenty", "-", "one", "(", "21", ")", "people"], 21, 6),
        (["at", "least", "fifteen", "(", "15", ")", "people"], 15, 6),
        (["five", "(", "6", ")", "people"], 5, 1),  # digits that say another figure are not a restatement
        (["five", "people", "(", "5", ")"], 5, 1),
    ],
)
def test_a_figure_in_words_restated_in_digits_in_brackets_is_one_figure(words, value, length) -> None:
    quantity, end = match_quantity(words)
    assert (quantity.best, end) == (value, length)
