"""Streaming event writers: one call per event (its CONTRACT JSON), a header first where the
format has one. They serve `tidings code` as events come and `tidings export` from the database.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import IO, Any

STREAM_FORMATS = ("jsonl", "csv")  # written event by event, as they are coded
FORMATS = (*STREAM_FORMATS, "parquet", "gdelt", "plover")

CSV_COLUMNS = ("event_id", "doc_id", "sentence", "date", "date_precision", "event_type", "mode",
               "cameo", "quad_class", "goldstein", "source_country", "source_sector",
               "source_text", "target_country", "target_sector", "target_text", "confidence",
               "sentence_text")

EventWriter = Callable[[dict[str, Any]], None]


def event_writer(handle: IO[str], fmt: str) -> EventWriter:
    """A function writing one event (as `Event.to_json()` gives it) to `handle` in `fmt`."""
    if fmt == "csv":
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)

        def write_csv(event: dict[str, Any]) -> None:
            writer.writerow(_csv_row(event))
        return write_csv

    def write_jsonl(event: dict[str, Any]) -> None:
        handle.write(json.dumps(event, ensure_ascii=False) + "\n")
    return write_jsonl


def _csv_row(event: dict[str, Any]) -> list[Any]:
    def first(role: str, field: str) -> Any:
        return event[role][0][field] if event[role] else None
    return [event["event_id"], event["doc_id"], event["sentence"], event["date"],
            event["date_precision"], event["event_type"], event["mode"], event["cameo"],
            event["quad_class"], event["goldstein"], first("source", "country"),
            first("source", "sector"), first("source", "text"), first("target", "country"),
            first("target", "sector"), first("target", "text"), event["confidence"],
            event["evidence"]["text"]]
