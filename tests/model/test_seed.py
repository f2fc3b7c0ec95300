"""The user's first document, coded as given (header line and translation debris included)."""

import json

import pytest

from tidings.ingest import read_path


@pytest.fixture(scope="module")
def seed(shared):
    article = shared / "benchmarks" / "seed" / "article.txt"
    gold_file = shared / "benchmarks" / "seed" / "gold.jsonl"
    if not article.exists() or not gold_file.exists():
        pytest.skip("the seed article is not in ../shared")
    return article, json.loads(gold_file.read_text().splitlines()[0])


@pytest.fixture(scope="module")
def seed_events(pipeline, seed):
    article, _ = seed
    (coded,) = pipeline.code_documents(read_path(article))
    return [e.to_json() for e in coded.events]


def _matches(event, wanted):
    sources = {(a["country"], a["sector"]) for a in event["source"]}
    targets = {a["country"] for a in event["target"]}
    return (event["event_type"] == wanted["event_type"]
            and {(a["country"], a["sector"]) for a in wanted["source"]} <= sources
            and {a["country"] for a in wanted["target"]} <= targets)


def test_seed_every_required_event_is_found(seed, seed_events):
    _, gold = seed
    required = [e for e in gold["events"] if e["required"]]
    missing = [e["note"] for e in required if not any(_matches(ev, e) for ev in seed_events)]
    assert not missing, f"missing: {missing}\ncoded: {seed_events}"


def test_seed_call_is_dated_tuesday_by_phone(seed_events):
    calls = [e for e in seed_events if e["event_type"] == "CONSULT"]
    assert calls and calls[0]["date"] == "2021-01-26" and calls[0]["mode"] == "phone"
    assert calls[0]["cameo"].startswith("04")


def test_seed_nothing_forbidden(seed, seed_events):
    _, gold = seed
    forbidden = gold["forbidden"]
    for event in seed_events:
        assert event["event_type"] not in forbidden["event_types"], event
        actors = event["source"] + event["target"]
        assert {a["country"] for a in actors} <= set(forbidden["countries_other_than"]), event
        assert event["date"] in forbidden["dates_other_than"], event


def test_seed_evidence_spans_point_into_the_sentence(seed_events):
    for event in seed_events:
        evidence = event["evidence"]
        start, end = evidence["trigger"]
        assert 0 <= start < end <= len(evidence["text"])
        for s, e in evidence["source"] + evidence["target"]:
            assert 0 <= s < e <= len(evidence["text"])
