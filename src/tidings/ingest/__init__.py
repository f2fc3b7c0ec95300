"""Reading documents: text files with header lines, JSON/JSONL, CSV, Parquet, folders, stdin."""

from .dates import parse_document_date
from .readers import expand_inputs, read_documents, read_path, read_stream

__all__ = ["expand_inputs", "parse_document_date", "read_documents", "read_path", "read_stream"]
