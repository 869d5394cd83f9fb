"""ACLED's conventions for death tolls the text gives only vaguely or for several days or places.

A text says "dozens were killed" or "12 people were killed over three days"; a reader records
what it says (``Count.best`` empty, ``low`` 24, ``vague``; or 12). ACLED's coders record a number
anyway: 12 for "dozens", and 4 on each of the three days' events (its codebook, "Reported
fatalities"; ``data/acled_fatality_conventions.csv``). Extraction keeps the text's figure and
notes what the conventions need (``Count.convention``, ``Count.split_over``); the ACLED export and
`strife eval --format acled` apply them behind a switch (``--acled-conventions/--text-figures``,
else the ``STRIFE_ACLED_CONVENTIONS`` variable), so a user comparing with ACLED gets
ACLED's numbers and anyone else gets the text's.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Optional

from strife.datafiles import read_data_csv
from strife.model import Count

#: The table's key for a plural outcome noun with no figure ("incurring fatalities").
PLURAL = "(plural)"


@lru_cache(maxsize=1)
def fatality_conventions() -> dict[str, int]:
    """Vague phrase (lower case) -> the fatalities ACLED records for it."""
    return {row["phrase"].lower(): int(row["fatalities"]) for row in read_data_csv("acled_fatality_conventions.csv")}


def vague_figure(phrase: str) -> Optional[int]:
    """ACLED's figure for a vague quantity ("dozens of" -> 12, "several" -> 3), or None.

    The longest phrase of the table that opens ``phrase`` (whole words) decides."""
    words = phrase.lower().split()
    table = fatality_conventions()
    for length in range(len(words), 0, -1):
        figure = table.get(" ".join(words[:length]))
        if figure is not None:
            return figure
    return None


def split_share(total: int, parts: int, index: int = 0) -> int:
    """Share ``index`` (0 the first) of a total spread over ``parts`` days, places or acts.

    ACLED divides a summarised toll among the events it codes for it: "When summarized fatalities
    are reported but events occur across several days or in multiple locations [...]" the total is
    divided and distributed across them (ACLED, "Fatalities" FAQ, and codebook, "Reported
    fatalities": "fatalities divided between three locations"). Neither says where a remainder
    goes; the shares here are as even as whole deaths allow, the first taking the odd ones (the
    first event is the one a single row stands for), and the shares of one toll always sum to the
    told figure, so no death is counted twice: 12 over 3 -> 4, 4, 4; 9 over 2 -> 5, 4; 7 over 4 ->
    2, 2, 2, 1; 1 over 3 -> 1, 0, 0."""
    if parts <= 1:
        return total
    share, rest = divmod(total, parts)
    return share + (1 if index < rest else 0)


def row_share(count: Count, figure: int) -> int:
    """This row's share of ``figure``, a toll the text spreads over ``count.split_over`` days,
    places or acts: the share its ``split_index`` names, else the first (one row standing for the
    divided toll takes the first share, as the first of ACLED's events does)."""
    return split_share(figure, count.split_over or 1, count.split_index or 0)


def told_figure(count: Optional[Count]) -> Optional[int]:
    """The figure the text tells for a toll: its best, else its low bound; None without one."""
    if count is None:
        return None
    return count.best if count.best is not None else count.low


def told_share(count: Optional[Count]) -> Optional[int]:
    """The text's figure (`told_figure`) as one row holds it: whole, unless several rows hold the
    toll (``split_index`` set), when it is this row's share, so the rows of one toll sum to the
    figure the text tells (issue #24, "one toll, once"). None without a figure."""
    figure = told_figure(count)
    if figure is None or count.split_index is None:
        return figure
    return row_share(count, figure)


def acled_fatalities(count: Optional[Count], conventions: bool = True) -> int:
    """The fatalities a row of ACLED records for a toll: the text's best, else its low bound, else 0;
    with ``conventions``, a vague toll's conventional figure, a spread toll's share (`row_share`), and a
    figure only the side that did the killing gives ("the group says it killed three men"): ACLED
    reflects what its sources report and takes the most conservative figure where they differ
    (codebook, "Reported fatalities"), so a claim no other account bounds is the figure."""
    if count is None:
        return 0
    figure = told_figure(count) or 0
    if not conventions:
        return figure
    if count.best is None and count.convention is not None:
        figure = count.convention
    elif count.best is None and count.low is None and count.perpetrator_claim and count.high is not None:
        figure = count.high  # the killers' claim is the only figure reported: ACLED reflects its source
    return row_share(count, figure)


#: Environment variable that turns the conventions off ("0", "no", "off") for the ACLED export and
#: `strife eval --format acled` when their `--acled-conventions/--text-figures` option is not given.
SWITCH = "STRIFE_ACLED_CONVENTIONS"


def conventions_enabled(value: Optional[bool] = None) -> bool:
    """Whether to apply ACLED's conventions: ``value`` when given, else the ``SWITCH`` variable,
    else yes (an ACLED export or score is compared with rows coded under them)."""
    if value is not None:
        return value
    return os.environ.get(SWITCH, "1").strip().lower() not in ("0", "no", "off", "false")
