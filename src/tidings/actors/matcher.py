"""Finding actor mentions in tokens: longest match of knowledge-base surface forms.

Names match with their case as written ("Turkey", not "turkey"); agent nouns match the
lower-cased text or lemma ("troops" → "troop").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .kb import Alias, KnowledgeBase

_HYPHENATED_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


class TokenLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def lemma_(self) -> str: ...
    @property
    def i(self) -> int: ...


@dataclass(frozen=True)
class Mention:
    """Tokens ``start..end`` (document token indices) naming one or more candidate entries."""

    start: int
    end: int
    candidates: tuple[Alias, ...]

    @property
    def form(self) -> str:
        return self.candidates[0].form


class MentionMatcher:
    """An index of every surface form, tokenized by the pipeline's own tokenizer."""

    def __init__(self, kb: KnowledgeBase, tokenize: Callable[[str], list[str]]):
        self.kb = kb
        self._names: dict[tuple[str, ...], list[Alias]] = {}
        self._agents: dict[tuple[str, ...], list[Alias]] = {}
        for alias in kb.aliases:
            if alias.form == "agent":
                key = tuple(alias.text.lower().split())
                self._agents.setdefault(key, []).append(alias)
            else:
                key = tuple(tokenize(alias.text))
                if key:
                    self._names.setdefault(key, []).append(alias)
        # The longest form that starts with a given word: most words start none, and the
        # windows tried at a token never exceed what could match there.
        self._longest_name = _longest_by_first_word(self._names)
        self._longest_agent = _longest_by_first_word(self._agents)

    def find(self, tokens: Sequence[TokenLike]) -> list[Mention]:
        """Non-overlapping mentions in a run of consecutive tokens, longest first."""
        mentions: list[Mention] = []
        k = 0
        while k < len(tokens):
            found = self._match_at(tokens, k)
            if found:
                mentions.append(found)
                k += found.end - found.start
            else:
                k += 1
        return mentions

    def _match_at(self, tokens: Sequence[TokenLike], k: int) -> Mention | None:
        first = tokens[k]
        longest = max(self._longest_name.get(first.text, 0),
                      self._longest_agent.get(first.text.lower(), 0),
                      self._longest_agent.get(first.lemma_.lower(), 0))
        for length in range(min(longest, len(tokens) - k), 0, -1):
            window = tokens[k:k + length]
            names = self._names.get(tuple(t.text for t in window))
            if names:
                names = self._usable(names, tokens, k + length)
            agents = (self._agents.get(tuple(t.text.lower() for t in window))
                      or self._agents.get(tuple(t.lemma_.lower() for t in window)))
            candidates = tuple(names or ()) + tuple(agents or ())
            if candidates:
                return Mention(window[0].i, window[-1].i + 1, candidates)
        return None

    @staticmethod
    def _usable(aliases: list[Alias], tokens: Sequence[TokenLike], after: int) -> list[Alias]:
        """A combining prefix ("Sino") names a country only before a hyphen."""
        hyphen_next = after < len(tokens) and tokens[after].text == "-"
        return [a for a in aliases if a.form != "prefix" or hyphen_next]


def _longest_by_first_word(index: dict[tuple[str, ...], list[Alias]]) -> dict[str, int]:
    longest: dict[str, int] = {}
    for key in index:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return longest


def hyphenated_name_parts(kb: KnowledgeBase) -> set[str]:
    """Parts of people's names such as ``Jae-in`` that the tokenizer must keep whole."""
    parts: set[str] = set()
    for alias in kb.aliases:
        if alias.form == "person":
            parts.update(w for w in alias.text.split() if _HYPHENATED_GIVEN_NAME.match(w))
    return parts
