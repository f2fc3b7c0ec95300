import pytest


def pytest_collection_modifyitems(items):
    """Everything under tests/model runs the real spaCy model."""
    for item in items:
        if "/model/" in str(item.fspath):
            item.add_marker(pytest.mark.model)
