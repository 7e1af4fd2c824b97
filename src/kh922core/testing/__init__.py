"""Test helpers for downstream suites: Hypothesis strategies and pytest fixtures."""
