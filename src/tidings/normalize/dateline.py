"""Wire-copy datelines: ``BEIJING, Jan. 26 (Xinhua) --`` opens the body of most agency reports.

Left in the text, the dateline becomes the subject of the first sentence and the parser
finds no event there. It is cut from what the parser sees and kept as place, date and
source: the place is the event's location when the sentence names none, the date the
reference for "on Tuesday".
"""

from __future__ import annotations

import re
from datetime import date

from ..resolve import resolve_time_expression
from ..types import Dateline

_MONTH = (r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|"
          r"June|July|August|September|October|November|December")
_PLACE_WORDS = r"[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORDS})"
    rf"(?:,\s+(?P<region>(?!(?:{_MONTH})\b){_PLACE_WORDS}))?"
    rf"(?:,\s+(?P<date>(?:{_MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?))?"
    r"(?:\s*\((?P<source>[A-Z][\w .&'’-]{0,40})\))?"
    r"\s*(?:--|—|–|-)\s+(?=\S)")


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens `text` (after blank space), if any; its span is in `text`.

    A candidate counts when it names its place in capitals (``MOSCOW --``) or carries a
    date or an agency; a sentence that merely starts with a capitalized word and a dash
    does not, and neither do two candidates in a row (wire copy has one dateline).

    >>> find_dateline("BEIJING, Jan. 26 (Xinhua) -- Xi spoke.").source
    'Xinhua'
    """
    match = _candidate(text, len(text) - len(text.lstrip()))
    if match is None or _candidate(text, match.end()) is not None:
        return None
    return Dateline(place=_title(match["place"]), region=match["region"],
                    date_text=match["date"], source=match["source"],
                    span=(match.start(), match.end()))


def _candidate(text: str, position: int) -> re.Match[str] | None:
    match = _DATELINE.match(text, position)
    if match and (match["place"].isupper() or match["date"] or match["source"]):
        return match
    return None


def dateline_date(dateline: Dateline | None, document_date: date | None) -> date | None:
    """The day a dateline names: its own year if it has one, else the nearest such day
    not after the document date (a report is filed on or after its dateline)."""
    if dateline is None or dateline.date_text is None:
        return None
    if document_date is None and not re.search(r"\d{4}", dateline.date_text):
        return None
    # with its own year, the dateline needs no reference date: any will do
    resolved = resolve_time_expression(dateline.date_text, document_date or date.today())
    return resolved.date if resolved is not None else None


def _title(place: str) -> str:
    """``NEW DELHI`` → ``New Delhi``; a place written in mixed case is kept as written."""
    return place.title() if place.isupper() else place
