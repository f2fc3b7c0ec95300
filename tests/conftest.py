"""Shared fixtures. Unit tests build parses by hand; tests marked `model` load spaCy's."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session", autouse=True)
def _cache_in_a_temporary_folder(tmp_path_factory):
    """Indexes the tests build are kept for this session only, not in the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIDINGS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def pipeline():
    from tidings.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


# Stages without a model: parses are built by hand, as spaCy's own tests do.

@pytest.fixture(scope="session")
def blank():
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def resolver(blank):
    from tidings.actors import ActorResolver, MentionMatcher, load_knowledge_base

    kb = load_knowledge_base()
    return ActorResolver(MentionMatcher(kb, lambda text: [t.text for t in blank.tokenizer(text)]))


@pytest.fixture()
def parse(blank):
    """A Doc from rows of (word, head index, dep, pos, lemma)."""
    from spacy.tokens import Doc

    def build(rows):
        words, heads, deps, pos, lemmas = zip(*rows, strict=True)
        return Doc(blank.vocab, words=list(words), heads=list(heads), deps=list(deps),
                   pos=list(pos), lemmas=list(lemmas))
    return build
