"""The model with its rule components sped up writes exactly what the stock model writes."""

import json
from pathlib import Path

import spacy

from tidings.config import Config
from tidings.ingest import read_documents
from tidings.parse.model import load_model
from tidings.parse.rules import RuleIndex

TESTS = Path(__file__).resolve().parents[1]
SAMPLES = TESTS.parent / "src" / "tidings" / "samples" / "corpus"


def annotations(docs):
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]
            for doc in docs]


def test_sped_up_rules_give_every_token_the_stock_annotations():
    texts = [d.text for d in read_documents([str(SAMPLES)], 200_000)]
    golden = (TESTS / "golden" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in golden if line]
    stock = spacy.load(Config().model)
    fast = load_model([Config().model])
    assert isinstance(fast.get_pipe("attribute_ruler").match.__self__, RuleIndex)
    expected = annotations(stock.pipe(texts, disable=["ner"]))
    assert annotations(fast.pipe(texts, disable=["ner"])) == expected
    assert sum(map(len, expected)) > 20_000
