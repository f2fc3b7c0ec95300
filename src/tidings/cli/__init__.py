"""The `tidings` command: thin shells over the library, one module per family of commands."""

from . import actors, bench, coding, database, evaluation, serve  # noqa: F401  (each registers its commands)
from .common import main

__all__ = ["main"]
