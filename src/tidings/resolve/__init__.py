"""Resolving what the text says relative to the document: dates and places."""

from .dates import TimeExpression, resolve_time_expression
from .places import Gazetteer, load_gazetteer

__all__ = ["Gazetteer", "TimeExpression", "load_gazetteer", "resolve_time_expression"]
