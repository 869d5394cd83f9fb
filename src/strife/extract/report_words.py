"""The words that tell how a news report is built (``data/report_words.csv``): headings, aggregate
subjects, habits, new incidents and their openers, incidents told before, tolls, remains and their
discovery, the day of the report. One loader for every stage that reads them (incidents, incident
openers, datelines, open date ranges)."""

from __future__ import annotations

from functools import lru_cache

from strife.datafiles import read_data_sets


@lru_cache(maxsize=1)
def report_words() -> dict[str, frozenset[str]]:
    """Kind -> words, from ``data/report_words.csv``."""
    return read_data_sets("report_words.csv", "kind", "word")
