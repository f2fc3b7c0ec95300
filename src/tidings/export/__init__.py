"""Events out of the coder or the database, in the formats users load elsewhere."""

from .writers import FORMATS, event_writer

__all__ = ["FORMATS", "event_writer"]
