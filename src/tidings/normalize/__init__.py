"""Cleaning text for the parser while keeping a map back to the original characters."""

from .clean import clean_text
from .dateline import dateline_date, find_dateline
from .language import LanguageGuess, guess_language
from .quality import quality_score

__all__ = ["LanguageGuess", "clean_text", "dateline_date", "find_dateline", "guess_language",
           "quality_score"]
