"""Reading events from one parsed sentence: triggers, roles, modality, negation.

A trigger is a word the lexicon knows ("attacked", "talks with", "willing"). Its
source is the subject (or the ``by`` agent of a passive, or the subject of the verb a
noun hangs from); its target is the object or the object of a preposition such as
*with*, *against*, *on*. A trigger inside the complement of another ("agreed *to send
aid* to Kyiv") lends its target and meaning to the outer one instead of standing alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..actors import ActorResolver, DocumentContext, Mention
from ..types import Actor
from .clauses import (
    PRONOUNS,
    SPEAKING,
    STATEMENTS,
    clause_verb,
    conditional,
    governing_verb,
    is_negated,
    is_passive,
    main_clause,
    modality,
    reporting_speaker,
    statement_author,
    subject_of,
)
from .lexicon import Lexicon, TriggerRule
from .scope import (
    abstract_foe,
    background,
    beside_the_news,
    caused_by_nature,
    done_for,
    protested_that,
    purpose_demand,
    refuses_only_words,
    reports_a_toll,
    told_of,
)
from .targets import (
    NOT_PLACES,
    PLACE_PREPS,
    home_government,
    nearby_mentions,
    only_a_modifier,
    own_people,
    prep_objects,
    subtree_ids,
    target_candidates,
)

_MUTUAL_PREPS = frozenset({"between", "among"})
_DEMAND_CAMEO = "100"
_ACCUSED_PREPS = ("over", "about", "against")
# Bodies that sit on their own: their meeting consults no one.
_BODIES = frozenset({"cabinet", "parliament", "government", "council", "committee",
                     "assembly", "senate", "congress", "court", "politburo", "leadership"})
# "Students protested that the grants were cut": a protest in words is a criticism.
_PROTESTED_THAT = ("ACCUSE", "disapprove", "111")
# Who says that another "must" act demands it: by these verbs, or in these nouns.
_DEMANDING_VERBS = SPEAKING | frozenset({"conclude", "warn", "reiterate", "remind", "argue",
                                         "emphasize", "emphasise", "repeat", "maintain"})
_DEMANDING_NOUNS = STATEMENTS | frozenset({"reminder", "warning"})
# Nouns that carry the event of the noun compounded with them: "a mediation *mission*".
_CARRIER_NOUNS = frozenset({"mission", "effort", "bid", "initiative", "campaign", "operation",
                            "attempt", "drive", "programme", "program", "process"})
# Acts reported without their author still happened: violence by an unidentified force, a
# sentence by the courts, an arrest or deportation by the police of the country concerned.
_UNATTRIBUTED = {("ASSAULT", None): "UAF", ("SANCTION", "convict"): "JUD",
                 ("ACCUSE", "investigate"): "JUD",
                 ("COERCE", "arrest"): "COP", ("COERCE", "deport"): "COP"}
_REFUSAL_CAMEO = "120"
# Retreats and deployments that, said in the passive with no one doing them, their subject
# made: "guerrillas have been demobilized", "police were deployed around parliament".
_DONE_TO_ONESELF = frozenset({("RETREAT", "disarm"), ("RETREAT", "withdraw"),
                              ("MOBILIZE", "troops"), ("MOBILIZE", "police"),
                              ("MOBILIZE", "militia")})
# Killing a leader or an official is a targeted killing (CAMEO 186), whatever the weapon.
_KILLING = frozenset({"kill", "murder", "assassinate", "shoot", "slay"})
_LEADERS = frozenset({"leader", "chief", "commander", "official", "minister", "governor",
                      "mayor", "president", "general", "head", "deputy", "lawmaker", "senator",
                      "politician", "judge", "prosecutor", "ambassador", "envoy", "chairman"})
_TARGETED = ("targeted", "186")
# Attacks only armed forces carry out: shelling, air and drone strikes.
_ARMED_FORCES_MODES = frozenset({"heavy-weapons", "aerial", "drone"})
# Troops that arrive are deployed, not visiting: peacekeepers are protection given (074),
# other forces are mobilized (154).
_FORCES = frozenset({"troop", "soldier", "force", "peacekeeper", "contingent", "battalion",
                     "unit", "marine", "paratrooper", "warship", "detachment", "deployment"})
_PEACEKEEPING = frozenset({"peacekeeper", "peacekeeping"})
_PROTECTION = ("AID", None, "074")
_DEPLOYMENT = ("MOBILIZE", "troops", "154")
# Verbs whose subject gets what the one named after "from" gives: aid, a call (not the
# visitors or observers it receives, which it hosts).
_RECEIVING = frozenset({"receive", "get", "obtain"})
_GIVEN = frozenset({("AID", None), ("CONSULT", "phone")})
# Who, acting, turns a strike or a blockade into a protest (see data/lexicon/civil.tsv).
_CIVIL_SECTORS = frozenset({"CVL", "LAB", "EDU", "REL", "REF", "OPP", "NGO", "MED"})
# Agreeing to use force is a decision ("NATO agreed to deploy"); vowing or standing ready
# to use it is a threat.
_DECIDING = frozenset({"agree", "decide", "approve", "accept", "consent"})
_CROWD_WORDS = frozenset({"thousands", "hundreds", "dozens", "tens", "scores", "some", "up",
                          "about", "around", "nearly", "over", "more", "many", "crowds"})
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
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "attr", "acomp", "oprd",
                              "advcl", "conj"})
# Types that name a thing asked for, refused or intended ("refused to withdraw").
_FRAMING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
# A permission is the concession; what it permits has not happened yet ("allowed the
# opposition to hold a rally"). A permission that is what another act is for ("opened the
# bridge to allow deliveries") is that act's aim, not a concession of its own.
_PERMITTING = frozenset({"allow", "permit"})
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
        """Every event a sentence holds, at most one per type, mode, source and target."""
        if sent.text.rstrip().endswith("?"):
            return []
        triggers = {t.i: rule for t in sent if (rule := self._trigger_rule(t))}
        found: dict[tuple[object, ...], Found] = {}
        for i, rule in triggers.items():
            token = sent.doc[i]
            if (_governing_trigger(token, triggers) is not None
                    or _means_of(token, triggers) is not None
                    or told_of(token, triggers) or background(token)
                    or beside_the_news(token, triggers)
                    or (rule.head in _PERMITTING and done_for(token))
                    or purpose_demand(token, rule, triggers)):
                continue
            event = self._read(token, rule, triggers, mentions, ctx)
            if event is None:
                continue
            found.setdefault(_identity(event), event)
        for event in self._demands(sent, triggers, mentions, ctx):
            found.setdefault(_identity(event), event)
        return _without_partial_copies(list(found.values()))

    def _demands(self, sent: Span, triggers: dict[int, TriggerRule],
                 mentions: dict[int, Mention], ctx: DocumentContext) -> Iterator[Found]:
        """"The White House said Beijing must drop its barriers", "Chirac issued a reminder
        to Iraq that it must cooperate": REQUEST of the speaker to the clause's subject."""
        for word in sent:
            if word.i in triggers:
                continue
            lemma = word.lemma_.lower()
            protest_aim = _protesters_saying(word, triggers)
            if lemma in _DEMANDING_VERBS:
                speaking, speaker = word, subject_of(word)
            elif lemma in _DEMANDING_NOUNS:
                speaking, speaker = governing_verb(word) or word, statement_author(word)
            else:
                continue
            for clause in word.children:
                if clause.dep_ not in ("ccomp", "acl") or not any(
                        c.dep_ == "aux" and c.lower_ == "must" for c in clause.children):
                    continue
                subject = subject_of(clause)
                if subject is None or speaker is None:
                    continue
                source = (self.resolver.resolve(speaker, mentions, ctx)
                          or self.resolver.unknown_name(speaker, ctx))
                target = [t for t in self.resolver.resolve(subject, mentions, ctx)
                          if not _same_actor(t[0], source)]
                if not source or not target or (protest_aim and _domestic(source, target)):
                    continue  # "rallied, *saying* he must resign": the protest's own aim
                inner = triggers.get(clause.i)
                table = self.lexicon.modality_of(inner.event_type, inner.mode) if inner else None
                yield Found("REQUEST", table.asked if table else None, _DEMAND_CAMEO, word,
                            tuple(source), tuple(target), is_negated(word, speaking),
                            "demand:must", speaking)

    def _trigger_rule(self, token: Token) -> TriggerRule | None:
        if token.is_stop and token.pos_ != "VERB":
            return None
        if token.dep_ == "compound" and token.head.lemma_.lower() not in _CARRIER_NOUNS:
            return None  # "peace talks" is talks; "a mediation mission" is mediation
        return self.lexicon.match(token)

    def _read(self, token: Token, rule: TriggerRule, triggers: dict[int, TriggerRule],
              mentions: dict[int, Mention], ctx: DocumentContext) -> Found | None:
        clause = clause_verb(token)
        if conditional(clause) and rule.event_type != "THREATEN":
            return None
        inner = _embedded_trigger(token, triggers)
        event_type, mode, cameo = self._coding(token, rule, triggers, inner, clause)
        modal = modality(token if token.pos_ in ("VERB", "AUX") else clause)
        if modal == "hypothetical" and event_type != "THREATEN":
            return None
        if modal == "future" and event_type not in _FRAMING_TYPES:
            event_type, mode, cameo = self._future(event_type, mode, cameo)
        anchor = token.head if token.dep_ == "compound" else token
        roles = self._roles(token, anchor, clause, inner, (event_type, mode), mentions, ctx)
        if roles is None:
            return None
        source, target = roles
        if event_type == "CONSULT" and mode == "visit":
            event_type, mode, cameo = _arriving_forces(anchor) or (event_type, mode, cameo)
        if protested_that(token):
            event_type, mode, cameo = _PROTESTED_THAT
        civil = self.lexicon.civil_reading(rule) if _all_civil(source) else None
        if civil is not None and inner is None:
            event_type, mode, cameo, rule = civil.event_type, civil.mode, civil.cameo, civil
        if event_type == "ASSAULT" and mode in _ARMED_FORCES_MODES:
            source = _of_the_military(source)  # "Israeli airstrikes", "Russian shelling"
        if len(source) > 1:  # "Egypt and Sudan signed a military cooperation agreement"
            target = [t for t in target if not any(t[0].country == a.country for a, _ in source)]
        target = target or self._implied_target(event_type, cameo, clause, inner, triggers,
                                                source, mentions, ctx)
        if not target and anchor.pos_ == "NOUN":
            between = self._mutual_parties(anchor, mentions, ctx)
            if between:
                source = _merge(source, between)
        if _no_event(token, event_type, mode, source, target):
            return None
        ended = _ended_by(anchor)
        if ended is not None and (ended.lemma_.lower(), event_type) in _ENDED:
            # "stopped sharing information with U.S. agencies" cuts cooperation;
            # "police prevented the demonstration" restricts it
            event_type, mode, cameo = _ENDED[(ended.lemma_.lower(), event_type)]
        negated = is_negated(token, clause)
        if negated and (rule.event_type == "AGREE"
                        or (modal == "future" and rule.event_type in _COOPERATION)):
            # "Syria says it will not accept more refugees" is a refusal, not a non-event
            event_type, mode, cameo, negated = "REJECT", None, _REFUSAL_CAMEO, False
        return Found(event_type, mode, cameo, token, tuple(source),
                     tuple(target), negated, rule.where, clause)

    def _implied_target(self, event_type: str, cameo: str, clause: Token, inner: Token | None,
                        triggers: dict[int, TriggerRule],
                        source: list[tuple[Actor, tuple[int, int]]],
                        mentions: dict[int, Mention], ctx: DocumentContext
                        ) -> list[tuple[Actor, tuple[int, int]]]:
        """The target PLOVER implies when the sentence names none: a protest's own
        government, whom a threat's condition names, the country coercion falls on."""
        if event_type == "PROTEST":
            return home_government(source)
        if event_type == "THREATEN" and (warned := self._warned(clause, inner, mentions, ctx,
                                                                 source)):
            return warned
        if _restricts(event_type, cameo, triggers[inner.i] if inner else None):
            return own_people(source)  # "Turkey declared a state of emergency"
        return []

    def _coding(self, token: Token, rule: TriggerRule, triggers: dict[int, TriggerRule],
                inner: Token | None, clause: Token) -> tuple[str, str | None, str]:
        """Type, mode and CAMEO code: the rule's, or what an embedded event makes of them
        ("refused to withdraw"); an attack's mode from its means ("killed in a car
        bombing"), its victim (a leader) or the weapon named ("a drone attack")."""
        event_type, mode, cameo = (self._frame(rule, triggers[inner.i]) if inner is not None
                                   else (rule.event_type, rule.mode, rule.cameo))
        means = _means_trigger(token, triggers)
        if means is not None and mode is None:
            mode, cameo = means.mode, means.cameo
        if event_type == "ASSAULT" and mode is None:
            mode, cameo = (_TARGETED if _kills_a_leader(token)
                           else self._instrument(token, clause) or (mode, cameo))
        return event_type, mode, cameo

    def _roles(self, token: Token, anchor: Token, clause: Token, inner: Token | None,
               kind: tuple[str, str | None], mentions: dict[int, Mention],
               ctx: DocumentContext) -> tuple[list[tuple[Actor, tuple[int, int]]],
                                              list[tuple[Actor, tuple[int, int]]]] | None:
        """Source and target; None when no one can be said to act."""
        source = self._source(anchor, mentions, ctx)
        if not source and kind in _DONE_TO_ONESELF and is_passive(clause):
            # "guerrillas have been demobilized": with no one named doing it, they did
            source = [a for c in clause.children if c.dep_ == "nsubjpass"
                      for a in self.resolver.resolve(c, mentions, ctx)]
        event_type, mode = kind
        unattributed = _UNATTRIBUTED.get((event_type, None if event_type == "ASSAULT" else mode))
        if not source and unattributed and main_clause(clause):
            target = self._target(anchor, inner, mentions, ctx, [])
            if not target:
                return None
            return [self._unidentified_force(token, clause, mentions, ctx, target,
                                             unattributed)], target
        if not source:
            return None
        target = self._target(anchor, inner, mentions, ctx, source,
                              objects_are_targets=event_type != "MOBILIZE",
                              accusation=event_type == "ACCUSE")
        giver = _giver(token) if token.lemma_.lower() in _RECEIVING and kind in _GIVEN else None
        if giver is not None and (givers := self.resolver.resolve(giver, mentions, ctx)):
            return givers, source  # "Moon received a call from Abe": Abe called
        return source, target

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
                 if t.dep_ == "prep" and t.lower_ in PLACE_PREPS]
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
        table = self.lexicon.modality_of(inner.event_type, inner.mode)
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
        table = self.lexicon.modality_of(event_type, mode)
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
            verb = governing_verb(token)
            if verb is None:
                return []
            token = verb
        subject = subject_of(token)
        if subject is None:
            return []
        if subject.lower_ in PRONOUNS:
            speaker = reporting_speaker(token)
            if speaker is not None and (actors := self.resolver.resolve(speaker, mentions, ctx)):
                return actors  # "Iraq said it would allow ...": "it" is Iraq
        return (self.resolver.resolve(subject, mentions, ctx)
                or self.resolver.unknown_name(subject, ctx))

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
                objects_are_targets: bool = True, accusation: bool = False
                ) -> list[tuple[Actor, tuple[int, int]]]:
        """The first phrase in a target role that names an actor other than the source,
        else the nearest other actor named inside the event's own phrase. What is mobilized
        ("fired two missiles", "deployed troops") is never the target; what an accusation
        is about comes before whom it is made to ("complained to the UN *over Israeli
        raids*")."""
        candidates = [*(prep_objects(token, _ACCUSED_PREPS) if accusation else ()),
                      *target_candidates(token, inner), *nearby_mentions(token, mentions)]
        if not objects_are_targets:
            moved = {t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree}
            candidates = [c for c in candidates if c.i not in moved]
        if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head  # "Israeli airstrikes hit targets in Gaza"
            own = subtree_ids(token)
            candidates += [c for c in (*target_candidates(verb, None),
                                       *nearby_mentions(verb, mentions)) if c.i not in own]
        for candidate in candidates:
            if only_a_modifier(candidate, mentions):
                continue
            actors = [a for a in self.resolver.resolve(candidate, mentions, ctx)
                      if not _same_actor(a[0], source)]
            if actors:
                return actors
        return self._place_target(token, inner, mentions, ctx)

    def _warned(self, clause: Token, inner: Token | None, mentions: dict[int, Mention],
                ctx: DocumentContext, source: list[tuple[Actor, tuple[int, int]]]
                ) -> list[tuple[Actor, tuple[int, int]]]:
        """Whom a threat is meant for: the one its condition names ("threatened to stop
        talks *if the United States* deploys missiles"), not "even if"."""
        threatened = (c for c in clause.children if c.dep_ == "xcomp")  # "to *stop* talks"
        for verb in (clause, inner, *threatened):
            for condition in (verb.children if verb is not None else ()):
                marks = {m.lower_ for m in condition.children if m.dep_ in ("mark", "advmod")}
                if condition.dep_ == "advcl" and marks & {"if", "unless"} and "even" not in marks:
                    subject = subject_of(condition)
                    if subject is not None:
                        actors = [a for a in self.resolver.resolve(subject, mentions, ctx)
                                  if not _same_actor(a[0], source)]
                        if actors:
                            return actors
        return []

    def _place_target(self, token: Token, inner: Token | None, mentions: dict[int, Mention],
                      ctx: DocumentContext) -> list[tuple[Actor, tuple[int, int]]]:
        """Where the event happened stands for whom it concerns when no one else is named:
        "threatened to impose a curfew in Algiers" concerns Algeria."""
        for root in (inner, token):
            if root is None:
                continue
            for place in prep_objects(root, PLACE_PREPS):
                for name in (t for t in place.subtree if t.i in mentions):
                    for actor, span in self.resolver.resolve(name, mentions, ctx):
                        if actor.country and actor.country not in NOT_PLACES:
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


def _governing_trigger(token: Token, triggers: dict[int, TriggerRule]) -> Token | None:
    """The trigger this one is the complement of, if any ("agreed to *withdraw*", "agreed
    to undertake joint *exercises*")."""
    head = token.head
    if head.i == token.i or token.dep_ not in _COMPLEMENT_DEPS:
        return None
    if token.dep_ == "conj" and token.tag_ == "VB" and head.i not in triggers:
        return _governing_trigger(head, triggers)  # "allowed planes to land and *evacuate*"
    if head.i not in triggers:
        framing = head.head
        if (token.dep_ == "dobj" and head.dep_ == "xcomp" and framing.i in triggers
                and (triggers[framing.i].event_type in _FRAMING_TYPES
                     or triggers[framing.i].head in _PERMITTING)):
            return framing
        return None
    outer = triggers[head.i]
    if (outer.event_type in _FRAMING_TYPES or outer.head in _PERMITTING
            or token.dep_ in ("dobj", "pobj", "attr")):
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


def _ended_by(token: Token) -> Token | None:
    """The verb that ends or prevents the act a trigger names: "*stopped* sharing"."""
    if token.dep_ in ("xcomp", "dobj", "pcomp") and token.head.i != token.i:
        return token.head
    return None


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


def _restricts(event_type: str, cameo: str, inner: TriggerRule | None) -> bool:
    """Coercion, a threat of it, or easing it ("lifted the state of emergency"): what falls
    on the actor's own country when no one else is named."""
    return (event_type == "COERCE" or cameo.startswith("081")
            or (event_type == "THREATEN" and inner is not None and inner.event_type == "COERCE"))


def _of_the_military(actors: list[tuple[Actor, tuple[int, int]]]
                     ) -> list[tuple[Actor, tuple[int, int]]]:
    """A country's own actor, with no sector of its own, in an attack only armed forces
    carry out is its military."""
    military = [(replace(a, sector="MIL") if a.sector is None and a.country not in NOT_PLACES
                 else a, span) for a, span in actors]
    return _merge(military[:1], military[1:])


def _protesters_saying(word: Token, triggers: dict[int, TriggerRule]) -> bool:
    head = word.head
    return (word.dep_ == "advcl" and head.i != word.i and head.i in triggers
            and triggers[head.i].event_type == "PROTEST")


def _no_event(token: Token, event_type: str, mode: str | None,
              source: list[tuple[Actor, tuple[int, int]]],
              target: list[tuple[Actor, tuple[int, int]]]) -> bool:
    """What a trigger names but no one did to anyone."""
    if event_type == "REJECT" and refuses_only_words(token, target):
        return True  # "refused to comment"
    if mode == "censor" and all(a.sector in ("MED", "JRN") for a, _ in source):
        return True  # "the newspaper halted publication": no one censored it
    if event_type == "CONSULT" and not target and _meets_alone(token, source):
        return True  # "Israel's cabinet met on Sunday": a body sitting, no one consulted
    if event_type == "ASSAULT" and (abstract_foe(token) or caused_by_nature(token)):
        return True  # "help fight the Ebola epidemic", "the typhoon destroyed homes"
    return reports_a_toll(token)


def _domestic(source: list[tuple[Actor, tuple[int, int]]],
              target: list[tuple[Actor, tuple[int, int]]]) -> bool:
    countries = {a.country for a, _ in source}
    return all(t.country in countries for t, _ in target)


def _meets_alone(trigger: Token, source: list[tuple[Actor, tuple[int, int]]]) -> bool:
    """One country's own body meeting with no one else: a cabinet or a parliament sitting
    (not a minister meeting a counterpart the coder could not name)."""
    subject = subject_of(trigger)
    return (trigger.lemma_.lower() == "meet" and len(source) == 1
            and source[0][0].country not in NOT_PLACES
            and subject is not None and subject.lemma_.lower() in _BODIES)


def _giver(trigger: Token) -> Token | None:
    """Who a received thing came from: "received aid *from* 60 countries"."""
    for root in (trigger, *(c for c in trigger.children if c.dep_ == "dobj")):
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _arriving_forces(trigger: Token) -> tuple[str, str | None, str] | None:
    """"NATO peacekeeping troops arrived in Bosnia": the coding of a force's arrival."""
    subject = subject_of(trigger)
    if subject is None or subject.lemma_.lower() not in _FORCES:
        return None
    words = {t.lemma_.lower() for t in subject.subtree}
    return _PROTECTION if words & _PEACEKEEPING else _DEPLOYMENT


def _kills_a_leader(trigger: Token) -> bool:
    """"killed the deputy chief", "top al-Qaeda leaders were shot dead"."""
    return trigger.lemma_.lower() in _KILLING and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _LEADERS
        for c in trigger.children)


def _all_civil(actors: list[tuple[Actor, tuple[int, int]]]) -> bool:
    """Civilians, or a crowd of a nation ("thousands of South Koreans")."""
    def civil(actor: Actor) -> bool:
        crowd = actor.sector is None and actor.text.split(" ", 1)[0].lower() in _CROWD_WORDS
        return actor.sector in _CIVIL_SECTORS or crowd
    return bool(actors) and all(civil(a) for a, _ in actors)


def _identity(event: Found) -> tuple[object, ...]:
    """What makes two readings of a sentence one event: "kidnapped advisers and exploded
    bombs" is two assaults, "shelled and bombed the town" one of each mode."""
    return (event.event_type, event.mode, _countries(event.source), _countries(event.target))


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
