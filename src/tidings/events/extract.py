"""Reading events from one parsed sentence: triggers, roles, modality, negation.

A trigger is a word the lexicon knows ("attacked", "talks with", "willing"). Its
source is the subject (or the ``by`` agent of a passive, or the subject of the verb a
noun hangs from); its target is the object or the object of a preposition such as
*with*, *against*, *on*. A trigger inside the complement of another ("agreed *to send
aid* to Kyiv") lends its target and meaning to the outer one instead of standing alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..actors import ActorResolver, DocumentContext, Mention
from ..types import Actor
from .lexicon import Lexicon, TriggerRule

TARGET_PREPS = ("with", "against", "on", "to", "at", "into", "toward", "towards", "over",
                "upon", "for", "from", "between", "among")
_MUTUAL_PREPS = frozenset({"between", "among"})
# Whose thing the object is: "rejected an offer *from* Kabul", "calls *by* Annan".
_OWNER_PREPS = ("by", "of", "from")
# Branches of an event's phrase that name its source or stand beside it, not its target.
_NOT_TARGET_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "advcl", "parataxis",
                              "relcl", "mark", "punct", "cc"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
_HYPOTHETICAL = frozenset({"should", "could", "may", "might", "must", "can", "ought", "ca"})
# Verbs of intending that are not events themselves: "plans to visit" is intent.
_INTENDING = frozenset({"plan", "intend", "want", "hope", "seek", "aim", "expect", "prepare",
                        "wish", "set", "go", "schedule", "decide", "mean"})
# "X said Y must ..." is X demanding something of Y (CAMEO 10, PLOVER REQUEST).
_SPEAKING = frozenset({"say", "declare", "announce", "insist", "tell", "state", "stress",
                       "write", "add"})
_DEMAND_CAMEO = "100"
_REPORTING = _SPEAKING | frozenset({"claim", "confirm", "report", "quote", "indicate",
                                    "affirm", "assert", "explain", "reiterate", "signal"})
# Nouns that carry the event of the noun compounded with them: "a mediation *mission*".
_CARRIER_NOUNS = frozenset({"mission", "effort", "bid", "initiative", "campaign", "operation",
                            "attempt", "drive", "programme", "program", "process"})
# Participles that describe their subject's stance, not something done to it:
# "Vietnam is committed to opening up" (the subject acts; there is no agent).
_STANCE_PARTICIPLES = frozenset({"commit", "prepare", "determine", "resolve", "dedicate",
                                 "oppose", "disappoint", "concern", "convince"})
# Acts reported without their author still happened: violence by an unidentified force, a
# sentence by the courts, an arrest or deportation by the police of the country concerned.
_UNATTRIBUTED = {("ASSAULT", None): "UAF", ("SANCTION", "convict"): "JUD",
                 ("COERCE", "arrest"): "COP", ("COERCE", "deport"): "COP"}
_PLACE_PREPS = ("in", "near", "at", "outside", "around")
_NOT_PLACES = frozenset({"IGO", "NGO", "MNC", "IMG", "UNK"})
_REFUSAL_CAMEO = "120"
# Who, acting, turns a strike or a blockade into a protest (see data/lexicon/civil.tsv).
_CIVIL_SECTORS = frozenset({"CVL", "LAB", "EDU", "REL", "REF", "OPP", "NGO", "MED"})
# Events whose object is itself an event they speak about, not one that happened.
_CONTENT_TYPES = frozenset({"AGREE", "REJECT", "REQUEST", "THREATEN", "ACCUSE", "CONCEDE",
                            "SUPPORT"})
_CONTENT_DEPS = frozenset({"dobj", "pobj", "prep", "acl", "xcomp", "compound", "amod", "nmod",
                           "pcomp", "ccomp", "advcl", "npadvmod", "oprd", "attr", "dative"})
_BACKGROUND_PREPS = frozenset({"during", "after", "before", "following", "amid", "amidst",
                               "since", "despite", "ahead", "until"})
_BACKGROUND_NOUNS = frozenset({"eve", "wake", "aftermath", "run-up", "sidelines", "ahead",
                               "prior"})
# What "leaving" leaves behind, when it only reports the toll of another event.
_AFTERMATH = frozenset({"dead", "injured", "wounded", "homeless", "missing"})
_DISCLOSING = _SPEAKING | frozenset({"comment", "confirm", "disclose", "elaborate", "reveal",
                                    "specify", "discuss", "speculate", "answer"})
_REPORT_NOUNS = frozenset({"report", "claim", "rumour", "rumor", "speculation", "suggestion",
                           "story", "account"})
# Agreeing to use force is a decision ("NATO agreed to deploy"); vowing or standing ready
# to use it is a threat.
_DECIDING = frozenset({"agree", "decide", "approve", "accept", "consent"})
_SENDING = frozenset({"send", "deploy", "dispatch", "move", "transfer", "deliver", "ship", "share",
                      "recall",
                      "airlift", "station", "redeploy"})
_CROWD_WORDS = frozenset({"thousands", "hundreds", "dozens", "tens", "scores", "some", "up",
                          "about", "around", "nearly", "over", "more", "many", "crowds"})
# What a fight against is no fight: a disease, a fire, poverty.
_ABSTRACT_FOES = frozenset({"epidemic", "pandemic", "virus", "disease", "outbreak", "ebola",
                            "covid-19", "poverty", "corruption", "inflation", "fire", "wildfire",
                            "hunger", "famine", "climate", "change", "drought", "flood",
                            "unemployment", "crime", "misinformation", "disinformation"})
# Ending a cooperative act is a sanction: cutting aid (162), cooperation (160), talks (164);
# preventing or banning a protest restricts it (172).
_ENDING_CODES = {"AID": ("SANCTION", "discontinue", "162"),
                 "COOPERATE": ("SANCTION", None, "160"),
                 "CONSULT": ("SANCTION", "withdraw", "164"),
                 "SUPPORT": ("SANCTION", None, "160")}
_ENDED = {(verb, kind): coding
          for verb in ("stop", "halt", "suspend", "end", "cease", "freeze", "cut", "quit")
          for kind, coding in _ENDING_CODES.items()} | {
    (verb, "PROTEST"): ("COERCE", "restrict", "172")
    for verb in ("prevent", "ban", "forbid", "prohibit", "outlaw", "block", "disperse")}
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "pcomp", "acomp", "conj"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
_DENYING = frozenset({"deny", "dismiss", "rule"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "attr", "acomp", "oprd",
                              "advcl", "conj"})
# Types that name a thing asked for, refused or intended ("refused to withdraw").
_FRAMING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
_MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
_COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                          "RETREAT"})


@dataclass(frozen=True)
class Found:
    """An event as read from a sentence, before dates, places and scores are added."""

    event_type: str
    mode: str | None
    cameo: str
    trigger: Token
    source: tuple[tuple[Actor, tuple[int, int]], ...]
    target: tuple[tuple[Actor, tuple[int, int]], ...]
    negated: bool
    rule: str
    clause: Token  # the verb whose clause holds the trigger: where dates and places attach

    @property
    def mutual(self) -> bool:
        return not self.target and len(self.source) > 1


class EventExtractor:
    def __init__(self, lexicon: Lexicon, resolver: ActorResolver):
        self.lexicon = lexicon
        self.resolver = resolver

    def extract(self, sent: Span, mentions: dict[int, Mention], ctx: DocumentContext
                ) -> list[Found]:
        """Every event a sentence holds, at most one per (type, source, target)."""
        if sent.text.rstrip().endswith("?"):
            return []
        triggers = {t.i: rule for t in sent if (rule := self._trigger_rule(t))}
        found: dict[tuple[object, ...], Found] = {}
        for i, rule in triggers.items():
            token = sent.doc[i]
            if (_governing_trigger(token, triggers) is not None
                    or _means_of(token, triggers) is not None
                    or _told_of(token, triggers) or _background(token)
                    or _purpose_demand(token, rule, triggers)):
                continue
            event = self._read(token, rule, triggers, mentions, ctx)
            if event is None:
                continue
            key = (event.event_type, _countries(event.source), _countries(event.target))
            found.setdefault(key, event)
        for event in self._demands(sent, triggers, mentions, ctx):
            key = (event.event_type, _countries(event.source), _countries(event.target))
            found.setdefault(key, event)
        return _without_partial_copies(list(found.values()))

    def _demands(self, sent: Span, triggers: dict[int, TriggerRule],
                 mentions: dict[int, Mention], ctx: DocumentContext) -> Iterator[Found]:
        """"The White House said Beijing must drop its barriers": REQUEST White House → CHN."""
        for verb in sent:
            if verb.lemma_.lower() not in _SPEAKING or verb.i in triggers:
                continue
            for clause in verb.children:
                if clause.dep_ != "ccomp" or not any(
                        c.dep_ == "aux" and c.lower_ == "must" for c in clause.children):
                    continue
                subject = _subject(clause)
                speaker = _subject(verb)
                if subject is None or speaker is None:
                    continue
                source = self.resolver.resolve(speaker, mentions, ctx)
                target = [t for t in self.resolver.resolve(subject, mentions, ctx)
                          if not _same_actor(t[0], source)]
                if not source or not target:
                    continue
                inner = triggers.get(clause.i)
                table = self.lexicon.modality.get(inner.event_type) if inner else None
                yield Found("REQUEST", table.asked if table else None, _DEMAND_CAMEO, verb,
                            tuple(source), tuple(target), _negated(verb, verb), "demand:must",
                            verb)

    def _trigger_rule(self, token: Token) -> TriggerRule | None:
        if token.is_stop and token.pos_ != "VERB":
            return None
        if token.dep_ == "compound" and token.head.lemma_.lower() not in _CARRIER_NOUNS:
            return None  # "peace talks" is talks; "a mediation mission" is mediation
        return self.lexicon.match(token)

    def _read(self, token: Token, rule: TriggerRule, triggers: dict[int, TriggerRule],
              mentions: dict[int, Mention], ctx: DocumentContext) -> Found | None:
        clause = _clause_verb(token)
        if _conditional(clause) and rule.event_type != "THREATEN":
            return None
        event_type, mode, cameo = rule.event_type, rule.mode, rule.cameo
        means = _means_trigger(token, triggers)
        if means is not None and mode is None:  # "killed in a car bombing": explosives
            mode, cameo = means.mode, means.cameo
        if event_type == "ASSAULT" and mode is None:
            mode, cameo = self._instrument(token, clause) or (mode, cameo)
        inner = _embedded_trigger(token, triggers)
        if inner is not None:
            event_type, mode, cameo = self._frame(rule, triggers[inner.i])
        modal = _modality(token if token.pos_ in ("VERB", "AUX") else clause)
        if modal == "hypothetical" and event_type != "THREATEN":
            return None
        if modal == "future" and event_type not in _FRAMING_TYPES:
            event_type, mode, cameo = self._future(event_type, mode, cameo)
        anchor = token.head if token.dep_ == "compound" else token
        source = self._source(anchor, mentions, ctx)
        unattributed = _UNATTRIBUTED.get((event_type, None if event_type == "ASSAULT" else mode))
        if not source and unattributed and _main_clause(clause):
            target = self._target(anchor, inner, mentions, ctx, [])
            if not target:
                return None
            source = [self._unidentified_force(token, clause, mentions, ctx, target,
                                               unattributed)]
        elif not source:
            return None
        else:
            target = self._target(anchor, inner, mentions, ctx, source,
                                  objects_are_targets=event_type != "MOBILIZE")
        civil = self.lexicon.civil_reading(rule) if _all_civil(source) else None
        if civil is not None and inner is None:
            event_type, mode, cameo, rule = civil.event_type, civil.mode, civil.cameo, civil
        if len(source) > 1:  # "Egypt and Sudan signed a military cooperation agreement"
            target = [t for t in target if not any(t[0].country == a.country for a, _ in source)]
        if not target and event_type == "PROTEST":
            target = _home_government(source)
        if not target and event_type == "COERCE":
            target = _own_people(source)  # "Turkey declared a state of emergency"
        if not target and anchor.pos_ == "NOUN":
            between = self._mutual_parties(anchor, mentions, ctx)
            if between:
                source = _merge(source, between)
        if event_type == "REJECT" and _refuses_only_words(token, target):
            return None
        if event_type == "ASSAULT" and _abstract_foe(token):
            return None  # "help fight the Ebola epidemic"
        if token.lemma_.lower() == "leave" and any(c.lemma_.lower() in _AFTERMATH
                                                   for c in token.children):
            return None  # "..., leaving 20 soldiers dead": the toll of another event
        ended = _ended_by(anchor)
        if ended is not None and (ended.lemma_.lower(), event_type) in _ENDED:
            # "stopped sharing information with U.S. agencies" cuts cooperation;
            # "police prevented the demonstration" restricts it
            event_type, mode, cameo = _ENDED[(ended.lemma_.lower(), event_type)]
        negated = _negated(token, clause)
        if negated and (rule.event_type == "AGREE"
                        or (modal == "future" and rule.event_type in _COOPERATION)):
            # "Syria says it will not accept more refugees" is a refusal, not a non-event
            event_type, mode, cameo, negated = "REJECT", None, _REFUSAL_CAMEO, False
        return Found(event_type, mode, cameo, token, tuple(source),
                     tuple(target), negated, rule.where, clause)

    def _instrument(self, trigger: Token, clause: Token) -> tuple[str, str] | None:
        """The ASSAULT mode a weapon named in the event's clause gives ("car bomb")."""
        words = {t.lemma_.lower() for root in (trigger, clause) for t in root.subtree}
        return next((v for w, v in self.lexicon.instruments.items() if w in words), None)

    def _unidentified_force(self, trigger: Token, clause: Token, mentions: dict[int, Mention],
                            ctx: DocumentContext, target: list[tuple[Actor, tuple[int, int]]],
                            sector: str) -> tuple[Actor, tuple[int, int]]:
        """The unnamed actor of "three civilians were killed in a car bombing in Baghdad"
        (armed forces, UAF per PLOVER) or of "he was sentenced to three years" (the
        courts, JUD): of the place's country, else the target's."""
        country = target[0][0].country
        preps = [t for root in (trigger, clause) for t in root.subtree
                 if t.dep_ == "prep" and t.lower_ in _PLACE_PREPS]
        named = [t for prep in preps for t in prep.subtree if t.i in mentions]
        for name in named:  # "near the town of Samarra"
            actors = self.resolver.resolve(name, mentions, ctx)
            if actors and actors[0][0].country:
                country = actors[0][0].country
                break
        span = (trigger.idx, trigger.idx + len(trigger))
        return Actor(text=trigger.text, country=country, sector=sector), span

    def _frame(self, outer: TriggerRule, inner: TriggerRule
               ) -> tuple[str, str | None, str]:
        """Coding of a framing trigger around an embedded event ("refused to withdraw")."""
        table = self.lexicon.modality.get(inner.event_type)
        if outer.event_type == "AGREE" and outer.head not in _DECIDING and table and table.threat:
            return "THREATEN", None, table.threat  # "vowed to fight", "ready to impose martial law"
        if outer.event_type == "AGREE" and table and table.intent:
            return "AGREE", None, table.intent
        if outer.event_type in ("REQUEST", "REJECT") and table and table.asked:
            return outer.event_type, outer.mode or table.asked, outer.cameo
        if outer.event_type == "THREATEN" and table and table.threat:
            return "THREATEN", outer.mode, table.threat
        return outer.event_type, outer.mode, outer.cameo

    def _future(self, event_type: str, mode: str | None, cameo: str
                ) -> tuple[str, str | None, str]:
        table = self.lexicon.modality.get(event_type)
        if event_type in _COOPERATION and table and table.intent:
            return "AGREE", None, table.intent
        if event_type in _MATERIAL_CONFLICT and table and table.threat:
            return "THREATEN", None, table.threat
        return event_type, mode, cameo

    def _source(self, token: Token, mentions: dict[int, Mention], ctx: DocumentContext
                ) -> list[tuple[Actor, tuple[int, int]]]:
        if token.pos_ == "NOUN":
            own = self._noun_owner(token, mentions, ctx)
            if own:
                return own
            verb = _governing_verb(token)
            if verb is None:
                return []
            token = verb
        subject = _subject(token)
        if subject is None:
            return []
        if subject.lower_ in _PRONOUNS:
            speaker = _reporting_speaker(token)
            if speaker is not None and (actors := self.resolver.resolve(speaker, mentions, ctx)):
                return actors  # "Iraq said it would allow ...": "it" is Iraq
        return self.resolver.resolve(subject, mentions, ctx)

    def _noun_owner(self, noun: Token, mentions: dict[int, Mention], ctx: DocumentContext
                    ) -> list[tuple[Actor, tuple[int, int]]]:
        """"Russia's attack", "Israeli strikes", "an attack by rebels"."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.resolver.resolve(obj, mentions, ctx)
        owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")
                  and any(t.i in mentions for t in c.subtree)]
        for owner in owners:
            actors = self.resolver.resolve(owner, mentions, ctx)
            if actors:
                return actors
        return []

    def _target(self, token: Token, inner: Token | None, mentions: dict[int, Mention],
                ctx: DocumentContext, source: list[tuple[Actor, tuple[int, int]]],
                objects_are_targets: bool = True) -> list[tuple[Actor, tuple[int, int]]]:
        """The first phrase in a target role that names an actor other than the source,
        else the nearest other actor named inside the event's own phrase. What is mobilized
        ("fired two missiles", "deployed troops") is never the target."""
        candidates = [*_target_candidates(token, inner), *_nearby_mentions(token, mentions)]
        if not objects_are_targets:
            moved = {t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree}
            candidates = [c for c in candidates if c.i not in moved]
        if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head  # "Israeli airstrikes hit targets in Gaza"
            own = _subtree_ids(token)
            candidates += [c for c in (*_target_candidates(verb, None),
                                       *_nearby_mentions(verb, mentions)) if c.i not in own]
        for candidate in candidates:
            if _only_a_modifier(candidate, mentions):
                continue
            actors = [a for a in self.resolver.resolve(candidate, mentions, ctx)
                      if not _same_actor(a[0], source)]
            if actors:
                return actors
        return self._place_target(token, inner, mentions, ctx)

    def _place_target(self, token: Token, inner: Token | None, mentions: dict[int, Mention],
                      ctx: DocumentContext) -> list[tuple[Actor, tuple[int, int]]]:
        """Where the event happened stands for whom it concerns when no one else is named:
        "threatened to impose a curfew in Algiers" concerns Algeria."""
        for root in (inner, token):
            if root is None:
                continue
            for place in _prep_objects(root, _PLACE_PREPS):
                for name in (t for t in place.subtree if t.i in mentions):
                    for actor, span in self.resolver.resolve(name, mentions, ctx):
                        if actor.country and actor.country not in _NOT_PLACES:
                            return [(Actor(actor.text, actor.country), span)]
        return []

    def _mutual_parties(self, noun: Token, mentions: dict[int, Mention],
                        ctx: DocumentContext) -> list[tuple[Actor, tuple[int, int]]]:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _MUTUAL_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.resolver.resolve(obj, mentions, ctx)
        return []


def _target_candidates(token: Token, inner: Token | None, depth: int = 0) -> Iterator[Token]:
    """Phrases that may name the target, best first."""
    if token.pos_ in ("VERB", "AUX") and _is_passive(token):
        yield from (c for c in token.children if c.dep_ in ("nsubjpass", "nsubj"))
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "iobj", "attr")]
    if token.lemma_.lower() in _SENDING:  # "send police to Haiti": what is sent or shared is no target
        yield from _prep_objects(token)
        for obj in objects:  # "recalled its ambassador from Moscow"
            yield from _prep_objects(obj)
    yield from (c for c in objects if c.dep_ != "dative")
    yield from _prep_objects(token)
    for obj in objects:
        yield from _prep_objects(obj)
    for obj in objects:
        yield from (c for c in obj.children if c.dep_ == "poss")
        yield from _prep_objects(obj, _OWNER_PREPS)
    if inner is not None:
        yield from _target_candidates(inner, None, depth + 1)
    if depth < 2:
        for child in token.children:
            if child.dep_ == "ccomp" and (subject := _subject(child)) is not None:
                yield subject  # "demanded that Pyongyang abandon ..."
            if child.dep_ in ("xcomp", "ccomp") and (inner is None or child.i != inner.i):
                yield from _target_candidates(child, None, depth + 1)
    if token.pos_ == "NOUN" and depth == 0:
        verb = _governing_verb(token)
        if verb is not None:
            yield from (c for c in _prep_objects(verb) if c.i not in _subtree_ids(token))


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _prep_objects(token: Token, preps: tuple[str, ...] = TARGET_PREPS) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            yield from (g for g in child.children if g.dep_ == "pobj")


def _nearby_mentions(token: Token, mentions: dict[int, Mention]) -> Iterator[Token]:
    """Actor names inside the event's phrase, nearest first ("an extension of the mandate
    for the force in Lebanon"), leaving out its subject and side clauses."""
    frontier = [c for c in token.children if c.dep_ not in _NOT_TARGET_DEPS]
    while frontier:
        yield from (t for t in frontier if t.i in mentions)
        frontier = [c for t in frontier for c in t.children if c.dep_ not in _NOT_TARGET_DEPS]


def _subject(verb: Token) -> Token | None:
    """The acting phrase of a verb, following control, coordination and relative clauses."""
    seen = 0
    while seen < 8:
        seen += 1
        if _is_passive(verb):
            for child in verb.children:
                if child.dep_ == "agent":
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
            if verb.lemma_.lower() in _STANCE_PARTICIPLES:
                return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            return None
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def _reporting_speaker(verb: Token) -> Token | None:
    """Who reports the clause a verb heads: "*Syria* says it is willing", "*Hassan* was
    quoted as saying he would be ready"."""
    token = verb
    for _ in range(4):
        if token.dep_ not in _REPORTED_DEPS or token.head.i == token.i:
            return None
        token = token.head
        if token.lemma_.lower() in _REPORTING:
            if _is_passive(token):  # "was quoted as saying": the one quoted
                return next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            speaker = _subject(token)
            if speaker is not None and speaker.lower_ not in _PRONOUNS:
                return speaker
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger hangs from: "held *talks*", "in a *conversation* with"."""
    token = noun
    for _ in range(6):
        if token.dep_ in ("nsubj", "nsubjpass", "ROOT"):
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _clause_verb(token: Token) -> Token:
    if token.pos_ in ("VERB", "AUX"):
        return token
    return _governing_verb(token) or token


def _governing_trigger(token: Token, triggers: dict[int, TriggerRule]) -> Token | None:
    """The trigger this one is the complement of, if any ("agreed to *withdraw*", "agreed
    to undertake joint *exercises*")."""
    head = token.head
    if head.i == token.i or token.dep_ not in _COMPLEMENT_DEPS:
        return None
    if head.i not in triggers:
        framing = head.head
        if (token.dep_ == "dobj" and head.dep_ == "xcomp" and framing.i in triggers
                and triggers[framing.i].event_type in _FRAMING_TYPES):
            return framing
        return None
    outer = triggers[head.i]
    if outer.event_type in _FRAMING_TYPES or token.dep_ in ("dobj", "pobj", "attr"):
        return head
    return None


def _means_of(token: Token, triggers: dict[int, TriggerRule]) -> Token | None:
    """The trigger of the same type this one is the means of ("killed *in a bombing*")."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i not in triggers:
        return None
    outer = prep.head
    same = triggers[outer.i].event_type == triggers[token.i].event_type
    return outer if same and outer.i != token.i else None


def _means_trigger(token: Token, triggers: dict[int, TriggerRule]) -> TriggerRule | None:
    for prep in token.children:
        for obj in prep.children:
            if obj.i in triggers and _is_same(_means_of(obj, triggers), token):
                return triggers[obj.i]
    return None


def _told_of(token: Token, triggers: dict[int, TriggerRule]) -> bool:
    """Inside what another event asks for, refuses, offers, blames or defends: "rejected an
    offer of direct *talks*", "blamed Israel for the *bombing*"."""
    node = token
    for _ in range(5):
        if node.dep_ not in _CONTENT_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.i in triggers and triggers[node.i].event_type in _CONTENT_TYPES:
            return True
    return False


def _background(token: Token) -> bool:
    """An event named as the time of another: "*during* a G8 summit", "*after* five days of
    fighting", "on the eve of a visit", or as what a thing underwent ("equipment *seized*
    last year")."""
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return True
    if any(a.lemma_.lower() == "protest" and a.dep_ == "pobj" and a.head.lower_ == "in"
           for a in (token, *token.ancestors)):
        return True  # "recalled its ambassador in protest at the trip": the why, not an act
    if any(a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _BACKGROUND_PREPS
                                     for m in a.children) for a in (token, *token.ancestors)):
        return True  # "... after soldiers seized power"
    node = token.head if token.dep_ == "compound" else token
    for _ in range(3):
        if node.dep_ != "pobj":
            return False
        prep = node.head
        if prep.lower_ in _BACKGROUND_PREPS:
            return True
        anchor = prep.head
        if anchor.lemma_.lower() in _BACKGROUND_NOUNS or prep.lower_ != "of":
            return anchor.lemma_.lower() in _BACKGROUND_NOUNS
        node = anchor
    return False


def _purpose_demand(token: Token, rule: TriggerRule, triggers: dict[int, TriggerRule]) -> bool:
    """A demand or complaint that states what another act is for: protesters "blocked roads
    *demanding* reforms", "began a hunger strike *to protest* the ruling"; it is the act's
    aim, not a second event."""
    return (rule.event_type in ("REQUEST", "ACCUSE")
            and token.dep_ in ("advcl", "xcomp", "acl", "conj")
            and token.head.i in triggers and token.head.i != token.i)


def _refuses_only_words(token: Token, target: list[tuple[Actor, tuple[int, int]]]) -> bool:
    """"Refused to comment", "dismissed reports of a build-up": no one is refused anything."""
    said = any(c.dep_ == "xcomp" and c.lemma_.lower() in _DISCLOSING for c in token.children)
    reports = not target and any(c.dep_ == "dobj" and c.lemma_.lower() in _REPORT_NOUNS
                                 for c in token.children)
    return said or reports


def _abstract_foe(token: Token) -> bool:
    return any(c.dep_ in ("dobj", "pobj") and c.lemma_.lower() in _ABSTRACT_FOES
               for c in (*token.children, *(g for c in token.children for g in c.children)))


def _ended_by(token: Token) -> Token | None:
    """The verb that ends or prevents the act a trigger names: "*stopped* sharing"."""
    if token.dep_ in ("xcomp", "dobj", "pcomp") and token.head.i != token.i:
        return token.head
    return None


def _main_clause(clause: Token) -> bool:
    """Not a relative or adverbial side clause ("the town, where 28 people were killed"),
    though a participle that goes on with the main event counts ("..., *wounding* two")."""
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.i != clause.i:
        return _main_clause(clause.head)
    return clause.dep_ in ("ROOT", "ccomp", "parataxis", "conj")


def _without_partial_copies(events: list[Found]) -> list[Found]:
    """Drop an event that another of the same type and source repeats with its target."""
    targeted = {(e.event_type, _countries(e.source)) for e in events if e.target}
    return [e for e in events
            if e.target or e.mutual or (e.event_type, _countries(e.source)) not in targeted]


def _embedded_trigger(token: Token, triggers: dict[int, TriggerRule]) -> Token | None:
    light_objects = (g for c in token.children if c.dep_ == "xcomp" for g in c.children
                     if g.dep_ == "dobj")
    for child in (*token.children, *light_objects):
        if child.i in triggers and _is_same(_governing_trigger(child, triggers), token):
            return child
    return None


def _modality(verb: Token) -> str | None:
    """``future`` ("will visit", "plans to visit"), ``hypothetical`` ("could"), or None."""
    token = verb
    for _ in range(4):
        aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if aux & _HYPOTHETICAL:
            return "hypothetical"
        if aux & _FUTURE:
            return "future"
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in _INTENDING:
            return "future"
        if token.dep_ in ("xcomp", "acomp") and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


def _negated(token: Token, clause: Token) -> bool:
    for node in (token, clause):
        if any(c.dep_ == "neg" or (c.lower_ in ("no", "never") and c.dep_ == "det")
               for c in node.children):
            return True
    ancestor = clause
    for _ in range(3):
        if ancestor.dep_ not in ("ccomp", "xcomp") or ancestor.head.i == ancestor.i:
            break
        ancestor = ancestor.head
        if ancestor.lemma_.lower() in _DENYING:
            return True
    return False


def _conditional(clause: Token) -> bool:
    token = clause
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _only_a_modifier(head: Token, mentions: dict[int, Mention]) -> bool:
    """"*military* aid", "a *police* station": a role word describing a thing names no one."""
    if head.i in mentions or head.pos_ not in ("NOUN",):
        return False
    named = [mentions[c.i] for c in head.children if c.i in mentions]
    return bool(named) and all(m.form == "agent" for m in named) and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in head.children)


def _home_government(source: list[tuple[Actor, tuple[int, int]]]
                     ) -> list[tuple[Actor, tuple[int, int]]]:
    """A protest that names no one protests its own government (PLOVER's convention)."""
    country = source[0][0].country
    if not country or country in _NOT_PLACES or source[0][0].sector == "GOV":
        return []
    return [(Actor(text="", country=country, sector="GOV"), (0, 0))]  # named nowhere: no span


def _own_people(source: list[tuple[Actor, tuple[int, int]]]
                ) -> list[tuple[Actor, tuple[int, int]]]:
    country = source[0][0].country
    if not country or country in _NOT_PLACES:
        return []
    return [(Actor(text="", country=country), (0, 0))]  # named nowhere: no span


def _all_civil(actors: list[tuple[Actor, tuple[int, int]]]) -> bool:
    """Civilians, or a crowd of a nation ("thousands of South Koreans")."""
    def civil(actor: Actor) -> bool:
        crowd = actor.sector is None and actor.text.split(" ", 1)[0].lower() in _CROWD_WORDS
        return actor.sector in _CIVIL_SECTORS or crowd
    return bool(actors) and all(civil(a) for a, _ in actors)


def _countries(actors: tuple[tuple[Actor, tuple[int, int]], ...]) -> tuple[object, ...]:
    return tuple(sorted((a.country or "", a.sector or "") for a, _ in actors))


def _same_actor(actor: Actor, others: list[tuple[Actor, tuple[int, int]]]) -> bool:
    return any(actor.country == o.country and actor.sector == o.sector for o, _ in others)


def _merge(first: list[tuple[Actor, tuple[int, int]]],
           second: list[tuple[Actor, tuple[int, int]]]) -> list[tuple[Actor, tuple[int, int]]]:
    out = list(first)
    out.extend(p for p in second if not _same_actor(p[0], out))
    return out


def _is_same(a: Token | None, b: Token) -> bool:
    return a is not None and a.i == b.i
