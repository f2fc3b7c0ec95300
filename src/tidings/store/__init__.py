"""The embedded DuckDB database: documents, events, event actors, rejects, runs."""

from .database import Store, StoreError
from .queries import EventFilter

__all__ = ["EventFilter", "Store", "StoreError"]
