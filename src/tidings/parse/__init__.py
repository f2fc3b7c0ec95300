"""Parsing: the spaCy model, loaded once per pipeline, with tokenizer cases from the KB."""

from .model import load_model

__all__ = ["load_model"]
