"""Tests of kh922core: plans."""
