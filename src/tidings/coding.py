"""The last step of coding: an extracted event becomes an `Event` with its date, place,
scores, contexts, confidence and evidence."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .actors import Mention
from .datafiles import data_path, read_tsv, split_list
from .events import Found
from .ontology import Ontology
from .resolve import resolve_time_expression
from .types import Actor, CleanText, DocumentSpans, Event, Evidence, Place, Span

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis"})
_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "across", "inside"})
# A time expression dates the event when it hangs from one of these ("on Tuesday").
_TIME_PREPS = frozenset({"on", "in", "at", "during", "since", "from", "until", "by", "before",
                         "after", "over", "through", "throughout", "between", "early", "late"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them"})


class ContextFinder:
    """PLOVER contexts of a document from the words it uses (``data/ontology/contexts.tsv``)."""

    def __init__(self) -> None:
        words: dict[str, str] = {}
        for _, row in read_tsv(data_path("ontology", "contexts.tsv")):
            for word in split_list(row["words"]):
                words.setdefault(word.lower(), row["context"])
        self._context_of = words
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        self._pattern = re.compile(rf"\b(?:{alternatives})s?\b")

    def find(self, text: str) -> tuple[str, ...]:
        found = set()
        for match in self._pattern.finditer(text.lower()):
            word = match.group()
            context = self._context_of.get(word) or self._context_of.get(word[:-1])
            if context:
                found.add(context)
        return tuple(sorted(found))


def event_id(doc_id: str, sentence: int, k: int) -> str:
    digest = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]
    return f"{digest}-{sentence}-{k}"


def build_event(found: Found, *, doc_id: str, doc_date: date | None, sentence_index: int,
                sent: SpacySpan, k: int, ontology: Ontology, contexts: tuple[str, ...],
                mentions: dict[int, Mention], coder: str, clean: CleanText | None = None
                ) -> Event:
    code = ontology.code(found.cameo)
    plover = ontology.plover[found.event_type]
    when, precision = _event_date(found, doc_date)
    base = sent.start_char
    trigger = (found.trigger.idx, found.trigger.idx + len(found.trigger))
    sources = tuple(span for _, span in found.source)
    targets = tuple(span for _, span in found.target)

    def in_sentence(span: Span) -> Span:
        return span[0] - base, span[1] - base
    return Event(
        event_id=event_id(doc_id, sentence_index, k),
        doc_id=doc_id,
        sentence=sentence_index,
        date=when,
        date_precision=precision,
        event_type=found.event_type,
        mode=found.mode,
        cameo=found.cameo,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        source=tuple(a for a, _ in found.source),
        target=tuple(a for a, _ in found.target),
        evidence=Evidence(
            text=sent.text,
            trigger=in_sentence(trigger),
            source=tuple(map(in_sentence, sources)),
            target=tuple(map(in_sentence, targets)),
            rule=found.rule,
            in_document=_document_spans(clean, (sent.start_char, sent.end_char), trigger,
                                        sources, targets) if clean else None,
        ),
        context=tuple(sorted(set(contexts) | set(code.contexts))),
        location=_place(found, mentions),
        negated=found.negated,
        confidence=_confidence(found),
        coder=coder,
        plover_score=plover.mode_score(found.mode),
    )


def _document_spans(clean: CleanText, sentence: Span, trigger: Span,
                    sources: tuple[Span, ...], targets: tuple[Span, ...]) -> DocumentSpans:
    def original(span: Span) -> Span:
        return clean.original_span(*span)
    return DocumentSpans(original(sentence), original(trigger), tuple(map(original, sources)),
                         tuple(map(original, targets)))


def _clause_tokens(root: Token) -> Iterable[Token]:
    """Tokens of a clause without the clauses nested in it."""
    stack = [root]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSE_DEPS)


def _event_date(found: Found, doc_date: date | None) -> tuple[date | None, str | None]:
    if doc_date is None:
        return None, None
    future = any(c.lower_ in _FUTURE_AUX for c in found.clause.children)
    for root in (found.trigger, found.clause):
        for token in _clause_tokens(root):
            if token.ent_type_ in ("DATE", "TIME") and _attached_time(token):
                entity = next(e for e in token.doc.ents if e.start <= token.i < e.end)
                resolved = resolve_time_expression(entity.text, doc_date, future)
                if resolved is not None:
                    return resolved.date, resolved.precision
    return doc_date, "day"


def _attached_time(token: Token) -> bool:
    """The head word of a time expression that modifies the event's clause."""
    if token.head.ent_type_ in ("DATE", "TIME") and token.head.i != token.i:
        return False
    if token.dep_ in ("npadvmod", "tmod", "advmod"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _TIME_PREPS


def _place(found: Found, mentions: dict[int, Mention]) -> Place | None:
    for root in (found.trigger, found.clause):
        for token in _clause_tokens(root):
            if (token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ == "pobj"
                    and token.head.lower_ in _PLACE_PREPS):
                entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
                name = entity.text if entity is not None else token.text
                mention = mentions.get(token.i)
                country = mention.candidates[0].entry.country if mention else None
                precision = "country" if mention and mention.form == "name" else "city"
                return Place(name, country, precision=precision)
    return None


def _confidence(found: Found) -> float:
    score = 0.45
    actors: list[Actor] = [a for a, _ in found.source]
    if any(a.id and not a.id.startswith("agent/") for a in actors):
        score += 0.2
    if found.target or found.mutual:
        score += 0.15
    if found.rule and found.trigger.pos_ == "VERB":
        score += 0.05
    if any(a.text.lower() in _PRONOUNS for a in actors):
        score -= 0.15
    if any(a.country == "UNK" for a in actors):
        score -= 0.15
    return round(min(max(score, 0.05), 0.95), 2)
