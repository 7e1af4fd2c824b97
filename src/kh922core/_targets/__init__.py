"""Private wing."""
