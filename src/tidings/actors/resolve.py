"""From a noun phrase of the parse to actors: country and sector on the document's date.

The head of the phrase and its modifiers are read together: "South Korean troops" is a
country word and an agent noun (KOR MIL); "President Moon" is a person whose dated role
gives KOR GOV in 2021 and KOR ELI in 2023; "Seoul" said is the government (KOR GOV).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from ..types import Actor
from .kb import Alias
from .matcher import Mention, MentionMatcher

# Dependencies that keep a token inside the phrase of its head.
_PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "det", "nummod",
                          "case", "npadvmod", "punct", "quantmod", "advmod", "predet"})
# Which form of a name wins when one phrase holds several.
_FORM_RANK = {"person": 0, "org": 1, "seat": 2, "capital": 3, "name": 4, "adjective": 5,
              "prefix": 6, "agent": 7}
_FORMER = frozenset({"former", "ex", "late", "then-former", "onetime", "erstwhile"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"they", "them", "it"})
_PAIR_NOUNS = frozenset({"side", "country", "nation", "leader", "government", "party"})


@dataclass
class DocumentContext:
    """What the coder remembers while reading one document, for pronouns and pairs."""

    date: date | None
    countries: Counter[str] = field(default_factory=Counter)
    last_person: Actor | None = None
    last_group: tuple[Actor, ...] = ()

    def main_country(self) -> str | None:
        ranked = [c for c, _ in self.countries.most_common(2) if len(c) == 3]
        return ranked[0] if ranked else None

    def pair(self) -> tuple[Actor, ...]:
        """The two countries the document is about, as governments ("the two sides")."""
        top = [c for c, _ in self.countries.most_common() if c not in ("IGO", "NGO", "UNK")]
        return tuple(Actor(text="", country=c, sector="GOV") for c in top[:2])


class ActorResolver:
    """Resolves parse phrases to actors; the same object serves the coder and `tidings actor`."""

    def __init__(self, matcher: MentionMatcher):
        self.matcher = matcher

    def mentions(self, sent: Span) -> dict[int, Mention]:
        """Every mention in a sentence, keyed by each token index it covers."""
        by_token: dict[int, Mention] = {}
        for mention in self.matcher.find(list(sent)):
            for i in range(mention.start, mention.end):
                by_token[i] = mention
        return by_token

    def note_sentence(self, mentions: dict[int, Mention], ctx: DocumentContext) -> None:
        """Count the countries a sentence names: the document's pair and main country."""
        for mention in dict.fromkeys(mentions.values()):
            alias = self._choose(mention, ctx)
            if alias.entry.country and alias.form != "agent":
                ctx.countries[alias.entry.country] += 1

    def remember_subject(self, sent: Span, mentions: dict[int, Mention],
                         ctx: DocumentContext) -> None:
        """After a sentence: a person who is its subject is who "he" or "she" means next."""
        for token in sent:
            mention = mentions.get(token.i)
            if mention is None or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            alias = self._choose(mention, ctx)
            if alias.form == "person":
                ctx.last_person = self._person(alias, "", False, ctx.date)
                return

    def resolve(self, head: Token, mentions: dict[int, Mention], ctx: DocumentContext
                ) -> list[tuple[Actor, tuple[int, int]]]:
        """The actors a phrase names, each with its character span in the document.

        A coordinated phrase gives one actor per conjunct ("China and Russia" gives two).
        """
        found: list[tuple[Actor, tuple[int, int]]] = []
        seen: set[tuple[str | None, str | None, str | None]] = set()
        for conjunct in [head, *_conjuncts(head)]:
            tokens = [t for t in phrase_tokens(conjunct) if not t.is_punct] or [conjunct]
            span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
            for actor in self._resolve_one(conjunct, mentions, ctx):
                key = (actor.country, actor.sector, actor.id)
                if key not in seen:
                    seen.add(key)
                    found.append((actor, span))
        actors = [a for a, _ in found]
        if len(actors) == 1 and actors[0].id and actors[0].id.startswith("person/"):
            ctx.last_person = actors[0]
        if actors:
            ctx.last_group = tuple(actors)
        return found

    def _resolve_one(self, head: Token, mentions: dict[int, Mention], ctx: DocumentContext
                     ) -> list[Actor]:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in _PERSON_PRONOUNS:
            return self._pronoun(head, mentions, ctx)
        if head.lemma_.lower() in _PAIR_NOUNS and _is_pair(head):
            return list(ctx.pair())
        tokens = phrase_tokens(head)
        found = [m for m in dict.fromkeys(mentions[t.i] for t in tokens if t.i in mentions)]
        if not found:
            return []
        text = _span_text(head, tokens)
        former = any(t.lower_ in _FORMER for t in tokens)
        chosen = [self._choose(m, ctx) for m in found]
        best = min(chosen, key=lambda a: (_FORM_RANK[a.form], _distance(a, found, head)))
        if best.form == "person":
            return [self._person(best, text, former, ctx.date)]
        if best.form == "org":
            if best.entry.org_kind == "media":
                return []
            return [Actor(text, best.entry.country, best.entry.sector, best.entry.name,
                          best.entry.id)]
        agent = next((a for a in chosen if a.form == "agent"), None)
        sector = agent.sector if agent else None
        if former and sector == "GOV":
            sector = "ELI"
        places = [a for a in chosen if a.form != "agent"]
        if not places:
            country = ctx.main_country() or "UNK"
            return [Actor(text, country, sector, None, agent.entry.id if agent else None)]
        actors = []
        for alias in places:
            own_sector = sector or (alias.sector if alias.form in ("capital", "seat") else None)
            actors.append(Actor(text, alias.entry.country, own_sector, alias.entry.name,
                                alias.entry.id))
        return _unique(actors)

    def _pronoun(self, head: Token, mentions: dict[int, Mention], ctx: DocumentContext
                 ) -> list[Actor]:
        lower = head.lower_
        if lower in _PERSON_PRONOUNS:
            earlier = [m for i, m in mentions.items() if i < head.i]
            for mention in reversed(earlier):
                alias = self._choose(mention, ctx)
                if alias.form == "person":
                    return [self._person(alias, head.text, False, ctx.date)]
            return [_retext(ctx.last_person, head.text)] if ctx.last_person else []
        if lower in _GROUP_PRONOUNS:
            return [_retext(a, head.text) for a in ctx.last_group]
        return []

    def _choose(self, mention: Mention, ctx: DocumentContext) -> Alias:
        """The candidate a mention most likely means, using the document's countries."""
        def score(alias: Alias) -> tuple[int, int, int]:
            in_context = ctx.countries.get(alias.entry.country or "", 0)
            active = 0
            if alias.form == "person" and ctx.date is not None:
                active = 0 if alias.entry.role_on(ctx.date) else 1
            return (_FORM_RANK[alias.form], active, -in_context)
        return min(mention.candidates, key=score)

    @staticmethod
    def _person(alias: Alias, text: str, former: bool, day: date | None) -> Actor:
        entry = alias.entry
        role = entry.role_on(day)
        if role is None or former:
            return Actor(text, entry.country, "ELI", entry.name, entry.id)
        return Actor(text, role.country, role.sector, entry.name, entry.id, role.title)


def phrase_tokens(head: Token) -> list[Token]:
    """The head and its modifiers, plus "of" phrases ("the government of Iran"), in order."""
    out = [head]
    for child in head.children:
        if child.dep_ in _PHRASE_DEPS:
            out.extend(phrase_tokens(child))
            out.extend(t for c in child.conjuncts for t in phrase_tokens(c)
                       if child.dep_ == "amod")
        elif child.dep_ == "prep" and child.lower_ == "of":
            out.extend(t for g in child.children if g.dep_ == "pobj" for t in phrase_tokens(g))
    return sorted(set(out), key=lambda t: t.i)


def _conjuncts(head: Token) -> Iterable[Token]:
    return (t for t in head.conjuncts if t.i > head.i and t.pos_ in ("PROPN", "NOUN", "PRON"))


def _is_pair(head: Token) -> bool:
    return any((c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet"))
               for c in head.children) and head.tag_ in ("NNS", "NNPS")


def _distance(alias: Alias, found: list[Mention], head: Token) -> int:
    for mention in found:
        if alias in mention.candidates:
            return 0 if mention.start <= head.i < mention.end else abs(mention.start - head.i)
    return 99


def _span_text(head: Token, tokens: list[Token]) -> str:
    words = [t for t in tokens if not t.is_punct]
    while len(words) > 1 and words[0].dep_ == "det":
        words = words[1:]
    if not words:
        return head.text
    return head.doc[words[0].i:words[-1].i + 1].text


def _retext(actor: Actor, text: str) -> Actor:
    return Actor(text, actor.country, actor.sector, actor.name, actor.id, actor.role)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str | None, str | None, str | None]] = set()
    out = []
    for actor in actors:
        key = (actor.country, actor.sector, actor.id)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out
