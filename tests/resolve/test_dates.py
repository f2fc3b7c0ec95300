from datetime import date

import pytest

from tidings.resolve import resolve_time_expression

BASE = date(2021, 1, 27)  # a Wednesday


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("on Tuesday", date(2021, 1, 26), "day"),
    ("Wednesday", date(2021, 1, 27), "day"),
    ("last Wednesday", date(2021, 1, 20), "day"),
    ("yesterday", date(2021, 1, 26), "day"),
    ("today", BASE, "day"),
    ("on Jan. 26", date(2021, 1, 26), "day"),
    ("January 26", date(2021, 1, 26), "day"),
    ("26 January", date(2021, 1, 26), "day"),
    ("December 30", date(2020, 12, 30), "day"),
    ("March 3, 2019", date(2019, 3, 3), "day"),
    ("last week", date(2021, 1, 20), "week"),
    ("earlier this month", date(2021, 1, 1), "month"),
    ("last month", date(2020, 12, 1), "month"),
    ("in 2019", date(2019, 1, 1), "year"),
    ("last year", date(2020, 1, 1), "year"),
    ("in November 2020", date(2020, 11, 1), "month"),
    ("18 years ago", date(2003, 1, 1), "year"),
    ("three days ago", date(2021, 1, 24), "day"),
    ("a week ago", date(2021, 1, 20), "week"),
    ("two months ago", date(2020, 11, 27), "month"),
])
def test_dates_relative_to_publication(text, expected, precision):
    resolved = resolve_time_expression(text, BASE)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (expected, precision)


def test_dates_future_events_are_not_dated_in_the_past():
    assert resolve_time_expression("on Friday", BASE, future=True).date == date(2021, 1, 29)
    assert resolve_time_expression("March 3", BASE, future=True).date == date(2021, 3, 3)


@pytest.mark.parametrize("text", ["the 1990s", "a long time", "recently"])
def test_dates_unresolvable_expressions_give_none(text):
    assert resolve_time_expression(text, BASE) is None

