"""Scoring actor phrases against a gold file; a stub resolver stands in for the model."""

from datetime import date

import pytest
from click.testing import CliRunner

from tidings.actors.score import read_actor_gold, score_phrases
from tidings.cli import main
from tidings.errors import InputError

GOLD = [
    '{"id": "a1", "text": "Seoul", "date": "2021-01-26", '
    '"expect": {"country": "KOR", "sector": "GOV"}, "kind": "metonym"}',
    '{"id": "a2", "text": "protesters", "date": "2020-01-01", '
    '"expect": {"country": null, "sector": "CVL"}}',
    '{"id": "a3", "text": "Xinhua", "date": "2021-01-01", "context": "Xinhua reported.", '
    '"expect": {"country": null, "sector": null}, "kind": "news_agency"}',
]
ANSWERS = {"Seoul": ("KOR", "GOV"), "protesters": ("UNK", "CVL"), "Xinhua": ("CHN", "JRN")}


def _resolve(text, day, context):
    assert isinstance(day, date)
    country, sector = ANSWERS[text]
    return {"text": text, "country": country, "sector": sector, "id": None}


def test_score_counts_country_and_sector_per_class():
    report = score_phrases(read_actor_gold(GOLD, "gold.jsonl"), _resolve).as_dict()
    assert (report["phrases"], report["country_accuracy"], report["sector_accuracy"]) == (
        3, round(2 / 3, 4), round(2 / 3, 4))
    assert report["per_class"]["other"]["country_accuracy"] == 1.0  # UNK counts as null
    assert report["misses"] == [{"line": 3, "text": "Xinhua", "expected": [None, None],
                                 "got": ["CHN", "JRN"], "id": None}]


@pytest.mark.parametrize(("line", "problem"), [
    ('{"text": "Seoul", "date": "2021-01-26"}', "KeyError"),
    ('{"text": "Seoul", "date": "Tuesday", "expect": {"country": "KOR", "sector": "GOV"}}',
     "ValueError"),
    ("not json", "JSONDecodeError"),
])
def test_score_gold_errors_name_the_line(line, problem):
    with pytest.raises(InputError, match=f"gold.jsonl:2: {problem}"):
        read_actor_gold([GOLD[0], line], "gold.jsonl")


def test_score_empty_gold_file():
    with pytest.raises(InputError, match="no phrases"):
        read_actor_gold(["", "  "], "gold.jsonl")


def test_score_flag_needs_jsonl():
    result = CliRunner().invoke(main, ["actor", "Seoul", "--score"])
    assert result.exit_code == 2
    assert "--score needs --jsonl FILE" in result.output
