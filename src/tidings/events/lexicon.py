"""The trigger lexicon: which words, with which dependents, code which event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from ..datafiles import data_path, read_tsv
from ..errors import DataError
from ..ontology import Ontology

POS = ("VERB", "NOUN", "ADJ")
# Dependencies through which a required word may hang one level below the trigger's
# own dependents: "go on strike" (go → on → strike), "impose sanctions on" (impose → sanctions).
_SECOND_LEVEL = frozenset({"prep", "dobj", "prt", "compound", "pobj", "amod", "attr"})


@dataclass(frozen=True)
class TriggerRule:
    head: str
    pos: str
    requires: tuple[str, ...]
    event_type: str
    mode: str | None
    cameo: str
    where: str  # file:line, named in each event's evidence as the rule that fired


@dataclass(frozen=True)
class Modality:
    intent: str | None
    threat: str | None
    asked: str | None


class Lexicon:
    """Trigger rules indexed by (lemma, part of speech)."""

    def __init__(self, rules: Iterable[TriggerRule],
                 modality: dict[tuple[str, str | None], Modality],
                 civil: dict[tuple[str, str, str], TriggerRule] | None = None,
                 instruments: dict[str, tuple[str, str]] | None = None):
        self.by_head: dict[tuple[str, str], list[TriggerRule]] = {}
        self.civil = civil or {}
        self.instruments = instruments or {}  # word → (ASSAULT mode, CAMEO code)
        for rule in rules:
            self.by_head.setdefault((rule.head, rule.pos), []).append(rule)
        for candidates in self.by_head.values():
            candidates.sort(key=lambda r: -len(r.requires))
        self.modality = modality

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_head.values())

    def modality_of(self, event_type: str, mode: str | None = None) -> Modality | None:
        """How an event of this type (and mode, where the table says more of it) is coded
        when intended, threatened or asked for."""
        return self.modality.get((event_type, mode)) or self.modality.get((event_type, None))

    def civil_reading(self, rule: TriggerRule) -> TriggerRule | None:
        """What the trigger codes when civilians act ("workers went on strike")."""
        return self.civil.get((rule.head, rule.pos, rule.event_type))

    def match(self, token: Token) -> TriggerRule | None:
        """The most specific rule whose head and required dependents the token has."""
        pos = "VERB" if token.pos_ == "AUX" and token.lemma_ != "be" else token.pos_
        candidates = self.by_head.get((token.lemma_.lower(), pos))
        if not candidates:
            return None
        around = _dependent_words(token)
        for rule in candidates:
            if all(word in around for word in rule.requires):
                return rule
        return None


def _dependent_words(token: Token) -> set[str]:
    words: set[str] = set()
    for child in token.children:
        if child.dep_ in ("aux", "mark"):
            continue  # the "to" of "to protest" is no "protested to the UN"
        words.update(_words(child))
        if child.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                         for g in child.children):
            words.add("to")  # "asked the court *to* order": an act asked for
        if child.dep_ in _SECOND_LEVEL:
            for grandchild in child.children:
                words.update(_words(grandchild))
                if grandchild.dep_ == "prep" and grandchild.lower_ == "of":
                    words.update(_of_words(grandchild))
    return words


def _of_words(of: Token) -> set[str]:
    """What a measure is of: "provided 25,000 tons *of* food aid" speaks of aid."""
    words: set[str] = set()
    for obj in of.children:
        if obj.dep_ == "pobj":
            words.update(_words(obj))
            for modifier in obj.children:
                if modifier.dep_ in ("compound", "amod"):
                    words.update(_words(modifier))
    return words


def _words(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def load_lexicon(ontology: Ontology, path: Path | None = None) -> Lexicon:
    """Read and check the trigger lexicon against the ontology."""
    path = path or data_path("lexicon", "triggers.tsv")
    rules = []
    for number, row in read_tsv(path):
        where = f"{path.name}:{number}"
        mode = None if row["mode"] in ("", "-") else row["mode"]
        if row["pos"] not in POS:
            raise DataError(str(path), number, f"pos must be one of {', '.join(POS)}")
        try:
            ontology.check(row["type"], mode, row["cameo"], where)
        except ValueError as e:
            raise DataError(str(path), number, str(e)) from e
        requires = tuple(w for w in row["with"].lower().split() if w != "-")
        rules.append(TriggerRule(row["head"].lower(), row["pos"], requires, row["type"], mode,
                                 row["cameo"], where))
    return Lexicon(rules, _load_modality(ontology), _load_civil(ontology),
                   _load_instruments(ontology))


def _load_instruments(ontology: Ontology) -> dict[str, tuple[str, str]]:
    path = data_path("lexicon", "instruments.tsv")
    table = {}
    for number, row in read_tsv(path):
        try:
            ontology.check("ASSAULT", row["mode"], row["cameo"], f"{path.name}:{number}")
        except ValueError as e:
            raise DataError(str(path), number, str(e)) from e
        table[row["word"]] = (row["mode"], row["cameo"])
    return table


def _load_civil(ontology: Ontology) -> dict[tuple[str, str, str], TriggerRule]:
    path = data_path("lexicon", "civil.tsv")
    table = {}
    for number, row in read_tsv(path):
        where = f"{path.name}:{number}"
        try:
            ontology.check(row["civil_type"], row["mode"], row["cameo"], where)
        except ValueError as e:
            raise DataError(str(path), number, str(e)) from e
        table[(row["head"], row["pos"], row["type"])] = TriggerRule(
            row["head"], row["pos"], (), row["civil_type"], row["mode"], row["cameo"], where)
    return table


def _load_modality(ontology: Ontology) -> dict[tuple[str, str | None], Modality]:
    """Rows by type, and by type and mode where a mode is coded otherwise; a mode's row
    takes what it leaves blank from its type's."""
    path = data_path("lexicon", "modality.tsv")
    rows: dict[tuple[str, str | None], dict[str, str | None]] = {}
    for number, row in read_tsv(path):
        values = {k: (None if row[k] == "-" else row[k]) for k in ("intent", "threat", "asked")}
        for code in (values["intent"], values["threat"]):
            if code and code not in ontology.cameo:
                raise DataError(str(path), number, f"unknown CAMEO code {code!r}")
        mode = None if row["mode"] == "-" else row["mode"]
        if mode is not None and (row["type"], None) not in rows:
            raise DataError(str(path), number, f"the row of {row['type']} must come first")
        plover = ontology.plover.get(row["type"])
        if plover is None or (mode is not None and mode not in plover.modes):
            raise DataError(str(path), number, f"{row['type']} {mode or ''} is no PLOVER "
                            "type and mode")
        general = rows.get((row["type"], None), {})
        rows[(row["type"], mode)] = {k: v or general.get(k) for k, v in values.items()}
    return {key: Modality(v["intent"], v["threat"], v["asked"]) for key, v in rows.items()}
