"""Tests of kh922core: testing."""
