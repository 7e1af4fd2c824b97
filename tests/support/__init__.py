"""Helpers shared by several test modules (imported by package path)."""
