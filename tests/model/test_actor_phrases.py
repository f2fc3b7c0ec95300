"""The actor gate: `tidings actor`'s resolver on our gold phrases must stay above pinned floors.

The phrases are tests/golden/actor_phrases.jsonl; the floors, tests/golden/actor_floors.json.
Raise a floor when resolution improves; lowering one is a visible change a reviewer must
accept. `tidings actor --jsonl tests/golden/actor_phrases.jsonl --score` prints the same
figures with every miss.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from tidings.actors.phrase import ActorStack, PhraseResolver
from tidings.actors.score import read_actor_gold, score_phrases

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
GOLD_FILE = GOLDEN / "actor_phrases.jsonl"
# The classes of phrase the issue asks for; each must be in the gold file.
CLASSES = ("country", "metonym", "agent", "prefix", "leader", "minister", "igo_leader", "igo",
           "ministry", "party", "armed_group", "bare_agent", "news_agency", "unknown",
           "surname", "title")


@pytest.fixture(scope="module")
def gold():
    with GOLD_FILE.open(encoding="utf-8") as f:
        return read_actor_gold(f, str(GOLD_FILE))


@pytest.fixture(scope="module")
def report(pipeline, gold):
    resolver = PhraseResolver(ActorStack(pipeline.nlp, pipeline.kb, pipeline.resolver))
    return score_phrases(gold, resolver.resolve).as_dict()


@pytest.fixture(scope="module")
def floors():
    return json.loads((GOLDEN / "actor_floors.json").read_text())


@pytest.mark.parametrize("measure", ["country_accuracy", "sector_accuracy"])
def test_actor_phrases_accuracy(report, floors, measure):
    assert report[measure] >= floors[measure], (report[measure], report["misses"])


@pytest.mark.parametrize("kind", CLASSES)
@pytest.mark.parametrize("measure", ["country_accuracy", "sector_accuracy"])
def test_actor_phrases_accuracy_per_class(gold, report, floors, kind, measure):
    figures = report["per_class"][kind]
    lines = {p.line for p in gold if p.kind == kind}
    misses = [m for m in report["misses"] if m["line"] in lines]
    assert figures[measure] >= floors[f"per_class_{measure}"], (figures, misses)


def test_actor_phrases_gold_file_covers_the_issue(gold):
    counts = Counter(p.kind for p in gold)
    assert len(gold) >= 300
    assert all(counts[kind] >= 5 for kind in CLASSES), counts
