"""The cheap rule components against spaCy's own: the same matches, the same lemmas."""

import pytest
import spacy
from spacy.tokens import Doc

from tidings.parse.rules import RuleIndex, remembering

PATTERNS = [
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "VBD"}], [{"TAG": "VBN"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "but", "TAG": "CC", "DEP": "advmod"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"LOWER": {"IN": ["it", "you"]}, "DEP": "nsubj"}]],
     "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
     "attrs": {"POS": "AUX"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"},
     "index": 1},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
     "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]],
     "attrs": {"POS": "PRON"}},
]

SENTENCES = [
    # (word, tag, head, dep)
    [("There", "EX", 1, "expl"), ("was", "VBD", 1, "ROOT"), ("shelling", "NN", 1, "attr"),
     ("but", "CC", 4, "advmod"), ("it", "PRP", 5, "nsubj"), ("ai", "VBZ", 5, "aux"),
     ("n't", "RB", 5, "neg"), ("ended", "VBN", 1, "conj"), (".", ".", 1, "punct")],
    [("Kyiv", "NNP", 2, "nsubj"), ("has", "VBZ", 2, "aux"), ("rejected", "VBN", 2, "ROOT"),
     ("that", "DT", 2, "dobj"), ("  ", "_SP", 3, "dep"), ("and", "CC", 2, "cc"),
     ("the", "DT", 7, "det"), ("offer", "NN", 2, "conj")],
]


@pytest.fixture(scope="module")
def ruler_and_index():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    index = RuleIndex.of(ruler)
    assert index is not None
    return nlp, ruler, index


def doc_of(nlp, rows):
    words, tags, heads, deps = zip(*rows, strict=True)
    return Doc(nlp.vocab, words=list(words), tags=list(tags), heads=list(heads),
               deps=list(deps))


@pytest.mark.parametrize("rows", SENTENCES)
def test_rules_index_finds_what_the_matcher_finds(ruler_and_index, rows):
    nlp, ruler, index = ruler_and_index
    doc = doc_of(nlp, rows)
    assert index.match(doc) == ruler.match(doc)
    assert len(index.match(doc)) >= 5


def test_rules_index_on_an_unparsed_doc(ruler_and_index):
    nlp, ruler, index = ruler_and_index
    doc = nlp.make_doc("It ai n't over , but there was shelling .")
    assert index.match(doc) == ruler.match(doc)


def test_rules_index_declines_what_it_cannot_test():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([{"patterns": [[{"LOWER": "un", "OP": "?"}]], "attrs": {"POS": "X"}}])
    assert RuleIndex.of(ruler) is None
    ruler = nlp.replace_pipe("attribute_ruler", "attribute_ruler")
    ruler.add_patterns([{"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "X"}}])
    assert RuleIndex.of(ruler) is None


def test_rules_lemmas_are_computed_once_per_word_tag_and_features():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["shelled", "shelled", "shelled"], pos=["VERB", "VERB", "ADJ"])
    calls = []

    def lemmatize(token):
        calls.append(token.i)
        return ["shell"]
    remembered = remembering(lemmatize)
    assert [remembered(t) for t in doc] == [["shell"]] * 3
    assert calls == [0, 2]
