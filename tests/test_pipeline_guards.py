"""What the pipeline does when a step that only saves time fails: it goes on without it."""

import logging
from types import SimpleNamespace

import pytest

from tidings.config import Config
from tidings.pipeline import Pipeline


def failing(*_args, **_kwargs):
    raise RuntimeError("broken model")


def test_a_failed_warm_up_is_logged_and_the_pipeline_returned(caplog):
    stub = SimpleNamespace(code_text=failing)
    with caplog.at_level(logging.WARNING, logger="tidings.pipeline"):
        assert Pipeline.warm_up(stub) is stub
    assert "warm-up sentence could not be coded" in caplog.text


def test_a_failed_entity_step_leaves_the_batch_coded_without_entities(caplog):
    stub = SimpleNamespace(config=Config(), _find_entities=failing)
    with caplog.at_level(logging.ERROR, logger="tidings.pipeline"):
        Pipeline._find_entities_or_none(stub, [])
    assert "entity recognizer failed" in caplog.text
    with pytest.raises(RuntimeError):
        Pipeline._find_entities_or_none(
            SimpleNamespace(config=Config(on_error="raise"), _find_entities=failing), [])
