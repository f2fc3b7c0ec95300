"""Choosing an engine: bad combinations fail before anything is loaded."""

import pytest

from tidings.config import Config
from tidings.engines import code_inputs
from tidings.errors import ConfigError


@pytest.mark.parametrize(("options", "message"), [
    ({"engine": "spark"}, "engine must be one of local, ray"),
    ({"workers": 0}, "workers must be at least 1"),
    ({"address": "auto"}, "use it with --engine ray"),
])
def test_bad_engine_options_are_refused(options, message):
    with pytest.raises(ConfigError, match=message):
        code_inputs(Config(), ["corpus.jsonl"], **options)


def test_prefilter_must_be_true_or_false():
    with pytest.raises(ConfigError, match="prefilter must be true or false"):
        Config().with_overrides(prefilter="no")

