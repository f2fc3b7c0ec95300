"""The last step of coding: an extracted event becomes an `Event` with its date, place,
scores, contexts, confidence and evidence."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .actors import Mention
from .datafiles import data_path, read_tsv, split_list
from .events import Found
from .normalize import dateline_date
from .ontology import Ontology
from .resolve import load_gazetteer, resolve_time_expression
from .types import Actor, CleanText, Dateline, DocumentSpans, Event, Evidence, Place, Span

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis"})
_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "across", "inside"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Nouns of a part of a place: "the outskirts *of Kyiv*", "residential areas *of Kharkiv*".
_LOCATIVE_NOUNS = frozenset({"area", "outskirts", "suburb", "centre", "center", "district",
                             "neighbourhood", "neighborhood", "part", "city", "town", "village",
                             "port", "capital"})
_AREA_NOUNS = frozenset({"region", "province", "oblast", "state", "district", "county",
                         "governorate", "prefecture", "town", "city", "village", "area"})
# A time expression dates the event when it hangs from one of these ("on Tuesday", "in
# 2019"); "since 2014", "until May", "by 2030" or "after the election" only bound a period.
_TIME_PREPS = frozenset({"on", "in", "at", "during", "from", "over", "through", "throughout",
                         "between", "early", "late"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
# clauses that happen when the clause they hang from does ("..., killing 250 people")
_SHARED_TIME_DEPS = frozenset({"advcl", "conj", "xcomp"})
_ADVERBIAL_DEPS = frozenset({"npadvmod", "tmod", "advmod"})
_FALLS_ON_THE_PLACE = frozenset({"ASSAULT", "COERCE"})
_ENTITY_PREPS = _TIME_PREPS | _PLACE_PREPS
# The entity recognizer's encoder sees four words on either side of a word.
RECOGNIZER_MARGIN = 4
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# "plans to visit", "is due to sign", "is to meet": an announced event, not a past one
_FUTURE_HEADS = frozenset({"plan", "schedule", "expect", "set", "due", "intend", "be", "prepare"})
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
    # a trigger without a mode of its own takes the one its CAMEO code implies (138: violence)
    mode = found.mode or (code.plover_mode if code.plover_type == found.event_type else None)
    plover = ontology.plover[found.event_type]
    dateline = clean.dateline if clean else None
    when, precision = _event_date(found, report_date(dateline, doc_date))
    base = sent.start_char
    trigger = (found.trigger.idx, found.trigger.idx + len(found.trigger))
    sources = tuple(span for _, span in found.source)
    targets = tuple(span for actor, span in found.target if actor.text)

    def in_sentence(span: Span) -> Span:
        return span[0] - base, span[1] - base
    location = _place(found, mentions) or _dateline_place(dateline)
    return Event(
        event_id=event_id(doc_id, sentence_index, k),
        doc_id=doc_id,
        sentence=sentence_index,
        date=when,
        date_precision=precision,
        event_type=found.event_type,
        mode=mode,
        cameo=found.cameo,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        source=tuple(_placed(a, location) for a, _ in found.source),
        target=(tuple(_placed(a, location) for a, _ in found.target)
                or _attacked_place(found, location)),
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
        location=location,
        negated=found.negated,
        confidence=_confidence(found),
        coder=coder,
        plover_score=plover.mode_score(mode),
    )


def _placed(actor: Actor, location: Place | None) -> Actor:
    """An actor of no known country ("unidentified gunmen") is of the country the event
    happened in."""
    if actor.country not in (None, "UNK") or not actor.sector or not location:
        return actor
    return replace(actor, country=location.country) if location.country else actor


def _attacked_place(found: Found, location: Place | None) -> tuple[Actor, ...]:
    """An attack or coercion that names no one falls on the country it happened in, when
    that is not the attacker's own: "Israeli tanks fired at targets *in Jericho*"."""
    if (found.event_type not in _FALLS_ON_THE_PLACE or location is None
            or location.origin != "sentence" or not location.country
            or any(a.country == location.country for a, _ in found.source)):
        return ()
    return (Actor(text="", country=location.country),)


def is_history(event: Event, reported: date | None) -> bool:
    """An event dated two calendar years or more before the year of its report ("when Idi
    Amin expelled them 18 years ago") is the story's background, not news of its own;
    "last year" is still news."""
    return (event.date is not None and reported is not None
            and event.date.year < reported.year - 1)


def report_date(dateline: Dateline | None, doc_date: date | None) -> date | None:
    """The day a report speaks from: its dateline's, else the document's."""
    return dateline_date(dateline, doc_date) or doc_date


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


def entity_stretches(sentence: SpacySpan) -> list[tuple[int, int]]:
    """Where in a sentence coding reads entities, as merged token ranges of its document.

    Dates and places are read from adverbial nouns ("Tuesday") and from the objects of time
    and place prepositions ("in Kharkiv", "on Monday"). Each such phrase is taken with the
    recognizer's margin, so that it sees all it would see in the whole sentence.
    """
    wanted = sorted((max(sentence.start, token.left_edge.i - RECOGNIZER_MARGIN),
                     min(sentence.end, token.right_edge.i + 1 + RECOGNIZER_MARGIN))
                    for token in sentence
                    if token.dep_ in _ADVERBIAL_DEPS
                    or (token.dep_ == "pobj" and token.head.lower_ in _ENTITY_PREPS))
    merged: list[tuple[int, int]] = []
    for start, end in wanted:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _event_date(found: Found, doc_date: date | None) -> tuple[date | None, str | None]:
    """The date of the time expression attached to the event, else `doc_date` (the
    dateline's day when there is one, else the document's).

    The finest expression wins ("on Saturday" over "since 1949"); a clause that names no
    time takes the time of the clause it depends on ("rolled in on Tuesday as the army
    widened its offensive"), but reported speech does not take the time it was said.
    """
    if doc_date is None:
        return None, None
    future = _announced(found)
    levels: list[tuple[Token, ...]] = [(found.trigger, found.clause)]
    clause = found.clause
    while clause.dep_ in _SHARED_TIME_DEPS and clause.head.i != clause.i:
        clause = clause.head
        levels.append((clause,))
    for roots in levels:
        times = {token.i: token for root in roots for token in _clause_tokens(root)
                 if token.ent_type_ in ("DATE", "TIME") and _attached_time(token, roots)}
        candidates = [resolved for token in times.values()
                      if (resolved := resolve_time_expression(_entity_text(token), doc_date,
                                                              future)) is not None]
        if candidates:
            finest = min(candidates, key=lambda r: _PRECISION_RANK[r.precision])
            return finest.date, finest.precision
    return doc_date, "day"


def _entity_text(token: Token) -> str:
    return next(e.text for e in token.doc.ents if e.start <= token.i < e.end)


def _announced(found: Found) -> bool:
    """Whether the event is announced for later: "will meet", "plans to visit"."""
    verbs = (found.trigger, found.clause)
    if any(c.lower_ in _FUTURE_AUX for v in verbs for c in v.children):
        return True
    return any(v.dep_ == "xcomp" and v.head.lemma_ in _FUTURE_HEADS
               and any(c.lower_ == "to" for c in v.children) for v in verbs)


def _attached_time(token: Token, roots: tuple[Token, ...]) -> bool:
    """The head word of a time expression that modifies the event's clause or its trigger,
    not a noun inside it ("apologized for the massacre *in 1995*" is not dated 1995)."""
    if token.head.ent_type_ in ("DATE", "TIME") and token.head.i != token.i:
        return False
    if token.dep_ in _ADVERBIAL_DEPS:
        anchor = token.head
    elif token.dep_ == "pobj" and token.head.lower_ in _TIME_PREPS:
        anchor = token.head.head
    else:
        return False
    return anchor.pos_ in ("VERB", "AUX") or any(anchor.i == root.i for root in roots)


def _place(found: Found, mentions: dict[int, Mention]) -> Place | None:
    """The place named in the event's clause ("in Beijing", "near Kharkiv", "shelled the
    outskirts *of Kyiv*"), resolved in the gazetteer; the actor knowledge base's country
    picks among same-named places."""
    gazetteer = load_gazetteer()
    for root in (found.trigger, found.clause):
        for token in _clause_tokens(root):
            if not _names_a_place(token):
                continue
            mention = mentions.get(token.i)
            country = mention.candidates[0].entry.country if mention else None
            if mention and mention.form == "name" and country:
                return gazetteer.country(country) or Place(token.text, country, precision="country")
            if token.ent_type_ in _PLACE_ENTITIES:
                return gazetteer.resolve(_entity_text(token), country)
            name = None if token.ent_type_ else _proper_name(token)
            if name:  # the entity recognizer missed it ("in Odesa"): the gazetteer decides
                place = gazetteer.resolve(name, country)
                if place.precision is not None:
                    return place
    return None


def _names_a_place(token: Token) -> bool:
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in _PLACE_PREPS or (prep.lower_ == "of"
                                           and prep.head.lemma_.lower() in _LOCATIVE_NOUNS)


def _proper_name(token: Token) -> str | None:
    """The proper nouns of a phrase: "Odesa", "the Kursk region" → "Kursk"."""
    if token.pos_ != "PROPN" and token.lower_ not in _AREA_NOUNS:
        return None
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if token.pos_ == "PROPN":
        words.append(token)
    return " ".join(t.text for t in words) or None


def _dateline_place(dateline: Dateline | None) -> Place | None:
    """The dateline's city, for an event whose sentence names no place."""
    if dateline is None:
        return None
    gazetteer = load_gazetteer()
    country = gazetteer.country_code(dateline.region) if dateline.region else None
    return gazetteer.resolve(dateline.place, country, origin="dateline")


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
