import pytest

from tidings.events import EventExtractor, load_lexicon
from tidings.ontology import load_ontology


@pytest.fixture(scope="session")
def extractor(resolver):
    return EventExtractor(load_lexicon(load_ontology()), resolver)
