"""Streaming event writers: one call per event, a header first where the format has one."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import IO, Any

from ..types import Event

FORMATS = ("jsonl", "csv")

CSV_COLUMNS = ("event_id", "doc_id", "sentence", "date", "date_precision", "event_type", "mode",
               "cameo", "quad_class", "goldstein", "source_country", "source_sector",
               "source_text", "target_country", "target_sector", "target_text", "confidence",
               "sentence_text")


def event_writer(handle: IO[str], fmt: str) -> Callable[[Event], None]:
    if fmt == "csv":
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)

        def write_csv(event: Event) -> None:
            writer.writerow(_csv_row(event))
        return write_csv

    def write_jsonl(event: Event) -> None:
        handle.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
    return write_jsonl


def _csv_row(event: Event) -> list[Any]:
    def first(actors: tuple[Any, ...], field: str) -> Any:
        return getattr(actors[0], field) if actors else None
    return [event.event_id, event.doc_id, event.sentence, event.date, event.date_precision,
            event.event_type, event.mode, event.cameo, event.quad_class, event.goldstein,
            first(event.source, "country"), first(event.source, "sector"),
            first(event.source, "text"), first(event.target, "country"),
            first(event.target, "sector"), first(event.target, "text"), event.confidence,
            event.evidence.text]
