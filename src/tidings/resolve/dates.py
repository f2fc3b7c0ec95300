"""Time expressions resolved against the publication date, each with its precision.

A weekday is the latest such day not after the publication date ("on Tuesday" in a
report of Wednesday 2021-01-27 is 2021-01-26); an event announced for the future may
fall after it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_WEEKDAYS = {name.lower(): k for k, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): k for k, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): k for k, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?",
                        re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?\b(?:,?\s+(\d{{4}}))?",
                        re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"^(?:in|on|during|since|last|this|early|late|mid-?)?\s*({_MONTH_RE})\b",
                          re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_AGO = re.compile(rf"\b(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)}) (day|week|month|year)s? ago\b")


@dataclass(frozen=True)
class TimeExpression:
    date: date
    precision: str  # day, week, month, year
    text: str


def resolve_time_expression(text: str, base: date, future: bool = False
                            ) -> TimeExpression | None:
    """The date a time expression names, relative to `base` (the document date).

    >>> resolve_time_expression("on Tuesday", date(2021, 1, 27)).date
    datetime.date(2021, 1, 26)
    """
    lower = " ".join(text.lower().split())
    for resolve in (_ago, _relative_day, _weekday, _calendar_date, _relative_period):
        result = resolve(lower, base, future)
        if result is not None:
            return TimeExpression(result[0], result[1], text)
    return None


def _relative_day(text: str, base: date, future: bool) -> tuple[date, str] | None:
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
        return base, "day"
    if re.search(r"\b(yesterday|last night)\b", text):
        return base - timedelta(days=1), "day"
    if re.search(r"\btomorrow\b", text):
        return base + timedelta(days=1), "day"
    return None


def _weekday(text: str, base: date, future: bool) -> tuple[date, str] | None:
    for name, number in _WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text):
            if "next" in text or future:
                ahead = (number - base.weekday()) % 7 or 7
                return base + timedelta(days=ahead), "day"
            back = (base.weekday() - number) % 7
            if "last" in text and back == 0:
                back = 7
            return base - timedelta(days=back), "day"
    return None


def _calendar_date(text: str, base: date, future: bool) -> tuple[date, str] | None:
    iso = _ISO.search(text)
    if iso:
        return _safe_date(*(int(g) for g in iso.groups())), "day"
    month_day = _MONTH_DAY.search(text)
    day_month = _DAY_MONTH.search(text)
    if month_day or day_month:
        if month_day:
            month_name, day_text, year = month_day.groups()
        else:
            assert day_month is not None
            day_text, month_name, year = day_month.groups()
        month, day = _MONTHS[month_name.lower()], int(day_text)
        if year:
            return _safe_date(int(year), month, day), "day"
        return _nearest(base, month, day, future), "day"
    month_year = _MONTH_YEAR.search(text)
    if month_year:
        return _safe_date(int(month_year.group(2)), _MONTHS[month_year.group(1).lower()], 1), "month"
    year = _YEAR.search(text)
    if year and not re.search(r"\d{4}s", text):
        return date(int(year.group(1)), 1, 1), "year"
    month_alone = _MONTH_ALONE.search(text)
    if month_alone and month_alone.group(1).lower() not in ("may", "mar"):
        month = _MONTHS[month_alone.group(1).lower()]
        year_of = base.year if month <= base.month or future else base.year - 1
        return date(year_of, month, 1), "month"
    return None


def _relative_period(text: str, base: date, future: bool) -> tuple[date, str] | None:
    if re.search(r"\b(last|past|previous) week\b", text):
        return base - timedelta(days=7), "week"
    if re.search(r"\b(this|earlier this|later this) week\b", text):
        return base, "week"
    if re.search(r"\bnext week\b", text):
        return base + timedelta(days=7), "week"
    if re.search(r"\b(last|past|previous) month\b", text):
        first = base.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if re.search(r"\b(this|earlier this|later this) month\b", text):
        return base.replace(day=1), "month"
    if re.search(r"\blast year\b", text):
        return date(base.year - 1, 1, 1), "year"
    if re.search(r"\b(this|earlier this) year\b", text):
        return date(base.year, 1, 1), "year"
    return None


def _ago(text: str, base: date, future: bool) -> tuple[date, str] | None:
    """"three days ago", "18 years ago", "a year ago today" (read before "today")."""
    match = _AGO.search(text)
    if match is None:
        return None
    count, unit = match.group(1), match.group(2)
    n = _NUMBER_WORDS.get(count) or int(count)
    if unit == "year":
        return date(base.year - n, 1, 1), "year"
    if unit == "month":
        months = base.year * 12 + base.month - 1 - n
        year, month = months // 12, months % 12 + 1
        return date(year, month, min(base.day, calendar.monthrange(year, month)[1])), "month"
    days = n * (7 if unit == "week" else 1)
    return base - timedelta(days=days), "week" if unit == "week" else "day"


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 1)


def _nearest(base: date, month: int, day: int, future: bool) -> date:
    """A month and day without a year: this year's, unless that is well after `base`."""
    this_year = _safe_date(base.year, month, day)
    if not future and this_year > base + timedelta(days=2):
        return _safe_date(base.year - 1, month, day)
    return this_year
