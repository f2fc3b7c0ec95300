"""Where an event's target is looked for, best first, and the targets PLOVER implies."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import Mention
from ..types import Actor
from .clauses import governing_verb, is_passive, subject_of

TARGET_PREPS = ("with", "against", "on", "to", "at", "into", "toward", "towards", "over",
                "upon", "for", "from", "between", "among")
# Whose thing the object is: "rejected an offer *from* Kabul", "calls *by* Annan".
_OWNER_PREPS = ("by", "of", "from")
# Branches of an event's phrase that name its source or stand beside it, not its target.
_NOT_TARGET_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "advcl", "parataxis",
                              "relcl", "mark", "punct", "cc"})
PLACE_PREPS = ("in", "near", "at", "outside", "around")
NOT_PLACES = frozenset({"IGO", "NGO", "MNC", "IMG", "UNK"})
# Verbs whose object is what goes, not whom it concerns: "sent police *to Haiti*",
# "withdrew its troops *from Lebanon*".
_SENDING = frozenset({"send", "deploy", "dispatch", "move", "transfer", "deliver", "ship",
                      "share", "recall", "airlift", "station", "redeploy", "withdraw", "pull",
                      "contribute"})


def target_candidates(token: Token, inner: Token | None, depth: int = 0) -> Iterator[Token]:
    """Phrases that may name the target, best first."""
    if token.pos_ in ("VERB", "AUX") and is_passive(token):
        yield from (c for c in token.children if c.dep_ in ("nsubjpass", "nsubj"))
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "iobj", "attr")]
    if token.lemma_.lower() in _SENDING:  # "send police to Haiti": what is sent or shared is no target
        yield from prep_objects(token)
        for obj in objects:  # "recalled its ambassador from Moscow"
            yield from prep_objects(obj)
    yield from (c for c in objects if c.dep_ != "dative")
    yield from prep_objects(token)
    for obj in objects:
        yield from prep_objects(obj)
    for obj in objects:
        yield from (c for c in obj.children if c.dep_ == "poss")
        yield from prep_objects(obj, _OWNER_PREPS)
    if depth < 2:  # "demanded that *Pyongyang* abandon ...": before what it should do
        yield from (subject for child in token.children if child.dep_ == "ccomp"
                    and (subject := subject_of(child)) is not None)
    if inner is not None:
        yield from target_candidates(inner, None, depth + 1)
    if depth < 2:
        for child in token.children:
            if child.dep_ in ("xcomp", "ccomp") and (inner is None or child.i != inner.i):
                yield from target_candidates(child, None, depth + 1)
    if token.pos_ == "NOUN" and depth == 0:
        verb = governing_verb(token)
        if verb is not None:
            if is_passive(verb):  # "a US national has been put under *investigation*"
                yield from (c for c in verb.children if c.dep_ == "nsubjpass")
            yield from (c for c in prep_objects(verb) if c.i not in subtree_ids(token))
            demanded = (subject_of(c) for c in verb.children if c.dep_ == "ccomp")
            yield from (s for s in demanded if s is not None)  # "its demand that Israel ..."


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def prep_objects(token: Token, preps: tuple[str, ...] = TARGET_PREPS) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            yield from (g for g in child.children if g.dep_ == "pobj")


def nearby_mentions(token: Token, mentions: dict[int, Mention]) -> Iterator[Token]:
    """Actor names inside the event's phrase, nearest first ("an extension of the mandate
    for the force in Lebanon"), leaving out its subject and side clauses."""
    frontier = [c for c in token.children if c.dep_ not in _NOT_TARGET_DEPS]
    while frontier:
        yield from (t for t in frontier if t.i in mentions)
        frontier = [c for t in frontier for c in t.children if c.dep_ not in _NOT_TARGET_DEPS]


def only_a_modifier(head: Token, mentions: dict[int, Mention]) -> bool:
    """"*military* aid", "a *police* station": a role word describing a thing names no one."""
    if head.i in mentions or head.pos_ not in ("NOUN",):
        return False
    named = [mentions[c.i] for c in head.children if c.i in mentions]
    return bool(named) and all(m.form == "agent" for m in named) and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in head.children)


def home_government(source: list[tuple[Actor, tuple[int, int]]]
                     ) -> list[tuple[Actor, tuple[int, int]]]:
    """A protest that names no one protests its own government (PLOVER's convention)."""
    country = source[0][0].country
    if not country or country in NOT_PLACES or source[0][0].sector == "GOV":
        return []
    return [(Actor(text="", country=country, sector="GOV"), (0, 0))]  # named nowhere: no span


def own_people(source: list[tuple[Actor, tuple[int, int]]]
                ) -> list[tuple[Actor, tuple[int, int]]]:
    country = source[0][0].country
    if not country or country in NOT_PLACES:
        return []
    return [(Actor(text="", country=country), (0, 0))]  # named nowhere: no span
