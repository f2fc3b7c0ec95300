"""DuckDB as the system of record.

Writing is idempotent: a document whose id and content hash are already stored is
skipped, so running the same input twice leaves the database unchanged. Each batch is
one transaction, so a run killed mid-way leaves whole batches only, and running it again
codes exactly the documents that are missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import TidingsError
from ..types import CodedDocument, Document, Event, Rejection
from .filters import EventFilter
from .schema import BASE, MIGRATIONS, SCHEMA_VERSION

# Column types of the rows written per batch, in table order (JSON columns go in as text).
_EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("sentence", pa.int32()),
    ("date", pa.date32()), ("date_precision", pa.string()), ("event_type", pa.string()),
    ("mode", pa.string()), ("context", pa.list_(pa.string())), ("cameo", pa.string()),
    ("quad_class", pa.int32()), ("goldstein", pa.float64()), ("source_country", pa.string()),
    ("source_sector", pa.string()), ("target_country", pa.string()),
    ("target_sector", pa.string()), ("source", pa.string()), ("target", pa.string()),
    ("location", pa.string()), ("negated", pa.bool_()), ("confidence", pa.float64()),
    ("evidence", pa.string()), ("coder", pa.string()), ("plover_score", pa.float64()),
    ("sentence_text", pa.string())])
_ACTOR_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("role", pa.string()), ("position", pa.int32()),
    ("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
    ("sector", pa.string()), ("actor_id", pa.string())])
_DOCUMENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("content_hash", pa.string()), ("date", pa.date32()),
    ("title", pa.string()), ("source", pa.string()), ("url", pa.string()),
    ("origin", pa.string()), ("text", pa.string()), ("flags", pa.list_(pa.string())),
    ("sentences", pa.int32()), ("words", pa.int32()), ("run_id", pa.string()),
    ("quality", pa.float64())])


class StoreError(TidingsError):
    """The database file cannot be opened or queried as asked."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """A DuckDB file holding everything coded into it.

    A writer brings an older file up to the current schema when it opens it; a reader
    (``read_only=True``) never changes the file and says how to upgrade an old one.

    Example:
        >>> with Store("tidings.duckdb") as store:               # doctest: +SKIP
        ...     store.write(pipeline.code_documents(docs), run_id)
        >>> Store("tidings.duckdb", read_only=True).events(EventFilter(country="KOR")).df()
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        if read_only and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such database; create one with "
                             "`tidings code INPUT --db PATH`")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot open the database ({e}); is another "
                             "`tidings` process writing to it?") from e
        if read_only:
            self._check_version()
        else:
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # Schema versions

    @property
    def schema_version(self) -> int:
        return self._stored_version() or 0

    def _stored_version(self) -> int | None:
        try:
            ((version,),) = self.rows("SELECT max(version) FROM schema_version")
        except duckdb.CatalogException:
            return None
        return version

    def _check_version(self) -> None:
        version = self._stored_version()
        if version is None:
            self.close()
            raise StoreError(f"{self.path} is not a tidings database (it has no schema_version "
                             "table)")
        if version < SCHEMA_VERSION:
            self.close()
            raise StoreError(f"{self.path} has schema version {version}, this tidings reads "
                             f"version {SCHEMA_VERSION}: run `tidings migrate --db {self.path}` "
                             "to upgrade it")
        self._refuse_newer(version)

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            self.close()
            raise StoreError(f"{self.path} has schema version {version}, newer than this tidings "
                             f"knows ({SCHEMA_VERSION}): upgrade tidings to use it")

    def _migrate(self) -> None:
        """Bring the file to SCHEMA_VERSION, one transaction per step."""
        self.con.execute(BASE)
        version = self._stored_version()
        if version is None:
            self.con.execute("INSERT INTO schema_version VALUES (1)")
            version = 1
        self._refuse_newer(version)
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction():
                self.con.execute(MIGRATIONS[step])
                self.con.execute("UPDATE schema_version SET version = ?", [step])

    # Writing

    def start_run(self, coder: str, config: dict[str, Any]) -> str:
        started = datetime.now(timezone.utc).replace(tzinfo=None)
        run_id = hashlib.sha1(f"{started.isoformat()}{coder}".encode()).hexdigest()[:12]
        self.con.execute("INSERT INTO runs VALUES (?, ?, ?, ?)",
                         [run_id, started, coder, json.dumps(config, default=str)])
        return run_id

    def write(self, results: Iterable[CodedDocument | Rejection], run_id: str,
              batch_size: int = 64, replace: bool = False
              ) -> Iterator[CodedDocument | Rejection]:
        """Store results in transactions of `batch_size`, passing each one on.

        A document already stored with the same content is kept as it is, unless `replace`
        (a recode) asks for its events to be replaced.
        """
        batch: list[CodedDocument | Rejection] = []
        for result in results:
            batch.append(result)
            if len(batch) >= batch_size:
                self._write_batch(batch, run_id, replace)
                yield from batch
                batch = []
        if batch:
            self._write_batch(batch, run_id, replace)
            yield from batch

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN … COMMIT, or ROLLBACK when anything (KeyboardInterrupt too) escapes."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _write_batch(self, batch: list[CodedDocument | Rejection], run_id: str,
                     replace: bool) -> None:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        # The last version of a document in the batch wins, as if written one by one.
        coded = {r.document.id: r for r in batch if isinstance(r, CodedDocument)}
        with self._transaction():
            self._write_rejects([r for r in batch if isinstance(r, Rejection)], now)
            stored = dict(self.rows("SELECT id, content_hash FROM documents WHERE id IN "
                                    "(SELECT unnest(?))", [list(coded)]))
            fresh = [c for c in coded.values()
                     if replace or stored.get(c.document.id) != content_hash(c.document.text)]
            # Deleting scans the events: only for documents that are there to replace.
            self._delete_documents([c.document.id for c in fresh if c.document.id in stored])
            self._insert(fresh, run_id)

    def _write_rejects(self, rejections: list[Rejection], now: datetime) -> None:
        for rejection in dict.fromkeys(rejections):
            known = self.rows("SELECT 1 FROM rejects WHERE id = ? AND origin = ? AND reason = ?",
                              [rejection.id, rejection.origin, rejection.reason])
            if not known:
                self.con.execute("INSERT INTO rejects VALUES (?, ?, ?, ?, ?)",
                                 [rejection.id, rejection.origin, rejection.reason,
                                  rejection.stage, now])

    def _delete_documents(self, doc_ids: list[str]) -> None:
        if not doc_ids:
            return
        self.con.execute("DELETE FROM event_actors WHERE event_id IN "
                         "(SELECT event_id FROM events WHERE doc_id IN (SELECT unnest(?)))",
                         [doc_ids])
        self.con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
        self.con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?))", [doc_ids])

    def _insert(self, coded: list[CodedDocument], run_id: str) -> None:
        """Append rows column-wise through Arrow: far faster than one INSERT per row."""
        events = [e for c in coded for e in c.events]
        tables = (("documents", _DOCUMENT_SCHEMA, [_document_row(c, run_id) for c in coded]),
                  ("events", _EVENT_SCHEMA, [_event_row(e) for e in events]),
                  ("event_actors", _ACTOR_SCHEMA, [row for e in events for row in _actor_rows(e)]))
        for table, schema, rows in tables:
            if rows:
                columns = [list(column) for column in zip(*rows, strict=True)]
                self.con.from_arrow(pa.table(columns, schema=schema)).insert_into(table)

    def documents_to_recode(self, coder: str) -> Iterator[Document]:
        """Stored documents whose last coding was by another coder version, as read.

        They are read on a cursor of their own, so that writing recoded batches meanwhile
        does not cut the reading short.
        """
        with self.con.cursor() as cursor:
            cursor.execute(
                "SELECT d.id, d.text, d.date, d.title, d.source, d.url, d.origin "
                "FROM documents AS d LEFT JOIN runs AS r USING (run_id) "
                "WHERE r.coder IS DISTINCT FROM ? ORDER BY d.id", [coder])
            while rows := cursor.fetchmany(1000):
                for doc_id, text, day, title, source, url, origin in rows:
                    yield Document(doc_id, text, day, title=title, source=source, url=url,
                                   origin=origin or "")

    # Reading

    def rows(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """The rows of a query, as tuples."""
        return self.con.execute(query, params or []).fetchall()

    def read_only_query(self, query: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a user's SQL; errors say what DuckDB said."""
        try:
            relation = self.con.sql(query)
            if relation is None:
                raise StoreError("the query returned no rows to show (use a SELECT)")
            return list(relation.columns), relation.fetchall()
        except duckdb.Error as e:
            raise StoreError(f"query failed: {e}") from e

    def sql(self, query: str, params: list[Any] | None = None) -> duckdb.DuckDBPyRelation:
        """A relation for a query, to turn into rows, pandas, Polars or Arrow."""
        return self.con.sql(query, params=params)

    def events(self, f: EventFilter | None = None) -> duckdb.DuckDBPyRelation:
        """The events (one row per mention) that match `f`, as a DuckDB relation.

        Example:
            >>> store.events(EventFilter(source="RUS", target="UKR")).df()  # doctest: +SKIP
        """
        where, params = (f or EventFilter()).where()
        return self.sql(f"SELECT e.* FROM events AS e WHERE {where}", params)

    def event_groups(self, f: EventFilter | None = None) -> duckdb.DuckDBPyRelation:
        """Events deduplicated across documents, with their numbers of mentions, sources and
        articles; `f` selects groups by their root mention."""
        where, params = (f or EventFilter()).where()
        return self.sql("SELECT g.* FROM event_groups AS g JOIN events AS e "
                        f"ON e.event_id = g.root_event_id WHERE {where}", params)


def _document_row(coded: CodedDocument, run_id: str) -> list[Any]:
    doc = coded.document
    return [doc.id, content_hash(doc.text), doc.date, doc.title, doc.source, doc.url, doc.origin,
            doc.text, list(coded.flags), coded.sentences, coded.words, run_id, coded.quality]


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
            json.dumps(data["evidence"]), event.coder, event.plover_score, event.evidence.text]


def _actor_rows(event: Event) -> Iterator[list[Any]]:
    for role, actors in (("source", event.source), ("target", event.target)):
        for position, actor in enumerate(actors):
            yield [event.event_id, role, position, actor.text, actor.name, actor.country,
                   actor.sector, actor.id]
