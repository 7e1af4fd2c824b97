"""Tests of kh922core: tracking."""
