"""One family of exceptions. Messages say what failed, where, and what is valid."""

from __future__ import annotations


class TidingsError(Exception):
    """Base class: the CLI turns these into one line on standard error and exit status 1."""


class ConfigError(TidingsError):
    """A setting has a value that is not allowed."""


class DataError(TidingsError):
    """A knowledge file (actors, lexicon, ontology) has an entry that does not parse."""

    def __init__(self, path: str, line: int, problem: str):
        super().__init__(f"{path}:{line}: {problem}")
        self.path, self.line, self.problem = path, line, problem


class InputError(TidingsError):
    """An input path or record cannot be read at all."""


class ModelError(TidingsError):
    """The spaCy model is missing or unusable."""
