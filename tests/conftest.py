"""Shared fixtures. Unit tests build parses by hand; tests marked `model` load spaCy's."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from tidings.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED
