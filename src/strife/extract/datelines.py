"""Datelines: where a report was filed, which is not where its events happened.

Wire copy opens with the city it was filed from: "BEIRUT (AP) --", "GUSAU, Nigeria -",
"KABUL, Afghanistan (Reuters) —", "MOGADISHU:". A coder never takes that city for the event's
place unless the text places the event there too ("The shelling in Ibleen ..." is in Idlib, not in
Beirut). `dateline_spans` finds these openings at the start of a paragraph; the linker leaves the
toponyms inside them out of every event's place and out of the article's focus place.
"""

from __future__ import annotations

import re

from strife.extract.report_words import report_words

_WORD = r"[A-Z][A-Za-z'.\u2019-]*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
_CAPS = r"[A-Z][A-Z'.\u2019-]+(?:[ ][A-Z][A-Z'.\u2019-]+){0,3}"
_AGENCY = r"\([^()\n]{1,40}\)"
#: ", Jan 4", ", March 11": the filing day Reuters puts after the city.
_DAY = r"(?:,[ ]+[A-Z][a-z]{2,8}\.?[ ]\d{1,2})"
#: "BEIRUT (AP) --", "BEIRUT --", "BEIRUT:", "ISLAMABAD, Jan 4 (Reuters) -" - a city in capitals, an
#: optional ", Country", filing day and agency.
_CAPS_DATELINE = re.compile(
    rf"(?P<city>{_CAPS})(?:,[ ]+{_NAME})?{_DAY}?(?:[ ]*{_AGENCY})?[ ]*(?:--|[\u2014\u2013:-])[ ]+")
#: "Gusau, Nigeria -", "Kabul (Reuters) -": mixed case needs a country or an agency, and a spaced dash.
_NAME_DATELINE = re.compile(rf"(?P<city>{_NAME})(?:,[ ]+{_NAME}(?:[ ]*{_AGENCY})?|[ ]*{_AGENCY})[ ]+(?:--|[\u2014\u2013-])[ ]+")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each dateline that opens a line of `text`, dash included."""
    spans = []
    for start in _line_starts(text):
        found = _CAPS_DATELINE.match(text, start) or _NAME_DATELINE.match(text, start)
        if found is not None and not _is_sentence(found):
            spans.append((found.start(), found.end()))
    return spans


def in_dateline(span: tuple[int, int], datelines: list[tuple[int, int]]) -> bool:
    """Whether a mention lies inside one of the datelines."""
    return any(start <= span[0] and span[1] <= end for start, end in datelines)


def _line_starts(text: str) -> list[int]:
    """Where each line's text starts (a dateline opens a line: the lead under its headline)."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    return [s + len(text[s:s + 40]) - len(text[s:s + 40].lstrip(" \t")) for s in starts if s < len(text)]


def _is_sentence(found: re.Match[str]) -> bool:
    """A capitalised heading before a colon ("UPDATE: ...", report_words.csv) is no place."""
    return found.group(0).rstrip().endswith(":") and found["city"].lower() in report_words().get("heading", ())
