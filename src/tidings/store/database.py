"""DuckDB as the system of record.

Writing is idempotent: a document whose id and content hash are already stored is
skipped, so running the same input twice leaves the database unchanged. Each batch is
one transaction, so a run killed mid-way leaves whole documents only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from ..errors import TidingsError
from ..types import CodedDocument, Event, Rejection

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, coder VARCHAR, config JSON);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, date DATE, title VARCHAR,
    source VARCHAR, url VARCHAR, origin VARCHAR, text VARCHAR, flags VARCHAR[],
    sentences INTEGER, words INTEGER, run_id VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, sentence INTEGER, date DATE,
    date_precision VARCHAR, event_type VARCHAR NOT NULL, mode VARCHAR, context VARCHAR[],
    cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    source_country VARCHAR, source_sector VARCHAR, target_country VARCHAR,
    target_sector VARCHAR, source JSON, target JSON, location JSON, negated BOOLEAN,
    confidence DOUBLE, evidence JSON, coder VARCHAR);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR NOT NULL, role VARCHAR NOT NULL, position INTEGER NOT NULL,
    text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, actor_id VARCHAR);
CREATE TABLE IF NOT EXISTS rejects (
    id VARCHAR, origin VARCHAR, reason VARCHAR, stage VARCHAR, "at" TIMESTAMP);
"""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """A DuckDB file holding everything coded into it.

    Example:
        >>> with Store("tidings.duckdb") as store:               # doctest: +SKIP
        ...     store.write(pipeline.code_documents(docs), run_id)
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(_SCHEMA)
            if not self.rows("SELECT count(*) FROM schema_version")[0][0]:
                self.con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def start_run(self, coder: str, config: dict[str, Any]) -> str:
        started = datetime.now(timezone.utc).replace(tzinfo=None)
        run_id = hashlib.sha1(f"{started.isoformat()}{coder}".encode()).hexdigest()[:12]
        self.con.execute("INSERT INTO runs VALUES (?, ?, ?, ?)",
                         [run_id, started, coder, json.dumps(config, default=str)])
        return run_id

    def write(self, results: Iterable[CodedDocument | Rejection], run_id: str,
              batch_size: int = 64) -> Iterator[CodedDocument | Rejection]:
        """Store results in transactions of `batch_size`, passing each one on."""
        batch: list[CodedDocument | Rejection] = []
        for result in results:
            batch.append(result)
            if len(batch) >= batch_size:
                self._write_batch(batch, run_id)
                yield from batch
                batch = []
        if batch:
            self._write_batch(batch, run_id)
            yield from batch

    def _write_batch(self, batch: list[CodedDocument | Rejection], run_id: str) -> None:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for result in batch:
                if isinstance(result, Rejection):
                    self._write_reject(result, now)
                else:
                    self._write_document(result, run_id)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _write_reject(self, rejection: Rejection, now: datetime) -> None:
        known = self.con.execute("SELECT 1 FROM rejects WHERE id = ? AND origin = ? AND reason = ?",
                                 [rejection.id, rejection.origin, rejection.reason]).fetchone()
        if not known:
            self.con.execute("INSERT INTO rejects VALUES (?, ?, ?, ?, ?)",
                             [rejection.id, rejection.origin, rejection.reason, rejection.stage,
                              now])

    def _write_document(self, coded: CodedDocument, run_id: str) -> None:
        doc = coded.document
        digest = content_hash(doc.text)
        stored = self.con.execute("SELECT content_hash FROM documents WHERE id = ?",
                                  [doc.id]).fetchone()
        if stored and stored[0] == digest:
            return
        if stored:
            self._delete_document(doc.id)
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.id, digest, doc.date, doc.title, doc.source, doc.url, doc.origin, doc.text,
             list(coded.flags), coded.sentences, coded.words, run_id])
        if coded.events:
            self.con.executemany(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?, ?)", [_event_row(e) for e in coded.events])
            self.con.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 [row for e in coded.events for row in _actor_rows(e)])

    def _delete_document(self, doc_id: str) -> None:
        self.con.execute("DELETE FROM event_actors WHERE event_id IN "
                         "(SELECT event_id FROM events WHERE doc_id = ?)", [doc_id])
        self.con.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def rows(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """The rows of a query, as tuples."""
        return self.con.execute(query, params or []).fetchall()

    def read_only_query(self, query: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a user's SQL; errors say what DuckDB said."""
        try:
            relation = self.con.sql(query)
            return list(relation.columns), relation.fetchall()
        except duckdb.Error as e:
            raise TidingsError(f"query failed: {e}") from e

    def sql(self, query: str, params: list[Any] | None = None) -> duckdb.DuckDBPyRelation:
        """A relation for a query, to turn into rows, pandas, Polars or Arrow."""
        return self.con.sql(query, params=params)


def _event_row(event: Event) -> list[Any]:
    data = event.to_json()
    first_source = event.source[0] if event.source else None
    first_target = event.target[0] if event.target else None
    return [event.event_id, event.doc_id, event.sentence, event.date, event.date_precision,
            event.event_type, event.mode, list(event.context), event.cameo, event.quad_class,
            event.goldstein,
            first_source.country if first_source else None,
            first_source.sector if first_source else None,
            first_target.country if first_target else None,
            first_target.sector if first_target else None,
            json.dumps(data["source"]), json.dumps(data["target"]),
            json.dumps(data["location"]), event.negated, event.confidence,
            json.dumps(data["evidence"]), event.coder]


def _actor_rows(event: Event) -> Iterator[list[Any]]:
    for role, actors in (("source", event.source), ("target", event.target)):
        for position, actor in enumerate(actors):
            yield [event.event_id, role, position, actor.text, actor.name, actor.country,
                   actor.sector, actor.id]
