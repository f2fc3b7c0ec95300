from datetime import date

import pytest

from tidings.ingest import parse_document_date


@pytest.mark.parametrize(("text", "expected"), [
    ("2021-01-27", date(2021, 1, 27)),
    ("20210127", date(2021, 1, 27)),
    ("2021-01-27T08:15:00Z", date(2021, 1, 27)),
    ("27 January 2021", date(2021, 1, 27)),
    ("Jan. 27, 2021", date(2021, 1, 27)),
])
def test_dates_document_date_forms(text, expected):
    assert parse_document_date(text) == expected


@pytest.mark.parametrize("text", ["2021-02-30", "20211340", "not a date", "03/04/2021"])
def test_dates_bad_or_ambiguous_document_dates_raise(text):
    with pytest.raises(ValueError):
        parse_document_date(text)


@pytest.mark.parametrize(("value", "message"), [
    ("0001-01-01", "outside 1900-2100"),
    ("2999-01-01", "outside 1900-2100"),
    (True, "a bool, not a date"),
    ([2021, 1, 27], "a list, not a date"),
])
def test_dates_implausible_or_mistyped_document_dates_raise(value, message):
    with pytest.raises(ValueError, match=message):
        parse_document_date(value)


def test_dates_integer_and_date_values_are_accepted():
    assert parse_document_date(20210127) == date(2021, 1, 27)
    assert parse_document_date(date(2021, 1, 27)) == date(2021, 1, 27)
