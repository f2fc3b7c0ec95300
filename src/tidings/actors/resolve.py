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

from spacy.tokens import Doc, Span, Token

from ..types import Actor
from .kb import PSEUDO_COUNTRIES, Alias, role_rank
from .matcher import Mention, MentionMatcher

# Dependencies that keep a token inside the phrase of its head.
_PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "det", "nummod",
                          "case", "npadvmod", "punct", "quantmod", "advmod", "predet"})
# Which form of a name wins when one phrase holds several.
_FORM_RANK = {"person": 0, "surname": 0, "name_part": 0, "org": 1, "seat": 2, "capital": 3,
              "name": 4, "adjective": 5, "prefix": 6, "agent": 7}
_PERSON_FORMS = frozenset({"person", "surname", "name_part"})
# Forms that name a person only with help from the document or the phrase.
_PARTIAL_NAMES = frozenset({"surname", "name_part"})
_PLACE_FORMS = frozenset({"name", "adjective", "prefix", "capital", "seat"})
# "pro-Russian", "anti-government": a stance towards what the mention names.
_STANCE_PREFIXES = frozenset({"pro", "anti"})
# A person who owns or modifies an agent noun gives it a country ("Assad's forces").
_OWNER_DEPS = frozenset({"poss", "compound"})
# Agent nouns that give an IGO's people their own sector ("UN peacekeepers": IGO MIL).
_ARMED_SECTORS = frozenset({"MIL", "COP"})
_FORMER = frozenset({"former", "ex", "late", "then-former", "onetime", "erstwhile"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"they", "them", "it"})
_PAIR_NOUNS = frozenset({"side", "country", "nation", "leader", "government", "party"})


@dataclass
class DocumentContext:
    """What the coder remembers while reading one document: its countries and people."""

    date: date | None
    countries: Counter[str] = field(default_factory=Counter)
    people: Counter[str] = field(default_factory=Counter)
    last_person: Actor | None = None
    last_group: tuple[Actor, ...] = ()

    def main_country(self, besides: Iterable[str] = ()) -> str | None:
        """The country the document names most, of those not `besides`."""
        left = set(besides)
        ranked = [c for c, _ in self.countries.most_common() if c not in left]
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
        """Count the countries a sentence names (the document's pair and main country) and
        the people it names unambiguously (whom a bare surname may mean later)."""
        for mention in dict.fromkeys(mentions.values()):
            alias = self._choose(mention, ctx)
            if alias is None:
                continue
            if alias.entry.country and alias.form != "agent":
                ctx.countries[alias.entry.country] += 1
            if alias.form == "person" and not alias.ambiguous:
                ctx.people[alias.entry.id] += 1

    def remember_subject(self, sent: Span, mentions: dict[int, Mention],
                         ctx: DocumentContext) -> None:
        """After a sentence: a person who is its subject is who "he" or "she" means next."""
        for token in sent:
            mention = mentions.get(token.i)
            if mention is None or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            alias = self._choose(mention, ctx)
            if alias is not None and alias.form in _PERSON_FORMS:
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

    def unknown_name(self, head: Token, ctx: DocumentContext
                     ) -> list[tuple[Actor, tuple[int, int]]]:
        """A named actor the knowledge base does not know, of unknown sector: a person ("Lt.
        Gen. Prosper Avril") of the document's country, as an unnamed agent is; a body
        ("the Association of African Jurists") of unknown country, for it may well be
        international. Nothing for a phrase that names no one."""
        tokens = [t for t in phrase_tokens(head) if not t.is_punct] or [head]
        if head.pos_ == "PRON" or not any(t.pos_ == "PROPN" and t.lower_ not in _CALENDAR
                                          for t in tokens):
            return []
        institution = any(t.lemma_.lower() in _INSTITUTION_WORDS for t in tokens)
        main = ctx.main_country()
        country = "UNK" if institution or main in PSEUDO_COUNTRIES else main or "UNK"
        return [(Actor(_span_text(head, tokens), country),
                 (tokens[0].idx, tokens[-1].idx + len(tokens[-1])))]

    def _resolve_one(self, head: Token, mentions: dict[int, Mention], ctx: DocumentContext
                     ) -> list[Actor]:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in _PERSON_PRONOUNS:
            return self._pronoun(head, mentions, ctx)
        if head.lemma_.lower() in _PAIR_NOUNS and _is_pair(head):
            return list(ctx.pair())
        tokens = phrase_tokens(head)
        found = [m for m in dict.fromkeys(mentions[t.i] for t in tokens if t.i in mentions)
                 if not _is_stance(m, head.doc)]
        if not found:
            return []
        chosen = [a for a in (self._choose(m, ctx) for m in found) if a is not None]
        agent = next((a for a in chosen if a.form == "agent"), None)
        chosen += self._titled(found, chosen, agent, ctx)
        if not chosen:
            return []
        text = _span_text(head, tokens)
        former = any(t.lower_ in _FORMER for t in tokens)
        best = min(chosen, key=lambda a: (_FORM_RANK[a.form], _distance(a, found, head)))
        at_head = next((a for a in chosen if _distance(a, found, head) == 0), None)
        if at_head is not None and at_head.form == "org":
            best = at_head  # "Netanyahu's Likud party" is the party
        if best.form in _PERSON_FORMS:
            owned = _owned_agent(head, mentions, best, agent)
            if owned is not None:
                return [self._persons_agent(best, owned, text, former, ctx.date)]
            return [self._person(best, text, former, ctx.date)]
        if best.form == "org":
            return self._organization(best, agent, text, ctx.date)
        places = (_outside_appositions([a for a in chosen if a.form != "agent"], found, head)
                  or self._located(head, mentions, ctx))
        if any(t.lower_ == "ethnic" for t in tokens):
            return self._ethnic(head, places, agent, text, mentions, ctx)
        return self._placed(places, agent, text, former, ctx)

    def _ethnic(self, head: Token, origins: list[Alias], agent: Alias | None, text: str,
                mentions: dict[int, Mention], ctx: DocumentContext) -> list[Actor]:
        """An ethnic group is of the country it lives in, as PLOVER codes it: "ethnic
        Albanians in southern Serbia" are SRB; with no place in the phrase, the country the
        document names most besides the group's own."""
        own = {a.entry.country for a in origins if a.entry.country}
        home = [a for a in self._located(head, mentions, ctx, ("in", "of"))
                if a.entry.country not in own]
        if home:
            return self._placed(home, agent, text, False, ctx)
        country = ctx.main_country(besides=own | PSEUDO_COUNTRIES)
        if country is None:
            return self._placed(origins, agent, text, False, ctx)
        return [Actor(text, country, agent.sector if agent else None, None,
                      agent.entry.id if agent else None)]

    @staticmethod
    def _placed(places: list[Alias], agent: Alias | None, text: str, former: bool,
                ctx: DocumentContext) -> list[Actor]:
        """Country words and an agent noun: "South Korean troops", "Seoul", "riot police"."""
        sector = agent.sector if agent else None
        if former and sector == "GOV":
            sector = "ELI"
        if not places:
            international = agent is not None and agent.entry.name in _INTERNATIONAL_AGENTS
            country = "IGO" if international else ctx.main_country() or "UNK"
            return [Actor(text, country, sector, None, agent.entry.id if agent else None)]
        actors = []
        for alias in places:
            own_sector = sector or (alias.sector if alias.form in ("capital", "seat") else None)
            actors.append(Actor(text, alias.entry.country, own_sector, alias.entry.name,
                                alias.entry.id))
        return _unique(actors)

    def _located(self, head: Token, mentions: dict[int, Mention], ctx: DocumentContext,
                 preps: tuple[str, ...] = ("in",)) -> list[Alias]:
        """The place of an agent with no country of its own: "officials in Tehran" are
        Iranian officials, "parties to the conflict in Iraq" Iraqi parties ("Russian troops
        in Syria" keep their own country)."""
        nouns = [head, *(obj for prep in head.children if prep.dep_ == "prep"
                         for obj in prep.children if obj.dep_ == "pobj")]
        within = [t for noun in nouns for prep in noun.children
                  if prep.dep_ == "prep" and prep.lower_ in preps
                  for obj in prep.children if obj.dep_ == "pobj" for t in phrase_tokens(obj)]
        found = dict.fromkeys(mentions[t.i] for t in within if t.i in mentions)
        chosen = (self._choose(m, ctx) for m in found)
        return [a for a in chosen if a is not None and a.form in _PLACE_FORMS][:1]

    def _pronoun(self, head: Token, mentions: dict[int, Mention], ctx: DocumentContext
                 ) -> list[Actor]:
        lower = head.lower_
        if lower in _PERSON_PRONOUNS:
            earlier = [m for i, m in mentions.items() if i < head.i]
            for mention in reversed(earlier):
                alias = self._choose(mention, ctx)
                if alias is not None and alias.form in _PERSON_FORMS:
                    return [self._person(alias, head.text, False, ctx.date)]
            return [_retext(ctx.last_person, head.text)] if ctx.last_person else []
        if lower in _GROUP_PRONOUNS:
            return [_retext(a, head.text) for a in ctx.last_group]
        return []

    @staticmethod
    def _choose(mention: Mention, ctx: DocumentContext) -> Alias | None:
        """The candidate a mention most likely means, by the document's people and countries.

        A part of a name counts for people the document has already named in full; failing
        that, a surname means the one person of that name in office, on the document's
        date, in a country the document is about. Otherwise the mention means no one.
        """
        usable = [a for a in mention.candidates
                  if a.form not in _PARTIAL_NAMES or ctx.people[a.entry.id]]
        if not usable:
            here = {c for c, n in ctx.countries.items() if n > 0}
            return _office_holder(mention, ctx.date, None, here) if here else None

        def score(alias: Alias) -> tuple[int, int, int, int]:
            in_context = ctx.countries.get(alias.entry.country or "", 0)
            active = 0
            if alias.form in _PERSON_FORMS and ctx.date is not None:
                active = 0 if alias.entry.role_on(ctx.date) else 1
            return (_FORM_RANK[alias.form], -ctx.people[alias.entry.id], active, -in_context)
        return min(usable, key=score, default=None)

    @staticmethod
    def _titled(found: list[Mention], chosen: list[Alias], agent: Alias | None,
                ctx: DocumentContext) -> list[Alias]:
        """Surnames the phrase's own title settles: "Premier Li", "Pakistani Prime Minister
        Sharif" name the one holder of that office on the date."""
        if agent is None or any(a.form in _PERSON_FORMS for a in chosen):
            return []
        places = {a.entry.country for a in chosen if a.form in _PLACE_FORMS and a.entry.country}
        holders = (_office_holder(m, ctx.date, agent.entry.name, places or None) for m in found)
        return [h for h in holders if h is not None][:1]

    def _persons_agent(self, owner: Alias, agent: Alias, text: str, former: bool,
                       day: date | None) -> Actor:
        """An agent noun a person owns: their country, the agent's sector."""
        country = self._person(owner, text, False, day).country
        sector = "ELI" if former and agent.sector == "GOV" else agent.sector
        return Actor(text, country, sector, None, agent.entry.id)

    @staticmethod
    def _organization(org: Alias, agent: Alias | None, text: str, day: date | None
                      ) -> list[Actor]:
        """An organisation as actor, with its sector on `day` (the Taliban govern from
        2021-08-15); a news agency is the source of the text, not an actor."""
        entry = org.entry
        if entry.org_kind == "media":
            return []
        period = entry.role_on(day) if entry.roles else None
        sector = period.sector if period else entry.sector
        governs = entry.org_kind == "igo" or sector == "GOV"
        if governs and agent is not None and agent.sector in _ARMED_SECTORS:
            sector = agent.sector  # "UN peacekeepers", Taliban fighters in 2023: MIL
        return [Actor(text, entry.country, sector, entry.name, entry.id)]

    @staticmethod
    def _person(alias: Alias, text: str, former: bool, day: date | None) -> Actor:
        entry = alias.entry
        role = entry.role_on(day)
        if role is None or former:
            return Actor(text, entry.country, "ELI", entry.name, entry.id)
        return Actor(text, role.country, role.sector, entry.name, entry.id, role.title)


def _is_stance(mention: Mention, doc: Doc) -> bool:
    """"pro-Russian separatists" are not Russian; "anti-government protesters" not GOV."""
    k = mention.start
    return k >= 2 and doc[k - 1].text == "-" and doc[k - 2].lower_ in _STANCE_PREFIXES


def _office_holder(mention: Mention, day: date | None, title: str | None,
                   countries: set[str] | None) -> Alias | None:
    """The one surname candidate in office on `day` (with `title` in its title, in one of
    `countries`); heads of state and government win over other offices."""
    if day is None:
        return None
    holders: list[tuple[int, Alias]] = []
    for alias in mention.candidates:
        role = alias.entry.role_on(day) if alias.form == "surname" else None
        if (role is not None and (title is None or title in role.title.lower())
                and (countries is None or role.country in countries)):
            holders.append((role_rank(role), alias))
    if not holders:
        return None
    top = min(rank for rank, _ in holders)
    best = {alias.entry.id: alias for rank, alias in holders if rank == top}
    return next(iter(best.values())) if len(best) == 1 else None


def _owned_agent(head: Token, mentions: dict[int, Mention], person: Alias,
                 agent: Alias | None) -> Alias | None:
    """The agent noun at the head of a phrase whose person only modifies it."""
    at_head = mentions.get(head.i)
    if agent is None or at_head is None or agent not in at_head.candidates:
        return None
    owner = next((t for t in head.children if t.dep_ in _OWNER_DEPS
                  and (m := mentions.get(t.i)) is not None and person in m.candidates), None)
    return agent if owner is not None else None


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


def _outside_appositions(places: list[Alias], found: list[Mention], head: Token
                         ) -> list[Alias]:
    """The places the phrase itself names, before those of a description in apposition:
    "Pakistan, a key U.S. ally," is Pakistan."""
    described = {t.i for c in head.children if c.dep_ == "appos" and c.pos_ != "PROPN"
                 for t in c.subtree}  # a name in apposition is a list, not a description
    own = [a for a in places if not any(a in m.candidates and m.start in described
                                        for m in found)]
    return own or places


def _distance(alias: Alias, found: list[Mention], head: Token) -> int:
    for mention in found:
        if alias in mention.candidates:
            return 0 if mention.start <= head.i < mention.end else abs(mention.start - head.i)
    return 99


# Agents that, with no country named, serve an international body: "peacekeepers".
_INTERNATIONAL_AGENTS = frozenset({"peacekeeper", "peacekeeping force"})
_INSTITUTION_WORDS = frozenset({"association", "committee", "council", "commission", "front",
                                "union", "movement", "organization", "organisation", "group",
                                "agency", "party", "league", "federation", "institute",
                                "foundation", "forum", "network", "society", "alliance",
                                "coalition", "army", "court", "bank", "company", "corporation"})
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "january", "february", "march", "april", "may", "june", "july",
                       "august", "september", "october", "november", "december"})


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
