"""The frozen records that flow between the stages of the pipeline.

Nothing here holds a spaCy or database object, so every value can cross a process
boundary (process pool, Ray worker) and be written as JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One input document as read, before any cleaning.

    `origin` says where it came from (``file.txt``, ``corpus.jsonl:17``) so that every
    message about the document can name it.
    """

    id: str
    text: str
    date: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str = ""
    flags: tuple[str, ...] = ()  # what the reader noticed: ``no_date``, ``field_ignored:title``


@dataclass(frozen=True)
class Rejection:
    """A document (or an input record) that could not be coded, and why."""

    id: str
    origin: str
    stage: str
    reason: str


@dataclass(frozen=True)
class Dateline:
    """The wire-copy dateline a body opens with: ``BEIJING, Jan. 26 (Xinhua) --``.

    `date_text` is as written (a dateline rarely has a year); `span` is where the whole
    dateline lies in the original document text.
    """

    place: str
    region: str | None = None
    date_text: str | None = None
    source: str | None = None
    span: Span = (0, 0)


@dataclass(frozen=True)
class CleanText:
    """The text the parser sees, with a map back to the original characters.

    ``offsets[i]`` is the position in the original text of character ``i`` of
    ``text``; ``offsets[len(text)]`` is the end of the original text. A dateline is
    cut from `text` and kept in `dateline`.
    """

    text: str
    offsets: tuple[int, ...]
    flags: tuple[str, ...] = ()
    dateline: Dateline | None = None

    def original_span(self, start: int, end: int) -> Span:
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[start]


@dataclass(frozen=True)
class Actor:
    """An actor as resolved from a phrase of text on a given date.

    `id` names the knowledge-base entry (``person/moon-jae-in``, ``country/KOR``,
    ``org/un``); `role` is the dated role that gave the sector, when a person's role did.
    """

    text: str
    country: str | None
    sector: str | None = None
    name: str | None = None
    id: str | None = None
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Place:
    """Where an event happened, resolved offline against the GeoNames gazetteer.

    `country` is ISO 3166-1 alpha-3; `admin1` the GeoNames first-level division code
    (``CN.22``); `feature_class` the GeoNames class (``P`` populated place, ``A`` country or
    division); `precision` is ``city``, ``admin1`` or ``country``. A name the gazetteer does
    not know keeps its name with nulls. `origin` says where the name was read: the event's
    ``sentence`` or the document's ``dateline``.
    """

    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: str | None = "city"
    admin1: str | None = None
    feature_class: str | None = None
    geonameid: int | None = None
    origin: str = "sentence"


@dataclass(frozen=True)
class DocumentSpans:
    """Where the evidence lies in the original document text, for highlighting it there."""

    sentence: Span
    trigger: Span
    source: tuple[Span, ...] = ()
    target: tuple[Span, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"sentence": list(self.sentence), "trigger": list(self.trigger),
                "source": [list(s) for s in self.source], "target": [list(s) for s in self.target]}


@dataclass(frozen=True)
class Evidence:
    """Why an event was coded: the sentence, the spans used, and the rule that fired.

    Spans are character offsets into `text` (the cleaned sentence); `in_document` gives
    the same spans in the original document text.
    """

    text: str
    trigger: Span
    source: tuple[Span, ...] = ()
    target: tuple[Span, ...] = ()
    rule: str = ""
    in_document: DocumentSpans | None = None


@dataclass(frozen=True)
class Event:
    event_id: str
    doc_id: str
    sentence: int
    date: date | None
    date_precision: str | None
    event_type: str
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    evidence: Evidence
    context: tuple[str, ...] = ()
    location: Place | None = None
    negated: bool = False
    confidence: float = 0.5
    coder: str = ""
    plover_score: float | None = None  # PLOVER's cooperation-conflict score of type and mode

    def to_json(self) -> dict[str, Any]:
        """The event as one JSON object, in the field order of CONTRACT.md."""
        ev = self.evidence
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": [a.to_json() for a in self.source],
            "target": [a.to_json() for a in self.target],
            "location": asdict(self.location) if self.location else None,
            "negated": self.negated,
            "confidence": self.confidence,
            "evidence": {
                "text": ev.text,
                "trigger": list(ev.trigger),
                "source": [list(s) for s in ev.source],
                "target": [list(s) for s in ev.target],
                "rule": ev.rule,
                "document": ev.in_document.to_json() if ev.in_document else None,
            },
            "plover_score": self.plover_score,
            "coder": self.coder,
        }


@dataclass(frozen=True)
class CodedDocument:
    """A document after coding: its events, and what cleaning found in it."""

    document: Document
    events: tuple[Event, ...]
    flags: tuple[str, ...] = ()
    sentences: int = 0
    words: int = 0
    quality: float | None = None  # 1.0 clean text … 0.0 debris; see normalize.quality
    dateline: Dateline | None = None
