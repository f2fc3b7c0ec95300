"""tidings: political event data from news — who did what to whom, when and where.

    >>> from tidings import Pipeline                                  # doctest: +SKIP
    >>> events = Pipeline().code_text("Russian troops shelled Kharkiv on Monday.")
"""

__version__ = "0.1.0"

from .config import Config
from .types import Actor, CodedDocument, Document, Event, Rejection


def __getattr__(name: str):  # the pipeline imports spaCy: load it only when asked
    if name == "Pipeline":
        from .pipeline import Pipeline
        return Pipeline
    raise AttributeError(name)


__all__ = ["Actor", "CodedDocument", "Config", "Document", "Event", "Pipeline", "Rejection",
           "__version__"]
