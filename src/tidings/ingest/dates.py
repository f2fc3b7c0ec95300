"""Document dates as given in headers and fields: strict first, a date parser second."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# news has no earlier or later dates; outside this a date is a typo or a placeholder
PLAUSIBLE_YEARS = range(1900, 2101)


def parse_document_date(value: object) -> date:
    """A date from ``YYYY-MM-DD``, ``YYYYMMDD``, a timestamp, or unambiguous text.

    Raises ValueError naming the value when it is not a real date, or not a plausible one
    for a news document (years 1900 to 2100).

    >>> parse_document_date("2021-01-27")
    datetime.date(2021, 1, 27)
    """
    parsed = _parse(value)
    if parsed.year not in PLAUSIBLE_YEARS:
        raise ValueError(f"bad date {str(value).strip()!r}: the year is outside "
                         f"{PLAUSIBLE_YEARS.start}-{PLAUSIBLE_YEARS.stop - 1}")
    return parsed


def _parse(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"bad date {value!r}: a {type(value).__name__}, not a date; "
                         "use YYYY-MM-DD")
    text = str(value).strip()
    match = _ISO.match(text) or _COMPACT.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError as e:
            raise ValueError(f"bad date {text!r}: {e}") from e
    return _parse_free_text(text)


def _parse_free_text(text: str) -> date:
    import dateparser  # slow to import; only free-text dates need it

    settings = {"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first",
                "DATE_ORDER": "YMD" if re.match(r"^\d{4}", text) else "DMY"}
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", text):
        a, b = (int(x) for x in re.split(r"[/.-]", text)[:2])
        if a <= 12 and b <= 12 and a != b:
            raise ValueError(f"ambiguous date {text!r}: write it as YYYY-MM-DD")
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        raise ValueError(f"bad date {text!r}: use YYYY-MM-DD")
    return parsed.date()
