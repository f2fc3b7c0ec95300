"""The grammar of a trigger's clause: who acts, who reports it, and whether it happens.

Subjects follow control, coordination and relative clauses; a pronoun in a reported
clause is the speaker; modality (future, hypothetical), negation and conditions are read
from the auxiliaries and marks around the clause.
"""

from __future__ import annotations

from spacy.tokens import Token

_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
_HYPOTHETICAL = frozenset({"should", "could", "may", "might", "must", "can", "ought", "ca"})
# Verbs of intending that are not events themselves: "plans to visit" is intent.
_INTENDING = frozenset({"plan", "intend", "want", "hope", "seek", "aim", "expect", "prepare",
                        "wish", "set", "go", "schedule", "decide", "mean"})
# "X said Y must ..." is X demanding something of Y (CAMEO 10, PLOVER REQUEST).
SPEAKING = frozenset({"say", "declare", "announce", "insist", "tell", "state", "stress",
                       "write", "add"})
_REPORTING = SPEAKING | frozenset({"claim", "confirm", "report", "quote", "indicate",
                                    "affirm", "assert", "explain", "reiterate", "signal"})
# Participles that describe their subject's stance, not something done to it:
# "Vietnam is committed to opening up", "forces were engaged in ethnic cleansing" (the
# subject acts; there is no agent).
_STANCE_PARTICIPLES = frozenset({"commit", "prepare", "determine", "resolve", "dedicate",
                                 "oppose", "disappoint", "concern", "convince", "engage",
                                 "involve"})
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "pcomp", "acomp", "conj"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
# What an actor issues to say something: the statement's verb is its author's act, the
# author named after "by" or "from", else the one who issued it.
STATEMENTS = frozenset({"statement", "declaration", "letter", "communique", "resolution",
                        "message", "note", "appeal", "petition", "memorandum", "ultimatum",
                        "law", "decree", "bill", "order"})
_ISSUING = frozenset({"issue", "release", "send", "publish", "adopt", "pass", "sign",
                      "deliver", "make", "circulate", "present", "submit", "write", "read",
                      "post", "approve", "enact"})
# Heads under which a clause did not happen: "denied attacking", "failed to reach agreement",
# "ruled out talks" (but a court that ruled that troops had fired says they did).
_DENYING = frozenset({"deny", "dismiss", "fail"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


def subject_of(verb: Token) -> Token | None:
    """The acting phrase of a verb, following control, coordination and relative clauses."""
    seen = 0
    while seen < 8:
        seen += 1
        if is_passive(verb):
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
            if verb.head.lemma_ in STATEMENTS:  # "issued a declaration *demanding* ..."
                return statement_author(verb.head)
            return verb.head
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def statement_author(statement: Token) -> Token | None:
    """Who a statement is by: "a statement *by Hamas*", "*Hamas* issued a statement";
    not who received or quoted it ("Israel received a letter ...")."""
    for prep in statement.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    issuing = governing_verb(statement)
    if issuing is None or issuing.lemma_.lower() not in _ISSUING:
        return None
    return subject_of(issuing)


def reporting_speaker(verb: Token) -> Token | None:
    """Who reports the clause a verb heads: "*Syria* says it is willing", "*Hassan* was
    quoted as saying he would be ready"."""
    token = verb
    for _ in range(5):
        passing_as = token.dep_ == "prep" and token.lower_ == "as"  # "quoted *as* saying"
        if (token.dep_ not in _REPORTED_DEPS and not passing_as) or token.head.i == token.i:
            return None
        token = token.head
        if token.lemma_.lower() in _REPORTING:
            if is_passive(token):  # "was quoted as saying": the one quoted
                return next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            speaker = subject_of(token)
            if speaker is not None and speaker.lower_ not in PRONOUNS:
                return speaker
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger hangs from: "held *talks*", "in a *conversation* with"."""
    token = noun
    for _ in range(6):
        if token.dep_ in ("nsubj", "nsubjpass", "ROOT"):
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def clause_verb(token: Token) -> Token:
    if token.pos_ in ("VERB", "AUX"):
        return token
    return governing_verb(token) or token


def main_clause(clause: Token) -> bool:
    """Not a relative or adverbial side clause ("the town, where 28 people were killed"),
    though a participle that goes on with the main event counts ("..., *wounding* two")."""
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.i != clause.i:
        return main_clause(clause.head)
    if clause.dep_ == "ccomp" and clause.head.i != clause.i:
        return main_clause(clause.head)  # "raids in which it *said* 20 were killed": no
    return clause.dep_ in ("ROOT", "parataxis", "conj")


def modality(verb: Token) -> str | None:
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
        purpose = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                 for c in token.children)
        if (token.dep_ in ("xcomp", "acomp") or purpose) and token.head.i != token.i:
            token = token.head  # "will visit Senegal *to mediate*": the aim of a plan
            continue
        return None
    return None


def is_negated(token: Token, clause: Token) -> bool:
    for node in (token, clause):
        if any(c.dep_ == "neg" or (c.lower_ in ("no", "never") and c.dep_ == "det")
               for c in node.children):
            return True
    ancestor = clause
    for _ in range(3):
        if ancestor.dep_ not in ("ccomp", "xcomp") or ancestor.head.i == ancestor.i:
            break
        ancestor = ancestor.head
        if _denies(ancestor):
            return True
    return False


def _denies(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in _DENYING or (lemma == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))


def conditional(clause: Token) -> bool:
    token = clause
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
            return False
        token = token.head
    return False
