"""Tests of kh922core: engine."""
