"""Documents in, as a user gives them: every kind of bad input, datelines, dates, places.

The accuracy tests print their figures (run with ``-s``) and hold them above floors.
"""

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.resolve import load_gazetteer
from tidings.types import Document, Place

TESTS = Path(__file__).resolve().parents[1]
BAD_INPUTS = TESTS / "fixtures" / "bad_inputs"
PLACES_GOLD = TESTS / "resolve" / "places_gold.jsonl"
EVENTS_GOLD = TESTS / "golden" / "events.jsonl"
DATE_FLOOR, PLACE_FLOOR = 0.85, 0.80


def test_inputs_bad_input_folder_is_coded_with_exit_status_zero(tmp_path):
    db = tmp_path / "bad.duckdb"
    result = CliRunner().invoke(main, ["code", str(BAD_INPUTS), "--db", str(db), "-o",
                                       str(tmp_path / "events.jsonl")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        coded = {row[0] for row in con.execute("SELECT origin FROM documents").fetchall()}
        rejected = dict(con.execute("SELECT origin, reason FROM rejects").fetchall())
    files = {str(p) for p in BAD_INPUTS.iterdir()}
    seen = {origin.split(":")[0].split("[")[0] for origin in coded | set(rejected)}
    assert files == seen, f"inputs in neither documents nor rejects: {files - seen}"
    assert len(coded) == 8 and len(rejected) == 22
    reasons = {Path(origin).name: reason for origin, reason in rejected.items()}
    assert reasons["french.txt"].startswith("language fr")
    assert reasons["broken_lines.jsonl:1"].startswith("language de")
    assert "too long" in reasons["too_long.txt.gz"] and "gzip" in reasons["truncated.jsonl.gz"]


def test_inputs_dateline_article_codes_its_event_with_the_dateline_place(pipeline):
    text = ("BEIJING, Jan. 26 -- Chinese President Xi Jinping held phone talks with South "
            "Korean President Moon Jae-in on Tuesday.")
    (coded,) = pipeline.code_documents([Document("d", text, date(2021, 1, 27))])
    (event,) = coded.events
    assert (event.event_type, event.date, event.date_precision) == ("CONSULT", date(2021, 1, 26),
                                                                    "day")
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.origin) == (
        "Beijing", "CHN", "dateline")
    assert coded.dateline is not None and coded.dateline.place == "Beijing"
    assert "dateline" in coded.flags and coded.quality == 1.0
    start, end = event.evidence.in_document.trigger
    assert text[start:end] == "held"  # offsets still point into the original text


def test_inputs_announced_events_are_not_dated_in_the_past(pipeline):
    events = pipeline.code_text("Chinese President Xi Jinping plans to visit Seoul on Friday.",
                                date(2021, 1, 27))
    assert events and all(e.date == date(2021, 1, 29) for e in events)


def test_inputs_quality_and_flags_travel_with_the_document(pipeline, shared):
    from tidings.ingest import read_path

    (coded,) = pipeline.code_documents(read_path(shared / "benchmarks" / "seed" / "article.txt"))
    assert set(coded.flags) == {"untranslated_fragment", "split_compound", "broken_sentence"}
    assert coded.quality == pytest.approx(0.7)


def test_inputs_place_accuracy_on_our_gold_sentences(pipeline):
    gold = [json.loads(line) for line in PLACES_GOLD.read_text().splitlines() if line]
    documents = [Document(g["id"], g["text"], date.fromisoformat(g["date"])) for g in gold]
    right, wrong, uncoded = 0, [], []
    for item, coded in zip(gold, pipeline.code_documents(documents), strict=True):
        if not coded.events:
            uncoded.append(item["id"])  # the coder's recall, not the place resolver's
            continue
        located = next((e.location for e in coded.events if e.location), None)
        if _same_place(located, item["place"]):
            right += 1
        else:
            wrong.append((item["id"], located and located.name, item["place"]))
    accuracy = right / (len(gold) - len(uncoded))
    print(f"\nplace accuracy: {right}/{len(gold) - len(uncoded)} = {accuracy:.2f} "
          f"(no event coded: {uncoded}); wrong: {wrong}")
    assert accuracy >= PLACE_FLOOR, wrong


def test_inputs_date_accuracy_on_the_golden_file(pipeline):
    gold = [json.loads(line) for line in EVENTS_GOLD.read_text().splitlines() if line]
    documents = [Document(g["id"], g["text"], date.fromisoformat(g["date"])) for g in gold]
    compared, right, wrong = 0, 0, []
    for item, coded in zip(gold, pipeline.code_documents(documents), strict=True):
        unmatched = list(coded.events)
        for wanted in (e for e in item["events"] if e.get("date")):
            found = next((e for e in unmatched if e.event_type == wanted["event_type"]), None)
            if found is None:
                continue  # a missed event is the coder's recall, not the date resolver's
            unmatched.remove(found)
            compared += 1
            if found.date is not None and found.date.isoformat() == wanted["date"]:
                right += 1
            else:
                wrong.append((item["id"], str(found.date), wanted["date"]))
    accuracy = right / compared
    print(f"\ndate accuracy: {right}/{compared} = {accuracy:.2f}; wrong: {wrong}")
    assert accuracy >= DATE_FLOOR, wrong


def _same_place(found: Place | None, wanted: dict | None) -> bool:
    if wanted is None or found is None:
        return wanted is None and found is None
    if found.country != wanted["country"]:
        return False
    if found.name.casefold() == wanted["name"].casefold():
        return True
    expected = load_gazetteer().resolve(wanted["name"], wanted["country"])
    return expected.geonameid is not None and expected.geonameid == found.geonameid
