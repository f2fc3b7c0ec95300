"""The pipeline: documents in, coded documents (or rejections) out, streamed in batches.

    ingest → normalize → parse → actors → events → resolve → code

Everything a pipeline needs is built from its `Config`, so a worker process (or a Ray
actor) rebuilds an identical pipeline from the same config.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from spacy.tokens import Doc

from . import __version__
from .actors import DocumentContext
from .actors.phrase import ActorStack
from .coding import ContextFinder, build_event
from .config import Config
from .errors import TidingsError
from .events import EventExtractor, load_lexicon
from .normalize import clean_text
from .ontology import load_ontology
from .types import CleanText, CodedDocument, Document, Event, Rejection

log = logging.getLogger(__name__)

CODER = f"tidings {__version__}"
Result = CodedDocument | Rejection


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
        prepared: list[tuple[Document, CleanText] | Rejection] = []
        for item in batch:
            if isinstance(item, Document):
                item = _language_rejection(item) or item
            prepared.append(item if isinstance(item, Rejection) else (item, clean_text(item.text)))
        parsed = self.nlp.pipe((p[1].text for p in prepared if not isinstance(p, Rejection)),
                               batch_size=self.config.batch_size)
        for entry in prepared:
            if isinstance(entry, Rejection):
                yield entry
                continue
            document, clean = entry
            doc = next(parsed)
            try:
                yield self._code_parsed(document, clean, doc)
            except Exception as e:  # one bad document must not stop a corpus run
                if self.config.on_error == "raise":
                    raise
                log.exception("coding failed for %s", document.id)
                yield Rejection(document.id, document.origin, "events",
                                f"internal error while coding: {type(e).__name__}: {e}")

    def _code_parsed(self, document: Document, clean: CleanText, doc: Doc) -> CodedDocument:
        ctx = DocumentContext(document.date)
        contexts = self.contexts.find(clean.text)
        events: list[Event] = []
        sentences = 0
        for index, sent in enumerate(doc.sents):
            sentences += 1
            mentions = self.resolver.mentions(sent)
            self.resolver.note_sentence(mentions, ctx)
            for found in self.extractor.extract(sent, mentions, ctx):
                if found.negated and not self.config.keep_negated:
                    continue
                event = build_event(found, doc_id=document.id, doc_date=document.date,
                                    sentence_index=index, sent=sent, k=len(events),
                                    ontology=self.ontology, contexts=contexts,
                                    mentions=mentions, coder=CODER, clean=clean)
                if event.confidence >= self.config.min_confidence:
                    events.append(event)
            self.resolver.remember_subject(sent, mentions, ctx)
        words = sum(1 for t in doc if not (t.is_punct or t.is_space))
        return CodedDocument(document, tuple(events), clean.flags, sentences, words)


def _language_rejection(document: Document) -> Rejection | None:
    language = (document.language or "en").lower()
    if language.split("-")[0] in ("en", "eng", "english"):
        return None
    return Rejection(document.id, document.origin, "ingest",
                     f"language {language}: only English is coded")
