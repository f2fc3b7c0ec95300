from datetime import date

import pytest

from tidings.normalize import clean_text, dateline_date, find_dateline

BUG = ("BEIJING, Jan. 26 -- Chinese President Xi Jinping held phone talks with South Korean "
       "President Moon Jae-in on Tuesday.")


@pytest.mark.parametrize(("text", "place", "region", "when", "source"), [
    ("BEIJING, Jan. 26 (Xinhua) -- Xi spoke.", "Beijing", None, "Jan. 26", "Xinhua"),
    ("KAZAN, Russia, Oct. 23 (Xinhua) -- Xi met Modi.", "Kazan", "Russia", "Oct. 23", "Xinhua"),
    ("NEW DELHI, 26 January 2021 (PTI) — India said.", "New Delhi", None, "26 January 2021", "PTI"),
    ("WASHINGTON (Reuters) - The US said.", "Washington", None, None, "Reuters"),
    ("MOSCOW -- Russia said.", "Moscow", None, None, None),
    ("Moscow, March 3, 2022 (TASS) – Russia said.", "Moscow", None, "March 3, 2022", "TASS"),
    ("\n  SEOUL, June 11 (Yonhap) -- Seoul said.", "Seoul", None, "June 11", "Yonhap"),
])
def test_dateline_parsed_into_place_date_and_source(text, place, region, when, source):
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.region, dateline.date_text, dateline.source) == (
        place, region, when, source)
    assert text[dateline.span[0]:dateline.span[0] + 3].lower() == place[:3].lower()


@pytest.mark.parametrize("text", [
    "Ukraine - Russia talks stalled.",          # mixed case, no date, no agency
    "Russia and Ukraine held talks -- again.",  # the dash is not after a place
    "AZ - AZ - a",                              # two in a row: not wire copy
    "Xi met Moon. BEIJING, Jan. 26 -- late.",   # not at the opening
    "",
])
def test_dateline_not_found_where_there_is_none(text):
    assert find_dateline(text) is None


def test_dateline_is_kept_from_the_parser_and_offsets_still_map():
    clean = clean_text(BUG)
    assert clean.text.startswith("Chinese President Xi Jinping held")
    assert "dateline" in clean.flags and clean.dateline is not None
    start, end = clean.dateline.span
    assert BUG[start:end] == "BEIJING, Jan. 26 -- "
    s, e = clean.original_span(0, len("Chinese"))
    assert BUG[s:e] == "Chinese"


def test_dateline_after_debris_repairs_maps_into_the_original():
    text = "  <p>SEOUL, June 11 (Yonhap) -- South Korea&#39;s envoy spoke.</p>"
    clean = clean_text(text)
    start, end = clean.dateline.span
    assert text[start:end].startswith("SEOUL, June 11 (Yonhap) --")
    assert clean.text.startswith("South Korea's envoy")


@pytest.mark.parametrize(("when", "document_date", "expected"), [
    ("Jan. 26", date(2021, 1, 27), date(2021, 1, 26)),
    ("Dec. 31", date(2021, 1, 2), date(2020, 12, 31)),   # filed after the new year
    ("March 3, 2022", None, date(2022, 3, 3)),
    ("Jan. 26", None, None),                              # no year to put it in
])
def test_dateline_date_against_the_document_date(when, document_date, expected):
    dateline = find_dateline(f"MOSCOW, {when} (TASS) -- Russia said.")
    assert dateline_date(dateline, document_date) == expected


def test_dateline_date_without_dateline_or_date_is_none():
    assert dateline_date(None, date(2021, 1, 27)) is None
    assert dateline_date(find_dateline("MOSCOW -- Russia said."), date(2021, 1, 27)) is None
