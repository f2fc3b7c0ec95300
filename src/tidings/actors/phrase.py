"""Resolving one actor phrase on its own, as `tidings actor` does, with the coder's resolver."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..config import Config
from ..parse import load_model
from .kb import KnowledgeBase, load_knowledge_base
from .matcher import MentionMatcher, hyphenated_name_parts
from .resolve import ActorResolver, DocumentContext


@dataclass(frozen=True)
class ActorStack:
    """The model, knowledge base and resolver, built once per pipeline from its config."""

    nlp: Language
    kb: KnowledgeBase
    resolver: ActorResolver

    @classmethod
    def build(cls, config: Config) -> ActorStack:
        kb = load_knowledge_base(config.actor_files)
        nlp = load_model([config.model, *config.fallback_models],
                         keep_whole=hyphenated_name_parts(kb))
        return cls(nlp, kb, ActorResolver(MentionMatcher(kb, _alias_tokenizer(nlp))))


def _alias_tokenizer(nlp: Language) -> Callable[[str], list[str]]:
    """The model's tokenizer for the knowledge base's surface forms. Plain words, with no
    special case in the tokenizer, split on spaces exactly as it would split them, and
    most forms are plain: that saves most of a second at every start."""
    tokenizer = nlp.tokenizer
    special = set(getattr(tokenizer, "rules", None) or ())

    def tokenize(text: str) -> list[str]:
        words = text.split()
        if all(w.isalpha() and w not in special for w in words):
            return words
        return [t.text for t in tokenizer(text)]
    return tokenize


class PhraseResolver:
    """``resolve("South Korean troops", date(2021, 1, 26))`` → KOR MIL."""

    def __init__(self, stack: ActorStack):
        self.stack = stack

    @classmethod
    def build(cls, config: Config) -> PhraseResolver:
        return cls(ActorStack.build(config))

    def resolve(self, text: str, day: date | None, context: str | None = None
                ) -> dict[str, Any]:
        """The actor JSON of CONTRACT.md; `country` is None when nothing matched."""
        ctx = DocumentContext(day)
        if context:
            context_doc = self.stack.nlp(context)
            for sent in context_doc.sents:
                self.stack.resolver.note_sentence(self.stack.resolver.mentions(sent), ctx)
        doc = self.stack.nlp(text)
        mentions = {}
        for sent in doc.sents:
            mentions.update(self.stack.resolver.mentions(sent))
        head = _phrase_head(doc)
        found = self.stack.resolver.resolve(head, mentions, ctx) if head is not None else []
        if not found:
            return {"text": text, "country": None, "sector": None, "name": None, "id": None,
                    "role": None}
        actor = found[0][0]
        answer = asdict(actor) | {"text": text}
        if len(found) > 1:
            answer["also"] = [asdict(a) for a, _ in found[1:]]
        return answer


def _phrase_head(doc: Doc) -> Token | None:
    """The token the phrase is about: its root, the subject of a root verb ("riot police
    fired tear gas"), or its last noun when the parse is odd."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    for root in roots:
        if root.pos_ in ("NOUN", "PROPN", "PRON"):
            return root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else (roots[0] if roots else None)
