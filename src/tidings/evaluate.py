"""Scoring the coder against a gold file (CONTRACT.md's format), for `tidings eval` and CI.

Type scores count a gold type found when an event of the document has that type (or
one of its `alt_types`); dyads expand each event to (source country, target country,
type) triples, with a target-less event of several sources read as mutual.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .ingest.readers import make_document
from .types import CodedDocument, Document


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    def scores(self) -> dict[str, float | int | None]:
        precision = self.correct / self.predicted if self.predicted else None
        recall = self.found / self.gold if self.gold else None
        f1 = (2 * precision * recall / (precision + recall)
              if precision is not None and recall is not None and precision + recall else
              (0.0 if precision is not None and recall is not None else None))
        return {"precision": precision, "recall": recall, "f1": f1, "n_gold": self.gold,
                "n_pred": self.predicted}


@dataclass
class Report:
    types: Tally = field(default_factory=Tally)
    per_type: dict[str, Tally] = field(default_factory=dict)
    dyads: Tally = field(default_factory=Tally)
    no_event_docs: int = 0
    false_alarms: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.types.scores(),
            "per_type": {t: v.scores() for t, v in sorted(self.per_type.items())},
            "dyad": self.dyads.scores(),
            "no_event": {"docs": self.no_event_docs, "with_prediction": self.false_alarms,
                         "rate": self.false_alarms / self.no_event_docs
                         if self.no_event_docs else None},
            "confusion": {f"{g} -> {p}": n for (g, p), n in self.confusion.most_common()},
        }


def _country(actor: Any) -> str:
    value = actor.get("country") if isinstance(actor, dict) else actor
    return str(value).upper() if value not in (None, "", "---") else "UNK"


def _accepted(event: dict[str, Any]) -> set[str]:
    return {event["event_type"], *(event.get("alt_types") or [])}


def _pairs(event: dict[str, Any]) -> set[tuple[str, str]]:
    sources = [_country(a) for a in event.get("source") or []]
    targets = [_country(a) for a in event.get("target") or []]
    if not targets and len(sources) > 1:
        return {(a, b) for a in sources for b in sources if a != b}
    return {(a, b) for a in sources or ["-"] for b in targets or ["-"]}


def score(gold_docs: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]]) -> Report:
    """A report of how `events` (event JSON) match `gold_docs` (gold JSON)."""
    predicted: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        if not event.get("negated"):
            predicted.setdefault(event["doc_id"], []).append(event)
    report = Report()
    for doc in gold_docs:
        gold = doc.get("events") or []
        mine = predicted.get(doc["id"], [])
        if not gold:
            report.no_event_docs += 1
            report.false_alarms += bool(mine)
        _score_types(gold, mine, report)
        _score_dyads(gold, mine, report)
    return report


def _score_types(gold: list[dict[str, Any]], mine: list[dict[str, Any]], report: Report) -> None:
    mine_types = {e["event_type"] for e in mine}
    accepted_any = set().union(*(_accepted(e) for e in gold)) if gold else set()
    by_type: dict[str, set[str]] = {}
    for event in gold:
        by_type.setdefault(event["event_type"], set()).update(_accepted(event))
    for gold_type, accepted in by_type.items():
        hit = bool(accepted & mine_types)
        tally = report.per_type.setdefault(gold_type, Tally())
        for t in (report.types, tally):
            t.gold += 1
            t.found += hit
        if not hit:
            strays = sorted(mine_types - accepted_any) or ["(none)"]
            report.confusion.update((gold_type, s) for s in strays)
    for event in mine:
        right = event["event_type"] in accepted_any
        tally = report.per_type.setdefault(event["event_type"], Tally())
        for t in (report.types, tally):
            t.predicted += 1
            t.correct += right
        if not gold:
            report.confusion[("(no event)", event["event_type"])] += 1


def _score_dyads(gold: list[dict[str, Any]], mine: list[dict[str, Any]], report: Report) -> None:
    mine_triples = {(a, b, e["event_type"]) for e in mine for a, b in _pairs(e)}
    gold_units: dict[tuple[str, str, str], set[str]] = {}
    for event in gold:
        for a, b in _pairs(event):
            gold_units.setdefault((a, b, event["event_type"]), set()).update(_accepted(event))
    accepted_triples = {(a, b, t) for (a, b, _), types in gold_units.items() for t in types}
    report.dyads.gold += len(gold_units)
    report.dyads.found += sum(any((a, b, t) in mine_triples for t in types)
                              for (a, b, _), types in gold_units.items())
    report.dyads.predicted += len(mine_triples)
    report.dyads.correct += len(mine_triples & accepted_triples)


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold documents, each with ``id``, ``text`` and ``events``."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{number}: not valid JSON ({e.msg})") from e
            if not isinstance(doc, dict) or any(k not in doc for k in ("id", "text", "events")):
                raise InputError(f"{path}:{number}: a gold document needs "
                                 '{"id", "date", "text", "events"}')
            docs.append(doc)
    return docs


def code_gold(gold_docs: list[dict[str, Any]], pipeline: Any = None) -> list[dict[str, Any]]:
    """Event JSON for the texts of the gold documents, coded by `pipeline` (or a new one)."""
    from .pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    documents = []
    for doc in gold_docs:
        item = make_document({k: doc.get(k) for k in ("id", "date", "text")}, str(doc["id"]),
                             pipeline.config.max_chars)
        if isinstance(item, Document):
            documents.append(item)
    return [event.to_json() for coded in pipeline.code_documents(documents)
            if isinstance(coded, CodedDocument) for event in coded.events]
