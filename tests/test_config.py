import pytest

from tidings.config import Config
from tidings.errors import ConfigError


def test_config_overrides_and_ignores_none():
    config = Config().with_overrides(batch_size=8, keep_negated=None)
    assert config.batch_size == 8 and config.keep_negated is False


@pytest.mark.parametrize(("key", "value", "message"), [
    ("batch_size", 0, "batch_size"), ("on_error", "ignore", "on_error"),
    ("min_confidence", 2.0, "min_confidence"), ("colour", "red", "unknown setting")])
def test_config_bad_values_name_the_setting(key, value, message):
    with pytest.raises(ConfigError, match=message):
        Config().with_overrides(**{key: value})


def test_config_from_toml_file(tmp_path):
    path = tmp_path / "tidings.toml"
    path.write_text("[tidings]\nbatch_size = 4\nkeep_negated = true\n")
    config = Config.from_file(path)
    assert (config.batch_size, config.keep_negated) == (4, True)
