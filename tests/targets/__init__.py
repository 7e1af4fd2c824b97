"""Tests of kh922core: targets."""
