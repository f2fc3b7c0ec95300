"""The pipeline: documents in, coded documents (or rejections) out, streamed in batches.

    ingest → normalize → parse → actors → events → resolve → code

Everything a pipeline needs is built from its `Config`, so a worker process (or a Ray
actor) rebuilds an identical pipeline from the same config.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from typing import Any, TypeVar

from spacy.tokens import Doc, Span

from . import __version__
from .actors import DocumentContext, Mention
from .actors.phrase import ActorStack
from .coding import ContextFinder, build_event, entity_stretches, is_history, report_date
from .config import WARM_UP, Config
from .errors import TidingsError
from .events import EventExtractor, Found, load_lexicon
from .normalize import clean_text, guess_language, quality_score
from .ontology import load_ontology
from .prefilter import SentenceFilter, Stretch
from .types import CleanText, CodedDocument, Document, Event, Rejection

log = logging.getLogger(__name__)

CODER = f"tidings {__version__}"
Result = CodedDocument | Rejection
_T = TypeVar("_T")


class Pipeline:
    """Codes documents into events.

    Example:
        >>> pipeline = Pipeline()                                   # doctest: +SKIP
        >>> [e.event_type for e in pipeline.code_text("Russian troops shelled Kharkiv.")]
        ['ASSAULT']                                                 # doctest: +SKIP
    """

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.ontology = load_ontology()
        stack = ActorStack.build(self.config)
        self.nlp, self.kb, self.resolver = stack.nlp, stack.kb, stack.resolver
        self.lexicon = load_lexicon(self.ontology)
        self.extractor = EventExtractor(self.lexicon, self.resolver)
        self.contexts = ContextFinder()
        self.filter = (SentenceFilter.build(self.nlp, self.lexicon, self.resolver)
                       if self.config.prefilter else None)
        # With the pre-filter, entities (dates, places) are found only in sentences that
        # hold an event: the recognizer has its own embedding layer, a third of the parse.
        self._deferred = ("ner",) if self.filter and "ner" in self.nlp.pipe_names else ()

    def warm_up(self) -> Pipeline:
        """Code one sentence, so that what loads on first use (the gazetteer, the model's
        first batch) is loaded now: before a clock starts, or before workers fork. Only a
        saving: if it fails, the first document pays for the loading instead."""
        try:
            self.code_text(WARM_UP, date(2022, 3, 1))
        except Exception:  # never worth stopping a run for
            log.warning("the warm-up sentence could not be coded", exc_info=True)
        return self

    def code_text(self, text: str, doc_date: date | None = None, doc_id: str = "text"
                  ) -> list[Event]:
        """Events of one text (a convenience over `code_documents`)."""
        result = next(self.code_documents([Document(doc_id, text, doc_date)]))
        if isinstance(result, Rejection):
            raise TidingsError(f"document {doc_id} rejected at {result.stage}: {result.reason}")
        return list(result.events)

    def code_documents(self, items: Iterable[Document | Rejection]) -> Iterator[Result]:
        """Coded documents and rejections, in input order, in batches of `batch_size`."""
        iterator = iter(items)
        while batch := list(islice(iterator, self.config.batch_size)):
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Document | Rejection]) -> Iterator[Result]:
        prepared: list[_Planned | Rejection] = []
        for item in batch:
            if isinstance(item, Document):
                item = _language_rejection(item) or item
            prepared.append(item if isinstance(item, Rejection) else self._plan(item))
        parsed = self.nlp.pipe((p.clean.text[s.start:s.end] for p in prepared
                                if not isinstance(p, Rejection) for s in p.plan if s.parsed),
                               batch_size=self.config.batch_size, disable=self._deferred)
        read: list[_Read | Rejection] = []
        for entry in prepared:
            if isinstance(entry, Rejection):
                read.append(entry)
                continue
            docs = list(islice(parsed, sum(s.parsed for s in entry.plan)))
            read.append(self._guarded(entry.document, self._read, entry, docs))
        if self._deferred:  # one pass over the sentences of the whole batch
            self._find_entities_or_none([reading.sent for item in read
                                         if isinstance(item, _Read) for reading in item.readings])
        for outcome in read:
            yield (outcome if isinstance(outcome, Rejection)
                   else self._guarded(outcome.planned.document, self._code_read, outcome))

    def _guarded(self, document: Document, step: Callable[..., _T], *args: Any
                 ) -> _T | Rejection:
        try:
            return step(*args)
        except Exception as e:  # one bad document must not stop a corpus run
            if self.config.on_error == "raise":
                raise
            log.exception("coding failed for %s", document.id)
            return Rejection(document.id, document.origin, "events",
                             f"internal error while coding: {type(e).__name__}: {e}")

    def _plan(self, document: Document) -> _Planned:
        clean = clean_text(document.text)
        tokens = self.nlp.make_doc(clean.text)
        plan = self.filter.plan(tokens) if self.filter else [Stretch(0, len(clean.text))]
        return _Planned(document, clean, tokens, plan)

    def _read(self, planned: _Planned, docs: list[Doc]) -> _Read:
        """Events of every sentence, read in order: the context carries from one to the next."""
        ctx = DocumentContext(planned.document.date)
        readings: list[_Reading] = []
        index = 0
        parsed = iter(docs)
        for stretch in planned.plan:
            if stretch.screened:  # no event here, but its names count for the context
                for _, mentions in stretch.screened:
                    self.resolver.note_sentence(mentions, ctx)
                index += len(stretch.screened)
                continue
            piece = _piece(planned.clean, stretch)
            for sent in next(parsed).sents:
                mentions = self.resolver.mentions(sent)
                self.resolver.note_sentence(mentions, ctx)
                held = [f for f in self.extractor.extract(sent, mentions, ctx)
                        if self.config.keep_negated or not f.negated]
                if held:
                    readings.append(_Reading(index, sent, mentions, held, piece))
                self.resolver.remember_subject(sent, mentions, ctx)
                index += 1
        return _Read(planned, readings, index)

    def _code_read(self, read: _Read) -> CodedDocument:
        """The events of a document, dated, placed and scored."""
        document, clean = read.planned.document, read.planned.clean
        contexts = self.contexts.find(clean.text) if read.readings else ()
        events: list[Event] = []
        reported = report_date(clean.dateline, document.date)
        for reading in read.readings:
            for found in reading.found:
                event = build_event(found, doc_id=document.id, doc_date=document.date,
                                    sentence_index=reading.index, sent=reading.sent,
                                    k=len(events), ontology=self.ontology, contexts=contexts,
                                    mentions=reading.mentions, coder=CODER, clean=reading.clean)
                if (event.confidence >= self.config.min_confidence
                        and not is_history(event, reported)):
                    events.append(event)
        words = sum(1 for t in read.planned.tokens if not (t.is_punct or t.is_space))
        return CodedDocument(document, tuple(events), document.flags + clean.flags,
                             read.sentences, words, quality=quality_score(clean),
                             dateline=clean.dateline)

    def _find_entities_or_none(self, sentences: list[Span]) -> None:
        """Entities for a batch; should the recognizer fail, the batch is coded without
        them (no dates or places from entities) rather than lost."""
        try:
            self._find_entities(sentences)
        except Exception:
            if self.config.on_error == "raise":
                raise
            log.exception("the entity recognizer failed on a batch; coding it without")

    def _find_entities(self, sentences: list[Span]) -> None:
        """The deferred entity step, written back into the parses.

        The recognizer reads only the stretches where coding looks for dates and places
        (`entity_stretches`), as text of their own; stretches that meet are read together.
        """
        runs: list[Span] = []
        for sent in sentences:
            for start, end in entity_stretches(sent):
                if runs and runs[-1].doc is sent.doc and runs[-1].end == start:
                    runs[-1] = sent.doc[runs[-1].start:end]
                else:
                    runs.append(sent.doc[start:end])
        recognizer: Any = self.nlp.get_pipe("ner")
        found: dict[int, tuple[Doc, list[Span]]] = {}
        for run, named in zip(runs, recognizer.pipe(run.as_doc() for run in runs), strict=True):
            doc, entities = found.setdefault(id(run.doc), (run.doc, []))
            entities.extend(Span(doc, run.start + e.start, run.start + e.end, e.label)
                            for e in named.ents)
        for doc, entities in found.values():
            doc.set_ents(entities, default="unmodified")


@dataclass(frozen=True)
class _Planned:
    """A document cleaned and tokenized, with the stretches of it to parse."""

    document: Document
    clean: CleanText
    tokens: Doc
    plan: list[Stretch]


@dataclass(frozen=True)
class _Read:
    """A document read sentence by sentence: the sentences that hold events."""

    planned: _Planned
    readings: list[_Reading]
    sentences: int


@dataclass(frozen=True)
class _Reading:
    """The events found in one parsed sentence, before they are dated and placed."""

    index: int
    sent: Span
    mentions: dict[int, Mention]
    found: list[Found]
    clean: CleanText


def _piece(clean: CleanText, stretch: Stretch) -> CleanText:
    """The clean text of a stretch, its offsets still pointing into the original."""
    if stretch.start == 0 and stretch.end == len(clean.text):
        return clean
    return replace(clean, text=clean.text[stretch.start:stretch.end],
                   offsets=clean.offsets[stretch.start:stretch.end + 1])


def _language_rejection(document: Document) -> Rejection | None:
    """Only English is coded: the declared language, else what the detector reads."""
    guess = guess_language(document.text, document.language)
    if guess.language == "en":
        return None
    how = "declared" if guess.declared else f"detected, confidence {guess.confidence:.2f}"
    return Rejection(document.id, document.origin, "ingest",
                     f"language {guess.language} ({how}): only English is coded")
