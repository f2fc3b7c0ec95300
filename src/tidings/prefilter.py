"""Which sentences can hold an event, decided from tokens alone before anything is parsed.

Parsing is nearly all the cost of coding, and many news sentences hold no event. A sentence
can hold one only if one of its words may be the lemma of a trigger whose required words
are in the sentence too, or if it holds the "must" of a demand ("X said Y must ...").
Both tests come from the data the coder reads at run time: the trigger lexicon and the
lemmatizer's own rules and exceptions, applied to every form a word could take.

A sentence that names a person is parsed too: if the person is its subject, "he" or "she"
in a later sentence means them. The other sentences are not parsed; their actor names still
count towards the document's countries (which "the two sides" and unnamed agents fall
back on), read from tokens.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import ActorResolver, Mention
from .errors import ModelError
from .events import Lexicon

# The modal of the demand rule (events/extract.py), which needs no trigger of its own.
_DEMAND_MODAL = "must"
_WORD_CLASSES = ("verb", "noun", "adj")
_SENTENCE_END = frozenset(".!?")
_CLOSERS = frozenset("\"'”’)]»")


@dataclass(frozen=True)
class Stretch:
    """Characters ``start..end`` of a clean text: parsed whole, or screened sentences."""

    start: int
    end: int
    # Sentences not worth parsing, with their actor mentions; empty when parsed.
    screened: tuple[tuple[Span, dict[int, Mention]], ...] = ()

    @property
    def parsed(self) -> bool:
        return not self.screened


class SentenceFilter:
    """Splits a tokenized text into stretches to parse and sentences only to screen."""

    def __init__(self, lexicon: Lexicon, resolver: ActorResolver,
                 rules: dict[str, list[tuple[str, str]]],
                 exceptions: dict[str, dict[str, list[str]]]):
        self._requirements: dict[str, set[frozenset[str]]] = {}
        for (head, _), candidates in lexicon.by_head.items():
            self._requirements.setdefault(head, set()).update(
                frozenset(rule.requires) for rule in candidates)
        self._resolver = resolver
        self._rules = rules
        self._exceptions = exceptions
        self._lemmas = lru_cache(maxsize=1 << 16)(self._possible_lemmas)

    @classmethod
    def build(cls, nlp: Language, lexicon: Lexicon, resolver: ActorResolver
              ) -> SentenceFilter:
        """A filter that reads word forms the way the model's rule lemmatizer does."""
        lemmatizer: Any = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        if getattr(lemmatizer, "mode", None) != "rule":
            raise ModelError("the pre-filter needs a model with spaCy's rule lemmatizer; "
                             "set prefilter = false in the configuration to code without it")
        lookups = lemmatizer.lookups
        rule_table, exception_table = (lookups.get_table("lemma_rules"),
                                       lookups.get_table("lemma_exc"))
        rules = {c: [(old, new) for old, new in rule_table.get(c, [])] for c in _WORD_CLASSES}
        exceptions = {c: dict(exception_table.get(c, {})) for c in _WORD_CLASSES}
        return cls(lexicon, resolver, rules, exceptions)

    def plan(self, tokens: Doc) -> list[Stretch]:
        """Runs of sentences to parse, and of sentences only screened for actor names."""
        decisions = [(sentence, self._screen(sentence)) for sentence in rough_sentences(tokens)]
        return [_stretch(list(run), parse)
                for parse, run in groupby(decisions, key=lambda d: d[1] is None)]

    def _screen(self, sentence: Span) -> dict[int, Mention] | None:
        """The mentions of a sentence not worth parsing; None for one to parse."""
        if self.may_hold_event(sentence):
            return None
        mentions = self._resolver.mentions(sentence)
        if any(alias.form == "person" for mention in mentions.values()
               for alias in mention.candidates):
            return None
        return mentions

    def may_hold_event(self, sentence: Span) -> bool:
        words: set[str] = set()
        heads: list[str] = []
        for token in sentence:
            lower = token.lower_
            if lower == _DEMAND_MODAL:
                return True
            words.add(lower)
            for lemma in self._lemmas(lower):
                words.add(lemma)
                if lemma in self._requirements:
                    heads.append(lemma)
        return any(required <= words for head in heads for required in self._requirements[head])

    def _possible_lemmas(self, word: str) -> tuple[str, ...]:
        """Every lemma the rule lemmatizer could give `word`, whatever its part of speech."""
        lemmas = {word}
        for word_class in _WORD_CLASSES:
            lemmas.update(self._exceptions[word_class].get(word, ()))
            lemmas.update(word[: len(word) - len(old)] + new
                          for old, new in self._rules[word_class] if word.endswith(old))
        return tuple(lemmas)


def rough_sentences(tokens: Doc) -> Iterator[Span]:
    """Sentences by punctuation and line breaks: a cheap stand-in for the parser's.

    A sentence ends after ``.``, ``!`` or ``?`` and any closing quotes or brackets when the
    next word does not start in lower case, and at a line break. Abbreviations such as
    "U.S." are single tokens, so they end none. No sentence is only white space.
    """
    start = 0
    after_end = False  # after sentence-final punctuation and any closers
    for token in tokens:
        first = token.text[0]
        if token.is_space:
            if "\n" in token.text and not all(t.is_space for t in tokens[start:token.i]):
                yield tokens[start:token.i + 1]
                start, after_end = token.i + 1, False
            continue
        # A quote or bracket right after the punctuation closes it; after a space, it opens.
        if after_end and not (first in _CLOSERS and not tokens[token.i - 1].whitespace_):
            if not first.islower():
                yield tokens[start:token.i]
                start = token.i
            after_end = False
        if set(token.text) <= _SENTENCE_END:
            after_end = True
    if start < len(tokens):
        yield tokens[start:]


def _stretch(run: list[tuple[Span, dict[int, Mention] | None]], parse: bool) -> Stretch:
    start, end = run[0][0].start_char, run[-1][0].end_char
    if parse:
        return Stretch(start, end)
    return Stretch(start, end, tuple((sentence, mentions or {}) for sentence, mentions in run))
