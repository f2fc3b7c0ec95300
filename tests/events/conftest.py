"""Extraction stages without a model: parses are built by hand, as spaCy's own tests do."""

import pytest
import spacy
from spacy.tokens import Doc

from tidings.actors import ActorResolver, MentionMatcher, load_knowledge_base
from tidings.events import EventExtractor, load_lexicon
from tidings.ontology import load_ontology


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="session")
def resolver(blank):
    kb = load_knowledge_base()
    return ActorResolver(MentionMatcher(kb, lambda text: [t.text for t in blank.tokenizer(text)]))


@pytest.fixture(scope="session")
def extractor(resolver):
    return EventExtractor(load_lexicon(load_ontology()), resolver)


@pytest.fixture()
def parse(blank):
    """A Doc from rows of (word, head index, dep, pos, lemma)."""
    def build(rows):
        words, heads, deps, pos, lemmas = zip(*rows, strict=True)
        return Doc(blank.vocab, words=list(words), heads=list(heads), deps=list(deps),
                   pos=list(pos), lemmas=list(lemmas))
    return build
