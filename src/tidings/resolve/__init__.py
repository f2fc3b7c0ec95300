"""Resolving what the text says relative to the document: dates and places."""

from .dates import TimeExpression, resolve_time_expression

__all__ = ["TimeExpression", "resolve_time_expression"]
