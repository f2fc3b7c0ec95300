"""What is not an event of its own, though a trigger names it.

The content of what another event asks for, refuses, offers, blames or defends; events
named as the time or the aim of another, or as what it was done for; refusals to comment;
fights against a disease; harm done by a storm or a disease.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..types import Actor
from .clauses import PRONOUNS, SPEAKING, STATEMENTS, clause_verb, is_passive, subject_of
from .lexicon import TriggerRule

# Events whose object is itself an event they speak about, not one that happened.
_CONTENT_TYPES = frozenset({"AGREE", "REJECT", "REQUEST", "THREATEN", "ACCUSE", "CONCEDE",
                            "SUPPORT"})
_CONTENT_DEPS = frozenset({"dobj", "pobj", "prep", "acl", "xcomp", "compound", "amod", "nmod",
                           "pcomp", "ccomp", "advcl", "npadvmod", "oprd", "attr", "dative"})
_BACKGROUND_PREPS = frozenset({"during", "after", "before", "following", "amid", "amidst",
                               "since", "despite", "ahead", "until"})
_PROTESTING = frozenset({"protest", "demonstrate", "rally", "march", "strike", "riot"})
_SEEING = frozenset({"see", "watch", "describe", "show", "report", "film", "witness",
                     "photograph", "account", "footage", "image", "video", "picture",
                     "evidence", "sighting"})
# A relative clause in the present says what is so of a thing, not what was done.
_PRESENT = frozenset({"VBP", "VBZ"})
_BACKGROUND_NOUNS = frozenset({"eve", "wake", "aftermath", "run-up", "sidelines", "ahead",
                               "prior"})
# Words for what is said or known of an event: "a blackout *on* the withdrawal".
_TOPIC_NOUNS = frozenset({"report", "information", "blackout", "debate", "discussion",
                          "details", "news", "briefing", "study", "rumour", "rumor", "story"})
# What "leaving" leaves behind, when it only reports the toll of another event.
_AFTERMATH = frozenset({"dead", "injured", "wounded", "homeless", "missing"})
_DISCLOSING = SPEAKING | frozenset({"comment", "confirm", "disclose", "elaborate", "reveal",
                                    "specify", "discuss", "speculate", "answer"})
_REPORT_NOUNS = frozenset({"report", "claim", "rumour", "rumor", "speculation", "suggestion",
                           "story", "account"})
# What a fight against is no fight: a disease, a fire, poverty.
_ABSTRACT_FOES = frozenset({"epidemic", "pandemic", "virus", "disease", "outbreak", "ebola",
                            "covid-19", "poverty", "corruption", "inflation", "fire", "wildfire",
                            "hunger", "famine", "climate", "change", "drought", "flood",
                            "unemployment", "crime", "misinformation", "disinformation"})
# What wreaks harm without being anyone: weather, the earth, disease.
_NATURAL_FORCES = _ABSTRACT_FOES | frozenset({
    "typhoon", "hurricane", "cyclone", "storm", "earthquake", "quake", "tsunami", "landslide",
    "tornado", "volcano", "eruption", "blizzard", "heatwave", "mudslide", "avalanche"})


def told_of(token: Token, triggers: dict[int, TriggerRule]) -> bool:
    """Inside what another event asks for, refuses, offers, blames or defends: "rejected an
    offer of direct *talks*", "blamed Israel for the *bombing*"."""
    if token.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.i in triggers
                                     and triggers[c.i].event_type in _CONTENT_TYPES
                                     for c in token.head.children):
        return True  # "reiterated its demand that Israel *ease* restrictions"
    node = token
    for _ in range(5):
        if node.dep_ not in _CONTENT_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.i in triggers and (triggers[node.i].event_type in _CONTENT_TYPES
                                   or protested_that(node)):
            return True
    return False


def protested_that(verb: Token) -> bool:
    """"Serbia protested that Albania armed dissidents": a protest in words, with content."""
    return verb.lemma_.lower() == "protest" and any(c.dep_ == "ccomp" for c in verb.children)


def background(token: Token) -> bool:
    """An event named as the time of another: "*during* a G8 summit", "*after* five days of
    fighting", "on the eve of a visit", or as what a thing underwent ("equipment *seized*
    last year")."""
    if token.dep_ == "acl" and (token.tag_ == "VBN" or _doing(token)):
        return True  # "equipment seized last year", "rebels fighting to topple him"
    if any(a.lemma_.lower() == "protest" and a.dep_ == "pobj" and a.head.lower_ == "in"
           for a in (token, *token.ancestors)):
        return True  # "recalled its ambassador in protest at the trip": the why, not an act
    if any(a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _BACKGROUND_PREPS
                                     for m in a.children) for a in (token, *token.ancestors)):
        return True  # "... after soldiers seized power"
    if any(a.dep_ == "relcl" and (is_passive(a) or _pluperfect(a) or a.tag_ in _PRESENT)
           for a in (token, *token.ancestors)):
        return True  # "a helicopter that was captured", "whom they had taken hostage",
        # "refugees, whom the authorities blame for the conflict"
    node = token.head if token.dep_ == "compound" else token
    for _ in range(3):
        if node.dep_ != "pobj":
            return False
        prep = node.head
        if prep.lower_ in _BACKGROUND_PREPS:
            return True
        if prep.lower_ in ("on", "about") and prep.head.lemma_.lower() in _TOPIC_NOUNS:
            return True  # "imposed a news blackout on the withdrawal"
        anchor = prep.head
        if anchor.lemma_.lower() in _BACKGROUND_NOUNS or prep.lower_ != "of":
            return anchor.lemma_.lower() in _BACKGROUND_NOUNS
        node = anchor
    return False


def done_for(clause: Token) -> bool:
    """A clause that says what another act is for: "opened the bridge *to allow* the
    delivery of grain". PLOVER codes most such aims as events ("began a hunger strike to
    protest"); the coder asks this only of permissions."""
    return (clause.dep_ == "advcl" and clause.head.i != clause.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children))


def _doing(participle: Token) -> bool:
    """"rebels *fighting* to topple him", "inspectors *probing* sites": a group described by
    what it does. A statement's words are its issuer's act, a crowd protesting is a
    protest, and what is seen or reported is news ("witnesses saw troops *shelling*
    villages", "reports of troops *shelling* villages")."""
    group = participle.head
    seen = group.head.lemma_.lower() in _SEEING or (
        group.dep_ == "pobj" and group.head.head.lemma_.lower() in _SEEING)
    return (participle.tag_ == "VBG" and group.lemma_.lower() not in STATEMENTS
            and participle.lemma_.lower() not in _PROTESTING and not seen)


def _pluperfect(verb: Token) -> bool:
    """"had taken": what was done before the time the sentence tells of."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def beside_the_news(token: Token, triggers: dict[int, TriggerRule]) -> bool:
    """An event in an *as* clause of the main clause's own actor, beside a main clause that
    is news itself: "the minister reiterated that Libya must hand over the suspects *as he
    embarked* on a trip". Another actor's act ("met Abbas as militants fired rockets") and a
    *while* clause of contrast are news of their own."""
    for clause in (token, *token.ancestors):
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as"
                                          for m in clause.children):
            main = clause.head
            news = main.i in triggers or any(c.dep_ == "ccomp" for c in main.children)
            return news and _same_subject(subject_of(clause), subject_of(main))
    return False


def _same_subject(one: Token | None, other: Token | None) -> bool:
    """"as *he* embarked": a pronoun, or the same word, goes back to the main subject."""
    if one is None or other is None:
        return False
    return one.lower_ in PRONOUNS or one.lemma_ == other.lemma_


def purpose_demand(token: Token, rule: TriggerRule, triggers: dict[int, TriggerRule]) -> bool:
    """A demand or complaint that states what another act is for: protesters "blocked roads
    *demanding* reforms", "began a hunger strike *to protest* the ruling"; it is the act's
    aim, not a second event."""
    if (rule.event_type not in ("REQUEST", "ACCUSE")
            or token.dep_ not in ("advcl", "xcomp", "acl", "conj") or token.head.i == token.i):
        return False
    act = token.head  # the act itself, or its light verb: "continued their hunger *strike*"
    return act.i in triggers or any(c.dep_ == "dobj" and c.i in triggers for c in act.children)


def refuses_only_words(token: Token, target: list[tuple[Actor, tuple[int, int]]]) -> bool:
    """"Refused to comment", "dismissed reports of a build-up": no one is refused anything."""
    said = any(c.dep_ == "xcomp" and c.lemma_.lower() in _DISCLOSING for c in token.children)
    reports = not target and any(c.dep_ == "dobj" and c.lemma_.lower() in _REPORT_NOUNS
                                 for c in token.children)
    return said or reports


def reports_a_toll(token: Token) -> bool:
    """"..., *leaving* 20 soldiers dead": the toll of another event, not one of its own."""
    return token.lemma_.lower() == "leave" and any(c.lemma_.lower() in _AFTERMATH
                                                   for c in token.children)


def caused_by_nature(token: Token) -> bool:
    """"Typhoon Haiyan destroyed thousands of homes", "Ebola has killed 11,000": no one did."""
    subject = subject_of(clause_verb(token))
    return subject is not None and any(t.lemma_.lower() in _NATURAL_FORCES
                                       for t in (subject, *subject.children))


def abstract_foe(token: Token) -> bool:
    return any(c.dep_ in ("dobj", "pobj") and c.lemma_.lower() in _ABSTRACT_FOES
               for c in (*token.children, *(g for c in token.children for g in c.children)))
