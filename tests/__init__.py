"""Tests of kh922core."""
