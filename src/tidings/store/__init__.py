"""The embedded DuckDB database: documents, events, event actors, rejects, runs."""

from .database import Store

__all__ = ["Store"]
