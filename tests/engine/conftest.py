"""Fixtures of the engine tests: ``spark`` is shared with the whole suite (tests/conftest.py)."""
