"""Tests of kh922core: cli."""
