"""The accuracy gate: the coder on our own golden file must stay above pinned floors.

The floors live in tests/golden/floors.json. Raise them when the coder improves; lowering
one is a visible change to that file that a reviewer must accept, with the reason in
CHANGELOG.md.
"""

import json
from pathlib import Path

import pytest

from tidings.evaluate import code_gold, read_gold, score

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.fixture(scope="module")
def report(pipeline):
    gold = read_gold(GOLDEN / "events.jsonl")
    return score(gold, code_gold(gold, pipeline)).as_dict()


@pytest.fixture(scope="module")
def floors():
    return json.loads((GOLDEN / "floors.json").read_text())


def test_accuracy_gate_type_f1(report, floors):
    assert report["type"]["f1"] >= floors["type_f1"], report["type"]


def test_accuracy_gate_dyad_f1(report, floors):
    assert report["dyad"]["f1"] >= floors["dyad_f1"], report["dyad"]


def test_accuracy_gate_false_alarms(report, floors):
    assert report["no_event"]["rate"] <= floors["no_event_rate_max"], report["no_event"]


@pytest.mark.parametrize("event_type", ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE",
                                        "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                                        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                                        "ASSAULT"])
def test_accuracy_gate_per_type_f1(report, floors, event_type):
    f1 = report["per_type"][event_type]["f1"] or 0.0
    assert f1 >= floors["per_type_f1"][event_type], report["per_type"][event_type]


def test_accuracy_gate_golden_file_is_big_enough():
    gold = read_gold(GOLDEN / "events.jsonl")
    assert len(gold) >= 200
    assert sum(1 for d in gold if not d["events"]) >= 40
