"""The model's rule components, made cheap without changing what they write.

Of the time spaCy's small English pipeline spends on a text, nearly a third goes to two rule
components written in Python: the attribute ruler, which runs spaCy's general matcher with
180 patterns over every token to map tags to parts of speech, and the rule lemmatizer,
which recomputes the lemma of most words every time it meets them. Here the ruler finds
the same matches by looking tokens up in an index of its patterns, and the lemmatizer
remembers every lemma it computed. Both give exactly what the components give (a model test
compares every token of the sample corpus), and both leave the model untouched when it
holds something they do not know.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

# The token attributes the ruler's patterns test, as columns of `Doc.to_array`.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
# Forgotten all at once past this, so that memory stays flat however many new names a long
# run meets: about 15 MB, and a news vocabulary's common words are met again at once.
MAX_REMEMBERED_LEMMAS = 50_000


def speed_up_rules(nlp: Language) -> None:
    """Swap the attribute ruler's matcher and the lemmatizer's method for cheaper equals."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        index = RuleIndex.of(ruler)
        if index is not None:
            ruler.match = index.match
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            lemmatizer.lemmatize = remembering(lemmatizer.rule_lemmatize)


# One test on a token: column, operator ("==", "in", "not in", "regex") and operand.
_Test = tuple[int, str, Any]


@dataclass(frozen=True)
class _Pattern:
    attr_id: int  # the ruler's rule number: later rules win, so matches sort by it
    match_id: int
    tokens: tuple[tuple[_Test, ...], ...]  # the tests of each token in turn


class RuleIndex:
    """The attribute ruler's patterns, indexed by the tag or word their first token needs."""

    def __init__(self, patterns: list[_Pattern], strings: Any):
        self._by_column: tuple[dict[int, list[_Pattern]], ...] = ({}, {})  # TAG, LOWER
        self._always: list[_Pattern] = []
        self._strings = strings
        for pattern in patterns:
            column, keys = _index_keys(pattern.tokens[0])
            if column is None:
                self._always.append(pattern)
                continue
            for key in keys:
                self._by_column[column].setdefault(key, []).append(pattern)

    @classmethod
    def of(cls, ruler: Any) -> RuleIndex | None:
        """The index of a loaded ruler; None if a pattern tests what the index cannot."""
        strings = ruler.vocab.strings
        patterns = []
        try:
            for number, rule in enumerate(ruler.patterns):
                match_id = strings[str(number)]
                patterns += [_Pattern(number, match_id, tuple(_tests(spec, strings)
                                                              for spec in tokens))
                             for tokens in rule["patterns"]]
        except (KeyError, TypeError, ValueError) as e:
            log.debug("the attribute ruler keeps spaCy's matcher: %s", e)
            return None
        return cls(patterns, strings)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What `AttributeRuler.match` returns: (rule, match id, start, end), sorted."""
        rows = doc.to_array(_ARRAY).tolist()
        by_tag, by_lower = self._by_column
        found = set()
        for start, row in enumerate(rows):
            for pattern in chain(by_tag.get(row[0], ()), by_lower.get(row[1], ()), self._always):
                tokens = pattern.tokens
                end = start + len(tokens)
                if end == start + 1:
                    if not self._passes(row, tokens[0]):
                        continue
                elif end > len(rows) or not all(self._passes(rows[start + k], tests)
                                                for k, tests in enumerate(tokens)):
                    continue
                found.add((pattern.attr_id, pattern.match_id, start, end))
        return sorted(found)

    def _passes(self, row: list[int], tests: tuple[_Test, ...]) -> bool:
        for column, operator, operand in tests:
            value = row[column]
            if operator == "==":
                ok = value == operand
            elif operator == "in":
                ok = value in operand
            elif operator == "not in":
                ok = value not in operand
            else:
                ok = operand.search(self._strings[value]) is not None
            if not ok:
                return False
        return True


def _tests(spec: dict[str, Any], strings: Any) -> tuple[_Test, ...]:
    """One token's pattern as tests on hashed values; ValueError for what is not handled."""
    tests: list[_Test] = []
    for name, value in spec.items():
        column = _COLUMNS[name]
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                raise ValueError(f"IS_SPACE tested with {value!r}")
            tests.append((column, "==", int(value)))
        elif isinstance(value, str):
            tests.append((column, "==", strings[value]))
        elif isinstance(value, dict) and len(value) == 1:
            [(operator, operand)] = value.items()
            if operator in ("IN", "NOT_IN"):
                tests.append((column, operator.lower().replace("_", " "),
                              frozenset(strings[v] for v in operand)))
            elif operator == "REGEX":
                tests.append((column, "regex", re.compile(operand)))
            else:
                raise ValueError(f"{name} tested with {operator}")
        else:
            raise ValueError(f"{name} tested with {value!r}")
    return tuple(tests)


def _index_keys(tests: tuple[_Test, ...]) -> tuple[int | None, frozenset[int]]:
    """The column (TAG or LOWER) and the values under which a pattern is looked up."""
    for wanted in (_COLUMNS["TAG"], _COLUMNS["LOWER"]):
        for column, operator, operand in tests:
            if column == wanted and operator == "==":
                return column, frozenset([operand])
            if column == wanted and operator == "in":
                return column, operand
    return None, frozenset()


def remembering(lemmatize: Callable[[Token], list[str]]) -> Callable[[Token], list[str]]:
    """`lemmatize`, remembered by word, part of speech and features: what a rule lemma
    depends on. spaCy's own memory skips the words it returns early, most of them."""
    memory: dict[tuple[int, int, int], list[str]] = {}

    def remembered(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        lemmas = memory.get(key)
        if lemmas is None:
            if len(memory) >= MAX_REMEMBERED_LEMMAS:
                memory.clear()
            lemmas = memory[key] = lemmatize(token)
        return lemmas
    return remembered
