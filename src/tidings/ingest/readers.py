"""Readers turn paths and streams into Documents, or Rejections that say why not.

Every reader is a generator over a byte stream: JSON lines, CSV and Parquet go record by
record, and a single document (text or HTML) is read only up to its size limit, so a
corpus of any size, or a file of any size, streams through in flat memory. Gzip files
(``news.jsonl.gz``) are read as the format their inner name says.
"""

from __future__ import annotations

import csv
import glob
import gzip
import hashlib
import io
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol, cast

from ..errors import InputError
from ..types import Document, Rejection
from .dates import parse_document_date
from .html import extract_article, looks_like_html

HEADER_KEYS = ("date", "title", "source", "url", "id", "language")
OPTIONAL_FIELDS = ("title", "source", "url", "language")
_HEADER_LINE = re.compile(rf"^\s*({'|'.join(HEADER_KEYS)})\s*(?::\s*|\s+)(.*?)\s*$",
                          re.IGNORECASE)
FORMATS = {".txt": "text", ".text": "text", ".md": "text", "": "text",
           ".jsonl": "json", ".ndjson": "json", ".json": "json",
           ".html": "html", ".htm": "html", ".xhtml": "html",
           ".csv": "csv", ".parquet": "parquet"}
# Size limits, as multiples of max_chars: UTF-8 takes up to 4 bytes a character, a JSON
# string up to 6 (\uXXXX), and a web page carries markup around its text.
BYTES_PER_CHAR = {"text": 4, "json": 6, "csv": 4, "html": 20}
JSON_ARRAY_DOCUMENTS = 50  # a JSON array is parsed whole: past this many max_chars, use lines
_SNIFF_BYTES = 8192
_BOM = b"\xef\xbb\xbf"
_TOO_DEEP = "JSON nested too deeply to read; a document is one flat object"

Item = Document | Rejection


class ByteStream(Protocol):
    """What the readers need of a stream: a file, a gzip file, standard input."""

    def peek(self, size: int, /) -> bytes: ...
    def read(self, size: int, /) -> bytes: ...
    def readline(self, size: int, /) -> bytes: ...


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | Path]:
    """Paths named by the inputs: files, folders (recursively), globs, or ``-`` for stdin.

    A folder gives the files whose format is known (gzip included); a file named
    explicitly is read whatever its name.
    """
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and _format_of(p) is not None
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
    """Documents (or rejections) of one file; its format from its name, else its content."""
    origin, doc_id = str(path), _stem(path)
    kind = _format_of(path)
    if kind == "parquet":
        yield from _read_parquet(path, max_chars)
        return
    try:
        with _open(path) as stream:
            yield from _read_stream(stream, kind, doc_id, origin, max_chars)
    except (OSError, EOFError, zlib.error) as e:  # unreadable, or a broken gzip stream
        what = "not a valid gzip file" if path.suffix.lower() == ".gz" else "cannot read file"
        yield Rejection(doc_id, origin, "ingest", f"{what}: {getattr(e, 'strerror', None) or e}")


def read_stream(stream: IO[bytes], origin: str, max_chars: int = 200_000) -> Iterator[Item]:
    """A stream of JSON lines or a JSON array (when it starts with ``{`` or ``[``), an
    HTML page, or one text document."""
    peekable = stream if hasattr(stream, "peek") else io.BufferedReader(cast(Any, stream))
    yield from _read_stream(cast(ByteStream, peekable), None, "stdin", origin, max_chars)


def _open(path: Path) -> io.BufferedReader | gzip.GzipFile:
    if path.suffix.lower() == ".gz":
        return gzip.GzipFile(path, "rb")
    return path.open("rb")


def _format_of(path: Path) -> str | None:
    """``text``, ``json``, ``html``, ``csv`` or ``parquet`` from the name (inside ``.gz``)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
        if not Path(name).suffix:
            return None  # a bare .gz: nothing says what is inside
    return FORMATS.get(Path(name).suffix)


def _stem(path: Path) -> str:
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem


def _read_stream(stream: ByteStream, kind: str | None, doc_id: str, origin: str,
                 max_chars: int) -> Iterator[Item]:
    head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
    if b"\x00" in head:
        yield Rejection(doc_id, origin, "ingest", "binary file (NUL bytes); give text, JSON "
                        "lines, CSV, Parquet or HTML, or gzip of one of them")
        return
    start = head.removeprefix(_BOM).lstrip()[:1]
    if kind is None or kind == "text":
        kind = ("json" if kind is None and start in (b"{", b"[")
                else "html" if looks_like_html(head) else "text")
    if kind == "json":
        if start == b"[":
            yield from _read_json_array(stream, doc_id, origin, max_chars)
        else:
            yield from _read_json_lines(stream, origin, max_chars)
    elif kind == "csv":
        yield from _read_csv(stream, doc_id, origin, max_chars)
    else:
        yield _read_single(stream, kind, doc_id, origin, max_chars)


def _read_single(stream: ByteStream, kind: str, doc_id: str, origin: str, max_chars: int) -> Item:
    """One document: the whole stream, up to its size limit."""
    limit = max_chars * BYTES_PER_CHAR[kind]
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        return _too_long(doc_id, origin, f"more than {limit} bytes", max_chars)
    text = _decode(raw, doc_id, origin)
    if isinstance(text, Rejection):
        return text
    if kind == "html":
        return _html_document(text, doc_id, origin, max_chars)
    fields, body = split_header(text)
    fields.setdefault("id", doc_id)
    return make_document(fields | {"text": body}, origin, max_chars)


def _html_document(page: str, doc_id: str, origin: str, max_chars: int) -> Item:
    try:
        article = extract_article(page)
    except Exception as e:  # a third-party parser on hostile markup: the page's problem
        return Rejection(doc_id, origin, "ingest", f"cannot parse the HTML page "
                         f"({type(e).__name__}: {e}); save the page again or give its text")
    if article is None:
        return Rejection(doc_id, origin, "ingest", "no article text found in the HTML page; "
                         "give the page of one article, or its text")
    return make_document({"id": doc_id, "text": article.text, "date": article.date,
                          "title": article.title, "url": article.url, "source": article.site},
                         origin, max_chars)


def _decode(raw: bytes, doc_id: str, origin: str) -> str | Rejection:
    if b"\x00" in raw:
        return Rejection(doc_id, origin, "ingest", "binary data (NUL bytes); give text, JSON "
                         "lines, CSV, Parquet or HTML")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Rejection(doc_id, origin, "ingest",
                         f"not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); "
                         "re-encode the file as UTF-8")


def _too_long(doc_id: str, origin: str, size: str, max_chars: int) -> Rejection:
    return Rejection(doc_id, origin, "ingest",
                     f"too long: {size}, the limit is {max_chars} characters (split the "
                     "document or raise max_chars)")


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


def _read_json_array(stream: ByteStream, doc_id: str, origin: str, max_chars: int
                     ) -> Iterator[Item]:
    limit = max_chars * BYTES_PER_CHAR["json"] * JSON_ARRAY_DOCUMENTS
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        yield Rejection(doc_id, origin, "ingest", f"JSON array larger than {limit} bytes: it "
                        "is parsed whole, so write it as JSON lines (one object per line)")
        return
    text = _decode(raw, doc_id, origin)
    if isinstance(text, Rejection):
        yield text
        return
    try:
        records = json.loads(text)
    except json.JSONDecodeError as e:
        yield Rejection(doc_id, origin, "ingest", f"not valid JSON at line {e.lineno}: {e.msg}")
        return
    except RecursionError:
        yield Rejection(doc_id, origin, "ingest", _TOO_DEEP)
        return
    if not records:
        yield Rejection(doc_id, origin, "ingest", "empty JSON array: no document to code")
    for k, record in enumerate(records):
        yield _record_document(record, f"{origin}[{k}]", max_chars)


def _read_json_lines(stream: ByteStream, origin: str, max_chars: int) -> Iterator[Item]:
    limit = max_chars * BYTES_PER_CHAR["json"]
    found = False
    for number, raw in enumerate(_lines(stream, limit), 1):
        where = f"{origin}:{number}"
        if raw is None:
            found = True
            yield _too_long(f"line-{number}", where, f"a line of more than {limit} bytes",
                            max_chars)
            continue
        if not raw.strip():
            continue
        found = True
        line = _decode(raw, f"line-{number}", where)
        if isinstance(line, Rejection):
            yield line
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejection(f"line-{number}", where, "ingest",
                            f"not valid JSON: {e.msg} (column {e.colno}); fix or remove the line")
            continue
        except RecursionError:
            yield Rejection(f"line-{number}", where, "ingest", _TOO_DEEP)
            continue
        yield _record_document(record, where, max_chars)
    if not found:
        yield Rejection(Path(origin).stem, origin, "ingest", "empty file: no JSON lines to code")


def _lines(stream: ByteStream, limit: int) -> Iterator[bytes | None]:
    """The stream's lines, each read at most `limit` bytes at a time; None for a longer
    line, whose rest is skipped without being held."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
            pass
        yield None


def _read_csv(stream: ByteStream, doc_id: str, origin: str, max_chars: int) -> Iterator[Item]:
    # the csv module's default field limit (131,072) is below a long document's size
    limit = max_chars * BYTES_PER_CHAR["csv"]
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    reader = csv.DictReader(_decoded_lines(stream, limit))
    rows = 0
    try:
        columns = reader.fieldnames or []
        if "text" not in columns:
            yield Rejection(doc_id, origin, "ingest", "no \"text\" column (columns: "
                            f"{', '.join(columns) or 'none'}); a CSV needs id, date, text")
            return
        for record in reader:
            rows += 1
            yield _record_document(record, f"{origin}:{reader.line_num}", max_chars)
    except UnicodeDecodeError as e:
        yield Rejection(doc_id, origin, "ingest", f"not UTF-8 after line {reader.line_num} "
                        f"({e.reason}); re-encode the file as UTF-8, the rest is not read")
        return
    except csv.Error as e:
        yield Rejection(doc_id, origin, "ingest", f"broken CSV at line {reader.line_num}: {e}; "
                        "the rest of the file is not read")
        return
    if rows == 0:
        yield Rejection(doc_id, origin, "ingest", "CSV without rows: no document to code")


def _decoded_lines(stream: ByteStream, limit: int) -> Iterator[str]:
    """Lines as text (UTF-8 never splits a character across a line end), none longer
    than `limit` bytes."""
    first = True
    while line := stream.readline(limit + 1):
        if len(line) > limit:
            raise csv.Error(f"a line longer than {limit} bytes")
        text = line.decode("utf-8")
        yield text.removeprefix("\ufeff") if first else text
        first = False


def _read_parquet(path: Path, max_chars: int) -> Iterator[Item]:
    import pyarrow.parquet as pq

    try:
        reader = pq.ParquetFile(path)
        if "text" not in reader.schema_arrow.names:
            yield Rejection(path.stem, str(path), "ingest", "no \"text\" column (columns: "
                            f"{', '.join(reader.schema_arrow.names)}); Parquet needs id, date, text")
            return
        batches = reader.iter_batches(batch_size=1024)
        row = 0
        for batch in batches:
            for record in batch.to_pylist():
                yield _record_document(record, f"{path}[{row}]", max_chars)
                row += 1
    except Exception as e:  # pyarrow raises several unrelated types for a bad file
        yield Rejection(path.stem, str(path), "ingest", f"not a readable Parquet file: {e}")


def _record_document(record: Any, where: str, max_chars: int) -> Item:
    if not isinstance(record, dict):
        return Rejection(where, where, "ingest", f"a JSON {type(record).__name__}, not an "
                         "object with at least a \"text\" field")
    return make_document(record, where, max_chars)


def make_document(fields: dict[str, Any], origin: str, max_chars: int) -> Item:
    """A Document from named fields, or a Rejection that says which field is wrong.

    Only the text and the date can stop a document; a mistyped id or optional field is
    left out and flagged (``field_ignored:title``), a missing date is flagged ``no_date``.
    """
    flags: list[str] = []
    text = fields.get("text")
    raw_id = fields.get("id")
    doc_id = str(raw_id).strip() if isinstance(raw_id, (str, int)) and str(raw_id).strip() else None
    if raw_id not in (None, "") and doc_id is None:
        flags.append("field_ignored:id")
    if not isinstance(text, str):
        problem = ("no \"text\" field" if text is None
                   else f"the \"text\" field is a {type(text).__name__}, not a string")
        return Rejection(doc_id or origin, origin, "ingest", f"{problem}: nothing to code")
    if doc_id is None:
        doc_id = content_hash(text)[:16]
    if not text.strip():
        return Rejection(doc_id, origin, "ingest", "empty document: no text to code")
    if len(text) > max_chars:
        return _too_long(doc_id, origin, f"{len(text)} characters", max_chars)
    raw_date = fields.get("date")
    doc_date = None
    if raw_date in (None, ""):
        flags.append("no_date")
    else:
        try:
            doc_date = parse_document_date(raw_date)
        except ValueError as e:
            return Rejection(doc_id, origin, "ingest", str(e))
    title, source, url, language = (_optional_str(fields, name, flags) for name in OPTIONAL_FIELDS)
    return Document(id=doc_id, text=text, date=doc_date, title=title, source=source, url=url,
                    language=language, origin=origin, flags=tuple(flags))


def _optional_str(fields: dict[str, Any], name: str, flags: list[str]) -> str | None:
    value = fields.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        flags.append(f"field_ignored:{name}")
        return None
    return value.strip() or None
