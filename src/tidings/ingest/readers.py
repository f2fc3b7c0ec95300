"""Readers turn paths and streams into Documents, or Rejections that say why not.

Every reader is a generator, so a corpus of any size streams through in constant memory.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..types import Document, Rejection
from .dates import parse_document_date

HEADER_KEYS = ("date", "title", "source", "url", "id", "language")
_HEADER_LINE = re.compile(rf"^\s*({'|'.join(HEADER_KEYS)})\s*(?::\s*|\s+)(.*?)\s*$",
                          re.IGNORECASE)
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
TABLE_SUFFIXES = {".csv", ".parquet"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | TABLE_SUFFIXES

Item = Document | Rejection


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | Path]:
    """Paths named by the inputs: files, folders (recursively), globs, or ``-`` for stdin."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES
                              and not p.name.startswith("."))
        elif path.exists():
            yield path
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"{item}: no such file, folder or glob match")
            yield from (Path(m) for m in matches if Path(m).is_file())


def read_documents(inputs: Iterable[str], max_chars: int = 200_000) -> Iterator[Item]:
    """Documents (or rejections) from every input, in order."""
    for path in expand_inputs(inputs):
        if path == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", max_chars)
        else:
            yield from read_path(Path(path), max_chars)


def read_path(path: Path, max_chars: int = 200_000) -> Iterator[Item]:
    suffix = path.suffix.lower()
    origin = str(path)
    if suffix == ".parquet":
        yield from _read_parquet(path, max_chars)
        return
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield Rejection(path.stem, origin, "ingest", f"cannot read file: {e.strerror}")
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json_bytes(raw, origin, max_chars)
    elif suffix == ".csv":
        text = _decode(raw, path.stem, origin)
        if isinstance(text, Rejection):
            yield text
        else:
            yield from _read_records(csv.DictReader(io.StringIO(text)), origin, max_chars,
                                     first_line=2)
    else:
        yield _read_text(raw, path.stem, origin, max_chars)


def read_stream(stream: IO[bytes], origin: str, max_chars: int = 200_000) -> Iterator[Item]:
    """A stream of JSON lines (when it starts with ``{``) or one text document."""
    raw = stream.read()
    if raw.lstrip()[:1] in (b"{", b"["):
        yield from _read_json_bytes(raw, origin, max_chars)
    else:
        yield _read_text(raw, "stdin", origin, max_chars)


def _decode(raw: bytes, doc_id: str, origin: str) -> str | Rejection:
    if b"\x00" in raw[:8192]:
        return Rejection(doc_id, origin, "ingest", "binary file (NUL bytes); give text, "
                         "JSON lines, CSV, Parquet or HTML")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Rejection(doc_id, origin, "ingest",
                         f"not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); "
                         "re-encode the file as UTF-8")


def _read_text(raw: bytes, default_id: str, origin: str, max_chars: int) -> Item:
    text = _decode(raw, default_id, origin)
    if isinstance(text, Rejection):
        return text
    fields, body = split_header(text)
    fields.setdefault("id", default_id)
    return make_document(fields | {"text": body}, origin, max_chars)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Header lines (``key value`` or ``key: value``) at the top, and the body after them."""
    fields: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    consumed = 0
    ended = False  # a blank line after header lines ends the header
    for line in lines:
        if line.strip():
            match = _HEADER_LINE.match(line)
            if ended or not match or match.group(1).lower() in fields:
                break
            fields[match.group(1).lower()] = match.group(2)
        elif fields:
            ended = True
        consumed += 1
    if not fields:
        return {}, text
    return fields, "".join(lines[consumed:])


def _read_json_bytes(raw: bytes, origin: str, max_chars: int) -> Iterator[Item]:
    text = _decode(raw, Path(origin).stem, origin)
    if isinstance(text, Rejection):
        yield text
        return
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as e:
            yield Rejection(Path(origin).stem, origin, "ingest",
                            f"not valid JSON at line {e.lineno}: {e.msg}")
            return
        yield from _read_records(records, origin, max_chars, first_line=1, per_line=False)
        return
    yield from _read_json_lines(text, origin, max_chars)


def _read_json_lines(text: str, origin: str, max_chars: int) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejection(f"line-{number}", where, "ingest",
                            f"not valid JSON ({e.msg} at column {e.colno}); fix or remove the line")
            continue
        yield _record_document(record, where, max_chars)


def _read_records(records: Iterable[Any], origin: str, max_chars: int, first_line: int,
                  per_line: bool = True) -> Iterator[Item]:
    for k, record in enumerate(records):
        where = f"{origin}:{first_line + k}" if per_line else f"{origin}[{k}]"
        yield _record_document(record, where, max_chars)


def _read_parquet(path: Path, max_chars: int) -> Iterator[Item]:
    import pyarrow.parquet as pq

    try:
        reader = pq.ParquetFile(path)
    except Exception as e:  # pyarrow raises several unrelated types for a bad file
        yield Rejection(path.stem, str(path), "ingest", f"not a readable Parquet file: {e}")
        return
    row = 0
    for batch in reader.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            yield _record_document(record, f"{path}[{row}]", max_chars)
            row += 1


def _record_document(record: Any, where: str, max_chars: int) -> Item:
    if not isinstance(record, dict):
        return Rejection(where.rsplit(":", 1)[-1], where, "ingest",
                         "expected a JSON object with at least a \"text\" field")
    return make_document(record, where, max_chars)


def make_document(fields: dict[str, Any], origin: str, max_chars: int) -> Item:
    """A Document from named fields, or a Rejection that says which field is wrong."""
    text = fields.get("text")
    raw_id = fields.get("id")
    doc_id = str(raw_id).strip() if raw_id not in (None, "") else None
    if not isinstance(text, str):
        return Rejection(doc_id or origin, origin, "ingest",
                         "missing or non-text \"text\" field")
    if doc_id is None:
        doc_id = content_hash(text)[:16]
    if not text.strip():
        return Rejection(doc_id, origin, "ingest", "empty document: no text to code")
    if len(text) > max_chars:
        return Rejection(doc_id, origin, "ingest",
                         f"too long: {len(text)} characters, the limit is {max_chars} "
                         "(split the document or raise max_chars)")
    raw_date = fields.get("date")
    doc_date = None
    if raw_date not in (None, ""):
        try:
            doc_date = parse_document_date(raw_date)
        except ValueError as e:
            return Rejection(doc_id, origin, "ingest", str(e))
    return Document(
        id=doc_id, text=text, date=doc_date,
        title=_optional_str(fields.get("title")), source=_optional_str(fields.get("source")),
        url=_optional_str(fields.get("url")), language=_optional_str(fields.get("language")),
        origin=origin,
    )


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
