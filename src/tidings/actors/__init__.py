"""Actors: the knowledge base, mention matching, and date-aware resolution."""

from .kb import Entry, KnowledgeBase, Role, load_knowledge_base
from .matcher import Mention, MentionMatcher
from .resolve import ActorResolver, DocumentContext

__all__ = ["ActorResolver", "DocumentContext", "Entry", "KnowledgeBase", "Mention",
           "MentionMatcher", "Role", "load_knowledge_base"]
