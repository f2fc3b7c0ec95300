"""Cleaning text for the parser while keeping a map back to the original characters."""

from .clean import clean_text

__all__ = ["clean_text"]
