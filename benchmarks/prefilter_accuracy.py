"""Accuracy with and without the pre-filter, on the same gold files at the same moment.

    .venv/bin/python benchmarks/prefilter_accuracy.py tests/golden/events.jsonl \
        ../shared/benchmarks/plover_gsr/gold.jsonl

For each gold file: type and dyad F1, false alarms, and how many events differ between the
two settings (by document, type, source, target and trigger text; and by sentence number).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from tidings.config import Config
from tidings.evaluate import code_gold, read_gold, score
from tidings.pipeline import Pipeline


def event_key(event: dict[str, Any], with_sentence: bool) -> str:
    evidence = event["evidence"]
    trigger = evidence["text"][slice(*evidence["trigger"])]
    key = [event["doc_id"], event["event_type"], event["mode"], event["cameo"],
           [(a["country"], a["sector"]) for a in event["source"]],
           [(a["country"], a["sector"]) for a in event["target"]], trigger, str(event["date"])]
    return json.dumps(key + ([event["sentence"]] if with_sentence else []))


def differ(before: list[dict[str, Any]], after: list[dict[str, Any]], with_sentence: bool
           ) -> dict[str, int]:
    a = Counter(event_key(e, with_sentence) for e in before)
    b = Counter(event_key(e, with_sentence) for e in after)
    return {"only_without": sum((a - b).values()), "only_with": sum((b - a).values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="gold JSONL files (id, date, text, events)")
    args = parser.parse_args()
    pipelines = {on: Pipeline(Config(prefilter=on)) for on in (False, True)}
    for path in args.gold:
        gold = read_gold(path)
        coded = {on: code_gold(gold, pipeline) for on, pipeline in pipelines.items()}
        for on, events in coded.items():
            report = score(gold, events).as_dict()
            print(json.dumps({"gold": path, "prefilter": on, "events": len(events),
                              "type_f1": report["type"]["f1"], "dyad_f1": report["dyad"]["f1"],
                              "no_event_rate": report["no_event"]["rate"]}))
        print(json.dumps({"gold": path,
                          "differ": differ(coded[False], coded[True], with_sentence=False),
                          "differ_with_sentence_number": differ(coded[False], coded[True],
                                                                with_sentence=True)}))


if __name__ == "__main__":
    main()
