"""Events out of the coder or the database, in the formats users load elsewhere.

`writers` streams JSON lines and CSV event by event; `database` writes every format from
a store (it imports DuckDB, so it is imported only where it is used).
"""

from .writers import FORMATS, STREAM_FORMATS, EventWriter, event_writer

__all__ = ["FORMATS", "STREAM_FORMATS", "EventWriter", "event_writer"]
